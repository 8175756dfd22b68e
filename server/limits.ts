/**
 * Limits against hostile or broken peers, and the close codes that say which one was hit.
 * Every number comes from the environment (config.ts); this file holds the mechanisms.
 *
 * - message size: `ws` refuses frames over MAX_MESSAGE_BYTES itself and closes with 1009;
 * - message and byte rate: a token bucket per connection; an empty bucket closes with 1008;
 * - malformed messages close their sender only (1003 for what we do not speak, 1007 for what does
 *   not decode); the room and its other peers carry on;
 * - crafted updates: see updateCheck.ts; who may write what in a feedback room: feedbackRules.mjs;
 * - presence (awareness): awareness.ts;
 * - requests that are cheap to send and dear to answer (sync step 1, awareness queries), time
 *   spent integrating updates per connection, per address and in total, bytes waiting to be sent
 *   per connection and in total, bytes stored per room, peers per room, dead peers (ping),
 *   origins: relay.ts.
 */

/** WebSocket close codes the relay uses (RFC 6455 § 7.4, and 4401 and 4409 in the private range). */
export const CLOSE = {
  /** the server is shutting down; clients reconnect to its successor */
  goingAway: 1001,
  /** a text frame, or a message type the y-websocket protocol does not have */
  unsupportedData: 1003,
  /** a message that does not decode (truncated, garbage, an update Yjs refuses or that is too expensive) */
  invalidPayload: 1007,
  /** rate limit */
  policyViolation: 1008,
  /** bigger than MAX_MESSAGE_BYTES (sent by `ws` itself) */
  messageTooBig: 1009,
  /** the store failed; the room was dropped from memory and reloads on the next join */
  internalError: 1011,
  /** the peer does not read what it is sent */
  tryAgainLater: 1013,
  /** the link this connection was opened with was rotated or revoked; y-websocket does not retry 44xx */
  linkRevoked: 4401,
  /**
   * what this connection may do changed (the owner locked or unlocked the map): refetch
   * /api/maps/:id/access and reconnect. Stock y-websocket 3 treats 44xx as final (it stops and
   * emits 'closed'), so the client has to call `provider.connect()` itself.
   */
  accessChanged: 4409,
  /**
   * the room holds MAX_ROOM_BYTES: it takes no more writes (sent after a permission-denied
   * "map-full"); final for y-websocket, so the client keeps its changes and does not retry
   */
  mapFull: 4413,
} as const;

/**
 * A token bucket: `capacity` tokens, refilled at `ratePerSecond`. `take` answers whether the
 * caller may go ahead, spending the tokens if so.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now = performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** earned on top of the rate (see `give`), spent first */
  private credit = 0;

  take(amount = 1, now = performance.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    const fromCredit = Math.min(this.credit, amount);
    if (this.tokens < amount - fromCredit) return false;
    this.credit -= fromCredit;
    this.tokens -= amount - fromCredit;
    return true;
  }

  /**
   * Allows `amount` more, on top of the rate, up to sixteen times the capacity: for what a peer
   * may answer in kind (a stock client echoes every presence change it is sent).
   */
  give(amount: number): void {
    this.credit = Math.min(16 * this.capacity, this.credit + amount);
  }

  /** Spends `amount` after the fact (it may go into debt); false while in debt. */
  charge(amount: number, now = performance.now()): boolean {
    this.take(0, now);
    this.tokens -= amount;
    return this.tokens >= 0;
  }

  /** Milliseconds until the bucket is out of debt (0 when it is not in debt). */
  msUntilSolvent(now = performance.now()): number {
    this.take(0, now);
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }

  /** Whether the bucket is full and holds no credit (it has been idle long enough to forget). */
  full(now = performance.now()): boolean {
    this.take(0, now);
    return this.tokens >= this.capacity && this.credit === 0;
  }
}

/**
 * A token bucket per key (a client address): created on first use, forgotten once full again, so
 * a flood of addresses leaves nothing behind for long.
 */
export class BucketsByKey {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
  ) {}

  get(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (++this.sweeps >= 1024) this.sweep();
      this.buckets.set(key, (bucket = new TokenBucket(this.ratePerSecond, this.capacity)));
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    this.sweeps = 0;
    const now = performance.now();
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
  }
}

/** The empty Yjs update (no structs, no deletions): what a peer with nothing new sends as sync step 2. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
