import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { versionPath, versionsPath } from '../src/access/routes';
import type { RegisteredMap } from '../src/access/rooms';
import { journeyToDoc } from '../src/model/doc';
import { createMapFromTemplate } from '../src/model/templates';
import type { VersionInfo } from '../src/model/versions';
import { takeSnapshot } from '../server/versions';
import { generateJourney } from './model.bench';
import { percentile, report, time } from './stats';

/**
 * Version history on the relay (issue 15), through its HTTP API, against the relay as production
 * runs it (bench/relay-server.ts: LevelDB store, tokens, limits) in a process of its own:
 * - create a named version of a 5,000-card map (snapshot of the live room, counts, stored with its
 *   index entry) — round trip of POST /api/maps/:id/versions, p50 and p95;
 * - fetch one as a Waymark file (read, decoded, written as the JSON export writes it) — GET, p50/p95,
 *   each version once, and one version again and again (as a team opening it to compare: the
 *   relay keeps files it has written, VERSION_FILE_CACHE_BYTES);
 * - list a map's 1,000 versions — GET of the list, p50/p95 (one index read);
 * - and, in this process, what an automatic checkpoint of that map costs the relay's main thread
 *   (encode the doc, count its cards) — the only part of a checkpoint that is not the store's.
 * Targets (issue 15): each < 200 ms, the list < 50 ms. Prints figures and ratios; asserts nothing.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLES = 30;

async function startRelay() {
  const child = fork(path.join(here, 'relay-server.ts'), ['ours'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      VERSION_CREATES_PER_MAP_PER_MINUTE: '1000000',
      VERSION_CREATES_PER_ADDRESS_PER_MINUTE: '1000000',
      VERSION_READS_PER_ADDRESS_PER_MINUTE: '1000000',
      // the benchmark's own edits must not add checkpoints while it measures
      CHECKPOINT_IDLE_MS: String(3_600_000),
      CHECKPOINT_INTERVAL_MS: String(3_600_000),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function register(port: number, id: string): Promise<RegisteredMap> {
  const res = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
  return (await res.json()) as RegisteredMap;
}

/** One request's round trip in ms; throws on an unexpected status. */
async function timed(port: number, p: string, token: string, status: number, body?: unknown): Promise<{ ms: number; json: unknown }> {
  const start = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${p}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  if (res.status !== status) throw new Error(`${p}: ${res.status} ${text.slice(0, 200)}`);
  return { ms, json: JSON.parse(text) };
}

/** Puts `doc` into the map's room through a real client and waits until the relay holds it all. */
async function upload(port: number, map: RegisteredMap, doc: Y.Doc): Promise<() => void> {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, map.id, doc, {
    params: { token: map.editToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const mirror = new Y.Doc();
  const watcher = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, map.id, mirror, {
    params: { token: map.viewToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const want = Y.encodeStateVector(doc);
  const deadline = Date.now() + 60_000;
  while (Buffer.compare(Buffer.from(Y.encodeStateVector(mirror)), Buffer.from(want)) !== 0) {
    if (Date.now() > deadline) throw new Error('the relay did not receive the map');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return () => {
    // the providers' awareness keeps a timer running until it is destroyed too
    for (const p of [provider, watcher]) {
      p.destroy();
      p.awareness.destroy();
    }
  };
}

export async function runVersionsRelayBench(): Promise<void> {
  console.log('\n## Version history on the relay: 5,000-card map, LevelDB store, through the HTTP API');
  const journey = generateJourney();
  const doc = journeyToDoc(journey);

  const snapshotMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) snapshotMs.push(time(() => takeSnapshot(doc)));
  const bytes = Y.encodeStateAsUpdate(doc).length;

  const relay = await startRelay();
  try {
    const big = await register(relay.port, `bench-versions-${Date.now()}`);
    const leave = await upload(relay.port, big, doc);
    const created: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const { ms, json } = await timed(relay.port, versionsPath(big.id), big.editToken, 201, { name: `Workshop ${i + 1}`, by: 'Bench' });
      created.push(ms);
      ids.push((json as VersionInfo).id);
    }
    // each version once: every fetch decodes its snapshot and writes the file
    const fetched: number[] = [];
    for (let i = 0; i < SAMPLES; i++) fetched.push((await timed(relay.port, versionPath(big.id, ids[i]!), big.viewToken, 200)).ms);
    // a team opening the same version: written once, then from the relay's file cache
    const again: number[] = [];
    for (let i = 0; i < SAMPLES; i++) again.push((await timed(relay.port, versionPath(big.id, ids[0]!), big.commentToken, 200)).ms);
    leave();

    // a thousand versions of a smaller map: listing reads the index only, whatever the map's size
    const small = await register(relay.port, `bench-versions-list-${Date.now()}`);
    const leaveSmall = await upload(relay.port, small, createMapFromTemplate('retail', 'en'));
    for (let i = 0; i < 1000; i++) await timed(relay.port, versionsPath(small.id), small.ownerToken, 201, { name: `Version ${i + 1}` });
    leaveSmall();
    const listed: number[] = [];
    let count = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const { ms, json } = await timed(relay.port, versionsPath(small.id), small.viewToken, 200);
      listed.push(ms);
      count = (json as { versions: unknown[] }).versions.length;
    }

    console.log(`map: ${journey.cards.length} cards, snapshot ${(bytes / 1024).toFixed(0)} KiB; ${SAMPLES} samples each; list of ${count} versions`);
    report('create a version (POST), p50', percentile(created, 50), 200, 'ms');
    report('create a version (POST), p95', percentile(created, 95), 200, 'ms');
    report('fetch a version as a file (GET), p50', percentile(fetched, 50), 200, 'ms');
    report('fetch a version as a file (GET), p95', percentile(fetched, 95), 200, 'ms');
    report('fetch it again (GET, written already), p50', percentile(again, 50), 200, 'ms');
    report('fetch it again (GET, written already), p95', percentile(again, 95), 200, 'ms');
    report(`list ${count} versions (GET), p50`, percentile(listed, 50), 50, 'ms');
    report(`list ${count} versions (GET), p95`, percentile(listed, 95), 50, 'ms');
    report('checkpoint snapshot, main thread, p50', percentile(snapshotMs, 50), 200, 'ms');
    report('checkpoint snapshot, main thread, p95', percentile(snapshotMs, 95), 200, 'ms');
  } finally {
    await relay.stop();
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await runVersionsRelayBench();
