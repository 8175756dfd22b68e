import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import * as Y from 'yjs';
import { startServer } from '../server/index';
import { journeyToDoc } from '../src/model/doc';
import { GRID, layoutJourney } from '../src/model/layout';
import type { Journey } from '../src/model/types';
import { VIEWPORT_KEY_PREFIX } from '../src/storage/deviceKeys';
import { startApp, type App } from '../tests/e2e/support/app';
import { SCENE_DB, SCENE_KEY, SCENE_STORE } from './excalidraw/scene';
import { EXCALIDRAW_OUT_DIR } from './excalidraw/vite.config';
import { storeMapUpdate } from '../tests/e2e/support/storedMap';
import { timeToFirstCard } from './editor.bench';
import { startFrames, stopFrames } from './frames';
import { generateJourney } from './model.bench';
import { percentile } from './stats';

/**
 * Deliverable 6 of issue 19: Waymark's canvas side by side with Excalidraw's, on the same
 * journey-shaped content (N cards on a 30 stages × 12 lanes grid, one arrow per ten cards), both
 * loaded from IndexedDB, both driven the same way in headless Chromium. Prints medians with
 * min–max per app and the ratio Waymark / Excalidraw; asserts nothing.
 *
 * Serving: both builds are served by our own server (`startServer`, sirv with the precompressed
 * brotli/gzip files) — Waymark's dist/ by `startApp()`, the Excalidraw page
 * (bench/excalidraw/, built into its git-ignored dist/ with the same precompression) by a second
 * instance of the same server on another port: one origin per app, same server code, same
 * compression, same CSP.
 *
 * Env: CANVAS_BENCH_RUNS (runs per app and size, default 5), CANVAS_BENCH_SIZES (default
 * "1000,2000,5000"), CANVAS_BENCH_SHOTS (a folder: screenshots after load and after each gesture,
 * to see that both apps show and move what they should).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.CANVAS_BENCH_RUNS ?? 5) || 5);
const SIZES = (process.env.CANVAS_BENCH_SIZES ?? '1000,2000,5000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const STAGES = 30;
const LANES = 12;
const VIEWPORT = { width: 1440, height: 900 };

type AppName = 'Waymark' | 'Excalidraw';

const SHOTS = process.env.CANVAS_BENCH_SHOTS;
async function shot(page: Page, app: AppName, cards: number, step: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${cards}-${app}-${step}.png`) });
}

/** One run's figures; a gesture that could not be made leaves its figures out. */
type Figures = Partial<Record<FigureKey, number>>;
type FigureKey =
  | 'firstCard'
  | 'dragP95'
  | 'dragLong'
  | 'panP95'
  | 'panLong'
  | 'panWall'
  | 'panCardP95'
  | 'panCardLong'
  | 'panCardWall'
  | 'zoomLong'
  | 'zoomSettle'
  | 'heap'
  | 'bytes';

const FIGURES: { key: FigureKey; label: string; unit: 'ms' | 'MB' | 'KB' | 'frames' }[] = [
  { key: 'firstCard', label: 'navigation → first card painted', unit: 'ms' },
  { key: 'dragP95', label: 'drag a card: p95 frame', unit: 'ms' },
  { key: 'dragLong', label: 'drag a card: frames > 25 ms', unit: 'frames' },
  { key: 'panP95', label: 'pan (Space+drag, empty): p95 frame', unit: 'ms' },
  { key: 'panLong', label: 'pan (empty): frames > 25 ms', unit: 'frames' },
  { key: 'panWall', label: 'pan (empty): wall time of 120 moves', unit: 'ms' },
  { key: 'panCardP95', label: 'pan starting on a card: p95 frame', unit: 'ms' },
  { key: 'panCardLong', label: 'pan on a card: frames > 25 ms', unit: 'frames' },
  { key: 'panCardWall', label: 'pan on a card: wall time of 120 moves', unit: 'ms' },
  { key: 'zoomLong', label: 'zoom 100 % → fit: frames > 25 ms', unit: 'frames' },
  { key: 'zoomSettle', label: 'zoom 100 % → fit: time to settle', unit: 'ms' },
  { key: 'heap', label: 'JS heap after load + GC', unit: 'MB' },
  { key: 'bytes', label: 'first-load bytes (encoded)', unit: 'KB' },
];

/**
 * Waymark's first paint at 100 %: the frame after the first card element with its text is in the
 * DOM. A big map draws cards on a canvas first (greeked, no text) and makes them elements a frame
 * later; Excalidraw's first frame has its text, so the comparison waits for ours.
 */
