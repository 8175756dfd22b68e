import type { LinkRole } from '../../src/access/roles';
import type { VersionInfo } from '../../src/model/versions';

/**
 * One registered map's access: SHA-256 hashes (hex) of its tokens, one per role (null = revoked),
 * and whether its owner has locked the map's content. Records stored before the comment role and
 * the lock existed lack `comment` and `locked`; auth.ts reads them as null and false.
 */
export type AccessRecord = { owner: string } & Record<LinkRole, string | null> & {
  /** while true, only the owner writes the map room (the feedback room is unaffected) */
  locked: boolean;
  createdAt: string;
  /**
   * The links' tokens as the owner last set them, sealed (AES-256-GCM) with a key derived from the
   * owner token, which is itself kept only as a hash: only someone who presents the owner token
   * can read them (auth.ts, `sealLinks`), so an owner who restores their key on another device
   * sees their links again. Absent in records from before owner recovery.
   */
  sealedLinks?: string;
  /**
   * The space this registration belongs to (server/spaces.ts), if any: a map is in at most one
   * space, and a space token opens it only while both this and the space's record say so.
   * Absent in records of maps in no space.
   */
  space?: string;
};

/** A map of a space, as the space's record keeps it. */
export interface SpaceMapRecord {
  /** the map's access key (src/access/rooms.ts): the registration a space token opens */
  key: string;
  /** ISO time the map joined the space */
  addedAt: string;
}

/**
 * One space (server/spaces.ts): its name, SHA-256 hashes (hex) of its tokens, one per role
 * (null = revoked), its links sealed for the owner as a map's are, and which maps it holds (map
 * id → the registration a space token opens). Which maps a space token opens is only ever this
 * record, never the space's index document.
 */
export type SpaceRecord = { owner: string } & Record<LinkRole, string | null> & {
  name: string;
  createdAt: string;
  /** as `AccessRecord.sealedLinks` */
  sealedLinks?: string;
  maps: Record<string, SpaceMapRecord>;
};

/** What `RelayStore.updateAccess` and `updateSpace` apply: the record to store given the stored one, or null for no change. */
export type RecordChange<R> = (current: R | undefined) => R | null;

/** A version as the room's index lists it: what it says about itself, and its snapshot's size. */
export interface VersionEntry {
  info: VersionInfo;
  /** bytes of the snapshot (counted against VERSION_BYTES_PER_MAP) */
  bytes: number;
}

/** What /healthz says of the store: which kind, and whether it answers. */
export interface StoreHealth {
  kind: 'leveldb' | 'memory' | 'postgres';
  ok: boolean;
}

/**
 * Where the relay keeps what must outlive the process: each room's Yjs updates, each map's
 * access record, each space's record, and each map room's versions (a snapshot each, and one index per room so the
 * list is one read). Within a process, writes to one document do not overlap (rooms.ts runs them one
 * after the other); a store shared by several processes (PostgreSQL) takes appends and compactions
 * of one document from all of them at once. A returned promise resolves only once the write is
 * durable against a crash of this process.
 */
export interface RelayStore {
  /** the document as one update (an empty document when nothing was stored) */
  loadDoc(name: string): Promise<Uint8Array>;
  /**
   * Appends an update. A store that can hand one stored update back on its own (PostgreSQL: its
   * row) resolves with a reference to it for `readStoredUpdate`; the others with undefined.
   */
  storeUpdate(name: string, update: Uint8Array): Promise<string | undefined>;
  /**
   * The update `storeUpdate` stored under `ref`, or undefined when it is no longer stored on its
   * own (a compaction merged it). Only stores that hand out references have it.
   */
  readStoredUpdate?(name: string, ref: string): Promise<Uint8Array | undefined>;
  /**
   * Merges the document's stored updates into one. `current` answers the document as the caller
   * holds it, which has every update stored for it (a room applies each change before storing
   * it), or undefined when it no longer can (the room was dropped meanwhile): a store that only
   * this process writes (LevelDB, memory) stores that instead of reading back and merging every
   * update, which costs a Y.Doc built from them on the main thread; a shared store (PostgreSQL)
   * holds other processes' updates too and merges what it holds.
   */
  compact(name: string, current?: () => Uint8Array | undefined): Promise<void>;
  /**
   * The document as one update, read without changing anything stored (no compaction): safe
   * while the room is being loaded or written by someone else.
   */
  readDoc(name: string): Promise<Uint8Array>;
  getAccess(mapId: string): Promise<AccessRecord | undefined>;
  /** writes the record whole, whatever is stored: for `waymark store copy`; the relay creates and changes records only through `updateAccess` */
  putAccess(mapId: string, record: AccessRecord): Promise<void>;
  /**
   * Changes one access record atomically: `change` gets the record as stored now (undefined:
   * none) and answers the record to store, or null to leave it as it is. No other `updateAccess`
   * of that record, from this process or (PostgreSQL) another, lands between the read and the
   * write, so two changes made at once both survive. `change` must be quick and have no effect
   * besides its answer: it may run again (PostgreSQL, after another process created the record
   * first), and only its last run counts. Resolves with what was stored, or null.
   */
  updateAccess(mapId: string, change: RecordChange<AccessRecord>): Promise<AccessRecord | null>;
  getSpace(spaceId: string): Promise<SpaceRecord | undefined>;
  /** as `putAccess` */
  putSpace(spaceId: string, record: SpaceRecord): Promise<void>;
  /** as `updateAccess`, for a space's record */
  updateSpace(spaceId: string, change: RecordChange<SpaceRecord>): Promise<SpaceRecord | null>;
  /** the room's version index, in the order stored (callers sort) */
  listVersions(room: string): Promise<VersionEntry[]>;
  /** stores a snapshot and its index entry together: both or neither */
  putVersion(room: string, entry: VersionEntry, snapshot: Uint8Array): Promise<void>;
  /** a version's snapshot (`Y.encodeStateAsUpdate` of the map doc then), or undefined */
  getVersion(room: string, id: string): Promise<Uint8Array | undefined>;
  /** deletes snapshots and their index entries together; unknown ids are ignored */
  deleteVersions(room: string, ids: readonly string[]): Promise<void>;
  /** whether the store answers now (/healthz); cheap enough to be asked by every probe */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/**
 * Everything a store holds, one kind at a time: what `waymark store copy` moves from one store
 * to another. Each is read as it stands when asked; not for a store that relays are writing.
 */
export interface StoreContents {
  /** names of every room (document) with stored updates */
  roomNames(): AsyncIterable<string>;
  /** every map's access record, by its access key */
  accessRecords(): AsyncIterable<[string, AccessRecord]>;
  /** every space's record, by its id */
  spaceRecords(): AsyncIterable<[string, SpaceRecord]>;
  /** every room that has versions (each read with listVersions and getVersion) */
  versionRooms(): AsyncIterable<string>;
}
