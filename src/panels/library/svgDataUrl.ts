/** An SVG string as an image URL. Shown through <img>, an SVG can run no script and load nothing. */
export function svgDataUrl(svg: string): string {
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}
