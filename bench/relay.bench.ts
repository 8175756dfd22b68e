import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { forkRelay, noToken, printTable, registerMap, runLoad, type Deployment, type LoadResult } from './relayLoads';

/**
 * The relay under load, next to the stock @y/websocket-server 0.1.1 and Hocuspocus 4.7 under the
 * same load (bench/relayLoads.ts: clients in this process, each relay in a child process of its
 * own; every room starts from the retail template). Two loads: one room × 100 clients, 100 rooms ×
 * 5 clients. Figures: fan-out latency p50/p99, burst deliveries per second (every client makes 10
 * changes as fast as it can), the relay's CPU per delivery over that burst, memory per room and per
 * connection (RSS and heap after a full GC).
 * - ours runs as in production: LevelDB store written before each broadcast, tokens, limits, every
 *   update checked in the worker's copy of its room; y-websocket clients.
 * - stock runs in memory (its default); for reference also with YPERSISTENCE (LevelDB, written
 *   without being awaited); y-websocket clients.
 * - Hocuspocus 4.7 (@hocuspocus/server, its own @hocuspocus/provider as client) in memory and with
 *   @hocuspocus/extension-sqlite on a temp file. Its manifest declares Node ≥ 22; it runs here on
 *   this project's Node 20.
 * Each load runs BENCH_RELAY_ROUNDS times (default 2) per relay, interleaved, and the better run
 * (by p50) of each is shown: other work on the machine moves single runs by tens of percent.
 * BENCH_RELAY_KINDS=ours,stock,… runs only those relays (ours always).
 * Prints figures and ratios ours/other (< 1: ours is better; for throughput other/ours); asserts
 * nothing. About four minutes with the defaults.
 */

type Kind = 'ours' | 'stock' | 'stock-leveldb' | 'hocuspocus' | 'hocuspocus-sqlite';
const KINDS: Kind[] = ['ours', 'stock', 'stock-leveldb', 'hocuspocus', 'hocuspocus-sqlite'];

/** temp dirs of the stores the relays write (stock's LevelDB, Hocuspocus's SQLite), removed after each run */
const temps: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `waymark-bench-${name}-`));
  temps.push(dir);
  return dir;
};

async function deploy(kind: Kind): Promise<Deployment> {
  switch (kind) {
    case 'ours': {
      const relay = await forkRelay('ours');
      return { processes: [relay], client: 'y-websocket', token: (room) => registerMap(relay.port, room) };
    }
    case 'stock':
      return { processes: [await forkRelay('stock')], client: 'y-websocket', token: noToken };
    case 'stock-leveldb':
      return { processes: [await forkRelay('stock', { YPERSISTENCE: temp('stock') })], client: 'y-websocket', token: noToken };
    case 'hocuspocus':
      return { processes: [await forkRelay('hocuspocus')], client: 'hocuspocus', token: noToken };
    case 'hocuspocus-sqlite':
      return { processes: [await forkRelay('hocuspocus', { BENCH_HOCUSPOCUS_SQLITE: path.join(temp('hocuspocus'), 'db.sqlite') })], client: 'hocuspocus', token: noToken };
  }
}

export async function runLoadOn(kind: Kind, rooms: number, perRoom: number, changesPerRoom: number): Promise<LoadResult> {
  const deployment = await deploy(kind);
  try {
    return await runLoad(deployment, rooms, perRoom, changesPerRoom);
  } finally {
    await Promise.all(deployment.processes.map((p) => p.stop()));
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

const HEADINGS: Record<Kind, string> = {
  ours: 'ours',
  stock: 'stock',
  'stock-leveldb': 'stock+leveldb',
  hocuspocus: 'hocuspocus',
  'hocuspocus-sqlite': 'hp+sqlite',
};

export async function runRelayBench(): Promise<void> {
  process.setMaxListeners(0); // one 'exit' listener per provider
  const rounds = Math.max(1, Number(process.env.BENCH_RELAY_ROUNDS) || 2);
  const only = (process.env.BENCH_RELAY_KINDS ?? '').split(/[\s,]+/).filter(Boolean);
  const kinds = KINDS.filter((kind) => kind === 'ours' || only.length === 0 || only.includes(kind));
  const loads: Array<[string, number, number, number]> = [
    ['1 room × 100 clients', 1, 100, 200],
    ['100 rooms × 5 clients', 100, 5, 20],
  ];
  console.log(
    '\nRelay benchmark: clients in this process, each relay in a child process; ratios ours/other (< 1: ours is better; throughput other/ours).' +
      `\nHocuspocus 4.7 declares Node ≥ 22 and runs here on Node ${process.versions.node}. Best of ${rounds} interleaved round(s) by p50.`,
  );
  for (const [label, rooms, perRoom, changes] of loads) {
    const results: Partial<Record<Kind, LoadResult>> = {};
    for (let round = 0; round < rounds; round++) {
      for (const kind of kinds) {
        const result = await runLoadOn(kind, rooms, perRoom, changes);
        const best = results[kind];
        if (!best || result.p50 < best.p50) results[kind] = result;
      }
    }
    const ours = results.ours!;
    printTable(
      `Relay, ${label}`,
      kinds.map((kind) => [HEADINGS[kind], results[kind] ?? null]),
      kinds.filter((kind) => kind !== 'ours').map((kind) => [`ours/${HEADINGS[kind]}`, ours, results[kind] ?? null]),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runRelayBench();
