import * as Y from 'yjs';
import { readJourney, readMeta } from '../../model/doc';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { loadMapDoc, updateMapEntry, type WaymarkDB } from '../../storage';

/**
 * The library's side effects beyond what src/storage offers as one call. Kept out of the
 * components so they can be tested against fake-indexeddb.
 */

export function mapIdOf(doc: Y.Doc): string {
  return readMeta(doc).id;
}

/**
 * Removes one map for good — its entry and all its stored updates — but only while it is still
 * in the bin: a map restored meanwhile (from another tab, say) stays. `purgeDeleted` works by
 * age across all deleted maps, and would also take maps whose undo is still on offer elsewhere.
 * Resolves to whether the map was removed.
 */
export function purgeMap(db: WaymarkDB, id: string): Promise<boolean> {
  return db.transaction('rw', db.maps, db.updates, async () => {
    const entry = await db.maps.get(id);
    if (!entry || entry.deletedAt === null) return false;
    await db.updates.where('mapId').equals(id).delete();
    await db.maps.delete(id);
    return true;
  });
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
