import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/model.bench';
import { startApp, type App } from './support/app';
import { storeJourney } from './support/storedMap';

/*
 * Exporting a big map (issue 19): a 2,000-card map exports as PDF and PNG while the dialog shows
 * the work advancing, and Cancel stops a running export — no file, the dialog ready again, and
 * the next export works. How long the page's thread is held meanwhile is a speed figure: the
 * export bench reports it (bench/export.bench.ts), not this test.
 */

let app: App;
let context: BrowserContext;
let page: Page;

/** Records every distinct figure the dialog's progress bar shows, as it changes. */
const PROGRESS_PROBE = `
  window.__progress = [];
  window.__progressProbe ??= new MutationObserver(() => {
    const bar = document.querySelector('.wm-export-status progress');
    if (!bar) return;
    const value = Number(bar.getAttribute('value'));
    if (window.__progress[window.__progress.length - 1] !== value) window.__progress.push(value);
  });
  window.__progressProbe.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
`;

const progressSeen = () => page.evaluate('window.__progress') as Promise<number[]>;

beforeAll(async () => {
  app = await startApp();
  // as app.newPage(), without the offline cache: the cancel test holds back the PNG worker's
  // file, and a service worker would serve it past the route
  context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: /new map/i }).first().waitFor();
  // a 2,000-card map made on this device earlier: the rows the app itself writes
  const journey = generateJourney(30, 12, 2000);
  await storeJourney(page, journey, 'Big map');
  await page.goto(app.url(`/map/${journey.id}`));
  // a map this big opens fitted and drawn (CardsCanvas), its grid as elements
  await page.locator('.cards-canvas').waitFor({ timeout: 60_000 });
  await page.locator('.react-flow__node-stage').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await context?.close();
  await app?.close();
});

async function openExport(format: RegExp): Promise<Locator> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: format }).check();
  await page.evaluate(PROGRESS_PROBE);
  return dialog;
}

async function closeExport(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('exporting a 2,000-card map', () => {
  it('exporting a 2,000-card map as PDF shows progress and finishes with a download', async () => {
    const dialog = await openExport(/PDF document/);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 80_000 }), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await dialog.locator('.wm-export-done').waitFor();
    expect(download.suggestedFilename()).toBe('Benchmark journey.pdf');
    const pdf = await PDFDocument.load(await bytesOf(download));
    // too big for one readable A4 page: tiled
    expect(pdf.getPageCount()).toBeGreaterThan(1);

    // the bar moved through several figures on its way, never back
    const seen = await progressSeen();
    expect(new Set(seen).size, `progress seen: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(Math.max(...seen)).toBeGreaterThan(50);
    await closeExport(dialog);
  });

  it('Cancel stops a running PNG export: no download, and the next export works', async () => {
    const downloads: Download[] = [];
    const onDownload = (download: Download) => downloads.push(download);
    page.on('download', onDownload);
    // the worker that paints the PNG is held back until the cancel: the export is surely still
    // running when Cancel is pressed, however fast this machine is
    const WORKER = /\/assets\/pngWorker-[\w-]+\.js$/;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route(WORKER, async (route) => {
      asked++;
      await held;
      await route.continue().catch(() => undefined);
    });
    try {
      const dialog = await openExport(/PNG image/);
      await dialog.getByRole('radio', { name: '1×' }).check();
      const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
      await exportButton.click();
      // under way: the scene is built and its shapes are on their way to the worker
      await expect.poll(async () => Math.max(0, ...(await progressSeen())), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
      await expect.poll(() => asked, { timeout: 30_000 }).toBe(1);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // it says so at once, as news and not as a failure, and the dialog is ready again
      const status = dialog.getByRole('status');
      await status.getByText('Export cancelled. Nothing was saved.').waitFor({ timeout: 5_000 });
      expect(await dialog.locator('.wm-export-error').count()).toBe(0);
      expect(await dialog.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
      expect(await exportButton.isEnabled()).toBe(true);
      expect(await dialog.getByRole('radio', { name: /SVG image/ }).isEnabled()).toBe(true);
      // nothing was saved, not even once the worker could have started
      release();
      await page.unroute(WORKER);
      await page.waitForTimeout(1500);
      expect(downloads).toEqual([]);

      // the next export runs to its file
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 80_000 }), exportButton.click()]);
      await dialog.locator('.wm-export-done').waitFor();
      const png = await bytesOf(download);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.readUInt32BE(16)).toBeGreaterThan(4000);
      expect(downloads).toHaveLength(1);
      await closeExport(dialog);
    } finally {
      release();
      page.off('download', onDownload);
    }
  });
});
