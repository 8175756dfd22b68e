import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createMapFromTemplate } from '../src/model/templates';
import { percentile } from './stats';

/**
 * The relay under load, next to the stock @y/websocket-server 0.1.1 under the same load.
 *
 * Each relay runs in a child process of its own (bench/relay-server.ts), so its memory is measured
 * alone; the clients are real y-websocket providers, all in this process (so both relays pay the
 * same client-side costs, and one clock times send and receipt). Every room starts from the
 * retail template. Two loads: one room × 100 clients, 100 rooms × 5 clients. For each:
 * - fan-out latency: from a client's local change to its receipt by every other client in the
 *   room, one change at a time per room (all rooms at once in the second load), p50 and p99;
 * - throughput: every client makes 10 changes as fast as it can; deliveries (change × receiver)
 *   per second until every client has every change;
 * - memory: the relay process's RSS and JS heap after a full GC, before the clients and with them
 *   connected, per room and per connection.
 * Ours runs as in production: LevelDB store written before each broadcast, tokens, limits, every
 * update checked in the worker's copy of its room. The stock server runs in memory (its default);
 * for reference also with YPERSISTENCE (LevelDB, written without being awaited).
 * Each load runs twice per relay, interleaved, and the better run (by p50) of each is shown: other
 * work on the machine moves single runs by tens of percent.
 * Prints figures and ratios ours/stock (target ≤ 1.0); asserts nothing. About two minutes.
 */

type Kind = 'ours' | 'stock' | 'stock-leveldb';

