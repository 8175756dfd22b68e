import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './postgres';

/**
 * A Redis server of the tests' own: /usr/bin/redis-server (or PATH) in a temporary folder, on a
 * free port of 127.0.0.1, never the machine's. Nothing is saved to disk, so a restart starts
 * empty, as a Redis without persistence does after a crash: the worst case for the fan-out.
 * Stream nodes hold 10 entries (not 100), so that `MAXLEN ~` trims close to the length asked:
 * a test can put a process behind the trim with a few hundred changes.
 */
export interface RedisServer {
  readonly port: number;
  /** its temporary folder */
  readonly dir: string;
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** kills the server (SIGKILL: connections are cut at once), keeping its port */
  stop(): Promise<void>;
  /** starts it again on the same port after `stop` */
  start(): Promise<void>;
  /** stops it and deletes its folder */
  close(): Promise<void>;
  /** the running server's process id (benches read its CPU time), undefined while stopped */
  pid(): number | undefined;
}

function listening(port: number, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - started > timeoutMs) reject(new Error(`redis-server did not listen on ${port}`));
        else setTimeout(attempt, 20);
      });
    };
    attempt();
  });
}

/** `exactTrim` (default): 10-entry stream nodes, see above; benches keep Redis's own 100. */
export async function startRedis(options: { exactTrim?: boolean } = {}): Promise<RedisServer> {
  const nodeEntries = options.exactTrim === false ? [] : ['--stream-node-max-entries', '10'];
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? 'redis-server';
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning', ...nodeEntries], { stdio: 'ignore' });
    const running = child;
    exited = new Promise((resolve) => running.once('exit', () => resolve()));
    await listening(port);
  };
  const stop = async () => {
    child?.kill('SIGKILL');
    await exited;
    child = null;
  };
  await start();
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    pid: () => child?.pid,
  };
}
