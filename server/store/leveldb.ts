import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { LeveldbPersistence, getCurrentUpdateClock, getLevelBulkEntries, getLevelBulkKeys, getLevelUpdates } from 'y-leveldb';
import type { AccessRecord, RecordChange, RelayStore, SpaceRecord, StoreContents, StoreHealth, VersionEntry } from './types';

type BatchOp = { type: 'put'; key: unknown; value: Uint8Array } | { type: 'del'; key: unknown };

/** What a level database answers to; y-leveldb hands it out untyped. */
interface LevelDb {
  get(key: unknown): Promise<Uint8Array | undefined>;
  put(key: unknown, value: Uint8Array): Promise<void>;
  batch(ops: BatchOp[]): Promise<void>;
  clear(range: { gte: unknown; lt: unknown }): Promise<void>;
}

/** `db.get` for a key that may be missing: undefined instead of a not-found error (level 8 throws, 9 answers undefined). */
async function getOrUndefined(db: LevelDb, key: unknown): Promise<Uint8Array | undefined> {
  try {
    return await db.get(key);
  } catch (error) {
    if ((error as { notFound?: boolean; code?: string }).notFound || (error as { code?: string }).code === 'LEVEL_NOT_FOUND') return undefined;
    throw error;
  }
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Updates merged through a Y.Doc, as y-leveldb merges them: deleted content is dropped, not carried along. */
function mergedThroughDoc(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

interface Append {
  name: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded default: one LevelDB under DATA_DIR through y-leveldb, so its data stays readable
 * by y-leveldb's own tools (`getYDoc`, `flushDocument`).
 *
 * Appending an update is the hot path (the relay waits for it before broadcasting), and
 * y-leveldb's `storeUpdate` reads the document's last clock from disk on every call (~0.5 ms,
 * serialised across all rooms). We read that clock once per document and then append under
 * y-leveldb's own key layout (`['v1', doc, 'update', clock]`) inside its transaction queue; the
 * appends of all rooms that arrive while a write is under way go together in the next
 * `batch` (~0.02–0.07 ms per update). Compaction writes under that layout too, the room's own
 * document when it is given one (merging every update read back through a Y.Doc, as y-leveldb's
 * `flushDocument` does, took 13-19 ms on the main thread for a retail map plus 500 cards added one
 * by one, against 7-11 ms). The first write of a new document goes through y-leveldb's public API;
 * tests/integration/relay-store.test.ts reads what the relay stored back with `getYDoc`, so a
 * y-leveldb upgrade that changed the layout would fail there, not in production.
 *
 * y-leveldb's public methods log and swallow errors; every write here goes through `run`, which
 * hands them back, because a write that silently failed must never be broadcast.
 */
export class LevelDbStore implements RelayStore, StoreContents {
  private readonly ldb: LeveldbPersistence;
  /** last stored clock per document, once known */
  private readonly clocks = new Map<string, number>();
  /** appends waiting for the next batch */
  private appends: Append[] = [];
  private appendScheduled = false;

  constructor(dir: string) {
    this.ldb = new LeveldbPersistence(dir);
  }

  private async run<T>(f: (db: LevelDb) => Promise<T>): Promise<T> {
    const result = await this.ldb._transact(async (db: LevelDb) => {
      try {
        return { ok: true as const, value: await f(db) };
      } catch (error) {
        return { ok: false as const, error };
      }
    });
    if (!result) throw new Error('store transaction failed');
    if (!result.ok) throw result.error;
    return result.value;
  }

  async loadDoc(name: string): Promise<Uint8Array> {
    // getYDoc may merge a long update log (y-leveldb does it past 500), which moves the clock.
    this.clocks.delete(name);
    const doc = (await this.ldb.getYDoc(name)) as Y.Doc | null;
    if (!doc) throw new Error(`could not read "${name}" from the store`);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  async storeUpdate(name: string, update: Uint8Array): Promise<undefined> {
    if (!this.clocks.has(name)) {
      const clock = await this.run((db) => getCurrentUpdateClock(db, name));
      if (clock < 0) {
        // a new document: y-leveldb also writes the state-vector key it lists documents by
        const stored = await this.ldb.storeUpdate(name, update);
        if (typeof stored !== 'number') throw new Error(`could not store an update of "${name}"`);
        this.clocks.set(name, stored);
        return undefined;
      }
      this.clocks.set(name, clock);
    }
    await new Promise<void>((resolve, reject) => {
      this.appends.push({ name, update, resolve, reject });
      if (this.appendScheduled) return;
      this.appendScheduled = true;
      void this.writeAppends();
    });
    return undefined;
  }

  /** One batch with every append that arrived since the last; later ones wait for the next. */
  private async writeAppends(): Promise<void> {
    let batch: Append[] = [];
    try {
      await this.run(async (db) => {
        this.appendScheduled = false;
        batch = this.appends;
        this.appends = [];
        const ops = [];
        for (const { name, update } of batch) {
          const clock = (this.clocks.get(name) ?? (await getCurrentUpdateClock(db, name))) + 1;
          this.clocks.set(name, clock);
          ops.push({ type: 'put' as const, key: ['v1', name, 'update', clock], value: toBuffer(update) });
        }
        await db.batch(ops);
      });
      for (const append of batch) append.resolve();
    } catch (error) {
      // the clocks counted writes that did not happen: read them again next time
      for (const append of batch) this.clocks.delete(append.name);
      for (const append of batch) append.reject(error);
    }
  }

  /**
   * As y-leveldb's flushDocument lays it out (the document at the next clock, its state-vector
   * record, nothing below it), in the write queue: every append queued before is in the document
   * and cleared, every later one lands after it, and the clock this store counts appends from is
   * set in the same step (set outside it, an append queued before would count from the clock
   * below the compacted document, and the next one would overwrite it). A crash between the
   * write and the clearing leaves the old updates beside the merged one, which changes nothing.
   */
  async compact(name: string, current?: () => Uint8Array | undefined): Promise<void> {
    await this.run(async (db) => {
      const last = await getCurrentUpdateClock(db, name);
      if (last < 0) return;
      const state = current?.() ?? mergedThroughDoc(await getLevelUpdates(db, name));
      const clock = last + 1;
      const record = encoding.createEncoder();
      encoding.writeVarUint(record, clock);
      encoding.writeVarUint8Array(record, Y.encodeStateVectorFromUpdate(state));
      await db.batch([
        { type: 'put', key: ['v1', name, 'update', clock], value: toBuffer(state) },
        { type: 'put', key: ['v1_sv', name], value: toBuffer(encoding.toUint8Array(record)) },
      ]);
      this.clocks.set(name, clock);
      await db.clear({ gte: ['v1', name, 'update', 0], lt: ['v1', name, 'update', clock] });
    });
  }

  async readDoc(name: string): Promise<Uint8Array> {
    // getLevelUpdates only reads: y-leveldb's getYDoc would merge a long log and move the clock
    // under a room that is being written at the same time
    const updates = await this.run((db) => getLevelUpdates(db, name));
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  async getAccess(mapId: string): Promise<AccessRecord | undefined> {
    const value = await this.run((db) => getOrUndefined(db, accessKey(mapId)));
    return value ? (JSON.parse(Buffer.from(value).toString('utf8')) as AccessRecord) : undefined;
  }

  async putAccess(mapId: string, record: AccessRecord): Promise<void> {
    await this.run((db) => db.put(accessKey(mapId), Buffer.from(JSON.stringify(record), 'utf8')));
  }

  updateAccess(mapId: string, change: RecordChange<AccessRecord>): Promise<AccessRecord | null> {
    return this.update(accessKey(mapId), change);
  }

  async getSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    const value = await this.run((db) => getOrUndefined(db, spaceKey(spaceId)));
    return value ? (JSON.parse(Buffer.from(value).toString('utf8')) as SpaceRecord) : undefined;
  }

  async putSpace(spaceId: string, record: SpaceRecord): Promise<void> {
    await this.run((db) => db.put(spaceKey(spaceId), Buffer.from(JSON.stringify(record), 'utf8')));
  }

  updateSpace(spaceId: string, change: RecordChange<SpaceRecord>): Promise<SpaceRecord | null> {
    return this.update(spaceKey(spaceId), change);
  }

  /**
   * Reads, changes and writes a record inside y-leveldb's queue: no other write to this database
   * runs in between, and this process is the database's only writer.
   */
  private update<R>(key: unknown[], change: RecordChange<R>): Promise<R | null> {
    return this.run(async (db) => {
      const value = await getOrUndefined(db, key);
      const next = change(value ? (JSON.parse(Buffer.from(value).toString('utf8')) as R) : undefined);
      if (next !== null) await db.put(key, Buffer.from(JSON.stringify(next), 'utf8'));
      return next;
    });
  }

  async listVersions(room: string): Promise<VersionEntry[]> {
    return this.run((db) => readIndex(db, room));
  }

  async putVersion(room: string, entry: VersionEntry, snapshot: Uint8Array): Promise<void> {
    // read, change and write the index inside y-leveldb's queue: no other write to this database
    // runs in between, and the batch lands the snapshot and the index together or not at all
    await this.run(async (db) => {
      const index = (await readIndex(db, room)).filter((e) => e.info.id !== entry.info.id);
      index.push(entry);
      await db.batch([
        { type: 'put', key: versionKey(room, entry.info.id), value: toBuffer(snapshot) },
        { type: 'put', key: versionIndexKey(room), value: Buffer.from(JSON.stringify(index), 'utf8') },
      ]);
    });
  }

  async getVersion(room: string, id: string): Promise<Uint8Array | undefined> {
    return this.run((db) => getOrUndefined(db, versionKey(room, id)));
  }

  async deleteVersions(room: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const gone = new Set(ids);
    await this.run(async (db) => {
      const index = await readIndex(db, room);
      await db.batch([
        ...ids.map((id) => ({ type: 'del' as const, key: versionKey(room, id) })),
        { type: 'put', key: versionIndexKey(room), value: Buffer.from(JSON.stringify(index.filter((e) => !gone.has(e.info.id))), 'utf8') },
      ]);
    });
  }

  async *roomNames(): AsyncIterable<string> {
    // y-leveldb lists a document by its state-vector key, written on its first update and by every compaction
    yield* await this.ldb.getAllDocNames();
  }

  async *accessRecords(): AsyncIterable<[string, AccessRecord]> {
    for (const { key, value } of await this.run((db) => getLevelBulkEntries(db, namespace('access')))) {
      yield [String((key as unknown[])[2]), JSON.parse(Buffer.from(value).toString('utf8')) as AccessRecord];
    }
  }

  async *spaceRecords(): AsyncIterable<[string, SpaceRecord]> {
    for (const { key, value } of await this.run((db) => getLevelBulkEntries(db, namespace('space')))) {
      yield [String((key as unknown[])[2]), JSON.parse(Buffer.from(value).toString('utf8')) as SpaceRecord];
    }
  }

  async *versionRooms(): AsyncIterable<string> {
    for (const key of await this.run((db) => getLevelBulkKeys(db, namespace('versions')))) yield String((key as unknown[])[2]);
  }

  /** an embedded database: it is there as long as this process is */
  async health(): Promise<StoreHealth> {
    return { kind: 'leveldb', ok: true };
  }

  async close(): Promise<void> {
    await this.ldb.destroy();
  }
}

async function readIndex(db: LevelDb, room: string): Promise<VersionEntry[]> {
  const value = await getOrUndefined(db, versionIndexKey(room));
  return value ? (JSON.parse(Buffer.from(value).toString('utf8')) as VersionEntry[]) : [];
}

/**
 * Every key ['waymark', kind, <string>, …]: keys are arrays encoded element by element, a type
 * byte first (0 for a string, 1 for a number: y-leveldb's keyEncoding), so every key whose third
 * element is a string sorts before ['waymark', kind, 0].
 */
const namespace = (kind: string) => ({ gte: ['waymark', kind], lt: ['waymark', kind, 0] });

/** Access records live beside y-leveldb's 'v1' and 'v1_sv' keys, in a namespace of their own. */
const accessKey = (mapId: string) => ['waymark', 'access', mapId];
/** Space records beside them (server/spaces.ts). */
const spaceKey = (spaceId: string) => ['waymark', 'space', spaceId];
/**
 * Versions beside them: one index per map room (every version's info and size, so listing a
 * thousand is one read) and one key per snapshot. The room is a share's access key, so two
 * registrations of one map id never see each other's versions.
 */
const versionIndexKey = (room: string) => ['waymark', 'versions', room];
const versionKey = (room: string, id: string) => ['waymark', 'version', room, id];
