import { fromBase64, toBase64 } from 'lib0/buffer';
import * as z from 'zod';
import { IMAGE_MIMES, imageKey, looksLike, type CardImage, type ImageMime } from '../model/images';
import { LIMITS } from '../model/limits';
import type { Card } from '../model/types';
import { issue, type FileIssue } from './issues';

/**
 * A map file's card images: `"images": [{ "key", "mime", "width", "height", "data" }]` beside
 * the journey, `data` the bytes in base64. Optional (a file without images reads as having
 * none). A file is hostile input, so an entry must be a whitelisted raster format whose bytes
 * start as that format does, within the app's size limits, under the key its bytes hash to.
 */

export interface ImageFileEntry {
  key: string;
  mime: ImageMime;
  width: number;
  height: number;
  /** the encoded bytes, base64 */
  data: string;
}

const MAX_BASE64 = Math.ceil(LIMITS.imageBytes / 3) * 4;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const dimension = z
  .number()
  .int('must be a whole number')
  .min(1, `must be between 1 and ${LIMITS.imageDimension}`)
  .max(LIMITS.imageDimension, `must be between 1 and ${LIMITS.imageDimension}`);

export const imageEntrySchema = z
  .object({
    key: z.string().regex(/^[0-9a-f]{64}$/, 'must be an image key (64 hex digits)'),
    mime: z.enum(IMAGE_MIMES, { message: `must be one of ${IMAGE_MIMES.join(', ')}` }),
    width: dimension,
    height: dimension,
    data: z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_BASE64, `is larger than ${LIMITS.imageBytes / 1024} KiB`)
      .regex(BASE64, 'is not base64'),
  })
  .transform((entry, ctx): CardImage => {
    const bytes = fromBase64(entry.data);
    if (bytes.length > LIMITS.imageBytes) ctx.addIssue({ code: 'custom', path: ['data'], message: `is larger than ${LIMITS.imageBytes / 1024} KiB` });
    else if (!looksLike(entry.mime, bytes)) ctx.addIssue({ code: 'custom', path: ['data'], message: `is not ${entry.mime} data` });
    else if (imageKey(bytes) !== entry.key) ctx.addIssue({ code: 'custom', path: ['key'], message: 'does not match the image data (SHA-256)' });
    return { key: entry.key, mime: entry.mime, width: entry.width, height: entry.height, bytes };
  });

export const imagesSchema = z.array(imageEntrySchema).max(LIMITS.imagesPerMap, `has more than ${LIMITS.imagesPerMap} images`).default([]);

/** What the shape alone cannot say: keys are unique, the total fits the map, and every card's image is in the file. */
export function checkImages(images: readonly CardImage[], cards: readonly Card[]): FileIssue[] {
  const problems: FileIssue[] = [];
  const seen = new Set<string>();
  let total = 0;
  images.forEach((image, i) => {
    if (seen.has(image.key)) problems.push(issue(['images', i, 'key'], 'names an image twice'));
    seen.add(image.key);
    total += image.bytes.length;
  });
  if (total > LIMITS.imagesTotalBytes) problems.push(issue(['images'], `hold more than ${LIMITS.imagesTotalBytes / (1024 * 1024)} MiB together`));
  cards.forEach((card, i) => {
    if (card.image !== null && !seen.has(card.image)) problems.push(issue(['journey', 'cards', i, 'image'], 'names an image the file does not hold'));
  });
  return problems;
}

/** The images the cards show, as file entries in key order (so the same map writes the same bytes). */
export function imageEntries(images: ReadonlyMap<string, CardImage>, cards: readonly Card[]): ImageFileEntry[] {
  const used = [...new Set(cards.flatMap((c) => (c.image !== null && images.has(c.image) ? [c.image] : [])))].sort();
  return used.map((key) => {
    const { mime, width, height, bytes } = images.get(key)!;
    return { key, mime, width, height, data: toBase64(bytes) };
  });
}
