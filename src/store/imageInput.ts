import { encodeUnderLimit } from '../model/imageFit';
import { imageKey, type CardImage } from '../model/images';
import { LIMITS } from '../model/limits';

/**
 * A picture a person picked, pasted or dropped, made into a card image (model/images.ts): decoded
 * by the browser, drawn on a canvas at most LIMITS.imageLongSide on its longer side over white
 * (JPEG has no transparency), and encoded as JPEG under LIMITS.imageBytes (model/imageFit.ts).
 * Whatever the file was, what enters the map is a JPEG the app made: no SVG, no metadata (a
 * photo's location goes no further), nothing a browser would run.
 */

/** The file types offered by the picker and taken from a paste or a drop. */
export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export type ImageInputError = 'unsupported' | 'fileTooLarge' | 'unreadable' | 'cannotShrink';
export type PreparedImage = { ok: true; image: CardImage } | { ok: false; error: ImageInputError };

export function isAcceptedImage(file: { type: string }): boolean {
  return (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type);
}

type Surface = { canvas: OffscreenCanvas | HTMLCanvasElement; context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D };

function surface(width: number, height: number): Surface | null {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    return context ? { canvas, context } : null;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  return context ? { canvas, context } : null;
}

async function jpegOf(canvas: Surface['canvas'], quality: number): Promise<Uint8Array> {
  const blob =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/jpeg', quality })
      : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('the canvas gave no image');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The card image made from `file`, or why none could be made. */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  if (!isAcceptedImage(file)) return { ok: false, error: 'unsupported' };
  if (file.size > LIMITS.imageInputBytes) return { ok: false, error: 'fileTooLarge' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  try {
    if (bitmap.width < 1 || bitmap.height < 1) return { ok: false, error: 'unreadable' };
    const fitted = await encodeUnderLimit(bitmap, async ({ width, height, quality }) => {
      const target = surface(width, height);
      if (!target) throw new Error('no canvas');
      target.context.fillStyle = '#ffffff';
      target.context.fillRect(0, 0, width, height);
      target.context.drawImage(bitmap, 0, 0, width, height);
      return jpegOf(target.canvas, quality);
    });
    if (!fitted) return { ok: false, error: 'cannotShrink' };
    return { ok: true, image: { key: imageKey(fitted.bytes), mime: 'image/jpeg', width: fitted.width, height: fitted.height, bytes: fitted.bytes } };
  } catch {
    return { ok: false, error: 'unreadable' };
  } finally {
    bitmap.close();
  }
}
