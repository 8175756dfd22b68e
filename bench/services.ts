import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A Redis and a PostgreSQL of the bench's own, in temp dirs on free ports, for the scale-out bench:
 * nothing else on the machine is used or touched, and each is stopped by what started it.
 * PostgreSQL refuses to run as root: as root it runs as the `postgres` user (runuser). It runs with
 * fsync=off unless BENCH_PG_FSYNC=on: a write then reaches the kernel before it is acknowledged but
 * is not flushed to disk, which is what our LevelDB store does (a relay or database crash loses
 * nothing, a power cut may), so the comparison is of relays, not of this shared machine's disk.
 * If the bench dies or is interrupted (Ctrl-C, SIGTERM) before stopping them, a hook stops them.
 */

const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REDIS_SERVER = process.env.BENCH_REDIS_SERVER ?? 'redis-server';

export interface Service {
  url: string;
  /** CPU (user + system) it has used so far, µs */
  cpu(): number;
  stop(): Promise<void>;
}

const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** /proc/<pid>/stat's utime + stime, µs (0 once the process is gone); the name may hold spaces. */
function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

/** The pids whose parent is `parent` (PostgreSQL's backends and workers under its postmaster). */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
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

function onExit(stop: () => void): () => void {
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
  leftovers.add(stop);
  return () => leftovers.delete(stop);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() - start > timeoutMs) throw new Error(`bench: ${what} did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startRedis(): Promise<Service> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-bench-redis-'));
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const unhook = onExit(kill);
  // not installed: 'error' instead of a port
  const failed = new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`${REDIS_SERVER}: ${error.message}`))));
  await Promise.race([waitForPort(port, 'redis-server'), failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    cpu: () => processCpu(child.pid!),
    stop: async () => {
      unhook();
      kill();
      await exited;
    },
  };
}

/** PostgreSQL with one database per `createDatabase`, so each measured set-up starts empty. */
export interface Postgres {
  port: number;
  createDatabase(name: string): Promise<string>;
  /** CPU (user + system) of the postmaster and its current children so far, µs */
  cpu(): number;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-bench-pg-'));
  const data = path.join(dir, 'data');
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  // as root, every PostgreSQL tool runs as the postgres user
  const as = (bin: string, args: string[]) => (root ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args], { stdio: 'pipe' }) : execFileSync(path.join(PG_BIN, bin), args, { stdio: 'pipe' }));
  as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const fsync = process.env.BENCH_PG_FSYNC === 'on' ? 'on' : 'off';
  as('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${fsync}`, 'start']);
  const stopServer = () => {
    try {
      as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const unhook = onExit(stopServer);
  const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  return {
    port,
    createDatabase: async (name) => {
      await admin.query(`CREATE DATABASE "${name}"`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    cpu: () => [postmaster, ...childrenOf(postmaster)].reduce((sum, pid) => sum + processCpu(pid), 0),
    stop: async () => {
      unhook();
      await admin.end();
      as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