interface Relay {
  kind: Kind;
  port: number;
  child: ChildProcess;
  mem(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

async function startRelay(kind: Kind): Promise<Relay> {
  const child = fork(path.join(here, 'relay-server.ts'), [kind === 'ours' ? 'ours' : 'stock'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...(kind === 'stock-leveldb' ? { YPERSISTENCE: mkdtempSync(path.join(tmpdir(), 'waymark-bench-stock-')) } : {}) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} relay exited with ${code}`)));
  });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  return {
    kind,
    port,
    child,
    mem: async () => (await ask<{ mem: NodeJS.MemoryUsage }>('mem')).mem,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function registerMap(port: number, id: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
  return ((await res.json()) as { editToken: string }).editToken;
}

interface Peer {
  id: number;
  room: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** pending changes: key → when it was made and how many receivers still lack it */
const pending = new Map<string, { t0: number; remaining: number; done: (ms: number) => void }>();

function makePeer(relay: Relay, room: number, roomName: string, token: string, id: number, content?: Y.Doc): Peer {
  const doc = content ?? new Y.Doc();
  doc.getMap('bench').observe((event) => {
    if (event.transaction.local) return;
    for (const key of event.keysChanged) {
      const p = pending.get(key);
      if (!p) continue;
      if (--p.remaining === 0) {
        pending.delete(key);
        p.done(performance.now() - p.t0);
      }
    }
  });
  const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, roomName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { id, room, doc, provider };
}

/** One change by `peer`, resolved with the time until every other peer of its room has it. */
function change(peer: Peer, receivers: number, key: string): Promise<number> {
  return new Promise((resolve) => {
    pending.set(key, { t0: performance.now(), remaining: receivers, done: resolve });
    peer.doc.getMap('bench').set(key, peer.id);
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Result {
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  rssPerRoom: number;
  heapPerRoom: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

export async function runLoad(kind: Kind, rooms: number, perRoom: number, changesPerRoom: number): Promise<Result> {
  const relay = await startRelay(kind);
  const peers: Peer[] = [];
  try {
    const before = await relay.mem();
    const template = Y.encodeStateAsUpdate(createMapFromTemplate('retail', 'en'));
    let id = 0;
    for (let r = 0; r < rooms; r++) {
      const name = `bench-${r}`;
      const token = kind === 'ours' ? await registerMap(relay.port, name) : 'none';
      const content = new Y.Doc();
      Y.applyUpdate(content, template);
      for (let c = 0; c < perRoom; c++) peers.push(makePeer(relay, r, name, token, ++id, c === 0 ? content : undefined));
      if (r % 10 === 9) await waitUntil(() => peers.every((p) => p.provider.synced), 'clients to sync');
    }
    const cardCount = createMapFromTemplate('retail', 'en').getMap('cards').size;
    await waitUntil(() => peers.every((p) => p.provider.synced && p.doc.getMap('cards').size === cardCount), 'every client to have its map');
    const loaded = await relay.mem();

    // latency: one change at a time per room, all rooms at once
    const byRoom = Array.from({ length: rooms }, (_, r) => peers.filter((p) => p.room === r));
    const latencies: number[] = [];
    await Promise.all(
      byRoom.map(async (members, r) => {
        for (let i = 0; i < changesPerRoom; i++) {
          const sender = members[i % members.length]!;
          latencies.push(await change(sender, members.length - 1, `l${r}-${i}`));
        }
      }),
    );

    // throughput: every client makes 10 changes as fast as it can
    const burst = 10;
    const start = performance.now();
    const all: Promise<number>[] = [];
    for (let i = 0; i < burst; i++) {
      for (const peer of peers) all.push(change(peer, perRoom - 1, `t${peer.id}-${i}`));
      await tick();
    }
    await Promise.all(all);
    const seconds = (performance.now() - start) / 1000;
    const deliveries = peers.length * burst * (perRoom - 1);

    const connections = rooms * perRoom;
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      deliveriesPerSecond: deliveries / seconds,
      rssPerRoom: (loaded.rss - before.rss) / rooms,
      heapPerRoom: (loaded.heapUsed - before.heapUsed) / rooms,
      rssPerConnection: (loaded.rss - before.rss) / connections,
      heapPerConnection: (loaded.heapUsed - before.heapUsed) / connections,
    };
  } finally {
    for (const p of peers) {
      p.provider.destroy();
      p.provider.awareness.destroy(); // its renewal timer would keep this process alive
      p.doc.destroy();
    }
    await relay.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function print(load: string, results: Record<Kind, Result>): void {
  const ours = results.ours;
  const rows: Array<[string, (r: Result) => number, (v: number) => string, boolean]> = [
    ['fan-out latency p50', (r) => r.p50, ms, true],
    ['fan-out latency p99', (r) => r.p99, ms, true],
    ['deliveries per second', (r) => r.deliveriesPerSecond, (v) => v.toFixed(0), false],
    ['memory per room (RSS)', (r) => r.rssPerRoom, kb, true],
    ['memory per room (heap)', (r) => r.heapPerRoom, kb, true],
    ['memory per connection (RSS)', (r) => r.rssPerConnection, kb, true],
    ['memory per connection (heap)', (r) => r.heapPerConnection, kb, true],
  ];
  console.log(`\nRelay, ${load}            ours         stock   stock+leveldb   ours/stock   ours/stock+leveldb`);
  for (const [what, get, show, lowerIsBetter] of rows) {
    // ratio < 1 is better than stock: for throughput it is stock/ours
    const ratio = (other: Result) => (lowerIsBetter ? get(ours) / get(other) : get(other) / get(ours));
    console.log(
      `  ${what.padEnd(30)} ${show(get(ours)).padStart(11)} ${show(get(results.stock)).padStart(13)} ${show(get(results['stock-leveldb'])).padStart(15)}` +
        `   ${ratio(results.stock).toFixed(2).padStart(10)}   ${ratio(results['stock-leveldb']).toFixed(2).padStart(18)}`,
    );
  }
}

const ROUNDS = 2;

export async function runRelayBench(): Promise<void> {
  process.setMaxListeners(0); // one 'exit' listener per provider
  const kinds: Kind[] = ['ours', 'stock', 'stock-leveldb'];
  const loads: Array<[string, number, number, number]> = [
    ['1 room × 100 clients', 1, 100, 200],
    ['100 rooms × 5 clients', 100, 5, 20],
  ];
  console.log('\nRelay benchmark: clients in this process, each relay in a child process (ratios < 1: ours is better; throughput ratio is stock/ours)');
  for (const [label, rooms, perRoom, changes] of loads) {
    // two rounds, interleaved, best of each kind by p50: this machine's other work shifts single runs
    const results = {} as Record<Kind, Result>;
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of kinds) {
        const result = await runLoad(kind, rooms, perRoom, changes);
        if (!results[kind] || result.p50 < results[kind].p50) results[kind] = result;
      }
    }
    print(label, results);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runRelayBench();
