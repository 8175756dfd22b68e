import type { RedisConnections } from './connections';

/** how often the offset to the Redis server's clock is measured again */
const SYNC_MS = 60_000;

/**
 * The Redis server's clock as read from this process. A stream entry's id carries the
 * milliseconds of the Redis server that added it, so stream lag measured against this host's own
 * clock would count the skew between the two hosts as lag (an hour off, and every change would
 * seem an hour late). TIME is asked once a minute and whenever Redis is back; the offset assumes
 * the reply was made halfway through the round trip, so it is good to half a round trip.
 */
export class RedisClock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly redis: RedisConnections) {}

  start(): void {
    void this.sync();
    this.timer ??= setInterval(() => void this.sync(), SYNC_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** now, in the Redis server's milliseconds (as in stream ids) */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Measures the offset again; keeps the last one while Redis is away. */
  async sync(): Promise<void> {
    if (!this.redis.up) return;
    try {
      const sent = Date.now();
      const [seconds, micros] = await this.redis.command.time();
      const received = Date.now();
      this.offsetMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - (sent + received) / 2;
    } catch {
      // Redis went away in between: the next sync measures again
    }
  }
}
