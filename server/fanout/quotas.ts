import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../quotas';

/**
 * Quotas (server/quotas.ts: registrations, version creates and reads) counted in Redis, so that
 * an address's quota is one whichever process it reaches. While Redis is away (or slow), each
 * process counts in memory instead (rate-limiter-flexible's insurance limiter), with the same
 * limits: the gate neither opens wholesale nor closes on everyone — at worst an address gets its
 * quota once per process until Redis is back.
 *
 * What stays per process, and why: the relay's connections and upgrades per address, the budgets
 * of main-thread and worker time (budgets.ts, limits.ts) and the per-connection buckets protect
 * this process's own sockets, memory and CPU, and are checked on every upgrade or message; a
 * Redis round trip there would add latency to every one of them and make a Redis outage an outage
 * of the relay. A load balancer that spreads addresses over n processes lets an address have up
 * to n times MAX_CONNECTIONS_PER_ADDRESS in all.
 */
export function redisLimiter(client: Redis): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `waymark:quota:${options.keyPrefix}`,
      points: options.points,
      duration: options.duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
