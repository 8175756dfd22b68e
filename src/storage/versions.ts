import { checkpointsOverLimit, checkpointsToThin, DEFAULT_RETENTION, sortVersions, type RetentionPolicy, type VersionInfo } from '../model/versions';
import type { StoredVersion, StoredVersionPlace, WaymarkDB } from './db';
import { classifyStorageError, type StorageProblem } from './errors';

/**
 * A map's versions on this device (issue 15): every version of a private map, and for a shared
 * map the relay's list, the versions opened here (so history reads offline) and the named
 * versions made offline that wait to go up. Purging a map erases them with it (library.ts).
 *
 * Every function rejects with a VersionStorageError when the database cannot do what was asked
 * (refused, closed, full): the caller shows its `problem`; nothing here throws anything else.
 */

/** Most versions one map keeps on this device; over it, the oldest checkpoints go (named versions never do). */
export const DEVICE_VERSION_LIMIT = 200;
/**
 * Most named versions of one map on this device; a new one is refused beyond it. Half the
 * limit, so the checkpoints always have room: a checkpoint taken before a restore must never
 * be the one thinned away at once because named versions fill the map's versions.
 */
export const DEVICE_NAMED_VERSION_LIMIT = 100;

export class VersionStorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    override readonly cause: unknown,
  ) {
    super(`versions could not be kept on this device: ${PROBLEM_WORDS[problem]}`);
    this.name = 'VersionStorageError';
  }
}

const PROBLEM_WORDS: Record<StorageProblem, string> = {
  unavailable: 'storage is not available (private window or blocked storage)',
  quota: 'the disk or the browser’s storage quota is full',
  failed: 'the database failed',
};

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof VersionStorageError ? error : new VersionStorageError(classifyStorageError(error), error);
  }
}

/** The map's versions, newest first (list entries only, no content). */
export function listStoredVersions(db: WaymarkDB, mapId: string): Promise<StoredVersion[]> {
  return guard(async () => sortByInfo(await db.versions.where('mapId').equals(mapId).toArray()));
}

export function getStoredVersion(db: WaymarkDB, mapId: string, id: string): Promise<StoredVersion | null> {
  return guard(async () => (await db.versions.get([mapId, id])) ?? null);
}

/** The version's content, or null when this device does not hold it. */
export function getVersionSnapshot(db: WaymarkDB, mapId: string, id: string): Promise<Uint8Array | null> {
  return guard(async () => (await db.versionSnapshots.get([mapId, id]))?.snapshot ?? null);
}

/**
 * Stores a version's entry, and its content when given, in one transaction. Without `snapshot`
 * the content already kept for it stays (a relay list refreshed over opened versions).
 */
export function putStoredVersion(db: WaymarkDB, mapId: string, info: VersionInfo, place: StoredVersionPlace, snapshot?: Uint8Array): Promise<StoredVersion> {
  return guard(() =>
    db.transaction('rw', db.versions, db.versionSnapshots, async () => {
      if (snapshot) await db.versionSnapshots.put({ mapId, id: info.id, snapshot });
      const cached = snapshot !== undefined || (await db.versionSnapshots.where('[mapId+id]').equals([mapId, info.id]).count()) > 0;
      const row: StoredVersion = { mapId, id: info.id, info, place, cached };
      await db.versions.put(row);
      return row;
    }),
  );
}

/** Keeps content of a version already listed (a relay version opened here); false when the version is not listed. */
export function cacheVersionSnapshot(db: WaymarkDB, mapId: string, id: string, snapshot: Uint8Array): Promise<boolean> {
  return guard(() =>
    db.transaction('rw', db.versions, db.versionSnapshots, async () => {
      if ((await db.versions.update([mapId, id], { cached: true })) === 0) return false;
      await db.versionSnapshots.put({ mapId, id, snapshot });
      return true;
    }),
  );
}

export function deleteStoredVersions(db: WaymarkDB, mapId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  const keys = ids.map((id): [string, string] => [mapId, id]);
  return guard(() =>
    db.transaction('rw', db.versions, db.versionSnapshots, async () => {
      await db.versions.bulkDelete(keys);
      await db.versionSnapshots.bulkDelete(keys);
    }),
  );
}

/**
 * Takes in the relay's list of a shared map's versions: adds and updates its entries (keeping
 * content opened before) and forgets the relay versions it no longer lists (thinned or deleted
 * there). This device's own and pending versions stay. Resolves to the map's versions, newest first.
 */
export function mergeRelayVersions(db: WaymarkDB, mapId: string, relay: readonly VersionInfo[]): Promise<StoredVersion[]> {
  return guard(() =>
    db.transaction('rw', db.versions, db.versionSnapshots, async () => {
      const merged = mergeRelayList(mapId, await db.versions.where('mapId').equals(mapId).toArray(), relay);
      const gone = merged.gone.map((id): [string, string] => [mapId, id]);
      await db.versions.bulkDelete(gone);
      await db.versionSnapshots.bulkDelete(gone);
      await db.versions.bulkPut(merged.relayRows);
      return merged.rows;
    }),
  );
}

