import { toHexString } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';
import { LIMITS } from './limits';

/*
 * Card images live in the map's own Y.Doc, in the top-level map `images`:
 *   images  Y.Map  key → { mime, width, height, bytes: Uint8Array }
 * so they sync, persist offline, pass the relay and export exactly as the rest of the map does.
 * The key is the SHA-256 of the bytes (hex): the same photo on two cards is stored once, and a
 * value never changes under its key (a new picture is a new key). A card holds the key in its
 * `image` field (cardFields.ts). An image no card refers to is deleted in the same transaction
 * as the edit that let go of it (`pruneImages`), so undoing that edit brings it back.
 *
 * Only raster formats a browser shows as an <img> without running anything are ever stored or
 * shown: never SVG (it can carry script), never HTML.
 */

/** The formats an image may be stored in. The app writes JPEG; PNG is read from files too. */
export const IMAGE_MIMES = ['image/jpeg', 'image/png'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

export interface CardImage {
  /** SHA-256 of `bytes`, 64 lower-case hex digits */
  key: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: Uint8Array;
}

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export function isImageKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

/** The content address of encoded image bytes. */
export function imageKey(bytes: Uint8Array): string {
  return toHexString(digest(bytes));
}

/** The first bytes every file of the format starts with. */
const SIGNATURES: Record<ImageMime, readonly number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export function looksLike(mime: ImageMime, bytes: Uint8Array): boolean {
  return SIGNATURES[mime].every((b, i) => bytes[i] === b);
}

/**
 * The SHA-256 of stored bytes, worked out once per array: a card's render then does not hash
 * 300 KiB on every frame (Yjs hands back the same array for the same stored value).
 */
const hashes = new WeakMap<Uint8Array, string>();

/** The bytes are the format they claim and their SHA-256 is the key they are stored under. */
function bytesMatch(key: string, mime: ImageMime, bytes: Uint8Array): boolean {
  if (!looksLike(mime, bytes)) return false;
  let hash = hashes.get(bytes);
  if (hash === undefined) hashes.set(bytes, (hash = imageKey(bytes)));
  return hash === key;
}

export function imagesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('images');
}

function isDimension(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= LIMITS.imageDimension;
}

/**
 * One stored image, read as forgivingly as any record but trusting nothing: a peer may have
 * written anything under a key. Anything not a whitelisted raster within the limits, whose bytes
 * are not that format or do not hash to the key, reads as none.
 */
export function readImage(doc: Y.Doc, key: string): CardImage | null {
  if (!isImageKey(key)) return null;
  const raw = imagesMap(doc).get(key);
  if (typeof raw !== 'object' || raw === null) return null;
  const { mime, width, height, bytes } = raw as Record<string, unknown>;
  if (!IMAGE_MIMES.includes(mime as ImageMime) || !isDimension(width) || !isDimension(height)) return null;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > LIMITS.imageBytes) return null;
  // a peer's bytes under someone else's key, or not the format they claim, would show another
  // map's picture from the shared URL cache and break this map's JSON export: they read as none
  if (!bytesMatch(key, mime as ImageMime, bytes)) return null;
  return { key, mime: mime as ImageMime, width, height, bytes };
}

/** Every readable image of the map, by key. */
export function readImages(doc: Y.Doc): Map<string, CardImage> {
  const out = new Map<string, CardImage>();
  for (const key of imagesMap(doc).keys()) {
    const image = readImage(doc, key);
    if (image) out.set(key, image);
  }
  return out;
}

/** The keys the cards of the map refer to. */
export function referencedImageKeys(doc: Y.Doc): Set<string> {
  const keys = new Set<string>();
  doc.getMap<Y.Map<unknown>>('cards').forEach((card) => {
    const key = card instanceof Y.Map ? card.get('image') : undefined;
    if (isImageKey(key)) keys.add(key);
  });
  return keys;
}

/** Deletes every image no card refers to; call inside the transaction that let go of them. */
export function pruneImages(doc: Y.Doc): void {
  const images = imagesMap(doc);
  const used = referencedImageKeys(doc);
  for (const key of [...images.keys()]) if (!used.has(key)) images.delete(key);
}

/** Stores images under their keys (a key already there is the same picture and is left alone); inside a transaction. */
export function putImages(doc: Y.Doc, images: Iterable<CardImage>): void {
  const map = imagesMap(doc);
  for (const { key, mime, width, height, bytes } of images) {
    if (!map.has(key)) map.set(key, { mime, width, height, bytes });
  }
}

export type ImageBudget = 'ok' | 'tooMany' | 'tooLarge';

/** Whether the map has room for `image` (one already stored costs nothing more). */
export function imageBudget(doc: Y.Doc, image: Pick<CardImage, 'key' | 'bytes'>): ImageBudget {
  const stored = readImages(doc);
  if (stored.has(image.key)) return 'ok';
  if (image.bytes.length > LIMITS.imageBytes) return 'tooLarge';
  if (stored.size >= LIMITS.imagesPerMap) return 'tooMany';
  let total = image.bytes.length;
  for (const { bytes } of stored.values()) total += bytes.length;
  return total > LIMITS.imagesTotalBytes ? 'tooLarge' : 'ok';
}

/**
 * Gives the cards `image` (or takes theirs away, with null) in one transaction: the image is
 * stored if it is new, and an image no card uses any more is deleted with it, so one undo puts
 * everything back. Returns false (and writes nothing) when the map has no room for the image.
 */
export function setCardImage(doc: Y.Doc, cardIds: readonly string[], image: CardImage | null, origin: unknown): boolean {
  if (image && imageBudget(doc, image) !== 'ok') return false;
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  const records = cardIds.map((id) => cards.get(id)).filter((r): r is Y.Map<unknown> => r instanceof Y.Map);
  if (records.length === 0) return false;
  doc.transact(() => {
    if (image) putImages(doc, [image]);
    for (const record of records) {
      if (image) {
        if (record.get('image') !== image.key) record.set('image', image.key);
      } else if (record.has('image')) record.delete('image');
    }
    pruneImages(doc);
  }, origin);
  return true;
}
