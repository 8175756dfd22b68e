import Dexie, { type Table } from 'dexie';
import type { LinkRole, Role } from '../access/roles';
import type { VersionInfo } from '../model/versions';

/** One map in the library: what the library screen lists without opening the map's doc. */
export interface MapEntry {
  id: string;
  title: string;
  /** ms since the epoch */
  createdAt: number;
  /** ms since the epoch; the library lists the most recently changed first */
  updatedAt: number;
  /** an SVG string drawn from the journey, or null until one has been drawn */
  thumbnail: string | null;
  /** set while the map sits in the bin (undo window); null for a live map */
  deletedAt: number | null;
}

/**
 * One Yjs update of one map. A map's doc is the merge of all its rows; applying them in `seq`
 * order is not required by Yjs but keeps loading predictable. Compaction replaces many rows with
 * one snapshot row.
 */
export interface StoredUpdate {
  seq?: number;
  mapId: string;
  update: Uint8Array;
}

/** on the relay (cached here); only on this device; made offline and waiting to go up to the relay */
export type StoredVersionPlace = 'server' | 'device' | 'pending';

/**
 * What this device knows of one version of one map, without its content: the list reads only
 * these rows, so a list of hundreds of versions never loads hundreds of full map copies.
 */
export interface StoredVersion {
  mapId: string;
  id: string;
  info: VersionInfo;
  place: StoredVersionPlace;
  /** whether `versionSnapshots` holds its content (false: a relay version nobody opened here yet) */
  cached: boolean;
}

/** One version's content: `Y.encodeStateAsUpdate` of the map doc (src/model/versionSnapshot.ts). */
export interface StoredVersionSnapshot {
  mapId: string;
  id: string;
  snapshot: Uint8Array;
}

/**
 * A space this device joined (issue 16): its name as last seen, the token it joined with and the
 * role that token gives. The space's index document is stored like a map's, in `updates` under
 * `spaceRoom(id)` (src/access/spaces.ts), which no map id can be.
 */
export interface StoredSpace {
  id: string;
  name: string;
  token: string;
  role: Role;
  /** ms since the epoch */
  joinedAt: number;
  /** the owner's copies of the links' tokens, to show them again (null: turned off) */
  links?: Partial<Record<LinkRole, string | null>>;
}

export const DEFAULT_DATABASE_NAME = 'waymark';

export interface DatabaseOptions {
  /** default: 'waymark' */
  name?: string;
  /** default: the browser's; tests pass fake-indexeddb's */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class WaymarkDB extends Dexie {
  declare maps: Table<MapEntry, string>;
  declare updates: Table<StoredUpdate, number>;
  declare versions: Table<StoredVersion, [string, string]>;
  declare versionSnapshots: Table<StoredVersionSnapshot, [string, string]>;
  declare spaces: Table<StoredSpace, string>;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? DEFAULT_DATABASE_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    // `deletedAt` is null for live maps; IndexedDB leaves null out of an index, so the index
    // holds exactly the maps in the bin.
    this.version(1).stores({
      maps: 'id, updatedAt, deletedAt',
      updates: '++seq, mapId, [mapId+seq]',
    });
    // Version history (issue 15): a version's list entry and its content in two tables, keyed
    // by map and version id. Version 1 stays as it was: Dexie adds the tables when a device
    // that has version 1 opens the database, and keeps every map.
    this.version(2).stores({
      versions: '[mapId+id], mapId',
      versionSnapshots: '[mapId+id], mapId',
    });
    // Spaces (issue 16): the ones this device joined. Added in place like version 2.
    this.version(3).stores({ spaces: 'id' });
  }
}

/**
 * The database handle. Dexie opens lazily on first use; call `db.open()` to find out early
 * whether IndexedDB is there at all (private windows, blocked storage).
 */
export function openDatabase(options: DatabaseOptions = {}): WaymarkDB {
  return new WaymarkDB(options);
}
