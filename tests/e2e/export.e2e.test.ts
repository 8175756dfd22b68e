import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { comparableJourney as comparable, EXPORTS_DIR as OUT, exportAs as exportWith, importInLibrary as importWith } from './support/exports';
import { newMapFromTemplate } from './support/flows';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The export and import flows (support/exports.ts) as this file calls them. */
const exportAs = (page: Page, format: RegExp, name: string, setup?: (dialog: Locator) => Promise<void>) => exportWith(page, format, name, { setup });
const importInLibrary = (page: Page, name: string, buffer: Buffer, mimeType: string) => importWith(app, page, name, buffer, mimeType);

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function mapCount(page: Page): Promise<number> {
  await page.locator('.lib-count').waitFor();
  const text = (await page.locator('.lib-count').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? 0);
}

describe('exporting and importing maps in a browser', () => {
  it('a CX lead exports the retail map as PNG at 2× and gets an image twice the size of the SVG', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const svg = await exportAs(page, /SVG image/, 'retail-en.svg');
    expect(svg.suggested).toBe('Omnichannel retail purchase.svg');
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg.bytes.toString('utf8'))!;
    const png = await exportAs(page, /PNG image/, 'retail-en@2x.png', async (dialog) => {
      await dialog.getByRole('radio', { name: '2×' }).check();
    });
    expect(png.suggested).toBe('Omnichannel retail purchase.png');
    expect(pngSize(png.bytes)).toEqual({ width: 2 * Number(w), height: 2 * Number(h) });
    await context.close();
  });

  it('a CX lead exports the map as a vector PDF, fitted on A4 or tiled across A3 pages', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const fit = await exportAs(page, /PDF document/, 'retail-en-a4.pdf');
    const doc = await PDFDocument.load(fit.bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe('Omnichannel retail purchase');

    const tiled = await exportAs(page, /PDF document/, 'retail-en-a3-tiles.pdf', async (dialog) => {
      await dialog.getByRole('radio', { name: 'A3' }).check();
      await dialog.getByRole('radio', { name: /Tile across pages/ }).check();
    });
    const tiles = await PDFDocument.load(tiled.bytes);
    expect(tiles.getPageCount()).toBeGreaterThan(1);
    expect(tiles.getPages().every((p) => Math.round(p.getWidth()) === 1191 && Math.round(p.getHeight()) === 842)).toBe(true);

    // npm test installs poppler (scripts/test-prerequisites.mjs); without it this fails, never skips.
    const rendered = spawnSync('pdftoppm', ['-png', '-r', '60', fit.file, path.join(OUT, 'retail-en-a4')], { encoding: 'utf8' });
    expect(rendered.error, 'pdftoppm (poppler-utils) must be installed').toBeUndefined();
    expect(rendered.status, rendered.stderr).toBe(0);
    const page1 = readFileSync(path.join(OUT, 'retail-en-a4-1.png'));
    expect(pngSize(page1).width).toBeGreaterThan(600);
    await context.close();
  });

  it('a user exports JSON and CSV, imports both in the library, and gets new maps with the same journey', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'saas');
    const json = await exportAs(page, /Waymark file/, 'saas.waymark.json');
    const csv = await exportAs(page, /Spreadsheet/, 'saas.csv');
    const originalUrl = page.url();

    await importInLibrary(page, 'saas.waymark.json', json.bytes, 'application/json');
    await page.waitForURL((url) => url.href !== originalUrl && /\/map\//.test(url.pathname));
    await page.locator('.react-flow__node-stage').first().waitFor();
    const again = await exportAs(page, /Waymark file/, 'saas-imported.waymark.json');
    expect(JSON.parse(again.bytes.toString('utf8')).journey.id).not.toBe(JSON.parse(json.bytes.toString('utf8')).journey.id);
    expect(JSON.parse(again.bytes.toString('utf8')).journey.title).toMatch(/ \(2\)$/);
    expect(comparable(again.bytes.toString('utf8'))).toEqual(comparable(json.bytes.toString('utf8')));

    const jsonMapUrl = page.url();
    await importInLibrary(page, 'saas.csv', csv.bytes, 'text/csv');
    await page.waitForURL((url) => url.href !== jsonMapUrl && /\/map\//.test(url.pathname));
    await page.locator('.react-flow__node-stage').first().waitFor();
    const csvAgain = await exportAs(page, /Spreadsheet/, 'saas-imported.csv');
    expect(csvAgain.bytes.toString('utf8')).toBe(csv.bytes.toString('utf8'));
    await context.close();
  });

  it('a map exported as OpenJourney imports back with the same cards', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'service');
    const json = await exportAs(page, /Waymark file/, 'service.waymark.json');
    const ojf = await exportAs(page, /OpenJourney/, 'service.ojf');
    expect(ojf.suggested).toBe(json.suggested.replace(/\.waymark\.json$/, '.ojf'));
    const file = JSON.parse(ojf.bytes.toString('utf8'));
    expect(file).toMatchObject({ version: '1.0', metadata: { version: '1.1.0' } });
    const originalUrl = page.url();

    await importInLibrary(page, 'service.ojf', ojf.bytes, 'application/json');
    await page.waitForURL((url) => url.href !== originalUrl && /\/map\//.test(url.pathname));
    await page.locator('.react-flow__node-card').first().waitFor();
    const again = await exportAs(page, /Waymark file/, 'service-from-ojf.waymark.json');
    // the same cards in the same stages and lanes, with their links: everything OpenJourney carries
    expect(comparable(again.bytes.toString('utf8'))).toEqual(comparable(json.bytes.toString('utf8')));
    await context.close();
  });

  it('importing an invalid file lists each problem as path: reason and leaves the library as it was', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'service');
    const json = await exportAs(page, /Waymark file/, 'service.waymark.json');
    await page.goto(app.url('/'));
    // the library lists maps as IndexedDB answers: count once the map made above is listed
    await expect.poll(() => mapCount(page)).toBeGreaterThan(0);
    const before = await mapCount(page);
    const file = JSON.parse(json.bytes.toString('utf8'));
    file.journey.cards[0].emotion = 9;
    file.journey.cards[1].laneId = 'nowhere';
    await importInLibrary(page, 'broken.json', Buffer.from(JSON.stringify(file)), 'application/json');
    const dialog = page.getByRole('dialog', { name: /could not be imported/ });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('journey.cards[0].emotion: must be between -3 and +3');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await mapCount(page)).toBe(before);
    expect(page.url()).toBe(app.url('/'));
    await context.close();
  });
});