function mergeRelayList(mapId: string, stored: readonly StoredVersion[], relay: readonly VersionInfo[]) {
  const cached = new Map(stored.map((row) => [row.id, row.cached]));
  const listed = new Set(relay.map((v) => v.id));
  const gone = stored.filter((row) => row.place === 'server' && !listed.has(row.id)).map((row) => row.id);
  const relayRows = relay.map((info): StoredVersion => ({ mapId, id: info.id, info, place: 'server', cached: cached.get(info.id) ?? false }));
  const kept = stored.filter((row) => row.place !== 'server' && !listed.has(row.id));
  return { gone, relayRows, rows: sortByInfo([...kept, ...relayRows]) };
}

export interface ThinOptions {
  policy?: RetentionPolicy;
  /** default DEVICE_VERSION_LIMIT */
  max?: number;
}

/**
 * Which of this device's own checkpoints of a map go: by the shared retention rule (hourly for a
 * day, daily for a month), then down to `max` versions, oldest checkpoints first. Named versions
 * stay, and so do the relay's (the relay thins those) and pending ones.
 */
function idsToThin(rows: readonly StoredVersion[], now: number, options: ThinOptions): string[] {
  const own = rows.filter((row) => row.place === 'device').map((row) => row.info);
  const thinned = new Set(checkpointsToThin(own, now, options.policy ?? DEFAULT_RETENTION));
  const over = checkpointsOverLimit(
    own.filter((v) => !thinned.has(v.id)),
    options.max ?? DEVICE_VERSION_LIMIT,
  );
  return [...thinned, ...over];
}

/** Thins a map's checkpoints on this device (see idsToThin); resolves to the ids deleted. */
export function thinStoredVersions(db: WaymarkDB, mapId: string, now: number, options: ThinOptions = {}): Promise<string[]> {
  return guard(() =>
    db.transaction('rw', db.versions, db.versionSnapshots, async () => {
      const drop = idsToThin(await db.versions.where('mapId').equals(mapId).toArray(), now, options);
      const keys = drop.map((id): [string, string] => [mapId, id]);
      await db.versions.bulkDelete(keys);
      await db.versionSnapshots.bulkDelete(keys);
      return drop;
    }),
  );
}

/** Every version of these maps, inside the caller's transaction (which must include both version tables). */
export async function eraseMapVersions(db: WaymarkDB, mapIds: readonly string[]): Promise<void> {
  await db.versions.where('mapId').anyOf([...mapIds]).delete();
  await db.versionSnapshots.where('mapId').anyOf([...mapIds]).delete();
}

function sortByInfo(rows: readonly StoredVersion[]): StoredVersion[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return sortVersions(rows.map((row) => row.info)).map((info) => byId.get(info.id)!);
}

/**
 * One map's versions on this device, as the app's version history uses them: in the database,
 * or, where there is none (storage refused: the map itself lives in memory then), in memory for
 * as long as the tab is open. Both reject and thin alike.
 */
export interface VersionStore {
  list(): Promise<StoredVersion[]>;
  put(info: VersionInfo, place: StoredVersionPlace, snapshot?: Uint8Array): Promise<StoredVersion>;
  snapshot(id: string): Promise<Uint8Array | null>;
  keepSnapshot(id: string, snapshot: Uint8Array): Promise<boolean>;
  remove(ids: readonly string[]): Promise<void>;
  mergeRelay(relay: readonly VersionInfo[]): Promise<StoredVersion[]>;
  thin(now: number, options?: ThinOptions): Promise<string[]>;
}

export function versionStore(db: WaymarkDB | null, mapId: string): VersionStore {
  if (!db) return memoryVersionStore(mapId);
  return {
    list: () => listStoredVersions(db, mapId),
    put: (info, place, snapshot) => putStoredVersion(db, mapId, info, place, snapshot),
    snapshot: (id) => getVersionSnapshot(db, mapId, id),
    keepSnapshot: (id, snapshot) => cacheVersionSnapshot(db, mapId, id, snapshot),
    remove: (ids) => deleteStoredVersions(db, mapId, ids),
    mergeRelay: (relay) => mergeRelayVersions(db, mapId, relay),
    thin: (now, options) => thinStoredVersions(db, mapId, now, options),
  };
}

function memoryVersionStore(mapId: string): VersionStore {
  const rows = new Map<string, StoredVersion>();
  const snapshots = new Map<string, Uint8Array>();
  const remove = (ids: readonly string[]) => {
    for (const id of ids) {
      rows.delete(id);
      snapshots.delete(id);
    }
  };
  return {
    list: async () => sortByInfo([...rows.values()]),
    put: async (info, place, snapshot) => {
      if (snapshot) snapshots.set(info.id, snapshot);
      const row: StoredVersion = { mapId, id: info.id, info, place, cached: snapshots.has(info.id) };
      rows.set(info.id, row);
      return row;
    },
    snapshot: async (id) => snapshots.get(id) ?? null,
    keepSnapshot: async (id, snapshot) => {
      const row = rows.get(id);
      if (!row) return false;
      snapshots.set(id, snapshot);
      rows.set(id, { ...row, cached: true });
      return true;
    },
    remove: async (ids) => remove(ids),
    mergeRelay: async (relay) => {
      const merged = mergeRelayList(mapId, [...rows.values()], relay);
      remove(merged.gone);
      for (const row of merged.relayRows) rows.set(row.id, row);
      return merged.rows;
    },
    thin: async (now, options = {}) => {
      const drop = idsToThin([...rows.values()], now, options);
      remove(drop);
      return drop;
    },
  };
}
