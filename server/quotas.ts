import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What a quota is: points per key and window. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * Where a quota's counts live: in this process's memory (the default), or shared by every relay
 * process (server/fanout/quotas.ts, with REDIS_URL).
 */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

export const memoryLimiter: LimiterFactory = (options) => new RateLimiterMemory(options);

/** Why a request was turned away, and when the caller may try again. */
export interface QuotaRefusal {
  scope: 'address' | 'total';
  retryAfterSeconds: number;
}

/**
 * Map registrations per client address and in total, each per minute (fixed windows, in memory:
 * they start afresh when the process restarts; in Redis with REDIS_URL, shared by every process). A registration costs one point of its address's
 * quota and then one of the total; one refused by its address's quota does not use up the
 * total, so a single address cannot exhaust it for everyone else.
 */
export class RegistrationQuota {
  private readonly byAddress: RateLimiterAbstract;
  private readonly overall: RateLimiterAbstract;

  constructor(perAddressPerMinute: number, perMinute: number, limiter: LimiterFactory = memoryLimiter) {
    this.byAddress = limiter({ keyPrefix: 'registrations-by-address', points: perAddressPerMinute, duration: 60 });
    this.overall = limiter({ keyPrefix: 'registrations', points: perMinute, duration: 60 });
  }

  /** Spends one registration of `address`, or says why not. */
  async take(address: string): Promise<QuotaRefusal | null> {
    const refusal = await spend(this.byAddress, address);
    if (refusal !== null) return { scope: 'address', retryAfterSeconds: refusal };
    const total = await spend(this.overall, 'all');
    if (total !== null) return { scope: 'total', retryAfterSeconds: total };
    return null;
  }
}

/** null when the point was spent, else the whole seconds until one is free again (at least 1). */
async function spend(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/**
 * Versions made through the API, per map (its access key) and per client address, each per
 * minute (fixed windows, in memory, as for registrations). A create costs a point of the
 * caller's address first, then one of the map's; one refused by the address does not use up the
 * map's, so a hostile peer from elsewhere cannot stop a team from naming versions of its map any
 * more than the map's own link holders can.
 */
export class VersionQuota {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byMap: RateLimiterAbstract;

  constructor(perAddressPerMinute: number, perMapPerMinute: number, limiter: LimiterFactory = memoryLimiter) {
    this.byAddress = limiter({ keyPrefix: 'versions-by-address', points: perAddressPerMinute, duration: 60 });
    this.byMap = limiter({ keyPrefix: 'versions-by-map', points: perMapPerMinute, duration: 60 });
  }

  async take(address: string, map: string): Promise<{ scope: 'address' | 'map'; retryAfterSeconds: number } | null> {
    const refusal = await spend(this.byAddress, address);
    if (refusal !== null) return { scope: 'address', retryAfterSeconds: refusal };
    const mapRefusal = await spend(this.byMap, map);
    if (mapRefusal !== null) return { scope: 'map', retryAfterSeconds: mapRefusal };
    return null;
  }
}

/** Requests of one kind per client address and minute (version files, which cost a decode and an encode each). */
export class AddressQuota {
  private readonly limiter: RateLimiterAbstract;

  constructor(keyPrefix: string, perMinute: number, limiter: LimiterFactory = memoryLimiter) {
    this.limiter = limiter({ keyPrefix, points: perMinute, duration: 60 });
  }

  /** null when spent, else the seconds until the address may try again */
  take(address: string): Promise<number | null> {
    return spend(this.limiter, address);
  }
}
