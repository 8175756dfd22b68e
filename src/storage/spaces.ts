import { spaceRoom } from '../access/spaces';
import type { StoredSpace, WaymarkDB } from './db';

/**
 * The spaces this device joined, and their index documents' rows. A space's maps are ordinary
 * maps of the library (src/storage/library.ts); leaving a space forgets the space and its index,
 * not the maps, which stay readable offline until deleted like any other.
 */

/** The key of a space's index document in `updates` (and its tab channel): the relay's room name, which no map id can be. */
export const spaceDocKey = (spaceId: string): string => spaceRoom(spaceId);

/** Joined spaces, the first joined first. */
export async function listSpaces(db: WaymarkDB): Promise<StoredSpace[]> {
  const spaces = await db.spaces.toArray();
  return spaces.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

export async function getSpace(db: WaymarkDB, id: string): Promise<StoredSpace | null> {
  return (await db.spaces.get(id)) ?? null;
}

/** Remembers a joined space (or what changed of it: a new token, role or name). */
export async function saveSpace(db: WaymarkDB, space: StoredSpace): Promise<void> {
  await db.spaces.put(space);
}

/** Forgets a space and its index document on this device, in one transaction. */
export async function leaveSpace(db: WaymarkDB, id: string): Promise<void> {
  await db.transaction('rw', db.spaces, db.updates, async () => {
    await db.updates.where('mapId').equals(spaceDocKey(id)).delete();
    await db.spaces.delete(id);
  });
}
