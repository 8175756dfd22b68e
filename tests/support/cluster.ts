import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';
import { httpUrl, spawnRelay, type RelayProcess } from './relay';

/**
 * Several relay processes over one PostgreSQL and one Redis of the tests' own, as an operator runs
 * them behind a load balancer (here the tests pick the process each client talks to).
 */
export interface Cluster {
  pg: PostgresServer;
  redis: RedisServer;
  databaseUrl: string;
  relays: RelayProcess[];
  /** one more relay process over the same PostgreSQL and Redis */
  spawn(env?: Record<string, string>): Promise<RelayProcess>;
  /** kill -9 */
  kill(relay: RelayProcess): Promise<void>;
  close(): Promise<void>;
}

export async function startCluster(processes: number, env: Record<string, string> = {}): Promise<Cluster> {
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await pg.createDatabase();
  const relays: RelayProcess[] = [];
  const starting = new Set<Promise<unknown>>();
  const spawn = async (extra: Record<string, string> = {}) => {
    const started = spawnRelay({ PORT: '0', STORE: 'postgres', DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ROOM_IDLE_MS: '0', LOG_LEVEL: 'info', ...env, ...extra });
    starting.add(started);
    try {
      const relay = await started;
      relays.push(relay);
      return relay;
    } finally {
      starting.delete(started);
    }
  };
  await Promise.all(Array.from({ length: processes }, () => spawn()));
  return {
    pg,
    redis,
    databaseUrl,
    relays,
    spawn,
    async kill(relay) {
      relay.child.kill('SIGKILL');
      await relay.exited;
    },
    async close() {
      await Promise.allSettled([...starting]);
      for (const relay of relays) relay.child.kill('SIGKILL');
      await Promise.all(relays.map((r) => r.exited));
      await Promise.all([redis.close(), pg.close()]);
    },
  };
}

/** GET /healthz of a process, as JSON. */
export async function health(port: number): Promise<{ status: string; redis?: { state: string; rooms: number } } & Record<string, unknown>> {
  const res = await fetch(httpUrl(port, '/healthz'));
  return (await res.json()) as { status: string; redis?: { state: string; rooms: number } };
}

/** A counter or gauge of a process's /metrics, summed over the series whose labels include `label` (e.g. 'reason="trimmed"'), or 0. */
export function metricValue(text: string, name: string, label = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (match?.[1] === name && (match[2] ?? '').includes(label)) sum += Number(match[3]);
  }
  return sum;
}
