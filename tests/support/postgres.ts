import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL server of the tests' own: a fresh cluster in a temporary folder, on a free port of
 * 127.0.0.1 (and a socket in that folder), never the machine's. PostgreSQL refuses to run as root,
 * so as root the cluster belongs to the `postgres` user and runs under `runuser`.
 *
 * The superuser `waymark` logs in without a password from 127.0.0.1; every other role needs its
 * password (scram), so a test can see a login refused.
 */
export interface PostgresServer {
  readonly port: number;
  readonly dir: string;
  /** postgres://waymark@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** a new, empty database; its URL */
  createDatabase(name?: string): Promise<string>;
  /** a new, empty schema in the `waymark` database, as a URL whose connections use only it */
  createSchema(name?: string): Promise<string>;
  /** runs SQL as the superuser in `database` (default `waymark`) */
  sql(text: string, params?: unknown[], database?: string): Promise<pg.QueryResult>;
  /** stops the server (fast shutdown: connections are cut), keeping its data and port */
  stop(): Promise<void>;
  /** starts it again on the same port after `stop` */
  start(): Promise<void>;
  /** stops it and deletes its folder */
  close(): Promise<void>;
  /** the postmaster's process id (benches read its and its backends' CPU time), undefined while stopped */
  pid(): number | undefined;
}

/** initdb, postgres: the newest /usr/lib/postgresql/<n>/bin, else PATH */
export function postgresBin(name: 'initdb' | 'postgres'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', name);
  }
  return name;
}

const asRoot = process.getuid?.() === 0;

/** the command line, as the `postgres` user when we are root */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
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

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;

/**
 * `durable`: fsync and synchronous commit on, as in production (for measurements); tests run
 * without, nothing of theirs has to survive a crash of the machine.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    chmodSync(dir, 0o700);
    chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  }
  const [initCommand, initArgs] = asPostgres(postgresBin('initdb'), ['-D', data, '-U', 'waymark', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);
  writeFileSync(
    path.join(data, 'pg_hba.conf'),
    ['local all all trust', 'host all waymark 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'),
  );
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';

  const start = async () => {
    const [command, args] = asPostgres(postgresBin('postgres'), [
      '-D', data,
      '-p', String(port),
      '-k', dir,
      '-c', 'listen_addresses=127.0.0.1',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      '-c', 'max_connections=300',
      '-c', 'shared_buffers=32MB',
    ]);
    log = '';
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child = proc;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`postgres exited with ${proc.exitCode}: ${log}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // the postmaster itself (under runuser, its pid is in postmaster.pid): SIGINT = fast shutdown
    const pidFile = path.join(data, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : proc.pid;
    try {
      process.kill(pid ?? proc.pid!, 'SIGINT');
    } catch {
      proc.kill('SIGINT');
    }
    const timer = setTimeout(() => {
      try {
        process.kill(pid ?? proc.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };

  const url = (database = 'waymark') => `postgres://waymark@127.0.0.1:${port}/${database}`;

  const sql = async (text: string, params: unknown[] = [], database = 'waymark') => {
    const client = new pg.Client({ connectionString: url(database) });
    client.on('error', () => {});
    await client.connect();
    try {
      return await client.query(text, params);
    } finally {
      await client.end();
    }
  };

  await start();
  await sql('CREATE DATABASE waymark', [], 'postgres');

  return {
    port,
    dir,
    url,
    async createDatabase(name = uniqueName('db')) {
      await sql(`CREATE DATABASE "${name}"`, [], 'postgres');
      return url(name);
    },
    async createSchema(name = uniqueName('s')) {
      await sql(`CREATE SCHEMA "${name}"`);
      return `${url()}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    sql,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    pid() {
      const pidFile = path.join(data, 'postmaster.pid');
      return child && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
    },
  };
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
