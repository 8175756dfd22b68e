import { readFileSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { encodeEntries } from '../../server/awareness';
import { metricsText, spawnRelay, type RelayProcess, httpUrl } from './relay';

/**
 * Tools for the hostile-peer suites: a relay in a child process (so that "it did not crash" means
 * the process), and what an attacker sends and a bystander measures.
 */

/** The relay as production runs it, with the given limits. */
export function spawnHostileRelay(env: Record<string, string> = {}): Promise<RelayProcess> {
  return spawnRelay({ PORT: '0', STORE: 'memory', ROOM_IDLE_MS: '0', ...env });
}

export function stopRelay(relay: RelayProcess): Promise<unknown> {
  if (relay.child.exitCode !== null) return Promise.resolve();
  relay.child.kill('SIGTERM');
  return relay.exited;
}

/** The process's resident memory, in MiB. */
export function rssMiB(relay: RelayProcess): number {
  const status = readFileSync(`/proc/${relay.child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** One /healthz round trip, in ms (Infinity when it fails or takes over `timeoutMs`). */
export async function healthzMs(port: number, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  try {
    const res = await fetch(httpUrl(port, '/healthz'), { signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200) return Infinity;
    await res.text();
    return performance.now() - start;
  } catch {
    return Infinity;
  }
}

/** Asks /healthz every `everyMs` until stopped; the worst answer time. */
export function watchHealth(port: number, everyMs = 50): { stop(): Promise<{ worstMs: number; samples: number }> } {
  let running = true;
  let worst = 0;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      worst = Math.max(worst, await healthzMs(port));
      samples++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { worstMs: worst, samples };
    },
  };
}

/** A metric's value from /metrics (summed over its labels). */
export async function metric(port: number, name: string): Promise<number> {
  const text = await metricsText(port);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** A y-websocket awareness message (type 1) carrying `entries` (`json`: the state as JSON text, 'null' to clear). */
export function awarenessFrame(entries: ReadonlyArray<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encodeEntries(entries.map(({ clientId, clock, json }) => ({ clientId, clock, text: json }))));
  return encoding.toUint8Array(outer);
}

/** JSON nested `depth` levels deep: it parses, but JSON.stringify overflows the stack on it. */
export function deepJson(depth: number): string {
  return `{"user":{"name":"deep","color":"#2563eb"},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A WebSocket class whose sockets come from another loopback address (another "client address"). */
export function fromAddress(localAddress: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
      super(url, protocols, { ...options, localAddress });
    }
  } as unknown as typeof WebSocket;
}

/** Stops reading: the socket's receive buffer fills and the server's sends back up. */
export function stopReading(ws: WebSocket): void {
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
}

/** p-th percentile (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
