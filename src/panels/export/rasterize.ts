import { sceneToSvg } from '../../export/svg';
import type { RasterResult } from '../../export/exportMap';
import type { Scene, Shape } from '../../export/scene';
import type { PngSettings } from './pngWorker';
import { runSceneWorker } from './sceneWorker';

/**
 * A scene as a PNG, in the browser, without holding up the page. Where workers have an
 * OffscreenCanvas, the shapes go to a worker that paints and encodes the whole picture
 * (pngWorker.ts): the page's thread only sends them over, a few thousand at a time.
 *
 * Otherwise (or when that worker cannot start), the picture is cut into small tiles; each tile's
 * shapes become a small SVG the browser draws through an <img>, yielding between tiles. The tiles
 * are put together and encoded, where a worker can, in a worker's OffscreenCanvas: the whole
 * picture's canvas (up to 64 megapixels, 256 MB) is never allocated, cleared or encoded on the
 * page's thread — that alone held it for 100–800 ms per export. Else they are drawn on one
 * canvas here and encoded with toBlob (asynchronous in every browser).
 */

/** What browsers reliably allocate for one canvas. */
const MAX_SIDE = 16_384;
const MAX_AREA = 64 * 1024 * 1024;
/**
 * Scene pixels per tile side: the browser parses a tile's SVG on the page's thread, and a tile of
 * 1,024 scene pixels on a dense map holds enough shapes for that to take 80–120 ms; 512 takes a
 * quarter of it.
 */
const TILE_SCENE = 512;
/** device pixels per tile side: at least, at most */
const TILE_MIN = 256;
const TILE_MAX = 1024;
/** shapes sorted into tiles between two pauses */
const SHAPES_PER_PAUSE = 4000;

/** The largest scale ≤ `wanted` at which a width × height picture fits a canvas. */
export function fitScale(width: number, height: number, wanted: number): number {
  const limit = Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  if (wanted <= limit) return wanted;
  return Math.max(0.1, Math.floor(limit * 100) / 100);
}

interface RasterOptions {
  pause: () => Promise<void>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export async function sceneToPng(scene: Scene, wanted: number, options: RasterOptions): Promise<RasterResult> {
  const scale = fitScale(scene.width, scene.height, wanted);
  const width = Math.max(1, Math.round(scene.width * scale));
  const height = Math.max(1, Math.round(scene.height * scale));
  const painted = await paintInWorker(scene, scale, width, height, options);
  if (painted) {
    options.signal?.throwIfAborted();
    options.onProgress?.(1);
    return { blob: painted, scale, width, height };
  }
  return drawTiles(scene, scale, width, height, options);
}

/**
 * The picture painted and encoded in pngWorker.ts; null where there is no such worker, or its
 * file could not be loaded (the caller then draws tiles here).
 */
async function paintInWorker(scene: Scene, scale: number, width: number, height: number, options: RasterOptions): Promise<Blob | null> {
  const { pause, signal } = options;
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function' || typeof OffscreenCanvas.prototype.convertToBlob !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module', name: 'waymark-png' });
  } catch {
    return null;
  }
  return runSceneWorker<PngSettings, Blob>(worker, scene, { scale, width, height }, { pause, onProgress: options.onProgress, signal });
}

/** The picture drawn as SVG tiles on this thread (see the top of this file). */
async function drawTiles(scene: Scene, scale: number, width: number, height: number, options: RasterOptions): Promise<RasterResult> {
  const { pause, signal } = options;
  const tile = Math.max(TILE_MIN, Math.min(TILE_MAX, Math.round(TILE_SCENE * scale)));
  const columns = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  const buckets = await shapesByTile(scene.shapes, tile / scale, columns, rows, pause);
  const target = composer(width, height, signal);
  try {
    let done = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const x = c * tile;
        const y = r * tile;
        const w = Math.min(tile, width - x);
        const h = Math.min(tile, height - y);
        const part = { ...scene, shapes: buckets[r * columns + c]! };
        const svg = sceneToSvg(part, { viewBox: { x: x / scale, y: y / scale, width: w / scale, height: h / scale }, width: w, height: h });
        const image = await loadSvg(svg);
        await pause();
        await target.draw(image, x, y, w, h);
        // the tile's SVG document goes now, not at the next garbage collection (which, with a few
        // hundred of them waiting, would be a long pause of its own)
        image.removeAttribute('src');
        options.onProgress?.((++done / (rows * columns)) * 0.9);
        await pause();
      }
    }
    const blob = await target.finish();
    signal?.throwIfAborted();
    options.onProgress?.(1);
    return { blob, scale, width, height };
  } finally {
    target.dispose();
  }
}

