import * as Y from 'yjs';
import { readJourney, readMeta } from '../../model/doc';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { loadMapDoc, updateMapEntry, type WaymarkDB } from '../../store/library';

/**
 * The library's side effects beyond what src/storage offers as one call. Kept out of the
 * components so they can be tested against fake-indexeddb.
 */

export function mapIdOf(doc: Y.Doc): string {
  return readMeta(doc).id;
}

export function readTitle(doc: Y.Doc): string {
  return readMeta(doc).title;
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
