import type { Logger } from 'pino';
import type { RedisConnections } from './connections';

/** One stream entry: its id (`<ms>-<seq>`) and its fields. */
export interface StreamEntry {
  id: string;
  fields: Map<string, Buffer>;
}

/**
 * What a follower is given: entries in order, the id it had read up to before them, and whether
 * the read returned as many as it could (then the follower may be behind the stream's trim).
 */
export type StreamHandler = (entries: StreamEntry[], read: { after: string; full: boolean }) => Promise<void> | void;

/** how long one XREAD waits for something new; a stream followed meanwhile wakes it (CLIENT UNBLOCK) */
const BLOCK_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Orders stream ids (`<ms>-<seq>`): negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const ms = BigInt(am) - BigInt(bm);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(as) - BigInt(bs);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

/** Resolves after the microtasks queued now: handlers that need no I/O are done by then. */
const afterThisTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One blocking XREAD loop over every stream the process follows (its rooms' and the control
 * stream), on the dedicated reader connection, each from the last id it applied. Nothing is
 * lost by a follower that is slow: the stream keeps the entries until they are trimmed, and a
 * follower that finds itself behind the trim catches up from the store.
 *
 * A stream whose handler waits on I/O (a room read from the store, a big change fetched) is left
 * out of the reads until it is done, so its entries stay in order, while every other stream is read
 * on: one room catching up must not hold up the changes of the others, nor a revocation on the
 * control stream.
 */
export class StreamReader {
  private readonly streams = new Map<string, { lastId: string; handler: StreamHandler; busy: boolean }>();
  private running = false;
  private blocked = false;
  /** XREAD calls that returned (a wake-up retries until this moves) */
  private iteration = 0;
  private waking = false;
  /** the read (by `iteration`) a wake-up is to end */
  private unblockFor = -1;
  private readerId: number | null = null;
  private idle: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  /** handlers still running after their read (close waits for them) */
  private readonly handling = new Set<Promise<void>>();
  /** run before each read once Redis is there (the fan-out's catch-up after an outage) */
  beforeRead: () => Promise<void> = async () => {};

  constructor(
    private readonly redis: RedisConnections,
    private readonly log: Logger,
    /** entries per stream and read; at most the streams' MAXLEN, so a follower behind the trim always reads a full batch */
    private readonly count: number,
  ) {}

  start(): void {
    this.running = true;
    this.loop ??= this.run();
  }

  /** Follows `key` from after `fromId` (a stream id; '0-0' for the whole stream). */
  follow(key: string, fromId: string, handler: StreamHandler): void {
    this.streams.set(key, { lastId: fromId, handler, busy: false });
    this.wake();
  }

  unfollow(key: string): void {
    this.streams.delete(key);
  }

  /** After a catch-up from the store: read on from `id`. */
  moveTo(key: string, id: string): void {
    const stream = this.streams.get(key);
    if (stream) stream.lastId = id;
  }

  following(key: string): boolean {
    return this.streams.has(key);
  }

  /**
   * The blocked XREAD returns at once, so the next one includes a stream just followed (or done
   * with its handler). Not blocked: the next read, whose keys are taken when it is sent, has it.
   */
  private wake(): void {
    this.idle?.();
    if (!this.blocked) return;
    // the read to end: a wake-up that comes while an earlier one is still unblocking its own
    // read moves the target on, rather than being dropped with that read's return
    this.unblockFor = this.iteration;
    if (this.waking) return;
    this.waking = true;
    void (async () => {
      try {
        // the XREAD may not have reached Redis yet when the first UNBLOCK does: again until it returned
        while (this.running && this.blocked && this.iteration === this.unblockFor && this.readerId !== null && this.redis.up) {
          await this.redis.command.client('UNBLOCK', this.readerId).catch(() => 0);
          await sleep(5);
        }
      } finally {
        this.waking = false;
      }
    })();
  }

  private async run(): Promise<void> {
    const { reader } = this.redis;
    while (this.running) {
      if (!this.redis.up) {
        this.readerId = null;
        await sleep(50);
        continue;
      }
      try {
        await this.beforeRead();
        this.readerId ??= Number(await reader.client('ID'));
      } catch (error) {
        this.log.debug({ err: (error as Error).message }, 'stream reader could not prepare a read');
        await sleep(100);
        continue;
      }
      // taken and sent in one turn, with `blocked` set: a stream followed (or done) after this wakes the read
      const keys = [...this.streams].filter(([, stream]) => !stream.busy).map(([key]) => key);
      if (keys.length === 0) {
        await new Promise<void>((resolve) => {
          this.idle = resolve;
          setTimeout(resolve, BLOCK_MS).unref();
        });
        this.idle = null;
        continue;
      }
      const after = keys.map((key) => this.streams.get(key)!.lastId);
      this.blocked = true;
      let reply: unknown;
      try {
        reply = await reader.callBuffer('XREAD', 'COUNT', this.count, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...after);
      } catch (error) {
        this.log.debug({ err: (error as Error).message }, 'stream read failed');
        this.readerId = null;
        await sleep(50);
        continue;
      } finally {
        this.blocked = false;
        this.iteration++;
      }
      const handled: Array<Promise<void>> = [];
      for (const [keyBytes, items] of (reply ?? []) as Array<[Buffer, Array<[Buffer, Buffer[]]>]>) {
        const key = keyBytes.toString();
        const stream = this.streams.get(key);
        if (!stream || items.length === 0) continue;
        const entries = items.map(([id, flat]) => {
          const fields = new Map<string, Buffer>();
          for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!.toString(), flat[i + 1]!);
          return { id: id.toString(), fields };
        });
        const before = stream.lastId;
        stream.lastId = entries[entries.length - 1]!.id;
        const done = this.handle(key, stream, entries, { after: before, full: items.length >= this.count });
        this.handling.add(done);
        void done.finally(() => this.handling.delete(done));
        handled.push(done);
      }
      // the usual handler is done within this turn: its stream is in the next read without a
      // wake-up; one still waiting on I/O is read again once it is done (`handle`)
      if (handled.length) await Promise.race([Promise.all(handled), afterThisTurn()]);
    }
  }

  private async handle(key: string, stream: { handler: StreamHandler; busy: boolean }, entries: StreamEntry[], read: { after: string; full: boolean }): Promise<void> {
    stream.busy = true;
    try {
      await stream.handler(entries, read);
    } catch (error) {
      this.log.error({ stream: key, err: (error as Error).message }, 'applying stream entries failed');
    } finally {
      stream.busy = false;
      this.wake();
    }
  }

  async close(): Promise<void> {
    this.running = false;
    this.idle?.();
    if (this.readerId !== null && this.redis.up) await this.redis.command.client('UNBLOCK', this.readerId).catch(() => 0);
    await this.loop;
    await Promise.all(this.handling);
  }
}
