import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { change, CPU_WITH_SERVICES, FIGURES, forkRelay, makePeer, noToken, printTable, registerMap, runLoad, waitUntil, type Deployment, type LoadResult, type Peer, type RelayProcess } from './relayLoads';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

/**
 * Scale-out (issue 17): our relay as 1, 2 and 4 processes over Redis (REDIS_URL) and PostgreSQL
 * (STORE=postgres, DATABASE_URL), against our single process with LevelDB (production's default)
 * and against two Hocuspocus 4.7 instances with @hocuspocus/extension-redis (and its documents in
 * the same PostgreSQL, whole state per room, as its database extension does), its own provider as
 * client. Clients are spread round-robin over the processes (bench/relayLoads.ts), so with more than
 * one process every change reaches some of its receivers through another process: the fan-out
 * latency is the time until every other client of the room has it. The "by room" set-ups route as
 * the README's nginx example does (a hash of the map's URL): all clients of a room on one process,
 * so a room is held, and its changes applied, in one process only. Deliveries per second are over
 * a burst (every client makes 10 changes as fast as it can); CPU and memory are summed over the
 * relay processes, and CPU per delivery is shown again with Redis's and PostgreSQL's added (from
 * /proc: ours writes every update to PostgreSQL, Hocuspocus its whole document after a debounce).
 *
 * The bench starts its own redis-server (a fresh one per set-up) and PostgreSQL (a fresh database
 * per set-up) in temp dirs on free ports, and stops them. Ours scaled out needs a relay that speaks
 * REDIS_URL and STORE=postgres: each such set-up is first probed (tables in its database; a change
 * made on process 1 reaching a client of process 2), and shown "n/a" with a note when the relay in
 * this checkout does not do it.
 *
 * Hocuspocus 4.7 declares Node ≥ 22 and runs here on Node 20. Everything — clients, relays, Redis,
 * PostgreSQL — shares this machine's cores, so more processes only add throughput when there are
 * idle cores for them: the output says how many there were.
 * BENCH_SCALEOUT_ROUNDS (default 2): runs per set-up and load, interleaved, best by p50 shown (single
 * runs move by tens of percent with the machine's other work). About five minutes.
 * BENCH_SCALEOUT_LOADS=rooms|room|both (default both): 100 rooms × 5 clients and/or 1 room × 100.
 * BENCH_SCALEOUT_SETUPS=<names, comma-separated> (default all): e.g. "ours pg×2,ours pg×2 by room".
 */

type SetupName = 'ours leveldb×1' | 'ours pg×1' | 'ours pg×2' | 'ours pg×4' | 'hocuspocus×2' | 'ours pg×2 by room' | 'hocuspocus×2 by room';
const SETUPS: SetupName[] = ['ours leveldb×1', 'ours pg×1', 'ours pg×2', 'ours pg×4', 'hocuspocus×2', 'ours pg×2 by room', 'hocuspocus×2 by room'];

/** the set-ups whose load balancer sends each room's clients to one process (Deployment.route) */
const BY_ROOM = ' by room';

interface Services {
  postgres: Postgres;
  redis: Service[];
}

let databaseCounter = 0;

/** A set-up started, with the database it was given (ours over PostgreSQL and Hocuspocus). */
async function deploy(name: SetupName, services: Services): Promise<Deployment & { databaseUrl?: string }> {
  if (name.endsWith(BY_ROOM)) return { ...(await deploy(name.slice(0, -BY_ROOM.length) as SetupName, services)), route: 'by-room' };
  if (name === 'ours leveldb×1') {
    const relay = await forkRelay('ours');
    // its LevelDB is inside the relay process: no other service's CPU to add
    return { processes: [relay], client: 'y-websocket', token: (room) => registerMap(relay.port, room), servicesCpu: () => 0 };
  }
  const redis = await startRedis();
  services.redis.push(redis);
  const databaseUrl = await services.postgres.createDatabase(`bench_${process.pid}_${++databaseCounter}`);
  if (name === 'hocuspocus×2') {
    const env = { BENCH_HOCUSPOCUS_REDIS_URL: redis.url, BENCH_HOCUSPOCUS_DATABASE_URL: databaseUrl };
    const processes = await startAll(2, () => forkRelay('hocuspocus', env));
    return { processes, client: 'hocuspocus', token: noToken, databaseUrl, servicesCpu: () => redis.cpu() + services.postgres.cpu() };
  }
  const count = Number(name.slice(-1));
  const env = { STORE: 'postgres', DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
  // one at a time: the first runs the schema migrations
  const processes: RelayProcess[] = [];
  try {
    for (let i = 0; i < count; i++) processes.push(await forkRelay('ours', env));
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
  const first = processes[0]!;
  return { processes, client: 'y-websocket', token: (room) => registerMap(first.port, room), databaseUrl, servicesCpu: () => redis.cpu() + services.postgres.cpu() };
}

async function startAll(count: number, start: () => Promise<RelayProcess>): Promise<RelayProcess[]> {
  const processes: RelayProcess[] = [];
  for (let i = 0; i < count; i++) processes.push(await start());
  return processes;
}

/** Why `deployment` (ours over PostgreSQL and Redis) cannot be measured, or null when it can. */
async function probe(deployment: Deployment, databaseUrl: string): Promise<string | null> {
  if ((await countTables(databaseUrl)) === 0) return 'STORE=postgres wrote no table: this relay has no PostgreSQL store';
  if (deployment.processes.length < 2) return null;
  const peers: Peer[] = [];
  try {
    const room = `probe-${process.pid}-${Date.now()}`;
    const token = await deployment.token(room);
    for (let i = 0; i < 2; i++) peers.push(makePeer('y-websocket', deployment.processes[i]!.port, 0, room, token, i + 1, i === 0 ? new Y.Doc() : undefined));
    await waitUntil(() => peers.every((p) => p.synced()), 'probe clients to sync', 10_000);
    const arrived = change(peers[0]!, 1, `probe-${room}`);
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000).unref());
    if ((await Promise.race([arrived, late])) === 'late') return 'a change made on one process did not reach a client of another within 10 s: this relay does not fan out over REDIS_URL';
    return null;
  } catch (error) {
    return `${(error as Error).message}`;
  } finally {
    for (const p of peers) p.destroy();
  }
}

