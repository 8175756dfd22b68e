import type * as Y from 'yjs';
import { create } from 'zustand';
import { imageBudget, setCardImage, type CardImage } from '../model/images';
import { LOCAL_ORIGIN } from '../model/origin';
import { prepareImage, type ImageInputError } from './imageInput';

/**
 * Card images in the editor: adding one from a file (re-encoded first, imageInput.ts), what to
 * tell the person when that fails, the full-size view (lightbox), and the object URLs the
 * canvas shows images through: one per image key, made when first shown and revoked a while
 * after the last card showing it is gone, so a big map neither decodes nor leaks more than it shows.
 */

/** Why an image was not added; each has a sentence in canvas.images.notice.<reason>. */
export type ImageNotice = ImageInputError | 'tooMany' | 'mapFull' | 'noCard';

export interface Lightbox {
  imageKey: string;
  /** the card's title, the picture's text alternative ('' for an untitled card: the view says so) */
  alt: string;
}

interface CardImagesState {
  notice: { reason: ImageNotice; at: number } | null;
  lightbox: Lightbox | null;
  /** images being prepared right now */
  busy: number;
}

export const useCardImages = create<CardImagesState>()(() => ({ notice: null, lightbox: null, busy: 0 }));

export function sayImageNotice(reason: ImageNotice): void {
  useCardImages.setState({ notice: { reason, at: Date.now() } });
}

export function dismissImageNotice(): void {
  useCardImages.setState({ notice: null });
}

export function openLightbox(lightbox: Lightbox): void {
  useCardImages.setState({ lightbox });
}

export function closeLightbox(): void {
  useCardImages.setState({ lightbox: null });
}

/**
 * Gives the cards the picture in `file`, re-encoded under the size limit, as one undo step.
 * Says why (and changes nothing) when the file is no picture, cannot be made small enough, or
 * the map has no room for another image.
 */
export async function attachImageFile(doc: Y.Doc, undo: Y.UndoManager, cardIds: readonly string[], file: Blob): Promise<boolean> {
  useCardImages.setState((s) => ({ busy: s.busy + 1 }));
  try {
    const prepared = await prepareImage(file);
    if (!prepared.ok) {
      sayImageNotice(prepared.error);
      return false;
    }
    const budget = imageBudget(doc, prepared.image);
    if (budget !== 'ok') {
      sayImageNotice(budget === 'tooMany' ? 'tooMany' : 'mapFull');
      return false;
    }
    // its own undo step: not merged with whatever was typed just before the picture was chosen
    undo.stopCapturing();
    const done = setCardImage(doc, cardIds, prepared.image, LOCAL_ORIGIN);
    undo.stopCapturing();
    if (done) dismissImageNotice();
    return done;
  } finally {
    useCardImages.setState((s) => ({ busy: s.busy - 1 }));
  }
}

// ---------- object URLs, one per image key ----------

interface UrlEntry {
  url: string;
  users: number;
  revokeTimer: ReturnType<typeof setTimeout> | null;
}

const urls = new Map<string, UrlEntry>();
/** how long an unused URL is kept, so scrolling a card out and back in does not decode again */
const KEEP_UNUSED_MS = 30_000;

/**
 * An object URL showing the image, shared by every card that shows the same key. The blob's
 * type is the image's whitelisted raster type (readImage refuses any other), so the browser
 * shows it as a picture and never runs it. Each call is paired with `releaseImageUrl`.
 */
export function acquireImageUrl(image: CardImage): string {
  let entry = urls.get(image.key);
  if (!entry) {
    const bytes = new Uint8Array(image.bytes); // its own buffer: a Blob takes a copy of an ArrayBuffer view's bytes
    entry = { url: URL.createObjectURL(new Blob([bytes], { type: image.mime })), users: 0, revokeTimer: null };
    urls.set(image.key, entry);
  }
  if (entry.revokeTimer) clearTimeout(entry.revokeTimer);
  entry.revokeTimer = null;
  entry.users++;
  return entry.url;
}

export function releaseImageUrl(key: string): void {
  const entry = urls.get(key);
  if (!entry) return;
  entry.users = Math.max(0, entry.users - 1);
  if (entry.users > 0 || entry.revokeTimer) return;
  entry.revokeTimer = setTimeout(() => {
    if (entry.users > 0) return;
    URL.revokeObjectURL(entry.url);
    urls.delete(key);
  }, KEEP_UNUSED_MS);
}

/** How many image URLs are alive (for tests: a big map does not hold one per card). */
export function liveImageUrls(): number {
  return urls.size;
}
