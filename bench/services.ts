import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { startPostgres as startTestPostgres } from '../tests/support/postgres';
import { startRedis as startTestRedis } from '../tests/support/redis';

/**
 * The scale-out bench's Redis and PostgreSQL: the tests' own servers (tests/support/redis.ts,
 * tests/support/postgres.ts: temp dirs, free ports, PostgreSQL as the `postgres` user when root),
 * plus what a bench needs on top: their CPU time, read from /proc, and a hook that stops them if
 * the bench dies or is interrupted (Ctrl-C, SIGTERM) before it stops them itself.
 * PostgreSQL runs with fsync off unless BENCH_PG_FSYNC=on: a write then reaches the kernel before
 * it is acknowledged but is not flushed to disk, which is what our LevelDB store does (a relay or
 * database crash loses nothing, a power cut may), so the comparison is of relays, not of this
 * shared machine's disk.
 */

export interface Service {
  url: string;
  /** CPU (user + system) it has used so far, µs */
  cpu(): number;
  stop(): Promise<void>;
}

/** PostgreSQL with one database per `createDatabase`, so each measured set-up starts empty. */
export interface Postgres {
  port: number;
  createDatabase(name: string): Promise<string>;
  /** CPU (user + system) of the postmaster and its current children so far, µs */
  cpu(): number;
  stop(): Promise<void>;
}

const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** /proc/<pid>/stat's utime + stime, µs (0 once the process is gone); the name may hold spaces. */
function processCpu(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

/** The pids whose parent is `parent` (PostgreSQL's backends and workers under its postmaster). */
function childrenOf(parent: number | undefined): number[] {
  const children: number[] = [];
  if (parent === undefined) return children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** what stops each running service synchronously, should the bench end before it stops them */
const leftovers = new Set<() => void>();
let hooked = false;

function onExit(pid: () => number | undefined, dir: string): () => void {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => leftovers.forEach((fn) => fn()));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        leftovers.forEach((fn) => fn());
        process.exit(130);
      });
    }
  }
  // SIGQUIT: PostgreSQL's immediate shutdown; Redis quits on it too
  const stop = () => {
    const running = pid();
    if (running !== undefined) {
      try {
        process.kill(running, 'SIGQUIT');
      } catch {
        // gone already
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  leftovers.add(stop);
  return () => leftovers.delete(stop);
}

export async function startRedis(): Promise<Service> {
  const redis = await startTestRedis({ exactTrim: false });
  const unhook = onExit(redis.pid, redis.dir);
  return {
    url: redis.url,
    cpu: () => processCpu(redis.pid()),
    stop: async () => {
      unhook();
      await redis.close();
    },
  };
}

export async function startPostgres(): Promise<Postgres> {
  const postgres = await startTestPostgres({ durable: process.env.BENCH_PG_FSYNC === 'on' });
  const unhook = onExit(postgres.pid, postgres.dir);
  return {
    port: postgres.port,
    createDatabase: (name) => postgres.createDatabase(name),
    cpu: () => {
      const postmaster = postgres.pid();
      return [postmaster, ...childrenOf(postmaster)].reduce<number>((sum, pid) => sum + processCpu(pid), 0);
    },
    stop: async () => {
      unhook();
      await postgres.close();
    },
  };
}
