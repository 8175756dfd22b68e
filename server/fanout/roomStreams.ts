import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Room, RoomFanout } from '../rooms';
import type { RelayStore } from '../store';
import type { UpdateChecker } from '../updateCheck';
import type { RedisConnections } from './connections';
import { Coalescer } from './coalesce';
import type { FanoutMetrics } from './metrics';
import { compareIds, type StreamEntry, type StreamReader } from './streamReader';

/** A room's stream: every change a process stored, in the order Redis took them. */
export const roomStream = (name: string) => `waymark:room:${name}`;

/**
 * entry types: a stored change, or "read the room from the store" (a process could not publish a
 * change, loaded the room, or stored a change too big for the stream: then its `w` field says
 * `oversized` and its `i` field, when the store gave one, where the change is stored, so it alone
 * is read; a process that does not know `w` or `i` reads the room, so versions can mix)
 */
const UPDATE = 'u';
const RESYNC = 'r';
const OVERSIZED = 'oversized';

export type CatchUpReason = 'trimmed' | 'redis-away' | 'unpublished' | 'gap' | 'oversized';

/** a room's stream outlives its last change by this long, then Redis drops it (a process that joins later loads from the store) */
const STREAM_TTL_MS = 24 * 3_600_000;

export interface RoomStreamsDeps {
  redis: RedisConnections;
  reader: StreamReader;
  store: RelayStore;
  checker: UpdateChecker;
  metrics: FanoutMetrics;
  log: Logger;
  /** MAXLEN ~ of each room's stream */
  maxLength: number;
  /** a stored change bigger than this goes in as RESYNC: a stream holds at most about maxLength × this */
  entryMaxBytes: number;
  /** this process's id in the entries it adds (its own are skipped when read back) */
  origin: string;
  /** now by the Redis server's clock, which stream ids carry (`RedisClock`) */
  redisNow: () => number;
}

