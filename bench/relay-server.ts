import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocketServer } from 'ws';

/**
 * One relay under benchmark, in a process of its own so its memory is measured alone:
 * `node --expose-gc --import tsx bench/relay-server.ts <ours|stock|hocuspocus>`, forked by
 * bench/relayLoads.ts. It reports `{ port }` over IPC, answers 'mem' with its memory after a full
 * GC, 'cpu' with its process.cpuUsage() (so the bench can charge it the CPU of a burst), and 'stop'.
 *
 * - ours: `startServer` as in production (LevelDB store, tokens, limits, update-check worker).
 * - stock: @y/websocket-server 0.1.1's `setupWSConnection` on a plain `ws` server, no auth; with
 *   YPERSISTENCE set in the environment it persists to LevelDB too (without waiting for the write).
 * - hocuspocus: Hocuspocus 4.7 (bench/hocuspocus-server.ts), in memory; BENCH_HOCUSPOCUS_SQLITE=<file>
 *   adds its SQLite extension, BENCH_HOCUSPOCUS_REDIS_URL its Redis extension and
 *   BENCH_HOCUSPOCUS_DATABASE_URL a PostgreSQL store (bench/scaleout.bench.ts).
 */
const kind = process.argv[2];
const dir = mkdtempSync(path.join(tmpdir(), 'waymark-bench-relay-'));
let close: () => Promise<void>;
let port: number;

if (kind === 'ours') {
  const { startServer } = await import('../server/index');
  const server = await startServer({
    // every bench client comes from 127.0.0.1: the per-address limits would stop them
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '1000000',
    REGISTRATIONS_PER_MINUTE: '1000000',
    MAX_CONNECTIONS_PER_ADDRESS: '1000000',
    UPGRADES_PER_SECOND_PER_ADDRESS: '1000000',
    MAX_SOCKETS_PER_ADDRESS: '1000000',
    ...process.env, // so STORE=memory, COMPACT_AFTER_UPDATES=… can be tried from the command line
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    STATIC_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  port = server.port;
  close = server.close;
} else if (kind === 'hocuspocus') {
  // With its Redis extension, an instance that finds another storing a document logs so on every
  // debounced store ("Another instance is already storing this document"): expected, and not ours
  // to print hundreds of times.
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] === '[onStoreDocument]' && String(args[1]).startsWith('Another instance is already storing')) return;
    error(...args);
  };
  const { startHocuspocus } = await import('./hocuspocus-server');
  const server = await startHocuspocus({
    sqlite: process.env.BENCH_HOCUSPOCUS_SQLITE || undefined,
    redisUrl: process.env.BENCH_HOCUSPOCUS_REDIS_URL || undefined,
    databaseUrl: process.env.BENCH_HOCUSPOCUS_DATABASE_URL || undefined,
  });
  port = server.port;
  close = server.close;
} else {
  const { setupWSConnection } = await import('@y/websocket-server/utils');
  const server = http.createServer((_req, res) => res.end('stock'));
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  close = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      server.close(() => resolve());
    });
}

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message) => {
  if (message === 'mem') {
    gc?.();
    gc?.();
    process.send!({ mem: process.memoryUsage() });
  } else if (message === 'cpu') {
    process.send!({ cpu: process.cpuUsage() });
  } else if (message === 'stop') {
    void close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
// the bench is gone (crashed) or interrupted with this relay (Ctrl-C reaches the process group)
const quit = () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', quit);
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
process.send!({ port });
