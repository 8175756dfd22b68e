import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/**
 * The Redis connections of one relay process, and whether Redis is there.
 *
 * - `command`: XADD, PUBLISH, small reads, the shared quotas. No offline queue: while Redis is away a
 *   command fails at once (counted, logged; the caller keeps serving its own peers) instead of
 *   piling up in memory.
 * - `reader`: the one blocking XREAD of the process (a blocked connection can do nothing else).
 * - `subscriber`: presence, by pub/sub (a connection in subscriber mode can do nothing else either);
 *   ioredis subscribes again by itself after a reconnect.
 *
 * ioredis is imported here, on demand: a process without REDIS_URL never loads it.
 */
export interface RedisConnections {
  command: Redis;
  reader: Redis;
  subscriber: Redis;
  /** whether every connection is ready now */
  readonly up: boolean;
  /**
   * called whenever a connection comes back after it was lost (each time it happens): what was
   * published meanwhile may be gone for this process
   */
  onReconnected: () => void;
  /** called when a connection is lost */
  onLost: () => void;
  close(): Promise<void>;
}

/** how long start-up waits for Redis before serving without it (it then joins when Redis comes) */
const FIRST_CONNECT_MS = 5000;

export async function connectRedis(url: string, log: Logger): Promise<RedisConnections> {
  const { Redis } = await import('ioredis');
  const options: RedisOptions = {
    enableOfflineQueue: false,
    // a command in flight when the connection drops fails rather than being sent again later:
    // the caller counts it, and catching up from the store covers what it carried
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    // try again every 50 ms at first, then at most every second
    retryStrategy: (times) => Math.min(50 * times, 1000),
  };
  const command = new Redis(url, { ...options, connectionName: 'waymark-command' });
  const reader = new Redis(url, { ...options, connectionName: 'waymark-reader' });
  // subscriptions made while Redis is away wait for it
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, connectionName: 'waymark-presence' });
  const all = [command, reader, subscriber];
  const connections: RedisConnections = {
    command,
    reader,
    subscriber,
    get up() {
      return all.every((c) => c.status === 'ready');
    },
    onReconnected: () => {},
    onLost: () => {},
    async close() {
      // a polite QUIT, but not waiting on a Redis that is away
      await Promise.all(
        all.map((c) =>
          Promise.race([c.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]).finally(() => c.disconnect()),
        ),
      );
    },
  };
  const states = all.map((connection) => {
    const state = { wasReady: false, lost: false };
    connection.on('error', (error: Error) => log.debug({ err: error.message }, 'redis connection error'));
    connection.on('ready', () => {
      if (state.wasReady && state.lost) {
        state.lost = false;
        log.info('redis is back');
        connections.onReconnected();
      }
      state.wasReady = true;
    });
    connection.on('close', () => {
      if (!state.wasReady || state.lost) return;
      state.lost = true;
      log.warn('lost the connection to redis; serving this process\'s peers alone until it is back');
      connections.onLost();
    });
    return state;
  });
  const ready = Promise.all(all.map((c) => (c.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => c.once('ready', () => resolve())))));
  const timedOut = await Promise.race([ready.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), FIRST_CONNECT_MS).unref())]);
  if (timedOut) {
    log.error({ url: redactUrl(url) }, 'redis is not reachable; serving this process\'s peers alone until it is');
    // when it comes, what was stored meanwhile is caught up as after an outage
    for (const [i, state] of states.entries()) {
      if (all[i]!.status === 'ready') continue;
      state.wasReady = true;
      state.lost = true;
    }
  }
  return connections;
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://…';
  }
}
