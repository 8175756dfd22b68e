import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { AccessControl } from '../auth';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';
import type { LimiterFactory } from '../quotas';
import type { RoomFanout } from '../rooms';
import type { SpaceAccess } from '../spaces';
import type { RelayStore } from '../store';
import type { UpdateChecker } from '../updateCheck';
import { connectRedis } from './connections';
import { ControlFeed } from './control';
import { createFanoutMetrics } from './metrics';
import { PresenceChannel } from './presence';
import { redisLimiter } from './quotas';
import { RedisClock } from './redisClock';
import { RoomStreams } from './roomStreams';
import { StreamReader } from './streamReader';

/** What /healthz says about Redis. */
export interface RedisHealth {
  /** "up": every connection ready; "down": this process serves its own peers alone */
  state: 'up' | 'down';
  /** rooms this process follows others' changes of */
  rooms: number;
}

/**
 * Many relay processes over one PostgreSQL store and one Redis (REDIS_URL): the pieces, wired.
 * `start` before the access control and rooms are made (the store it returns announces record
 * writes; `rooms` goes into the Rooms' options), `attach` once the relay exists.
 */
export async function startFanout(config: ServerConfig, deps: { store: RelayStore; checker: UpdateChecker; metrics: Metrics; log: Logger }) {
  const log = deps.log.child({ part: 'fanout' });
  const redis = await connectRedis(config.redisUrl!, log);
  const metrics = createFanoutMetrics(deps.metrics.registry, () => redis.up);
  // 16 random bytes: this process's entries and messages, which it skips when they come back
  const origin = randomBytes(16).toString('hex');
  const reader = new StreamReader(redis, log, Math.min(256, config.redisStreamMaxLength));
  const clock = new RedisClock(redis);
  const streams = new RoomStreams({ redis, reader, store: deps.store, checker: deps.checker, metrics, log, maxLength: config.redisStreamMaxLength, entryMaxBytes: config.redisStreamEntryMaxBytes, origin, redisNow: () => clock.now() });
  const presence = new PresenceChannel(redis, metrics, log, origin);
  const control = new ControlFeed(redis, reader, metrics, log, origin);

  // something published while a connection was lost may be gone for us: once Redis is back, and
  // before the next read, every room is read again from the store and every connection's access
  // checked again
  let missed = false;
  redis.onLost = () => {
    missed = true;
  };
  redis.onReconnected = () => {
    missed = true;
    // perhaps another Redis server (a failover), with a clock of its own
    void clock.sync();
  };
  reader.beforeRead = async () => {
    if (!missed) return;
    missed = false;
    try {
      await control.recover();
      await streams.recover();
      log.info({ rooms: streams.size }, 'caught up after redis was away');
    } catch (error) {
      missed = true;
      throw error;
    }
  };

  const rooms: RoomFanout = {
    following: (name) => streams.following(name),
    follow: (room, cursor) => {
      streams.follow(room, cursor);
      presence.follow(room);
    },
    stored: (room, update, ref) => streams.stored(room, update, ref),
    presence: (room, message) => presence.changed(room, message),
  };

  return {
    /** the store to give everything else: record writes are announced to the other processes */
    store: control.announcing(deps.store),
    rooms,
    limiter: redisLimiter(redis.command) as LimiterFactory,
    /** the room left this process's memory */
    left(name: string): void {
      streams.left(name);
      presence.left(name);
    },
    /** wires access changes both ways (after the relay set its callbacks) and starts reading */
    async attach(access: AccessControl, spaces: SpaceAccess, recheckAll: () => Promise<void>): Promise<void> {
      await control.attach(access, spaces, recheckAll);
      await clock.start();
      reader.start();
    },
    health(): RedisHealth {
      return { state: redis.up ? 'up' : 'down', rooms: streams.size };
    },
    async close(): Promise<void> {
      clock.stop();
      await reader.close();
      await redis.close();
    },
  };
}

export type Fanout = Awaited<ReturnType<typeof startFanout>>;