async function countTables(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

export async function runScaleoutBench(): Promise<void> {
  process.setMaxListeners(0); // one 'exit' listener per provider
  const rounds = Math.max(1, Number(process.env.BENCH_SCALEOUT_ROUNDS) || 2);
  const which = process.env.BENCH_SCALEOUT_LOADS ?? 'both';
  const only = process.env.BENCH_SCALEOUT_SETUPS?.split(',').map((name) => name.trim());
  const setups = only ? SETUPS.filter((name) => only.includes(name)) : SETUPS;
  const loads: Array<[string, number, number, number]> = [
    ...(which === 'room' ? [] : ([['100 rooms × 5 clients', 100, 5, 20]] as Array<[string, number, number, number]>)),
    ...(which === 'rooms' ? [] : ([['1 room × 100 clients', 1, 100, 200]] as Array<[string, number, number, number]>)),
  ];
  const { availableParallelism, loadavg } = await import('node:os');
  console.log(
    `\nScale-out benchmark: clients in this process, relays in child processes, own Redis and PostgreSQL; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} at the start.` +
      `\nHocuspocus 4.7 declares Node ≥ 22 and runs here on Node ${process.versions.node}. Best of ${rounds} round(s) by p50. Ratios: < 1 is better for the first named (throughput other/first).`,
  );
  let services: Services;
  try {
    await (await startRedis()).stop(); // both are needed: say so once, not per set-up
    services = { postgres: await startPostgres(), redis: [] };
  } catch (error) {
    console.log(`  not available: this bench needs PostgreSQL 15 and redis-server installed (${(error as Error).message.split('\n')[0]})`);
    return;
  }
  const unavailable = new Map<SetupName, string>();
  try {
    for (const [label, rooms, perRoom, changes] of loads) {
      const results: Partial<Record<SetupName, LoadResult>> = {};
      for (let round = 0; round < rounds; round++) {
        for (const name of setups) {
          if (unavailable.has(name)) continue;
          // one room routed by room is one process with Redis: pg×1 again
          if (rooms === 1 && name.endsWith(BY_ROOM)) continue;
          let deployment: Awaited<ReturnType<typeof deploy>>;
          try {
            deployment = await deploy(name, services);
          } catch (error) {
            await services.redis.pop()?.stop();
            unavailable.set(name, `did not start: ${(error as Error).message}`);
            continue;
          }
          try {
            if (name.startsWith('ours pg')) {
              const why = await probe(deployment, deployment.databaseUrl!);
              if (why) {
                unavailable.set(name, why);
                continue;
              }
            }
            const result = await runLoad(deployment, rooms, perRoom, changes);
            const best = results[name];
            if (!best || result.p50 < best.p50) results[name] = result;
          } catch (error) {
            // one set-up failing (a timeout: deliveries lost) must not hide the others' figures
            unavailable.set(name, `failed on ${label}: ${(error as Error).message}`);
          } finally {
            await Promise.all(deployment.processes.map((p) => p.stop()));
            await services.redis.pop()?.stop();
          }
        }
      }
      const get = (name: SetupName) => results[name] ?? null;
      printTable(
        `Scale-out, ${label}`,
        setups.map((name) => [name, get(name)]),
        [
          ['pg×2/leveldb×1', get('ours pg×2'), get('ours leveldb×1')],
          ['pg×2/hocuspocus×2', get('ours pg×2'), get('hocuspocus×2')],
          ['pg×4/hocuspocus×2', get('ours pg×4'), get('hocuspocus×2')],
          ['leveldb×1/hocuspocus×2', get('ours leveldb×1'), get('hocuspocus×2')],
          ['by room: pg×2/hocuspocus×2', get('ours pg×2 by room'), get('hocuspocus×2 by room')],
        ],
        [...FIGURES.slice(0, 4), CPU_WITH_SERVICES, ...FIGURES.slice(4)],
      );
      const single = get('ours leveldb×1');
      const one = get('ours pg×1');
      for (const scaledName of ['ours pg×2', 'ours pg×4', 'ours pg×2 by room'] as const) {
        const scaled = get(scaledName);
        if (!scaled || !single || !one) continue;
        console.log(
          `  targets, ${scaledName}: cross-process p99 ÷ single-process p99 ${(scaled.p99 / single.p99).toFixed(2)} (leveldb×1), ${(scaled.p99 / one.p99).toFixed(2)} (pg×1) (≤ 2)` +
            `; deliveries/s ÷ pg×1 ${(scaled.deliveriesPerSecond / one.deliveriesPerSecond).toFixed(2)} (≥ 1.5 where cores allow)`,
        );
      }
    }
  } finally {
    for (const redis of services.redis) await redis.stop();
    await services.postgres.stop();
  }
  for (const [name, why] of unavailable) console.log(`  ${name}: not available — ${why}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runScaleoutBench();
