import type { RedisConnections } from './connections';

/** how often the offset to the Redis server's clock is measured again */
const SYNC_MS = 60_000;
/** TIME round trips per measurement */
const SAMPLES = 3;

/**
 * The Redis server's clock as read from this process. A stream entry's id carries the
 * milliseconds of the Redis server that added it, so stream lag measured against this host's own
 * clock would count the skew between the two hosts as lag (an hour off, and every change would
 * seem an hour late). TIME is asked once a minute and whenever Redis is back; the offset assumes
 * the reply was made halfway through the round trip, so it is good to half a round trip (the
 * shortest of a few).
 */
export class RedisClock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly redis: RedisConnections) {}

  /** Measures the offset (before the first stream entry is read) and again every minute. */
  async start(): Promise<void> {
    this.timer ??= setInterval(() => void this.sync(), SYNC_MS).unref();
    await this.sync();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** now, in the Redis server's milliseconds (as in stream ids) */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /**
   * Measures the offset again: of a few samples, the one with the shortest round trip (a reply
   * that waited behind other work on this event loop would put the offset off by half the wait).
   * Keeps the last offset while Redis is away.
   */
  async sync(): Promise<void> {
    let best: { roundTrip: number; offset: number } | null = null;
    for (let i = 0; i < SAMPLES && this.redis.up; i++) {
      try {
        const sent = Date.now();
        const [seconds, micros] = await this.redis.command.time();
        const received = Date.now();
        const offset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - (sent + received) / 2;
        if (!best || received - sent < best.roundTrip) best = { roundTrip: received - sent, offset };
      } catch {
        // Redis went away in between: the next sync measures again
        break;
      }
    }
    if (best) this.offsetMs = best.offset;
  }
}
