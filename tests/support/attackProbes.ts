import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { percentile, sleep, type AttackArgs, type AttackName, type Figures } from './attacks';

/**
 * What the attack report and the attack benchmark measure from outside the relay: the relay as a
 * child process (and its RSS from /proc), /healthz latency, a legitimate edit's fan-out latency
 * through stock y-websocket clients, /metrics when it answers, and the attacks themselves run in a
 * process of their own (attackRunner.ts) so they do not steal this process's event loop.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The legitimate clients (the victim's editors, the /healthz poller) connect from this loopback
 * address, the attackers from 127.0.0.1: a relay with per-address budgets then tells them apart,
 * as it would tell a workshop from an attacker on the internet.
 */
export const VICTIM_ADDRESS = '127.0.0.2';

/** The relays the report and the bench start get this METRICS_TOKEN (a relay without the setting ignores it). */
export const PROBE_METRICS_TOKEN = 'attack-probe-metrics-token-0123456789';
/** the checkout these files belong to */
export const HARNESS_ROOT = path.resolve(here, '../..');

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** resolves with the exit code, or the signal's name */
  exited: Promise<{ code: number | null; signal: string | null; at: number }>;
  /** null while it runs */
  exit: { code: number | null; signal: string | null; at: number } | null;
  /** the last log lines (stdout and stderr) */
  logs: string[];
  /** stderr, whole (where an uncaught exception lands) */
  stderr: () => string;
  stop(): Promise<void>;
}

/**
 * `node --import tsx server/index.ts` of the checkout at `root`, configured by `env` (PORT=0,
 * HOST=127.0.0.1, LOG_LEVEL=info, METRICS_TOKEN=PROBE_METRICS_TOKEN unless `env` says otherwise;
 * the port comes from its "listening" log line, as tests/support/relay.ts `spawnRelay` does).
 */
export function spawnServer(root: string, env: Record<string, string>, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', METRICS_TOKEN: PROBE_METRICS_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let stderr = '';
  const keep = (line: string) => {
    logs.push(line);
    if (logs.length > 400) logs.splice(0, logs.length - 200);
  };
  const server: ServerProcess = {
    child,
    pid: child.pid ?? 0,
    port: 0,
    exit: null,
    logs,
    stderr: () => stderr,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        server.exit = { code, signal, at: performance.now() };
        resolve(server.exit);
      }),
    ),
    async stop() {
      if (server.exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await server.exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        keep(line);
        if (server.port) continue;
        try {
          const entry = JSON.parse(line) as { port?: number; msg?: string };
          if (entry.port && entry.msg?.includes('listening')) {
            server.port = entry.port;
            resolve(server);
          }
        } catch {
          // not JSON
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stderr.length < 1_000_000) stderr += text;
      keep(text);
    });
    void server.exited.then(({ code, signal }) => {
      if (!server.port) reject(new Error(`the server exited (${code ?? signal}) before listening:\n${logs.join('\n')}`));
    });
    setTimeout(() => {
      if (server.port) return;
      child.kill('SIGKILL');
      reject(new Error(`the server did not listen within ${startTimeoutMs} ms:\n${logs.join('\n')}`));
    }, startTimeoutMs).unref();
  });
}

/** The first line of an uncaught error in a dead server's stderr ("RangeError: Maximum call stack size exceeded"). */
export function crashLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => /^\s*\w*(Error|Exception)\b.*:/.test(l) || /^\s*\w+Error\b/.test(l));
  return line?.trim().slice(0, 140) ?? stderr.trim().split('\n')[0]?.slice(0, 140) ?? '';
}

/** A process's resident set, in bytes, from /proc (0 when it is gone). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS every `intervalMs`: the peak while it runs. */
export class RssSampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.peak = rssOf(pid);
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, rssOf(pid));
    }, intervalMs);
  }

  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, rssOf(this.pid));
    return this.peak;
  }
}

export interface LatencyStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** requests or edits that failed or timed out */
  failed: number;
  /** samples over 100 ms */
  over100: number;
}

export function latencyStats(samples: readonly number[], failed: number): LatencyStats {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : 0,
    failed,
    over100: samples.filter((s) => s > 100).length,
  };
}

/** One GET on a fresh connection (a new visitor), resolved with its latency; rejects on error or after `timeoutMs`, whatever state the request is in. */
export function timedGet(port: number, path: string, timeoutMs = 5000, localAddress = VICTIM_ADDRESS): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else {
        resolve(performance.now() - start);
      }
    };
    const timer = setTimeout(() => settle(new Error('timeout')), timeoutMs);
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, localAddress }, (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode === 200 ? null : new Error(`status ${res.statusCode}`)));
      res.on('error', (error) => settle(error));
      res.on('close', () => settle(new Error('response closed')));
    });
    req.on('error', (error) => settle(error));
  });
}

/** /healthz, one request after another (`intervalMs` apart), until stopped. A failed request counts its time too. */
export class HealthProbe {
  private readonly samples: number[] = [];
  private failed = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly port: number,
    intervalMs = 25,
    timeoutMs = 5000,
  ) {
    this.loop = (async () => {
      while (this.running) {
        const start = performance.now();
        try {
          this.samples.push(await timedGet(this.port, '/healthz', timeoutMs));
        } catch {
          this.failed++;
          this.samples.push(performance.now() - start);
        }
        if (this.running) await sleep(intervalMs);
      }
    })();
  }

  async stop(): Promise<LatencyStats> {
    this.running = false;
    await this.loop;
    return latencyStats(this.samples, this.failed);
  }
}

