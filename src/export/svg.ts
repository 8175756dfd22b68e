import { toBase64 } from 'lib0/buffer';
import type { Journey } from '../model/types';
import { renderJourneyScene, type JourneyImageOptions } from './render';
import { FONT_STACK, fmt, intersects, roundedRectPath, type Box, type Scene, type Shape, type Stroke } from './scene';
import { escapeXml } from './text';

export { renderJourneyScene, renderJourneySceneAsync, journeyInScope, type JourneyImageOptions, type Translate } from './render';

/**
 * The journey map as a standalone SVG document: the one picture behind the SVG, PNG and PDF
 * exports and `waymark export --format svg`. Pure — no DOM — and deterministic for a given
 * `options.date`. Every character of the map's text is escaped; nothing from the map becomes
 * markup or an attribute other than plain hex colours.
 */
export function renderJourneySvg(journey: Journey, options: JourneyImageOptions): string {
  return sceneToSvg(renderJourneyScene(journey, options));
}

export interface SvgOptions {
  /** only this part of the scene (a tile); shapes wholly outside it are left out */
  viewBox?: Box;
  /** output size in pixels; default the view box's size */
  width?: number;
  height?: number;
}

/** As `sceneToSvg`, awaiting `pause` every few thousand shapes (for a browser's main thread). */
export async function sceneToSvgAsync(scene: Scene, pause: () => Promise<void>, options: SvgOptions = {}): Promise<string> {
  const frame = frameOf(scene, options);
  const out = [svgHead(scene, frame)];
  const CHUNK = 2000;
  for (let start = 0; start < scene.shapes.length; start += CHUNK) {
    out.push(svgShapes(scene.shapes.slice(start, start + CHUNK), options.viewBox ? frame.view : null));
    await pause();
  }
  out.push('</svg>\n');
  return out.join('');
}

export function sceneToSvg(scene: Scene, options: SvgOptions = {}): string {
  const frame = frameOf(scene, options);
  return `${svgHead(scene, frame)}${svgShapes(scene.shapes, options.viewBox ? frame.view : null)}</svg>\n`;
}

interface Frame {
  view: Box;
  width: number;
  height: number;
}

function frameOf(scene: Scene, options: SvgOptions): Frame {
  const view = options.viewBox ?? { x: 0, y: 0, width: scene.width, height: scene.height };
  return { view, width: options.width ?? view.width, height: options.height ?? view.height };
}

function svgHead(scene: Scene, { view, width, height }: Frame): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${fmt(width)}" height="${fmt(height)}" viewBox="${fmt(view.x)} ${fmt(view.y)} ${fmt(view.width)} ${fmt(view.height)}" font-family="${escapeXml(FONT_STACK)}" role="img" aria-labelledby="wm-title">`,
    `<title id="wm-title">${escapeXml(scene.title)}</title>`,
  ];
  if (scene.description) out.push(`<desc>${escapeXml(scene.description)}</desc>`);
  if (scene.background) out.push(`<rect x="${fmt(view.x)}" y="${fmt(view.y)}" width="${fmt(view.width)}" height="${fmt(view.height)}" fill="${scene.background}"/>`);
  return out.join('');
}

/** The shapes as markup; with a view, only those that reach into it. */
function svgShapes(shapes: readonly Shape[], view: Box | null): string {
  const out: string[] = [];
  for (const shape of shapes) {
    if (view && !intersects(shape.bounds, view)) continue;
    out.push(shapeToSvg(shape));
  }
  return out.join('');
}

function paint(shape: { fill?: string; fillOpacity?: number; stroke?: Stroke }): string {
  let attrs = ` fill="${shape.fill ?? 'none'}"`;
  if (shape.fill && shape.fillOpacity !== undefined && shape.fillOpacity < 1) attrs += ` fill-opacity="${fmt(shape.fillOpacity)}"`;
  const s = shape.stroke;
  if (s) {
    attrs += ` stroke="${s.color}" stroke-width="${fmt(s.width)}"`;
    if (s.dash?.length) attrs += ` stroke-dasharray="${s.dash.map(fmt).join(' ')}"`;
    if (s.opacity !== undefined && s.opacity < 1) attrs += ` stroke-opacity="${fmt(s.opacity)}"`;
    if (s.linecap && s.linecap !== 'butt') attrs += ` stroke-linecap="${s.linecap}" stroke-linejoin="round"`;
  }
  return attrs;
}

function shapeToSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect': {
      const { x, y, width, height, radius } = shape;
      const close = shape.tooltip ? `><title>${escapeXml(shape.tooltip)}</title></${radius === undefined || typeof radius === 'number' ? 'rect' : 'path'}>` : '/>';
      if (radius === undefined || typeof radius === 'number') {
        const rx = radius ? ` rx="${fmt(radius)}"` : '';
        return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(width)}" height="${fmt(height)}"${rx}${paint(shape)}${close}`;
      }
      return `<path d="${roundedRectPath(x, y, width, height, radius)}"${paint(shape)}${close}`;
    }
    case 'path':
      return `<path d="${shape.d}"${paint(shape)}/>`;
    case 'circle':
      return `<circle cx="${fmt(shape.cx)}" cy="${fmt(shape.cy)}" r="${fmt(shape.r)}"${paint(shape)}/>`;
    case 'image':
      // the bytes as a data: URL of a whitelisted raster type: an SVG viewer fetches nothing and runs nothing
      return `<image x="${fmt(shape.x)}" y="${fmt(shape.y)}" width="${fmt(shape.width)}" height="${fmt(shape.height)}" preserveAspectRatio="none" href="data:${shape.mime};base64,${toBase64(shape.bytes)}"/>`;
    case 'text': {
      let attrs = ` x="${fmt(shape.x)}" y="${fmt(shape.y)}" font-size="${fmt(shape.size)}" fill="${shape.color}"`;
      if (shape.bold) attrs += ' font-weight="bold"';
      if (shape.italic) attrs += ' font-style="italic"';
      if (shape.anchor && shape.anchor !== 'start') attrs += ` text-anchor="${shape.anchor}"`;
      return `<text${attrs} xml:space="preserve">${escapeXml(shape.text)}</text>`;
    }
  }
}
