import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createMapFromTemplate } from '../src/model/templates';
import { percentile } from './stats';

/**
 * The loads of the relay benches (bench/relay.bench.ts, bench/scaleout.bench.ts), whatever serves
 * them: one or more relay processes (bench/relay-server.ts, each a child of its own so its memory
 * and CPU are measured alone) and real clients of the kind that relay expects — y-websocket
 * providers for ours and the stock server, Hocuspocus's own provider for Hocuspocus —, all in this
 * process, so every relay pays the same client-side costs and one clock times send and receipt.
 * Clients are spread round-robin over the processes; every room starts from the retail template,
 * sent by the room's first client.
 */

export type ServerKind = 'ours' | 'stock' | 'hocuspocus';
export type ClientKind = 'y-websocket' | 'hocuspocus';

export interface RelayProcess {
  port: number;
  mem(): Promise<NodeJS.MemoryUsage>;
  /** process.cpuUsage() of the relay process */
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** One relay process (bench/relay-server.ts) with `env` added to this process's environment. */
export async function forkRelay(kind: ServerKind, env: NodeJS.ProcessEnv = {}): Promise<RelayProcess> {
  const child = fork(path.join(here, 'relay-server.ts'), [kind], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} relay exited with ${code}`)));
  });
  // one question at a time per process: each answer is the next message
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T>(message: string) => {
    const answer = queue.then(
      () =>
        new Promise<T>((resolve) => {
          child.once('message', (m) => resolve(m as T));
          child.send(message);
        }),
    );
    queue = answer;
    return answer;
  };
  return {
    port,
    mem: async () => (await ask<{ mem: NodeJS.MemoryUsage }>('mem')).mem,
    cpu: async () => (await ask<{ cpu: NodeJS.CpuUsage }>('cpu')).cpu,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** What a load runs against: its processes, the clients they speak to, how a room is opened. */
export interface Deployment {
  processes: RelayProcess[];
  client: ClientKind;
  /** the token a client of `room` presents (ours registers the map on the first process) */
  token(room: string): Promise<string>;
  /** CPU so far of the services the relays use (Redis, PostgreSQL), µs, when there are any */
  servicesCpu?: () => number;
  /**
   * How the load balancer picks a process: `spread` (the default) sends client i to process
   * i mod n, so every room has clients on every process and every change crosses processes;
   * `by-room` sends all clients of room r to process r mod n, as a hash of the map's URL does
   * (the README's nginx example), so a room lives in one process.
   */
  route?: 'spread' | 'by-room';
}

/** Registers a map on our relay, as the app does, for its edit token. */
export async function registerMap(port: number, id: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
  if (!res.ok) throw new Error(`registering ${id} answered ${res.status}`);
  return ((await res.json()) as { editToken: string }).editToken;
}

export const noToken = async () => 'none';

export interface Peer {
  id: number;
  room: number;
  doc: Y.Doc;
  synced(): boolean;
  destroy(): void;
}

/** pending changes: key → when it was made and how many receivers still lack it */
const pending = new Map<string, { t0: number; remaining: number; done: (ms: number) => void }>();

export function makePeer(client: ClientKind, port: number, room: number, roomName: string, token: string, id: number, content?: Y.Doc): Peer {
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
  if (client === 'hocuspocus') {
    // Hocuspocus's own provider on a websocket of its own (Node 20 has no global WebSocket: ws)
    const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: roomName, document: doc, token });
    provider.attach();
    return {
      id,
      room,
      doc,
      synced: () => provider.isSynced,
      destroy: () => {
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, roomName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    id,
    room,
    doc,
    synced: () => provider.synced,
    destroy: () => {
      provider.destroy();
      provider.awareness.destroy(); // its renewal timer would keep this process alive
      doc.destroy();
    },
  };
}

/** One change by `peer`, resolved with the time until every other peer of its room has it. */
export function change(peer: Peer, receivers: number, key: string): Promise<number> {
  return new Promise((resolve) => {
    pending.set(key, { t0: performance.now(), remaining: receivers, done: resolve });
    peer.doc.getMap('bench').set(key, peer.id);
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface LoadResult {
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  /** relay CPU (user + system, all its processes) over the burst ÷ deliveries, µs */
  cpuPerDelivery: number;
  /** the same with the CPU of the services added (Redis, PostgreSQL); NaN when not measured */
  cpuWithServicesPerDelivery: number;
  rssPerRoom: number;
  heapPerRoom: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

let runCounter = 0;

/**
 * `rooms` × `perRoom` clients, peer i on process i mod n (or room r's on r mod n: `route`). Measures:
 * - fan-out latency: from a client's local change to its receipt by every other client in the
 *   room, one change at a time per room (all rooms at once), p50 and p99 — with several processes
 *   every change reaches some receivers through another process;
 * - burst: every client makes 10 changes as fast as it can; deliveries (change × receiver) per
 *   second until every client has every change, and the relay's CPU over that time per delivery;
 * - memory: the relay processes' RSS and JS heap after a full GC (summed), before the clients and
 *   with them connected, per room and per connection.
 */
export async function runLoad(deployment: Deployment, rooms: number, perRoom: number, changesPerRoom: number): Promise<LoadResult> {
  const { processes, client } = deployment;
  const run = ++runCounter;
  const peers: Peer[] = [];
  const memAll = async () => {
    const mems = await Promise.all(processes.map((p) => p.mem()));
    return { rss: mems.reduce((s, m) => s + m.rss, 0), heapUsed: mems.reduce((s, m) => s + m.heapUsed, 0) };
  };
  const cpuAll = async () => {
    const cpus = await Promise.all(processes.map((p) => p.cpu()));
    return cpus.reduce((s, c) => s + c.user + c.system, 0);
  };
  try {
    const before = await memAll();
    const template = Y.encodeStateAsUpdate(createMapFromTemplate('retail', 'en'));
    let id = 0;
    for (let r = 0; r < rooms; r++) {
      const name = `bench-${process.pid}-${run}-${r}`;
      const token = await deployment.token(name);
      const content = new Y.Doc();
      Y.applyUpdate(content, template);
      for (let c = 0; c < perRoom; c++) {
        const port = processes[(deployment.route === 'by-room' ? r : id) % processes.length]!.port;
        peers.push(makePeer(client, port, r, name, token, ++id, c === 0 ? content : undefined));
      }
      if (r % 10 === 9) await waitUntil(() => peers.every((p) => p.synced()), 'clients to sync');
    }
    const cardCount = createMapFromTemplate('retail', 'en').getMap('cards').size;
    await waitUntil(() => peers.every((p) => p.synced() && p.doc.getMap('cards').size === cardCount), 'every client to have its map');
    const loaded = await memAll();

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

    // burst: every client makes 10 changes as fast as it can
    const burst = 10;
    const cpuBefore = await cpuAll();
    const servicesBefore = deployment.servicesCpu?.() ?? NaN;
    const start = performance.now();
    const all: Promise<number>[] = [];
    for (let i = 0; i < burst; i++) {
      for (const peer of peers) all.push(change(peer, perRoom - 1, `t${peer.id}-${i}`));
      await tick();
    }
    await Promise.all(all);
    const seconds = (performance.now() - start) / 1000;
    const cpu = (await cpuAll()) - cpuBefore;
    const servicesCpu = (deployment.servicesCpu?.() ?? NaN) - servicesBefore;
    const deliveries = peers.length * burst * (perRoom - 1);

    const connections = rooms * perRoom;
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      deliveriesPerSecond: deliveries / seconds,
      cpuPerDelivery: cpu / deliveries,
      cpuWithServicesPerDelivery: (cpu + servicesCpu) / deliveries,
      rssPerRoom: (loaded.rss - before.rss) / rooms,
      heapPerRoom: (loaded.heapUsed - before.heapUsed) / rooms,
      rssPerConnection: (loaded.rss - before.rss) / connections,
      heapPerConnection: (loaded.heapUsed - before.heapUsed) / connections,
    };
  } finally {
    for (const p of peers) p.destroy();
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
export const ms = (value: number) => `${value.toFixed(2)} ms`;

/** A printed row: label, figure, format, whether lower is better. */
export type Figure = [string, (r: LoadResult) => number, (v: number) => string, boolean];

const us = (v: number) => `${v.toFixed(2)} µs`;

export const FIGURES: Figure[] = [
  ['fan-out latency p50', (r) => r.p50, ms, true],
  ['fan-out latency p99', (r) => r.p99, ms, true],
  ['burst deliveries per second', (r) => r.deliveriesPerSecond, (v) => v.toFixed(0), false],
  ['server CPU per delivery', (r) => r.cpuPerDelivery, us, true],
  ['memory per room (RSS)', (r) => r.rssPerRoom, kb, true],
  ['memory per room (heap)', (r) => r.heapPerRoom, kb, true],
  ['memory per connection (RSS)', (r) => r.rssPerConnection, kb, true],
  ['memory per connection (heap)', (r) => r.heapPerConnection, kb, true],
];

/** server CPU with Redis's and PostgreSQL's, for the scale-out bench */
export const CPU_WITH_SERVICES: Figure = ['  … with Redis + PostgreSQL', (r) => r.cpuWithServicesPerDelivery, us, true];

/** ours relative to `other`, < 1 when ours is better: for throughput it is other/ours. */
export function ratio(get: (r: LoadResult) => number, lowerIsBetter: boolean, ours: LoadResult, other: LoadResult): string {
  const value = lowerIsBetter ? get(ours) / get(other) : get(other) / get(ours);
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}

/** A table: one row per figure, one column per named result (missing: "not available"), then ratios. */
export function printTable(
  title: string,
  columns: Array<[string, LoadResult | null]>,
  ratios: Array<[string, LoadResult | null, LoadResult | null]>,
  figures: Figure[] = FIGURES,
): void {
  const width = (name: string) => Math.max(12, name.length + 2);
  console.log(`\n${title}`);
  console.log(`  ${''.padEnd(30)}${columns.map(([name]) => name.padStart(width(name))).join('')}${ratios.map(([name]) => name.padStart(width(name))).join('')}`);
  for (const [what, get, show, lowerIsBetter] of figures) {
    const cells = columns.map(([name, r]) => (r && Number.isFinite(get(r)) ? show(get(r)) : 'n/a').padStart(width(name)));
    const ratioCells = ratios.map(([name, a, b]) => (a && b ? ratio(get, lowerIsBetter, a, b) : 'n/a').padStart(width(name)));
    console.log(`  ${what.padEnd(30)}${cells.join('')}${ratioCells.join('')}`);
  }
}
