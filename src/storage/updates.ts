import { Dexie } from 'dexie';
import * as Y from 'yjs';
import type { StoredUpdate, WaymarkDB } from './db';
import { PERSISTENCE_ORIGIN } from './origins';

/** A map's update rows, oldest first. Works inside and outside a transaction. */
export function readMapUpdates(db: WaymarkDB, mapId: string): Promise<StoredUpdate[]> {
  return db.updates.where('[mapId+seq]').between([mapId, Dexie.minKey], [mapId, Dexie.maxKey]).toArray();
}

/** How many update rows a map has. */
export function countMapUpdates(db: WaymarkDB, mapId: string): Promise<number> {
  return db.updates.where('mapId').equals(mapId).count();
}

/** Applies stored rows to a doc in one transaction, so observers see one change. */
export function applyStoredUpdates(doc: Y.Doc, rows: readonly StoredUpdate[]): void {
  if (rows.length === 0) return;
  Y.transact(
    doc,
    () => {
      for (const row of rows) Y.applyUpdate(doc, row.update, PERSISTENCE_ORIGIN);
    },
    PERSISTENCE_ORIGIN,
  );
}
