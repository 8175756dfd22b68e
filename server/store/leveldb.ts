import * as Y from 'yjs';
import { LeveldbPersistence, getCurrentUpdateClock } from 'y-leveldb';
import type { AccessRecord, RelayStore } from './types';

/** What a level database answers to; y-leveldb hands it out untyped. */
interface LevelDb {
  get(key: unknown): Promise<Uint8Array | undefined>;
  put(key: unknown, value: Uint8Array): Promise<void>;
  batch(ops: Array<{ type: 'put'; key: unknown; value: Uint8Array }>): Promise<void>;
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
 * `batch` (~0.02–0.07 ms per update). The first write of a new document and compaction still go through y-leveldb's
 * public API; tests/integration/relay-store.test.ts reads appended updates back with `getYDoc`,
 * so a y-leveldb upgrade that changed the layout would fail there, not in production.
 *
 * y-leveldb's public methods log and swallow errors; every write here goes through `run`, which
 * hands them back, because a write that silently failed must never be broadcast.
 */
export class LevelDbStore implements RelayStore {
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

  async storeUpdate(name: string, update: Uint8Array): Promise<void> {
    if (!this.clocks.has(name)) {
      const clock = await this.run((db) => getCurrentUpdateClock(db, name));
      if (clock < 0) {
        // a new document: y-leveldb also writes the state-vector key it lists documents by
        const stored = await this.ldb.storeUpdate(name, update);
        if (typeof stored !== 'number') throw new Error(`could not store an update of "${name}"`);
        this.clocks.set(name, stored);
        return;
      }
      this.clocks.set(name, clock);
    }
    return new Promise<void>((resolve, reject) => {
      this.appends.push({ name, update, resolve, reject });
      if (this.appendScheduled) return;
      this.appendScheduled = true;
      void this.writeAppends();
    });
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
          ops.push({ type: 'put' as const, key: ['v1', name, 'update', clock], value: Buffer.from(update.buffer, update.byteOffset, update.byteLength) });
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

  async compact(name: string): Promise<void> {
    this.clocks.delete(name);
    await this.ldb.flushDocument(name);
  }

  async getAccess(mapId: string): Promise<AccessRecord | undefined> {
    const value = await this.run(async (db) => {
      try {
        return await db.get(accessKey(mapId));
      } catch (error) {
        if ((error as { notFound?: boolean; code?: string }).notFound || (error as { code?: string }).code === 'LEVEL_NOT_FOUND') return undefined;
        throw error;
      }
    });
    return value ? (JSON.parse(Buffer.from(value).toString('utf8')) as AccessRecord) : undefined;
  }

  async putAccess(mapId: string, record: AccessRecord): Promise<void> {
    await this.run((db) => db.put(accessKey(mapId), Buffer.from(JSON.stringify(record), 'utf8')));
  }

  async close(): Promise<void> {
    await this.ldb.destroy();
  }
}

/** Access records live beside y-leveldb's 'v1' and 'v1_sv' keys, in a namespace of their own. */
const accessKey = (mapId: string) => ['waymark', 'access', mapId];
