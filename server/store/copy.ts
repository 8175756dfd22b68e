import { mkdirSync, statSync } from 'node:fs';
import { LevelDbStore } from './leveldb';
import type { RelayStore, StoreContents } from './types';

/** A store that says what it holds. */
export type CopyableStore = RelayStore & StoreContents;

export interface CopyCounts {
  rooms: number;
  access: number;
  spaces: number;
  versions: number;
}

/** The copy was refused or failed: the message is for the person who ran it. */
export class CopyError extends Error {}

const isPostgres = (where: string) => /^postgres(ql)?:\/\//i.test(where);

/** `where` for messages: a directory as given, a database without its password. */
export async function describeStore(where: string): Promise<string> {
  if (!isPostgres(where)) return where;
  const { describeDatabase } = await import('./postgres');
  return `PostgreSQL at ${describeDatabase(where)}`;
}

/**
 * Opens a LevelDB DATA_DIR or a postgres:// database. A source directory must exist (LevelDB
 * would create an empty one and copy nothing); a target directory is created.
 */
export async function openStoreAt(where: string, role: 'source' | 'target'): Promise<CopyableStore> {
  if (isPostgres(where)) {
    const { PostgresStore } = await import('./postgres');
    try {
      return await PostgresStore.open({ url: where, poolSize: 4 });
    } catch (error) {
      throw new CopyError((error as Error).message);
    }
  }
  if (role === 'source') {
    let isDir = false;
    try {
      isDir = statSync(where).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new CopyError(`${where} is not a directory: name a DATA_DIR, or a postgres:// URL`);
  } else {
    mkdirSync(where, { recursive: true });
  }
  return new LevelDbStore(where);
}

/** Whether the store holds anything at all. */
export async function isEmpty(store: StoreContents): Promise<boolean> {
  for (const list of [store.roomNames(), store.accessRecords(), store.spaceRecords(), store.versionRooms()]) {
    for await (const _ of list) return false;
  }
  return true;
}

/**
 * Copies everything `from` holds into `to`: every room's document as one merged update, every
 * access record, every space record, every version (snapshot and index entry). Into a target that
 * already holds something only with `force`: rooms are then merged (Yjs updates merge), records
 * and versions of the same name overwritten.
 */
export async function copyStore(from: CopyableStore, to: CopyableStore, options: { force: boolean }): Promise<CopyCounts> {
  if (!options.force && !(await isEmpty(to))) throw new CopyError('the target is not empty; copy into an empty one, or pass --force to merge into it');
  const counts: CopyCounts = { rooms: 0, access: 0, spaces: 0, versions: 0 };
  for await (const name of from.roomNames()) {
    await to.storeUpdate(name, await from.readDoc(name));
    counts.rooms++;
  }
  for await (const [id, record] of from.accessRecords()) {
    await to.putAccess(id, record);
    counts.access++;
  }
  for await (const [id, record] of from.spaceRecords()) {
    await to.putSpace(id, record);
    counts.spaces++;
  }
  for await (const room of from.versionRooms()) {
    for (const entry of await from.listVersions(room)) {
      const snapshot = await from.getVersion(room, entry.info.id);
      // an index entry without its snapshot is not a version anyone can open: it stays behind
      if (!snapshot) continue;
      await to.putVersion(room, entry, snapshot);
      counts.versions++;
    }
  }
  return counts;
}
