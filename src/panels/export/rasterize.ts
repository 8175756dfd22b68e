import { sceneToSvg } from '../../export/svg';
import type { RasterResult } from '../../export/exportMap';
import type { Scene } from '../../export/scene';

/**
 * A scene as a PNG, in the browser: the SVG is drawn tile by tile through an <img> onto one
 * canvas, yielding between tiles, so a big map never blocks the page for long; the canvas is
 * then encoded with toBlob (asynchronous in every browser).
 */

/** What browsers reliably allocate for one canvas. */
const MAX_SIDE = 16_384;
const MAX_AREA = 64 * 1024 * 1024;
/** device pixels per tile side: one tile rasterises in a few tens of milliseconds */
const TILE = 1024;

/** The largest scale ≤ `wanted` at which a width × height picture fits a canvas. */
export function fitScale(width: number, height: number, wanted: number): number {
  const limit = Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  if (wanted <= limit) return wanted;
  return Math.max(0.1, Math.floor(limit * 100) / 100);
}

export async function sceneToPng(
  scene: Scene,
  wanted: number,
  options: { pause: () => Promise<void>; onProgress?: (fraction: number) => void },
): Promise<RasterResult> {
  const scale = fitScale(scene.width, scene.height, wanted);
  const width = Math.max(1, Math.round(scene.width * scale));
  const height = Math.max(1, Math.round(scene.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  let done = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = c * TILE;
      const y = r * TILE;
      const w = Math.min(TILE, width - x);
      const h = Math.min(TILE, height - y);
      const svg = sceneToSvg(scene, { viewBox: { x: x / scale, y: y / scale, width: w / scale, height: h / scale }, width: w, height: h });
      const image = await loadSvg(svg);
      ctx.drawImage(image, x, y, w, h);
      options.onProgress?.((++done / (rows * columns)) * 0.9);
      await options.pause();
    }
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new Error('the image could not be encoded');
  options.onProgress?.(1);
  return { blob, scale, width, height };
}

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    return image;
  } finally {
    // the decoded image stays usable; the URL is no longer needed
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
