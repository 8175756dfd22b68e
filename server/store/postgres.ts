import pg from 'pg';
import * as Y from 'yjs';
import { MIGRATIONS } from './migrations';
import type { AccessRecord, RecordChange, RelayStore, SpaceRecord, StoreContents, StoreHealth, VersionEntry } from './types';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** connections the pool opens at most (DATABASE_POOL_SIZE) */
  poolSize: number;
  /**
   * An idle pooled connection broke (PostgreSQL restarted, a network blip). The pool drops it and
   * opens another when needed; this only says so. Never throws.
   */
  onConnectionError?: (error: Error) => void;
}

interface Append {
  name: string;
  update: Uint8Array;
  /** with the row's id */
  resolve: (ref: string) => void;
  reject: (error: unknown) => void;
}

/** rows one INSERT carries at most: 2 parameters each, well under PostgreSQL's 65535 */
const MAX_ROWS_PER_INSERT = 1000;
/** advisory lock keys: one (bigint) for migrations; (COMPACT_LOCK, hashtext(room)) per room */
const MIGRATION_LOCK = 7_177_215_004_201;
const COMPACT_LOCK = 717_721;
/** /healthz asks PostgreSQL at most this often, and waits this long for an answer */
const HEALTH_CACHE_MS = 1500;
const HEALTH_TIMEOUT_MS = 1000;

/**
 * Where a connection string points, for messages: host, port and database, never the password
 * (nor the user, which the login error names itself when it matters).
 */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || decodeURIComponent(u.searchParams.get('host') ?? '') || 'localhost';
    return `${host}:${u.port || '5432'}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)'}`;
  } catch {
    return 'the database DATABASE_URL names (which is not a URL of the form postgres://user:password@host:port/database)';
  }
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The store for several relay processes (`STORE=postgres`): every room's Yjs updates as
 * append-only rows, access and space records, and versions, in one PostgreSQL database.
 *
 * Appending is the hot path (the relay waits for it before broadcasting): the appends of all
 * rooms that arrive while an INSERT is in flight go together into the next one, a multi-row
 * INSERT, as leveldb.ts batches them.
 *
 * Other processes append to the same rooms at the same time, so nothing here assumes it is the
 * only writer: a compaction merges exactly the rows it read and deletes exactly those (rows
 * committed meanwhile stay as they are, Yjs updates commute), and a read is one statement, so it
 * sees one consistent state, before or after any compaction, never half of one.
 */
export class PostgresStore implements RelayStore, StoreContents {
  private appends: Append[] = [];
  private writing = false;
  private lastHealth: { at: number; result: Promise<StoreHealth> } | null = null;

  private constructor(
    readonly pool: pg.Pool,
    /**
     * one connection of its own for /healthz: a pool busy with writes must not make a healthy
     * database look down (and a load balancer take the process out)
     */
    private readonly healthPool: pg.Pool,
  ) {}