const TEXT_CARD_PROBE = `
  window.__firstCard = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.react-flow__node-card .card-title')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstCard = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
`;

const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

/**
 * Excalidraw's first paint: it draws on a canvas, so there is no element to observe. From the
 * start of the page, every animation frame samples the static canvas (scaled down to 48×30) and
 * the first frame that finds a pixel that is not the white background is taken — the same
 * moment as TEXT_CARD_PROBE's (the frame after the card is in the DOM).
 */
const EXCALIDRAW_FIRST_CARD_PROBE = `
  window.__firstCard = null;
  (() => {
    const probe = document.createElement('canvas');
    probe.width = 48;
    probe.height = 30;
    const ctx = probe.getContext('2d', { willReadFrequently: true });
    const poll = () => {
      const canvas = document.querySelector('canvas.excalidraw__canvas:not(.interactive)');
      if (canvas && canvas.width > 0 && canvas.height > 0) {
        ctx.clearRect(0, 0, 48, 30);
        ctx.drawImage(canvas, 0, 0, 48, 30);
        const data = ctx.getImageData(0, 0, 48, 30).data;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) {
            window.__firstCard = performance.now();
            return;
          }
        }
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })();
`;

/** Journey-card-shaped Excalidraw skeletons at Waymark's own layout: a rectangle with title and body per card, an arrow per link. */
function excalidrawSkeletons(journey: Journey): unknown[] {
  const layout = layoutJourney(journey, { addCardRow: true });
  const skeletons: unknown[] = [];
  const centre = new Map<string, { x: number; y: number; right: number }>();
  for (const card of journey.cards) {
    const rect = layout.cards.get(card.id);
    if (!rect) continue;
    centre.set(card.id, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, right: rect.x + rect.width });
    skeletons.push({
      type: 'rectangle',
      id: card.id,
      x: rect.x,
      y: rect.y,
      width: rect.width,
      height: rect.height,
      backgroundColor: '#ffffff',
      fillStyle: 'solid',
      label: { text: card.body ? `${card.title}\n${card.body}` : card.title, fontSize: 14, textAlign: 'left', verticalAlign: 'top' },
    });
  }
  for (const link of journey.links) {
    const from = centre.get(link.fromCardId);
    const to = centre.get(link.toCardId);
    if (!from || !to) continue;
    skeletons.push({ type: 'arrow', x: from.right, y: from.y, width: to.x - from.right, height: to.y - from.y, start: { id: link.fromCardId }, end: { id: link.toCardId } });
  }
  return skeletons;
}

