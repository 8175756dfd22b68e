import * as Y from 'yjs';
import type { WaymarkDB } from './db';
import { applyStoredUpdates, readMapUpdates } from './updates';

/**
 * Replaces a map's update rows with one snapshot, in ONE read-write transaction:
 * read the rows, fold them into a doc, add the doc's state as a new row, delete exactly the rows
 * read. Rows another tab adds meanwhile are either read (and so in the snapshot) or written
 * after the transaction (and so untouched): IndexedDB runs read-write transactions on the same
 * store one after another. If anything fails, the transaction aborts and the rows stay as they
 * were.
 *
 * `doc` is the open map's live doc when there is one: its state also holds what it received
 * from other tabs and the relay, so the snapshot is a superset of every row it replaces. The
 * rows are applied to it with PERSISTENCE_ORIGIN (they are stored already).
 *
 * Returns how many rows were replaced (0 when there was nothing to compact).
 */
export async function compactMapUpdates(db: WaymarkDB, mapId: string, doc?: Y.Doc): Promise<number> {
  return db.transaction('rw', db.updates, async () => {
    const rows = await readMapUpdates(db, mapId);
    if (rows.length < 2) return 0;
    const target = doc ?? new Y.Doc();
    try {
      applyStoredUpdates(target, rows);
      await db.updates.add({ mapId, update: Y.encodeStateAsUpdate(target) });
    } finally {
      if (!doc) target.destroy();
    }
    await db.updates.bulkDelete(rows.map((row) => row.seq!));
    return rows.length;
  });
}
