import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CHROMIUM, startApp, type App } from '../tests/e2e/support/app';
import { newMapFromTemplate } from '../tests/e2e/support/flows';
import { percentile, report } from './stats';

/**
 * The first load: how many bytes of script a browser fetches before the app starts, and how long
 * a participant opening a share link on a modest connection waits for the first card. Present
 * mode, export, the comments and workshop panels, import and the templates load on demand
 * (src/app/parts.ts), so they are not counted here.
 */

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const KB = 1000;

interface Script {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** The sizes the server sends: its precompressed copies (vite.config.ts), else compressed here alike. */
function measure(file: string): Script {
  const full = path.join(dist, file);
  const raw = readFileSync(full);
  const compressed = (suffix: string, make: () => Buffer) => (existsSync(`${full}${suffix}`) ? readFileSync(`${full}${suffix}`).length : make().length);
  return {
    file,
    raw: raw.length,
    gzip: compressed('.gz', () => gzipSync(raw, { level: 9 })),
    brotli: compressed('.br', () => brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

/** The entry script of dist/index.html and the chunks it preloads (its static imports). */
export function firstLoadScripts(): { entry: Script; preloaded: Script[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script');
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  return { entry: measure(entry), preloaded: preloaded.map(measure) };
}

/**
 * Milliseconds from navigation start to the frame after the first card is on screen: in the DOM
 * and shown (React Flow keeps a node hidden until it has measured it).
 */
const FIRST_CARD_PROBE = `
  window.__firstCard = null;
  const shown = () => Array.from(document.querySelectorAll('.react-flow__node-card')).some((node) => getComputedStyle(node).visibility !== 'hidden' && node.getBoundingClientRect().width > 0);
  new MutationObserver((_, observer) => {
    if (window.__firstCard === null && shown()) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstCard = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
`;

/** A first visit in a fresh profile (empty cache and storage, no service worker) over a throttled connection. */
async function firstVisit(app: App, link: string): Promise<number> {
  const { context, page } = await app.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10 * 1000 * 1000) / 8,
      uploadThroughput: (10 * 1000 * 1000) / 8,
    });
    await page.addInitScript(FIRST_CARD_PROBE);
    await page.goto(link, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __firstCard: number | null }).__firstCard !== null, null, { timeout: 60_000 });
    return await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard);
  } finally {
    await context.close();
  }
}

export async function runFirstLoadBench(): Promise<void> {
  console.log('\n## First load (built app)');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.log('first load: skipped (build the app first)');
    return;
  }
  const { entry, preloaded } = firstLoadScripts();
  const all = [entry, ...preloaded];
  const sum = (key: 'raw' | 'gzip' | 'brotli') => all.reduce((total, script) => total + script[key], 0);
  console.log(`${`  entry ${entry.file}`.padEnd(46)} raw ${entry.raw} bytes, gzip ${entry.gzip}, brotli ${entry.brotli}`);
  for (const script of preloaded) console.log(`${`  preloaded ${script.file}`.padEnd(46)} raw ${script.raw} bytes, gzip ${script.gzip}, brotli ${script.brotli}`);
  report('entry chunk, gzip', entry.gzip, 250 * KB, 'bytes');
  report(`first-load script (entry + ${preloaded.length} preloaded), gzip`, sum('gzip'), 250 * KB, 'bytes');
  console.log(`${'  first-load script raw / brotli'.padEnd(46)} ${`${sum('raw')} / ${sum('brotli')} bytes`.padStart(12)}`);

  if (!existsSync(CHROMIUM)) {
    console.log('first card from a share link: skipped (install Chromium to measure it)');
    return;
  }
  const app = await startApp();
  try {
    // the owner makes the retail map and shares it; the relay keeps it for the participants
    const owner = await app.newPage();
    await newMapFromTemplate(app, owner.page, 'retail');
    await owner.page.getByRole('button', { name: 'Share', exact: true }).click();
    await owner.page.getByRole('button', { name: 'Create share links' }).click();
    const link = await owner.page.getByLabel('Comment link').inputValue();
    await owner.page.getByRole('button', { name: 'Close' }).click();
    await owner.page.waitForFunction(() => document.querySelector('.connection-badge')?.textContent === 'Live', null, { timeout: 20_000 });
    await owner.context.close();

    const samples: number[] = [];
    for (let i = 0; i < 7; i++) samples.push(await firstVisit(app, link));
    report('share link, first visit, 10 Mbit/s 40 ms: first card p50', percentile(samples, 50), 1500, 'ms');
    report('share link, first visit, 10 Mbit/s 40 ms: first card max', Math.max(...samples), 1500, 'ms');
    console.log(`${'  samples'.padEnd(46)} ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
  } finally {
    await app.close();
  }
}
