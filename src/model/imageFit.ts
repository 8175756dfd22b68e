import { LIMITS } from './limits';

/*
 * How a picked, pasted or dropped picture is made small enough for the map: scaled so its
 * longer side is at most LIMITS.imageLongSide, then encoded at falling quality, and if even the
 * lowest quality is too big, scaled down further, until it fits LIMITS.imageBytes. The encoder
 * is passed in (a browser canvas in the app, a stand-in in tests), so the rule is tested here.
 */

export interface EncodeAttempt {
  width: number;
  height: number;
  /** 0…1, as canvas.toBlob takes it */
  quality: number;
}

export interface FittedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Qualities tried at each size, best first. */
export const QUALITY_STEPS = [0.86, 0.76, 0.66, 0.56, 0.46] as const;
/** Each further size is this fraction of the one before. */
export const SHRINK_STEP = 0.75;
/** A picture would be no use smaller than this (its longer side); give up instead. */
export const SMALLEST_SIDE = 160;

/** The size a picture is drawn at so its longer side is at most `longSide` (never enlarged). */
export function scaledSize(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The first encoding that fits `maxBytes`, trying each quality at each size from the largest
 * allowed down; null when even the smallest useful size does not fit.
 */
export async function encodeUnderLimit(
  source: { width: number; height: number },
  encode: (attempt: EncodeAttempt) => Promise<Uint8Array>,
  limits: { longSide: number; maxBytes: number } = { longSide: LIMITS.imageLongSide, maxBytes: LIMITS.imageBytes },
): Promise<FittedImage | null> {
  let longSide = Math.min(limits.longSide, Math.max(source.width, source.height));
  for (;;) {
    const size = scaledSize(source.width, source.height, longSide);
    for (const quality of QUALITY_STEPS) {
      const bytes = await encode({ ...size, quality });
      if (bytes.length <= limits.maxBytes) return { bytes, ...size };
    }
    if (Math.max(size.width, size.height) <= SMALLEST_SIDE) return null;
    longSide = Math.max(SMALLEST_SIDE, Math.floor(Math.max(size.width, size.height) * SHRINK_STEP));
  }
}