/** `ws` from VICTIM_ADDRESS, as a WebSocket class for y-websocket */
class VictimWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { localAddress: VICTIM_ADDRESS });
  }
}
const Polyfill = VictimWebSocket as unknown as typeof globalThis.WebSocket;

/**
 * A legitimate workshop on a map of its own: one writer and `receivers` readers, stock y-websocket
 * providers. Each change by the writer is timed until every receiver has it (fan-out latency), one
 * change at a time, `intervalMs` apart. A change that does not arrive within `timeoutMs` counts as
 * failed with that latency.
 */
export class EditProbe {
  private readonly writer: { doc: Y.Doc; provider: WebsocketProvider };
  private readonly readers: Array<{ doc: Y.Doc; provider: WebsocketProvider }>;
  private samples: number[] = [];
  private failed = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private n = 0;
  private pending: { key: string; t0: number; remaining: number; done: () => void } | null = null;

  constructor(
    port: number,
    mapId: string,
    writerToken: string,
    readerToken: string,
    receivers = 1,
    private readonly intervalMs = 20,
    private readonly timeoutMs = 10_000,
  ) {
    const provider = (token: string, doc: Y.Doc) =>
      new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, mapId, doc, { params: { token }, WebSocketPolyfill: Polyfill, disableBc: true, maxBackoffTime: 500 });
    const writerDoc = new Y.Doc();
    this.writer = { doc: writerDoc, provider: provider(writerToken, writerDoc) };
    this.readers = Array.from({ length: receivers }, () => {
      const doc = new Y.Doc();
      doc.getMap('probe').observe((event) => {
        const p = this.pending;
        if (p && event.keysChanged.has(p.key) && --p.remaining === 0) p.done();
      });
      return { doc, provider: provider(readerToken, doc) };
    });
  }

  async ready(timeoutMs = 15_000): Promise<boolean> {
    const start = performance.now();
    while (![this.writer, ...this.readers].every((c) => c.provider.synced)) {
      if (performance.now() - start > timeoutMs) return false;
      await sleep(20);
    }
    return true;
  }

  /** Starts timing changes, with fresh figures. */
  start(): void {
    this.samples = [];
    this.failed = 0;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const key = `k${++this.n}`;
        const t0 = performance.now();
        const arrived = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => finish(false), this.timeoutMs);
          const finish = (ok: boolean) => {
            clearTimeout(timer);
            this.pending = null;
            resolve(ok);
          };
          this.pending = { key, t0, remaining: this.readers.length, done: () => finish(true) };
          this.stopWaiting = () => finish(false);
          this.writer.doc.getMap('probe').set(key, this.n);
        });
        const took = performance.now() - t0;
        if (!arrived && this.running) this.failed++;
        // a change still on its way when the probe stops counts with the time it has waited so far
        // (not as lost: it may yet arrive)
        if (arrived || took > 50) this.samples.push(took);
        if (this.running) await sleep(this.intervalMs);
      }
    })();
  }

  private stopWaiting: () => void = () => {};

  async stop(): Promise<LatencyStats> {
    this.running = false;
    this.stopWaiting();
    await this.loop;
    return latencyStats(this.samples, this.failed);
  }

  destroy(): void {
    this.running = false;
    this.stopWaiting();
    for (const c of [this.writer, ...this.readers]) {
      c.provider.destroy();
      c.provider.awareness.destroy();
      c.doc.destroy();
    }
  }
}

/** /metrics as name{labels} → value (asked with PROBE_METRICS_TOKEN), or null when it does not answer 200. */
export async function scrapeMetrics(port: number): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { Authorization: `Bearer ${PROBE_METRICS_TOKEN}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 200) return null;
    const out = new Map<string, number>();
    for (const line of (await res.text()).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const space = line.lastIndexOf(' ');
      out.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    return out;
  } catch {
    return null;
  }
}

type RunnerReply = { id: number; result?: Figures; error?: string };

/**
 * Attacks in a child process (attackRunner.ts), one at a time: `run` returns the figures' promise
 * and a `stop` that ends the attack early. A runner that died or hung is replaced on the next run.
 */
export class AttackRunner {
  private child: ChildProcess | null = null;
  private started: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (f: Figures) => void; reject: (e: Error) => void }>();

  private ensure(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    const child = fork(path.join(here, 'attackRunner.ts'), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      cwd: HARNESS_ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.started = new Promise((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        child.off('message', onReady);
        resolve();
      };
      child.on('message', onReady);
      child.once('exit', () => resolve());
    });
    child.on('message', (message: RunnerReply) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.result ?? {});
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`the attack process exited (${code ?? signal})`));
      this.waiting.clear();
      if (this.child === child) this.child = null;
    });
    this.child = child;
    return child;
  }

  /** Starts the attack process if it is not running, and waits until it has loaded (a second or two). */
  async start(): Promise<void> {
    this.ensure();
    await this.started;
  }

  run<N extends AttackName>(name: N, args: AttackArgs<N>, hardTimeoutMs = 600_000): { result: Promise<Figures>; stop(): void } {
    const child = this.ensure();
    const id = this.nextId++;
    const result = new Promise<Figures>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      child.send({ id, name, args });
    });
    const timer = setTimeout(() => {
      // hung: the process goes, and with it the attack's sockets
      child.kill('SIGKILL');
    }, hardTimeoutMs);
    void result.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    return { result, stop: () => child.connected && child.send({ id, stop: true }) };
  }

  close(): void {
    if (this.child?.connected) this.child.disconnect();
    this.child?.kill();
    this.child = null;
  }
}