/**
 * The shapes that reach into each tile, in drawing order (the tile's SVG leaves out the rest
 * again, by the same bounds: these lists only spare it looking at every shape of the map).
 */
async function shapesByTile(shapes: readonly Shape[], span: number, columns: number, rows: number, pause: () => Promise<void>): Promise<Shape[][]> {
  const buckets: Shape[][] = Array.from({ length: columns * rows }, () => []);
  const column = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor(x / span)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor(y / span)));
  for (const [i, shape] of shapes.entries()) {
    const b = shape.bounds;
    const c1 = column(b.x + b.width);
    const r1 = row(b.y + b.height);
    for (let r = row(b.y); r <= r1; r++) for (let c = column(b.x); c <= c1; c++) buckets[r * columns + c]!.push(shape);
    if (i % SHAPES_PER_PAUSE === SHAPES_PER_PAUSE - 1) await pause();
  }
  return buckets;
}

/** Where the tiles go: the whole picture, drawn tile by tile, then encoded as a PNG. */
interface Composer {
  draw(image: HTMLImageElement, x: number, y: number, width: number, height: number): Promise<void>;
  finish(): Promise<Blob>;
  /** lets go of the worker or the canvas, done or not */
  dispose(): void;
}

function composer(width: number, height: number, signal: AbortSignal | undefined): Composer {
  if (typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function') {
    try {
      return workerComposer(width, height, signal);
    } catch {
      // no worker here (a policy, a sandbox): draw on the page's canvas
    }
  }
  return canvasComposer(width, height);
}

/**
 * The worker that puts the tiles together: a blob: URL (the app's policy allows workers from
 * 'self' and blob:), so it needs no file of its own in the build or the offline cache.
 */
const COMPOSER_SOURCE = `
let ctx = null;
let failed = false;
self.onmessage = async ({ data }) => {
  if (failed) return;
  try {
    if (data.kind === 'start') {
      ctx = new OffscreenCanvas(data.width, data.height).getContext('2d');
      if (!ctx) throw new Error('this browser cannot draw on a canvas');
    } else if (data.kind === 'tile') {
      ctx.drawImage(data.bitmap, data.x, data.y);
      data.bitmap.close();
    } else if (data.kind === 'finish') {
      const blob = await ctx.canvas.convertToBlob({ type: 'image/png' });
      self.postMessage({ kind: 'done', blob });
    }
  } catch (error) {
    failed = true;
    self.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  }
};
`;

function workerComposer(width: number, height: number, signal: AbortSignal | undefined): Composer {
  const url = URL.createObjectURL(new Blob([COMPOSER_SOURCE], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  let failure: Error | null = null;
  let settle: { resolve: (blob: Blob) => void; reject: (error: unknown) => void } | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    settle?.reject(failure);
  };
  worker.onmessage = ({ data }: MessageEvent<{ kind: 'done'; blob: Blob } | { kind: 'failed'; message: string }>) => {
    if (data.kind === 'done') settle?.resolve(data.blob);
    else fail(new Error(data.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the image could not be drawn'));
  };
  // a cancel stops the worker at once, even in the middle of encoding
  const onAbort = () => {
    worker.terminate();
    settle?.reject(signal!.reason);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  worker.postMessage({ kind: 'start', width, height });
  return {
    async draw(image, x, y) {
      if (failure) throw failure;
      const bitmap = await createImageBitmap(image);
      worker.postMessage({ kind: 'tile', bitmap, x, y }, [bitmap]);
    },
    finish() {
      return new Promise<Blob>((resolve, reject) => {
        if (failure) return reject(failure);
        if (signal?.aborted) return reject(signal.reason);
        settle = { resolve, reject };
        worker.postMessage({ kind: 'finish' });
      });
    },
    dispose() {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    },
  };
}

function canvasComposer(width: number, height: number): Composer {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  return {
    async draw(image, x, y, w, h) {
      ctx.drawImage(image, x, y, w, h);
    },
    async finish() {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the image could not be encoded');
      return blob;
    },
    dispose() {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
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
