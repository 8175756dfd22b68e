import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { feedbackRoom } from '../src/access/rooms';
import { API_SPACES, spaceMapsPath, spacePath, spaceSyncRoom } from '../src/access/routes';
import type { CreatedSpace } from '../src/access/spaces';
import { renderThumbnailSvg } from '../src/export/thumbnail';
import { journeyToDoc } from '../src/model/doc';
import { mapEntryFromJourney } from '../src/model/space/entryFromJourney';
import { initSpaceIndex } from '../src/model/space/doc';
import { putMapEntry } from '../src/model/space/ops';
import { startServer } from '../server/index';
import { CHROMIUM } from '../tests/e2e/support/app';
import { generateSpace } from './space.bench';
import { percentile, report } from './stats';

/**
 * Team spaces (issue 16), end to end against the real relay (LevelDB) and app: a space of 200
 * maps × 100 cards (bench/space.bench.ts's maps, with thumbnails in the index).
 * - A new device's first full sync of the space, as the app's hub does it: the index, then every
 *   map and its feedback room one after the other — seconds and megabytes received.
 * - The first paint of the space's library in Chromium: from opening the invitation link in a
 *   fresh profile to all 200 tiles on screen, and again from the device's own storage on reload.
 * Prints figures; asserts nothing.
 */

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const MB = 1_000_000;

/** A WebSocket that counts the bytes it receives (for what a new device downloads). */
function countingSocket(counter: { bytes: number }): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        counter.bytes += Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
      });
    }
  } as unknown as typeof WebSocket;
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error('no sync in 30 s')), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function syncRoom(base: string, room: string, token: string, doc: Y.Doc, socket: typeof WebSocket): Promise<void> {
  const provider = new WebsocketProvider(base, room, doc, { params: { token }, WebSocketPolyfill: socket as never, disableBc: true });
  try {
    await synced(provider);
  } finally {
    provider.destroy();
  }
}

export async function runSpaceSyncBench(): Promise<void> {
  console.log('\n## Team spaces on the relay: 200 maps × 100 cards');
  const server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-bench-space-')),
    STATIC_DIR: existsSync(path.join(dist, 'index.html')) ? dist : mkdtempSync(path.join(tmpdir(), 'waymark-bench-static-')),
    LOG_LEVEL: 'silent',
    // one machine plays the whole team: the per-address limits would stop it
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '1000000',
    REGISTRATIONS_PER_MINUTE: '1000000',
    MAX_CONNECTIONS_PER_ADDRESS: '1000000',
    UPGRADES_PER_SECOND_PER_ADDRESS: '1000000',
    MAX_SOCKETS_PER_ADDRESS: '1000000',
  });
  const http = `http://127.0.0.1:${server.port}`;
  const ws = `ws://127.0.0.1:${server.port}/sync`;
  try {
    const created = (await (await fetch(`${http}${API_SPACES}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Bench space' }) })).json()) as CreatedSpace;
    const maps = generateSpace();
    const plain = countingSocket({ bytes: 0 });

    // the team fills the space: each map registered, its content synced up, its line in the index
    let start = performance.now();
    const index = new Y.Doc();
    initSpaceIndex(index, 'Bench space');
    for (const map of maps) {
      const answer = await fetch(`${http}${spaceMapsPath(created.id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${created.ownerToken}` },
        body: JSON.stringify({ id: map.id }),
      });
      if (answer.status !== 201) throw new Error(`adding a map answered ${answer.status}`);
      const doc = journeyToDoc(map.journey);
      await syncRoom(ws, map.id, created.ownerToken, doc, plain);
      doc.destroy();
      putMapEntry(index, { ...mapEntryFromJourney(map.journey, { now: Date.now(), by: 'Bench', thumbnail: renderThumbnailSvg(map.journey) }), createdAt: Date.now() });
    }
    await syncRoom(ws, spaceSyncRoom(created.id), created.ownerToken, index, plain);
    console.log(`${'  seeding 200 maps through the API and relay'.padEnd(46)} ${((performance.now() - start) / 1000).toFixed(1).padStart(9)} s`);
    console.log(`${'  index document'.padEnd(46)} ${(Y.encodeStateAsUpdate(index).length / 1000).toFixed(0).padStart(9)} kB`);

    // a new device: the index, then every map and its feedback room, one at a time (as src/app/spaceHub.ts fetches)
    const received = { bytes: 0 };
    const counting = countingSocket(received);
    start = performance.now();
    await syncRoom(ws, spaceSyncRoom(created.id), created.editToken, new Y.Doc(), counting);
    const indexMs = performance.now() - start;
    for (const map of maps) {
      await syncRoom(ws, map.id, created.editToken, new Y.Doc(), counting);
      await syncRoom(ws, feedbackRoom(map.id), created.editToken, new Y.Doc(), counting);
    }
    const fullMs = performance.now() - start;
    report('new device: the space index synced', indexMs, 1000, 'ms');
    report('new device: index + 200 maps + feedback, one by one', fullMs, 60_000, 'ms');
    console.log(`${'  received'.padEnd(46)} ${(received.bytes / MB).toFixed(2).padStart(9)} MB`);

    if (!existsSync(CHROMIUM) || !existsSync(path.join(dist, 'index.html'))) {
      console.log('space library first paint: skipped (build the app and install Chromium to measure it)');
      return;
    }
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
    try {
      const link = `${http}${spacePath(created.id)}#token=${created.editToken}`;
      const firsts: number[] = [];
      const agains: number[] = [];
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(link, { waitUntil: 'commit' });
        await page.waitForFunction(() => document.querySelectorAll('.lib-space-tile').length >= 200, null, { timeout: 60_000, polling: 'raf' });
        firsts.push(await page.evaluate(() => performance.now()));
        await page.reload({ waitUntil: 'commit' });
        await page.waitForFunction(() => document.querySelectorAll('.lib-space-tile').length >= 200, null, { timeout: 60_000, polling: 'raf' });
        agains.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      report('space library, new device: 200 tiles painted (p50)', percentile(firsts, 50), 2000, 'ms');
      report('space library, again from the device (p50)', percentile(agains, 50), 1000, 'ms');
      console.log(`${'  samples new / again'.padEnd(46)} ${firsts.map((s) => s.toFixed(0)).join(', ')} / ${agains.map((s) => s.toFixed(0)).join(', ')} ms`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSpaceSyncBench();