/** The last id of a stream, or '0-0' for a stream with nothing (yet). */
export async function lastIdOf(redis: RedisConnections, key: string): Promise<string> {
  const last = (await redis.command.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
  return last[0]?.[0] ?? '0-0';
}

/**
 * The rooms' side of the fan-out (a `RoomFanout` of rooms.ts). A change this process stored is
 * added to the room's stream (XADD, trimmed to about MAXLEN); every process holding the room
 * reads it from the last id it applied and applies it with the `REMOTE` origin (sent to its peers,
 * not stored or published again). The update-check worker's copy of the room follows: the same
 * change goes to it, in order, unless an update of the room is with the worker, in which case the
 * copy is dropped and the worker's next job brings a fresh one (the order would differ).
 *
 * A change bigger than `entryMaxBytes` is not added: a RESYNC (`oversized`) with its reference in
 * the store goes instead, so a room's stream holds at most about MAXLEN × entryMaxBytes however
 * big the updates an owner sends, and the others read the change alone from the store (the whole
 * room only when a compaction merged it meanwhile).
 *
 * Whenever the stream may have lost something for this process — it was trimmed past the last id
 * applied, Redis was away, another process could not publish or published a RESYNC, or a change
 * came whose predecessors never did (a process killed between storing a change and publishing
 * it) — the room is read from the store again and applied (Yjs takes what it has twice without
 * change), and the stream followed from its tail as read before the store was. The reasons of
 * one read, and those coming while a catch-up of the room runs, share one catch-up (`catchUp`).
 */
export class RoomStreams implements Omit<RoomFanout, 'presence'> {
  private readonly held = new Map<string, Room>();
  /** rooms with a stored change that could not be published: the others are told to catch up once Redis is back */
  private readonly unpublished = new Set<string>();
  /** one catch-up per room at a time, and at most one more after it however many reasons come meanwhile */
  private readonly catchUps = new Coalescer<Room>();

  constructor(private readonly deps: RoomStreamsDeps) {}

  get size(): number {
    return this.held.size;
  }

  async following(name: string): Promise<string | null> {
    if (!this.deps.redis.up) return null;
    try {
      return await lastIdOf(this.deps.redis, roomStream(name));
    } catch {
      return null;
    }
  }

  follow(room: Room, cursor: string | null): void {
    this.held.set(room.name, room);
    // What a process killed between a store write and its XADD left behind is in the store but
    // in no stream; nothing else would bring it to the processes that held the room then (one
    // that a later change depends on is fetched on its own: `gap`). A process that loads the room
    // has it: the others are asked to read the store again.
    if (cursor !== null) this.add(room.name, RESYNC, new Uint8Array());
    if (cursor !== null) this.deps.reader.follow(roomStream(room.name), cursor, (entries, read) => this.read(room, entries, read));
    // Redis was not there: the room is read again, and followed, once it is
    else void this.catchUp(room, 'redis-away').catch(() => {});
  }

  /** The room left this process's memory. */
  left(name: string): void {
    this.held.delete(name);
    this.deps.reader.unfollow(roomStream(name));
  }

  stored(room: Room, update: Uint8Array, ref: string | undefined): void {
    // A hostile owner's big updates would otherwise sit in Redis up to MAXLEN times per room (and
    // be read by every process): the change is in the store already, so the others read it
    // there — that change alone (`i`: its reference in the store), not the whole room, which
    // for a big room costs far more on each of them than the change did here
    if (update.byteLength > this.deps.entryMaxBytes) {
      this.deps.metrics.oversizedChanges.inc();
      this.add(room.name, RESYNC, new Uint8Array(), OVERSIZED, ref);
    } else this.add(room.name, UPDATE, update);
  }

  private add(name: string, type: string, data: Uint8Array, why?: string, ref?: string): void {
    const { redis, metrics, log, maxLength, origin } = this.deps;
    const key = roomStream(name);
    const failed = (error: unknown) => {
      metrics.publishFailures.inc({ kind: 'update' });
      if (!this.unpublished.has(name)) log.warn({ room: name, err: (error as Error).message }, 'could not publish a stored change; the other processes will catch up from the store');
      this.unpublished.add(name);
    };
    if (!redis.up) return failed(new Error('redis is away'));
    redis.command
      .pipeline()
      .xadd(key, 'MAXLEN', '~', maxLength, '*', 't', type, 'o', origin, 'd', Buffer.from(data.buffer, data.byteOffset, data.byteLength), ...(why ? ['w', why] : []), ...(ref ? ['i', ref] : []))
      .pexpire(key, STREAM_TTL_MS)
      .exec()
      .then((results) => {
        const error = results?.find(([e]) => e)?.[0];
        if (error) failed(error);
      }, failed);
  }

  private async read(room: Room, entries: StreamEntry[], { after, full }: { after: string; full: boolean }): Promise<void> {
    const { metrics, origin } = this.deps;
    // the changes of one read are applied as one, so the peers here get one message for them
    // (as Room.flush sends a burst of its own peers' changes)
    let run: Uint8Array[] = [];
    let gap = false;
    // Every RESYNC of the read is answered by one catch-up after it: its store read comes after
    // every entry here was added, so it has all their changes (each was stored before its XADD)
    let due: CatchUpReason | null = null;
    const needs = (reason: CatchUpReason) => {
      if (due === null) due = reason;
      else metrics.catchUpsCoalesced.inc({ reason });
    };
    const applyRun = () => {
      if (run.length && !this.applyRemote(room, run.length === 1 ? run[0]! : Y.mergeUpdates(run))) gap = true;
      run = [];
    };
    const now = this.deps.redisNow();
    for (const entry of entries) {
      if (entry.fields.get('o')?.toString() === origin) continue;
      const type = entry.fields.get('t')?.toString();
      if (type === RESYNC) {
        const oversized = entry.fields.get('w')?.toString() === OVERSIZED;
        // a big change read from the store on its own, in its place among the others
        const change = oversized ? await this.fetch(room, entry.fields.get('i')?.toString()) : undefined;
        if (change) {
          run.push(change);
          metrics.remoteUpdates.inc();
          continue;
        }
        applyRun();
        needs(oversized ? 'oversized' : 'unpublished');
        continue;
      }
      const data = entry.fields.get('d');
      if (type !== UPDATE || !data) continue;
      run.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      metrics.remoteUpdates.inc();
      const publishedAt = Number(entry.id.split('-')[0]);
      metrics.streamLagSeconds.observe(Math.max(0, now - publishedAt) / 1000);
    }
    applyRun();
    // a full read may mean we are behind, perhaps behind the trim (then what is missing shows as
    // a gap too: the trim is the reason)
    if (full && (await this.trimmedPast(roomStream(room.name), after))) {
      if (due !== null) metrics.catchUpsCoalesced.inc({ reason: due });
      due = 'trimmed';
    }
    // a change whose predecessors never came: a process died between storing them and publishing
    // them (or a publish failed unseen); they are in the store (a RESYNC's change is missing as
    // a rule: no separate reason then)
    else if (gap && due === null) due = 'gap';
    if (due !== null) await this.catchUp(room, due);
  }

  /**
   * A change stored under `ref` (an oversized entry), or undefined: no reference, a store that
   * cannot hand one update back, a compaction merged it meanwhile, or the store is away. The
   * room is then read from the store instead.
   */
  private async fetch(room: Room, ref: string | undefined): Promise<Uint8Array | undefined> {
    const { store } = this.deps;
    if (!ref || !store.readStoredUpdate) return undefined;
    try {
      const change = await store.readStoredUpdate(room.name, ref);
      if (change) this.deps.metrics.fetchedChanges.inc();
      return change;
    } catch {
      return undefined;
    }
  }

  /**
   * Whether entries after `after` may have been trimmed before we read them: the stream now starts
   * after it. (Redis keeps no record of what trimming removed — XINFO's max-deleted-entry-id
   * follows XDEL only — so this errs towards a catch-up, which changes nothing when none was
   * needed; it is asked only after a full read, i.e. when this process is behind.)
   */
  private async trimmedPast(key: string, after: string): Promise<boolean> {
    const first = (await this.deps.redis.command.xrange(key, '-', '+', 'COUNT', 1)) as Array<[string, string[]]>;
    const firstId = first[0]?.[0];
    return firstId !== undefined && compareIds(firstId, after) > 0;
  }

  /** Applies another process's change here; false when it lacks predecessors this room does not have. */
  private applyRemote(room: Room, update: Uint8Array): boolean {
    const { checker } = this.deps;
    room.applyRemote(update);
    if (checker.pending(room.name)) checker.discard(room.name);
    else checker.appliedInline(room, update);
    // what Yjs could not integrate waits as "pending"; a peer's next update drops it
    // (connection.ts), so it must be fetched now
    const store = room.doc.store as { pendingStructs: unknown; pendingDs: unknown };
    return store.pendingStructs === null && store.pendingDs === null;
  }

  /**
   * Reads the room from the store and applies it; the stream is then followed from its tail as it
   * was before the read. Throws when Redis or the store is away (recovery tries again).
   *
   * While one runs, the next waits for it, and any more share that next one: it reads its own
   * tail and then the store after they asked, so it has what each was asked for. A burst of big
   * changes thus costs a process two store reads of the room, not one per change.
   */
  catchUp(room: Room, reason: CatchUpReason): Promise<void> {
    const { done, merged } = this.catchUps.run(room, () => this.readAgain(room, reason));
    if (merged) this.deps.metrics.catchUpsCoalesced.inc({ reason });
    return done;
  }

  private async readAgain(room: Room, reason: CatchUpReason): Promise<void> {
    const { redis, reader, store, checker, metrics, log } = this.deps;
    const key = roomStream(room.name);
    const tail = await lastIdOf(redis, key);
    const stored = await store.readDoc(room.name);
    if (this.held.get(room.name) !== room || room.destroyed) return;
    // only what the room lacks: Yjs would skip the rest too, but only after reading every struct
    // of it into objects (a 5 MB room: 670-850 ms applied whole, 240-340 ms diffed first)
    room.applyRemote(Y.diffUpdate(stored, Y.encodeStateVector(room.doc)));
    // the worker's copy is sent afresh with the room's next job rather than the whole room now
    checker.discard(room.name);
    metrics.catchUps.inc({ reason });
    log.info({ room: room.name, reason }, 'caught up a room from the store');
    if (reader.following(key)) reader.moveTo(key, tail);
    else reader.follow(key, tail, (entries, read) => this.read(room, entries, read));
  }

  /** After Redis was away: every room held is read again, and the others told of changes we could not publish. */
  async recover(): Promise<void> {
    await Promise.all([...this.held.values()].map((room) => this.catchUp(room, 'redis-away')));
    for (const name of [...this.unpublished]) {
      this.unpublished.delete(name);
      this.add(name, RESYNC, new Uint8Array());
    }
  }
}
