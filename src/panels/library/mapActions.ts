import * as Y from 'yjs';
import { readJourney, readMeta } from '../../model/doc';
import { createMapFromTemplate, type TemplateKey } from '../../model/templates';
import type { Locale } from '../../model/types';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { loadMapDoc, saveNewMap, updateMapEntry, type WaymarkDB } from '../../store/library';

/**
 * The library's side effects beyond what src/storage offers as one call. Kept out of the
 * components so they can be tested against fake-indexeddb.
 */

/**
 * A new map from a template, in memory only: for a device that cannot store maps. The caller
 * keeps the doc (the app's memory map registry) and opens it by `readMeta(doc).id`.
 */
export function createMapInMemory(key: TemplateKey, locale: Locale): Y.Doc {
  return createMapFromTemplate(key, locale);
}

/** A new map from a template, stored in the library with its thumbnail; resolves to the doc. */
export async function createStoredMap(db: WaymarkDB, key: TemplateKey, locale: Locale): Promise<Y.Doc> {
  const doc = createMapFromTemplate(key, locale);
  await saveNewMap(db, doc, { thumbnail: renderThumbnailSvg(readJourney(doc)) });
  return doc;
}

export function mapIdOf(doc: Y.Doc): string {
  return readMeta(doc).id;
}

/**
 * Draws the thumbnail of a stored map that has none yet (made before thumbnails existed, or
 * imported elsewhere). Resolves to false when the map has no stored content.
 */
export async function drawMissingThumbnail(db: WaymarkDB, id: string): Promise<boolean> {
  const doc = await loadMapDoc(db, id);
  if (!doc) return false;
  try {
    const journey = readJourney(doc);
    if (journey.id !== id && journey.id !== '') return false;
    return await updateMapEntry(db, id, { thumbnail: renderThumbnailSvg(journey) });
  } finally {
    doc.destroy();
  }
}
