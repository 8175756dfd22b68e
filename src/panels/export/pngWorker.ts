import { circlePath, FONT_STACK, roundedRectPath, type Scene, type Shape, type Stroke } from '../../export/scene';
import { serveSceneJobs } from './sceneWorker';

/**
 * The PNG drawn in a worker (rasterize.ts starts it, through sceneWorker.ts): the scene's shapes painted with Canvas 2D
 * on an OffscreenCanvas, as the SVG export writes them (same paths, same fonts, same paint
 * order), then encoded here. The page's thread only hands over the shapes: drawing a map's SVG
 * through <img> tiles parses each tile's SVG document on the page's thread (20–60 ms a tile),
 * and the full-size canvas (up to 64 megapixels) is allocated and encoded here, not there.
 */

/** What the page sends with the scene (sceneWorker.ts): the picture's scale and size. */
export interface PngSettings {
  scale: number;
  width: number;
  height: number;
}

type Context = OffscreenCanvasRenderingContext2D;

serveSceneJobs<PngSettings, Blob>(async (scene, { scale, width, height }, onProgress) => ({ result: await draw(scene, scale, width, height, onProgress) }));

async function draw(scene: Scene, scale: number, width: number, height: number, onProgress: (fraction: number) => void): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  if (scene.background) {
    ctx.fillStyle = scene.background;
    ctx.fillRect(0, 0, width, height);
  }
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  // SVG's defaults where Canvas 2D's differ
  ctx.miterLimit = 4;
  const { shapes } = scene;
  const pictures = await decodeImages(shapes);
  for (const [i, shape] of shapes.entries()) {
    paint(ctx, shape, pictures);
    if (i % 1000 === 999) onProgress((0.9 * (i + 1)) / shapes.length);
  }
  onProgress(0.9);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** Each picture once; one that cannot be decoded is left out, as the SVG's viewer would show nothing. */
async function decodeImages(list: readonly Shape[]): Promise<Map<Uint8Array, ImageBitmap>> {
  const out = new Map<Uint8Array, ImageBitmap>();
  for (const shape of list) {
    if (shape.kind !== 'image' || out.has(shape.bytes)) continue;
    try {
      out.set(shape.bytes, await createImageBitmap(new Blob([shape.bytes as BlobPart], { type: shape.mime })));
    } catch {
      // not a picture this browser reads
    }
  }
  return out;
}

function paint(ctx: Context, shape: Shape, pictures: ReadonlyMap<Uint8Array, ImageBitmap>): void {
  switch (shape.kind) {
    case 'rect':
      // as in SVG, a rectangle without area is not drawn at all
      if (!(shape.width > 0 && shape.height > 0)) return;
      fillAndStroke(ctx, new Path2D(roundedRectPath(shape.x, shape.y, shape.width, shape.height, shape.radius ?? 0)), shape);
      return;
    case 'circle':
      if (!(shape.r > 0)) return;
      fillAndStroke(ctx, new Path2D(circlePath(shape.cx, shape.cy, shape.r)), shape);
      return;
    case 'path':
      fillAndStroke(ctx, new Path2D(shape.d), shape);
      return;
    case 'image': {
      const picture = pictures.get(shape.bytes);
      if (picture) {
        ctx.globalAlpha = 1;
        ctx.drawImage(picture, shape.x, shape.y, shape.width, shape.height);
      }
      return;
    }
    case 'text':
      ctx.globalAlpha = 1;
      ctx.font = `${shape.italic ? 'italic ' : ''}${shape.bold ? 'bold ' : ''}${shape.size}px ${FONT_STACK}`;
      ctx.textAlign = shape.anchor === 'middle' ? 'center' : shape.anchor === 'end' ? 'end' : 'start';
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = shape.color;
      ctx.fillText(shape.text, shape.x, shape.y);
      return;
  }
}

/** SVG's paint order: the fill, then the stroke over it. */
function fillAndStroke(ctx: Context, path: Path2D, shape: { fill?: string; fillOpacity?: number; stroke?: Stroke }): void {
  if (shape.fill) {
    ctx.globalAlpha = shape.fillOpacity ?? 1;
    ctx.fillStyle = shape.fill;
    ctx.fill(path);
  }
  const s = shape.stroke;
  if (s && s.width > 0) {
    ctx.globalAlpha = s.opacity ?? 1;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.dash ? [...s.dash] : []);
    ctx.lineCap = s.linecap === 'round' ? 'round' : 'butt';
    ctx.lineJoin = s.linecap === 'round' ? 'round' : 'miter';
    ctx.stroke(path);
  }
}