  /**
   * Connects, brings the schema up to date and returns the store; throws an error that says
   * which database could not be reached or refused the login (never the password).
   */
  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const where = describeDatabase(options.url);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      // a database that does not answer fails a write (peers closed with 1011) rather than hang it
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'waymark',
    });
    const healthPool = new pg.Pool({ connectionString: options.url, max: 1, connectionTimeoutMillis: HEALTH_TIMEOUT_MS, idleTimeoutMillis: 30_000, application_name: 'waymark-health' });
    // an idle connection that breaks is dropped by the pool; unhandled, the event would end the process
    pool.on('error', (error) => options.onConnectionError?.(error));
    healthPool.on('error', () => {});
    const store = new PostgresStore(pool, healthPool);
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => {});
      throw new Error(startError(where, error));
    }
    return store;
  }

  /**
   * Applies the migrations this database lacks, in order. Two processes starting together take
   * turns on an advisory lock, and the second finds nothing left to do.
   */
  private async migrate(): Promise<void> {
    await this.withClient(async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS waymark_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
        const done = new Set((await client.query<{ version: number }>('SELECT version FROM waymark_migrations')).rows.map((r) => r.version));
        const newest = Math.max(0, ...done);
        if (newest > MIGRATIONS.length) {
          throw new Error(`its schema is at version ${newest}, newer than this Waymark knows (${MIGRATIONS.length}); upgrade Waymark`);
        }
        for (const migration of MIGRATIONS) {
          if (done.has(migration.version)) continue;
          await client.query('BEGIN');
          try {
            await client.query(migration.sql);
            await client.query('INSERT INTO waymark_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            throw error;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      }
    });
  }

  /** A pooled connection for `f`, returned to the pool after (or dropped, when it broke). */
  private async withClient<T>(f: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // while checked out, the pool no longer listens for the connection's errors: a break between
    // two statements would otherwise end the process; the next statement fails instead
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      return await f(client);
    } catch (error) {
      broken ??= error instanceof Error && isConnectionError(error) ? error : undefined;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async loadDoc(name: string): Promise<Uint8Array> {
    return this.readDoc(name);
  }

  async readDoc(name: string): Promise<Uint8Array> {
    // one statement: one snapshot, so a compaction committed meanwhile is seen whole or not at all
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM waymark_updates WHERE room = $1 ORDER BY id', [name]);
    if (rows.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
    return rows.length === 1 ? rows[0]!.data : Y.mergeUpdates(rows.map((r) => r.data));
  }

  /** Resolves with the row's id: `readStoredUpdate` reads it alone (the fan-out's big changes). */
  storeUpdate(name: string, update: Uint8Array): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.appends.push({ name, update, resolve, reject });
      if (!this.writing) void this.writeAppends();
    });
  }

  /** One INSERT with every append that arrived since the last; later ones wait for the next. */
  private async writeAppends(): Promise<void> {
    this.writing = true;
    while (this.appends.length) {
      const batch = this.appends.splice(0, MAX_ROWS_PER_INSERT);
      const values: string[] = [];
      const params: unknown[] = [];
      for (const { name, update } of batch) {
        values.push(`($${params.length + 1}, $${params.length + 2})`);
        // a Buffer goes to PostgreSQL as a binary parameter, not as hex text
        params.push(name, toBuffer(update));
      }
      try {
        const { rows } = await this.pool.query<{ id: string }>(`INSERT INTO waymark_updates (room, data) VALUES ${values.join(', ')} RETURNING id`, params);
        // RETURNING gives no order by itself: ids are handed out in the order of the VALUES, so
        // sorted they are the appends' ids in order
        const ids = rows.map((r) => BigInt(r.id)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        if (ids.length !== batch.length) throw new Error(`stored ${ids.length} of ${batch.length} updates`);
        batch.forEach((append, i) => append.resolve(ids[i]!.toString()));
      } catch (error) {
        for (const append of batch) append.reject(error);
      }
    }
    this.writing = false;
  }

  async readStoredUpdate(name: string, ref: string): Promise<Uint8Array | undefined> {
    if (!/^\d{1,19}$/.test(ref)) return undefined;
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM waymark_updates WHERE room = $1 AND id = $2', [name, ref]);
    return rows[0]?.data;
  }

  /**
   * Merges the room's rows into one. Another process may be appending to the room meanwhile:
   * the rows read here are deleted by id, exactly those, in the transaction that inserts their
   * merge, so a row committed after the read stays. Only one process compacts a room at a time:
   * it holds a transaction-scoped advisory lock on the room's name, and a process that does not
   * get the lock skips (the one that has it is doing the work; the next compaction catches up).
   */
  async compact(name: string): Promise<void> {
    await this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const { rows: lock } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [COMPACT_LOCK, name]);
        if (lock[0]?.locked) {
          const { rows } = await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM waymark_updates WHERE room = $1 ORDER BY id', [name]);
          if (rows.length > 1) {
            // through a Y.Doc (as y-leveldb's flushDocument): deleted content is dropped, not kept as mergeUpdates would
            const doc = new Y.Doc();
            let merged: Uint8Array;
            try {
              for (const row of rows) Y.applyUpdate(doc, row.data);
              merged = Y.encodeStateAsUpdate(doc);
            } finally {
              doc.destroy();
            }
            await client.query('DELETE FROM waymark_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
            await client.query('INSERT INTO waymark_updates (room, data) VALUES ($1, $2)', [name, toBuffer(merged)]);
          }
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  async getAccess(mapId: string): Promise<AccessRecord | undefined> {
    const { rows } = await this.pool.query<{ record: string }>('SELECT record FROM waymark_access WHERE map_id = $1', [mapId]);
    return rows[0] ? (JSON.parse(rows[0].record) as AccessRecord) : undefined;
  }

  async putAccess(mapId: string, record: AccessRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO waymark_access (map_id, record) VALUES ($1, $2) ON CONFLICT (map_id) DO UPDATE SET record = EXCLUDED.record',
      [mapId, JSON.stringify(record)],
    );
  }

  updateAccess(mapId: string, change: RecordChange<AccessRecord>): Promise<AccessRecord | null> {
    return this.update('waymark_access', 'map_id', mapId, change);
  }

  async getSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    const { rows } = await this.pool.query<{ record: string }>('SELECT record FROM waymark_spaces WHERE space_id = $1', [spaceId]);
    return rows[0] ? (JSON.parse(rows[0].record) as SpaceRecord) : undefined;
  }

  async putSpace(spaceId: string, record: SpaceRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO waymark_spaces (space_id, record) VALUES ($1, $2) ON CONFLICT (space_id) DO UPDATE SET record = EXCLUDED.record',
      [spaceId, JSON.stringify(record)],
    );
  }

  updateSpace(spaceId: string, change: RecordChange<SpaceRecord>): Promise<SpaceRecord | null> {
    return this.update('waymark_spaces', 'space_id', spaceId, change);
  }

  /**
   * Reads, changes and writes one record in a transaction that holds its row (SELECT … FOR
   * UPDATE): another process changing the same record waits until this one committed, then reads
   * what it wrote. A record that does not exist yet has no row to hold: if another process
   * inserted it meanwhile, the insert does nothing and the change runs again on that record.
   */
  private async update<R>(table: 'waymark_access' | 'waymark_spaces', column: 'map_id' | 'space_id', id: string, change: RecordChange<R>): Promise<R | null> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const { rows } = await client.query<{ record: string }>(`SELECT record FROM ${table} WHERE ${column} = $1 FOR UPDATE`, [id]);
          const current = rows[0] ? (JSON.parse(rows[0].record) as R) : undefined;
          const next = change(current);
          if (next === null) {
            await client.query('COMMIT');
            return { stored: null };
          }
          if (current !== undefined) {
            await client.query(`UPDATE ${table} SET record = $2 WHERE ${column} = $1`, [id, JSON.stringify(next)]);
          } else {
            const inserted = await client.query(`INSERT INTO ${table} (${column}, record) VALUES ($1, $2) ON CONFLICT (${column}) DO NOTHING`, [id, JSON.stringify(next)]);
            if (inserted.rowCount === 0) {
              await client.query('ROLLBACK');
              return null;
            }
          }
          await client.query('COMMIT');
          return { stored: next };
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      });
      if (outcome) return outcome.stored;
      // rows are never deleted: once there, the next attempt holds it
      if (attempt >= 3) throw new Error(`could not change the record ${id} of ${table}: it kept appearing and vanishing`);
    }
  }

  async listVersions(room: string): Promise<VersionEntry[]> {
    const { rows } = await this.pool.query<{ entry: string }>('SELECT entry FROM waymark_versions WHERE room = $1 ORDER BY seq', [room]);
    return rows.map((r) => JSON.parse(r.entry) as VersionEntry);
  }

  async putVersion(room: string, entry: VersionEntry, snapshot: Uint8Array): Promise<void> {
    // entry and snapshot are one row: one statement stores both or neither. A version stored
    // again under its id moves to the end of the index, as in the other stores.
    await this.pool.query(
      `INSERT INTO waymark_versions (room, id, entry, snapshot) VALUES ($1, $2, $3, $4)
       ON CONFLICT (room, id) DO UPDATE SET entry = EXCLUDED.entry, snapshot = EXCLUDED.snapshot, seq = nextval('waymark_versions_seq')`,
      [room, entry.info.id, JSON.stringify(entry), toBuffer(snapshot)],
    );
  }

  async getVersion(room: string, id: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM waymark_versions WHERE room = $1 AND id = $2', [room, id]);
    return rows[0]?.snapshot;
  }

  async deleteVersions(room: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.pool.query('DELETE FROM waymark_versions WHERE room = $1 AND id = ANY($2::text[])', [room, [...ids]]);
  }

  async *roomNames(): AsyncIterable<string> {
    const { rows } = await this.pool.query<{ room: string }>('SELECT DISTINCT room FROM waymark_updates ORDER BY room');
    for (const row of rows) yield row.room;
  }

  async *accessRecords(): AsyncIterable<[string, AccessRecord]> {
    const { rows } = await this.pool.query<{ map_id: string; record: string }>('SELECT map_id, record FROM waymark_access ORDER BY map_id');
    for (const row of rows) yield [row.map_id, JSON.parse(row.record) as AccessRecord];
  }

  async *spaceRecords(): AsyncIterable<[string, SpaceRecord]> {
    const { rows } = await this.pool.query<{ space_id: string; record: string }>('SELECT space_id, record FROM waymark_spaces ORDER BY space_id');
    for (const row of rows) yield [row.space_id, JSON.parse(row.record) as SpaceRecord];
  }

  async *versionRooms(): AsyncIterable<string> {
    const { rows } = await this.pool.query<{ room: string }>('SELECT DISTINCT room FROM waymark_versions ORDER BY room');
    for (const row of rows) yield row.room;
  }

  /**
   * Whether PostgreSQL answers a trivial query within a second. The answer is kept for a moment:
   * a burst of /healthz requests costs the database one query.
   */
  health(): Promise<StoreHealth> {
    const now = Date.now();
    if (this.lastHealth && now - this.lastHealth.at < HEALTH_CACHE_MS) return this.lastHealth.result;
    const result = (async (): Promise<StoreHealth> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          this.healthPool.query('SELECT 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
          }),
        ]);
        return { kind: 'postgres', ok: true };
      } catch {
        // why stays in the log of the write that failed: /healthz is public, and the database's
        // address is nobody's business
        return { kind: 'postgres', ok: false };
      } finally {
        clearTimeout(timer);
      }
    })();
    this.lastHealth = { at: now, result };
    return result;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.healthPool.end()]);
  }
}

/** pg's errors for a connection that is gone (as opposed to a statement PostgreSQL refused) */
function isConnectionError(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return code === undefined || /^(08|57P)/.test(code) || /^E[A-Z]+$/.test(code);
}

/** What `Waymark could not start: …` says when the database could not be used. */
function startError(where: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  if (e.code === '28P01' || e.code === '28000') return `PostgreSQL at ${where} refused the login: ${message} (check the user and password in DATABASE_URL)`;
  if (e.code === '3D000') return `PostgreSQL at ${where}: ${message} (create it first; see the README's "PostgreSQL store")`;
  if (e.code && /^E[A-Z]+$/.test(e.code)) return `could not reach PostgreSQL at ${where}: ${message}`;
  return `PostgreSQL at ${where} could not be used: ${message}`;
}