/** Builds the Excalidraw page unless its build is newer than its sources. */
async function buildExcalidrawPage(): Promise<void> {
  const src = path.join(root, 'bench', 'excalidraw');
  const built = path.join(EXCALIDRAW_OUT_DIR, 'index.html');
  const newest = Math.max(...readdirSync(src).filter((f) => f !== 'dist').map((f) => statSync(path.join(src, f)).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs > newest) return;
  await build({ configFile: path.join(src, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Sums the encoded bytes of every response the page receives over its first load: `settled()`
 * waits until no request has been open for 400 ms (at most 5 s) and returns the sum. A request to
 * our own server that fails is reported. (Excalidraw also names esm.sh as the fallback source of
 * each font face; the CSP blocks those before any request is made, and the fonts come from the
 * page's own fonts/.)
 */
async function countBytes(cdp: CDPSession, onFailed: (url: string) => void): Promise<{ settled: () => Promise<number> }> {
  let bytes = 0;
  let lastActivity = performance.now();
  const open = new Map<string, string>();
  const onSent = (event: { requestId: string; request: { url: string } }) => {
    open.set(event.requestId, event.request.url);
    lastActivity = performance.now();
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    open.delete(event.requestId);
    lastActivity = performance.now();
  };
  const onFailedLoad = (event: { requestId: string; canceled?: boolean }) => {
    const url = open.get(event.requestId) ?? '';
    open.delete(event.requestId);
    lastActivity = performance.now();
    if (url.startsWith('http://127.0.0.1') && !event.canceled) onFailed(url);
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.loadingFailed', onFailedLoad);
  await cdp.send('Network.enable');
  // a first load: nothing from the HTTP cache the setup navigation filled
  await cdp.send('Network.clearBrowserCache');
  return {
    async settled() {
      const start = performance.now();
      while ((open.size > 0 || performance.now() - lastActivity < 400) && performance.now() - start < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      cdp.off('Network.requestWillBeSent', onSent);
      cdp.off('Network.loadingFinished', onFinished);
      cdp.off('Network.loadingFailed', onFailedLoad);
      await cdp.send('Network.disable');
      return bytes;
    },
  };
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Where the viewport is: the screen offset of the scene's origin and the zoom. */
async function viewOf(page: Page, app: AppName): Promise<{ x: number; y: number; zoom: number }> {
  if (app === 'Waymark') {
    const transform = await page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '');
    const [x = NaN, y = NaN, zoom = NaN] = (/translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(transform) ?? []).slice(1).map(Number);
    return { x, y, zoom };
  }
  return page.evaluate(() => {
    const s = (window as unknown as { __excalidraw: { getAppState(): { scrollX: number; scrollY: number; zoom: { value: number } } } }).__excalidraw.getAppState();
    return { x: s.scrollX * s.zoom.value, y: s.scrollY * s.zoom.value, zoom: s.zoom.value };
  });
}

/** Drags a card across the canvas like editor.bench (90 moves); whether it moved. */
async function drag(page: Page, start: { x: number; y: number }, moved: () => Promise<boolean>): Promise<{ frames: number[]; moved: boolean }> {
  await startFrames(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(start.x + i * 4, start.y + Math.sin(i / 8) * 60);
  await page.mouse.up();
  const frames = await stopFrames(page);
  await page.waitForTimeout(300);
  return { frames, moved: await moved() };
}

const PAN_MOVES = 120;
const PAN_STEP = { x: -3, y: -2 };

/**
 * Space held, mouse pressed at `start`, 120 moves paced at 60 per second: frames, wall time of
 * the moves (until the frame after the last), and how far the view moved — a pan moves it with
 * the mouse, (-360, -240) px.
 */
async function pan(page: Page, app: AppName, start: { x: number; y: number }): Promise<{ frames: number[]; wall: number; moved: { x: number; y: number } }> {
  const before = await viewOf(page, app);
  await page.mouse.move(start.x, start.y);
  await page.keyboard.down('Space');
  await page.mouse.down();
  await startFrames(page);
  const t0 = performance.now();
  for (let i = 1; i <= PAN_MOVES; i++) {
    await page.mouse.move(start.x + i * PAN_STEP.x, start.y + i * PAN_STEP.y);
    const wait = t0 + (i * 1000) / 60 - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await nextFrame(page);
  const wall = performance.now() - t0;
  const after = await viewOf(page, app);
  await page.mouse.up();
  await page.keyboard.up('Space');
  const frames = await stopFrames(page);
  await page.waitForTimeout(200);
  return { frames, wall, moved: { x: after.x - before.x, y: after.y - before.y } };
}

/** Whether the view followed the mouse (at least half the way); prints a warning if not. */
function checkPan(app: AppName, cards: number, what: string, moved: { x: number; y: number }): void {
  const want = { x: PAN_MOVES * PAN_STEP.x, y: PAN_MOVES * PAN_STEP.y };
  const ok = moved.x / want.x > 0.5 && moved.y / want.y > 0.5;
  if (!ok) warn(app, cards, `${what} did not pan: the view should move by (${want.x}, ${want.y}) px`, `(${moved.x.toFixed(0)}, ${moved.y.toFixed(0)})`);
}

/**
 * Shift+1 (both apps: "zoom to fit"). From the keydown: frames over 25 ms until the view settles,
 * and when it settled — the first animation frame after the one that found the last change of
 * the view (so the frame that draws the fitted view is counted), with no change for 500 ms after.
 */
async function zoomToFit(page: Page, app: AppName): Promise<{ long: number; settle: number | null }> {
  const read =
    app === 'Waymark'
      ? `() => document.querySelector('.react-flow__viewport')?.style.transform ?? ''`
      : `() => { const s = window.__excalidraw.getAppState(); return s.scrollX + ' ' + s.scrollY + ' ' + s.zoom.value; }`;
  await page.evaluate(`(() => {
    const read = ${read};
    window.__zoom = new Promise((resolve) => {
      let prev = read();
      let start = null;
      let lastChange = null;
      let settled = null;
      let last = performance.now();
      const frames = [];
      window.addEventListener('keydown', (e) => { if (start === null && e.key === '!') start = e.timeStamp; }, { capture: true });
      const tick = (now) => {
        frames.push([now, now - last]);
        last = now;
        const current = read();
        if (current !== prev) { prev = current; lastChange = now; settled = null; }
        else if (lastChange !== null && settled === null) settled = now;
        if (start !== null && (settled !== null ? now - lastChange > 500 : now - start > 5000)) {
          const end = settled ?? now;
          resolve({ settle: settled === null ? null : settled - start, long: frames.filter(([t, d]) => t > start && t <= end && d > 25).length });
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  })()`);
  await page.keyboard.press('Shift+Digit1');
  return page.evaluate(() => (window as unknown as { __zoom: Promise<{ long: number; settle: number | null }> }).__zoom);
}

const long = (frames: number[]) => frames.filter((f) => f > 25).length;

/** Gestures that did not do what they should, per app, size and kind: how often, and what was seen. */
const warnings = new Map<string, string[]>();
function warn(app: AppName, cards: number, what: string, seen = ''): void {
  const key = `${app}, ${cards} cards: ${what}`;
  warnings.set(key, [...(warnings.get(key) ?? []), seen]);
}

function printWarnings(): void {
  for (const [key, seen] of warnings) {
    const shown = seen.filter(Boolean);
    console.log(`  ! ${key} (${seen.length} of ${RUNS} runs)${shown.length ? ` — ${shown.join('; ')}` : ''}`);
  }
  warnings.clear();
}

async function runWaymark(app: App, cards: number, journey: Journey, update: Uint8Array): Promise<Figures> {
  const context = await app.browser.newContext({ locale: 'en-US', viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'New map' }).first().waitFor();
    // as storeJourney does, with the update encoded once per size
    const id = await storeMapUpdate(page, journey.id, `${cards} cards`, update);
    // Opened before at 100 % where Excalidraw opens too (a map opened the first time is fitted,
    // every card at once): both apps show the same cards for the first paint, drag and pan.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ x: 16, y: 12, zoom: 1 })), `${VIEWPORT_KEY_PREFIX}${id}`);
    await page.addInitScript(TEXT_CARD_PROBE);
    const firstLoad = await countBytes(cdp, (url) => warn('Waymark', cards, 'a request to the server failed', url));
    const figures: Figures = {};
    figures.firstCard = await timeToFirstCard(app, page, id);
    figures.bytes = (await firstLoad.settled()) / 1024;
    figures.heap = (await heapAfterGc(cdp)) / 2 ** 20;
    await shot(page, 'Waymark', cards, '1-loaded');

    const card = page.locator('.react-flow__node-card').nth(3);
    const cardId = await card.getAttribute('data-id');
    const box = (await card.boundingBox())!;
    const dragged = await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, async () => {
      const after = await page.locator(`.react-flow__node-card[data-id="${cardId}"]`).boundingBox();
      return !after || Math.abs(after.x - box.x) > 2 || Math.abs(after.y - box.y) > 2;
    });
    if (!dragged.moved) warn('Waymark', cards, 'the dragged card did not move');
    await shot(page, 'Waymark', cards, '2-dragged');
    figures.dragP95 = percentile(dragged.frames, 95);
    figures.dragLong = long(dragged.frames);

    const panned = await pan(page, 'Waymark', await canvasPoint(page, 'empty'));
    checkPan('Waymark', cards, 'Space+drag from an empty cell', panned.moved);
    await shot(page, 'Waymark', cards, '3-panned');
    figures.panP95 = percentile(panned.frames, 95);
    figures.panLong = long(panned.frames);
    figures.panWall = panned.wall;

    const pannedOnCard = await pan(page, 'Waymark', await canvasPoint(page, 'card'));
    checkPan('Waymark', cards, 'Space+drag from a card', pannedOnCard.moved);
    await shot(page, 'Waymark', cards, '4-panned-on-card');
    figures.panCardP95 = percentile(pannedOnCard.frames, 95);
    figures.panCardLong = long(pannedOnCard.frames);
    figures.panCardWall = pannedOnCard.wall;

    await page.mouse.click(5, 5).catch(() => undefined);
    const zoom = await zoomToFit(page, 'Waymark');
    if (zoom.settle === null) warn('Waymark', cards, 'Shift+1 did not change the view');
    else figures.zoomSettle = zoom.settle;
    const fitted = await viewOf(page, 'Waymark');
    if (!(fitted.zoom < 1)) warn('Waymark', cards, 'Shift+1 left the zoom at 100 % or more', String(fitted.zoom));
    await shot(page, 'Waymark', cards, '5-fit');
    figures.zoomLong = zoom.long;
    return figures;
  } finally {
    await context.close();
  }
}

/**
 * A point low on Waymark's canvas where a drag starts on the map itself and not on a card:
 * `empty` the background of a cell (or the bare pane), else inside a card. Headers, panels,
 * edges and buttons are avoided.
 */
async function canvasPoint(page: Page, on: 'empty' | 'card'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((on) => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (let y = pane.top + pane.height * 0.6; y < pane.bottom - 20; y += 13) {
      for (let x = pane.left + 300; x < pane.right - 250; x += 3) {
        const el = document.elementFromPoint(x, y);
        if (!el || el.closest('.react-flow__panel, .react-flow__edge, .react-flow__edgelabel-renderer, button, input, a')) continue;
        const card = el.closest('.react-flow__node-card');
        if (on === 'card' ? card : !card && el.closest('.react-flow__node-cell, .react-flow__pane')) return { x, y };
      }
    }
    return null;
  }, on);
  return point ?? { x: VIEWPORT.width / 2, y: VIEWPORT.height * 0.7 };
}

async function runExcalidraw(browser: Browser, origin: string, cards: number, elementsJson: string, dragId: string): Promise<Figures> {
  const context = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  ! Excalidraw page error: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    // any page of the origin will do to write its IndexedDB; /healthz is the lightest
    await page.goto(`${origin}/healthz`);
    await page.evaluate(
      async ({ db: name, store, key, elementsJson }) => {
        const elements: unknown = JSON.parse(elementsJson);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => request.result.createObjectStore(store);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(elements, key);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { db: SCENE_DB, store: SCENE_STORE, key: SCENE_KEY, elementsJson },
    );
    await page.addInitScript(EXCALIDRAW_FIRST_CARD_PROBE);
    const firstLoad = await countBytes(cdp, (url) => warn('Excalidraw', cards, 'a request to the server failed', url));
    const figures: Figures = {};
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (window as unknown as { __firstCard: number | null }).__firstCard !== null, null, { timeout: 60_000 });
    figures.firstCard = await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard);
    figures.bytes = (await firstLoad.settled()) / 1024;
    figures.heap = (await heapAfterGc(cdp)) / 2 ** 20;
    await shot(page, 'Excalidraw', cards, '1-loaded');

    type Api = { getAppState(): { scrollX: number; scrollY: number; zoom: { value: number } }; getSceneElements(): { id: string; x: number; y: number; width: number; height: number }[] };
    const where = () =>
      page.evaluate((id) => {
        const api = (window as unknown as { __excalidraw: Api }).__excalidraw;
        const s = api.getAppState();
        const el = api.getSceneElements().find((e) => e.id === id)!;
        return { sceneX: el.x, sceneY: el.y, x: (el.x + el.width / 2 + s.scrollX) * s.zoom.value, y: (el.y + el.height / 2 + s.scrollY) * s.zoom.value };
      }, dragId);
    const before = await where();
    const dragged = await drag(page, before, async () => {
      const after = await where();
      return Math.abs(after.sceneX - before.sceneX) > 2 || Math.abs(after.sceneY - before.sceneY) > 2;
    });
    if (!dragged.moved) warn('Excalidraw', cards, 'the dragged card did not move');
    await shot(page, 'Excalidraw', cards, '2-dragged');
    figures.dragP95 = percentile(dragged.frames, 95);
    figures.dragLong = long(dragged.frames);
    await page.keyboard.press('Escape');

    // the gutter between the 3rd and 4th stage columns, low on the screen: no element there
    const s = await page.evaluate(() => (window as unknown as { __excalidraw: Api }).__excalidraw.getAppState());
    const gutterX = (GRID.laneHeaderWidth + 3 * GRID.stageWidth + s.scrollX) * s.zoom.value;
    const panned = await pan(page, 'Excalidraw', { x: gutterX, y: VIEWPORT.height * 0.7 });
    checkPan('Excalidraw', cards, 'Space+drag from an empty spot', panned.moved);
    await shot(page, 'Excalidraw', cards, '3-panned');
    figures.panP95 = percentile(panned.frames, 95);
    figures.panLong = long(panned.frames);
    figures.panWall = panned.wall;

    const zoom = await zoomToFit(page, 'Excalidraw');
    if (zoom.settle === null) warn('Excalidraw', cards, 'Shift+1 did not change the view');
    else figures.zoomSettle = zoom.settle;
    const fitted = await viewOf(page, 'Excalidraw');
    if (!(fitted.zoom < 1)) warn('Excalidraw', cards, 'Shift+1 left the zoom at 100 % or more', String(fitted.zoom));
    await shot(page, 'Excalidraw', cards, '5-fit');
    figures.zoomLong = zoom.long;
    return figures;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cell(values: number[], unit: string): string {
  if (values.length === 0) return '—';
  const digits = unit === 'frames' ? 0 : unit === 'MB' ? 1 : 0;
  const f = (v: number) => (unit === 'frames' ? String(Math.round(v * 2) / 2) : v.toFixed(digits));
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}

function printTable(results: Map<number, Record<AppName, Figures[]>>): void {
  const header = `${'figure'.padEnd(42)} ${'cards'.padStart(6)}  ${'Waymark median (min–max)'.padEnd(26)} ${'Excalidraw median (min–max)'.padEnd(28)} W/E`;
  console.log(header);
  console.log('-'.repeat(header.length + 4));
  for (const figure of FIGURES) {
    for (const [cards, byApp] of results) {
      const w = byApp.Waymark.map((r) => r[figure.key]).filter((v): v is number => v !== undefined);
      const e = byApp.Excalidraw.map((r) => r[figure.key]).filter((v): v is number => v !== undefined);
      const ratio = w.length && e.length && median(e) > 0 ? (median(w) / median(e)).toFixed(2) : '—';
      console.log(`${`${figure.label} [${figure.unit}]`.padEnd(42)} ${String(cards).padStart(6)}  ${cell(w, figure.unit).padEnd(26)} ${cell(e, figure.unit).padEnd(28)} ${ratio}`);
    }
  }
}

export async function runCanvasBench(): Promise<void> {
  console.log(`\n## Canvas side by side: Waymark vs Excalidraw 0.18 (headless Chromium, ${RUNS} runs per cell, interleaved)`);
  const started = performance.now();
  await buildExcalidrawPage();
  const app = await startApp();
  const excalidrawServer = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-canvas-bench-')),
    STATIC_DIR: EXCALIDRAW_OUT_DIR,
    LOG_LEVEL: 'silent',
  });
  const origin = `http://127.0.0.1:${excalidrawServer.port}`;
  try {
    const results = new Map<number, Record<AppName, Figures[]>>();
    // Excalidraw's own element format, made once per size by its convertToExcalidrawElements in a page
    const setup = await app.browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    const setupPage = await setup.newPage();
    await setupPage.goto(`${origin}/`);
    await setupPage.waitForFunction(() => typeof (window as unknown as { __convert?: unknown }).__convert === 'function');
    // (crossing into the pages as JSON strings: Playwright would serialise 10,000 objects one by one)
    const scenes = new Map<number, { journey: Journey; update: Uint8Array; elementsJson: string; dragId: string }>();
    for (const cards of SIZES) {
      const journey = generateJourney(STAGES, LANES, cards);
      const elementsJson = await setupPage.evaluate(
        (skeletons) => JSON.stringify((window as unknown as { __convert: (s: unknown[]) => unknown[] }).__convert(JSON.parse(skeletons) as unknown[])),
        JSON.stringify(excalidrawSkeletons(journey)),
      );
      const update = Y.encodeStateAsUpdate(journeyToDoc(journey));
      // the top card of the 4th stage column, as Waymark's 4th card node
      scenes.set(cards, { journey, update, elementsJson, dragId: journey.cards[3]!.id });
    }
    await setup.close();

    for (const cards of SIZES) {
      const scene = scenes.get(cards)!;
      const byApp: Record<AppName, Figures[]> = { Waymark: [], Excalidraw: [] };
      results.set(cards, byApp);
      const sizeStarted = performance.now();
      for (let run = 0; run < RUNS; run++) {
        byApp.Waymark.push(await runWaymark(app, cards, scene.journey, scene.update));
        byApp.Excalidraw.push(await runExcalidraw(app.browser, origin, cards, scene.elementsJson, scene.dragId));
      }
      console.log(`  ${cards} cards: ${RUNS} runs of each app in ${((performance.now() - sizeStarted) / 1000).toFixed(0)} s`);
    }
    console.log('Frames are rAF intervals (a dropped frame shows as ~33 ms); "pan on a card" is Waymark only. Noisy: 2 shared cores.');
    printTable(results);
    printWarnings();
    console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await app.close();
    await excalidrawServer.close();
  }
}
