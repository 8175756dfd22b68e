import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate } from './support/flows';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const OUT = path.join(tmpdir(), 'waymark-e2e-exports');
mkdirSync(OUT, { recursive: true });
const SHOTS = 'test-results';

/** English or German words of the export dialog. */
const WORDS = {
  en: { dialog: 'Export map', export: 'Export', close: 'Close' },
  de: { dialog: 'Map exportieren', export: 'Exportieren', close: 'Schließen' },
};

async function openExport(page: Page, lang: keyof typeof WORDS): Promise<Locator> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: WORDS[lang].dialog });
  await dialog.waitFor();
  return dialog;
}

async function download(page: Page, dialog: Locator, lang: keyof typeof WORDS, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: WORDS[lang].export, exact: true }).click()]);
  const target = path.join(OUT, name);
  await file.saveAs(target);
  return { file: target, bytes: readFileSync(target) };
}

/** Imports a CSV in the library, as a user drops one; the new map opens. */
async function importCsvMap(page: Page, name: string, csv: string): Promise<void> {
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: 'Import' }).waitFor();
  await page.locator('[data-testid=import-file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
}

function pdfText(file: string): string {
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(out.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined();
  return out.stdout;
}

const LONG_TITLE =
  'The washing machine shows error E21 after the second wash and the drum does not drain, so the customer calls the hotline a third time';

describe('exports and language', () => {
  it('a German map’s phase bands are German on the canvas and in the PDF', async () => {
    // the map was made in English (its stored phase names are English); its reader works in German
    const { context, page } = await app.newPage({ locale: 'de-DE' });
    await newMapFromTemplate(app, page, 'retail', 'English');
    const bands = await page.locator('.phase-band .phase-name').allTextContents();
    expect(bands).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf']);
    await page.screenshot({ path: path.join(SHOTS, 'i13-export-phases-de-1440.png') });

    const dialog = await openExport(page, 'de');
    await dialog.getByRole('radio', { name: /PDF-Dokument/ }).check();
    const pdf = await download(page, dialog, 'de', 'retail-de-reader.pdf');
    const text = pdfText(pdf.file);
    expect(text).toContain('VOR DEM KAUF');
    expect(text).toContain('NACH DEM KAUF');
    expect(text).not.toContain('PRE-PURCHASE');
    await context.close();
  });

  it('a 24-stage map’s PDF export is readable (tiled or larger paper offered)', async () => {
    const { context, page } = await app.newPage();
    const rows = ['phase,stage,lane,lane kind,title'];
    for (let i = 1; i <= 24; i++) rows.push(`Purchase,Step ${i},Customer actions,actions,Card ${i}`);
    await importCsvMap(page, 'twenty-four stages.csv', rows.join('\n'));
    await expect.poll(() => page.locator('.react-flow__node-stage').count()).toBeGreaterThan(0);

    const dialog = await openExport(page, 'en');
    await dialog.getByRole('radio', { name: /PDF document/ }).check();
    // the default is "Readable": too wide for one legible A4 page, so it is tiled at print size
    await expect.poll(() => dialog.getByRole('radio', { name: /^Readable/ }).isChecked()).toBe(true);
    const plan = dialog.locator('.wm-export-plan');
    const pages = Number(await plan.getAttribute('data-pages'));
    expect(pages).toBeGreaterThan(1);
    expect(await plan.textContent()).toContain(`${pages} A4 pages, printed at 100 %`);
    await page.screenshot({ path: path.join(SHOTS, 'i13-export-pdf-dialog-1440.png') });

    // squeezing it onto one page is still possible, with a warning in plain words
    await dialog.getByRole('radio', { name: 'Fit on one page' }).check();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('too small to read');
    expect(Number(await dialog.locator('.wm-export-plan').getAttribute('data-scale'))).toBeLessThan(0.2);
    await page.screenshot({ path: path.join(SHOTS, 'i13-export-pdf-warning-1440.png') });

    await dialog.getByRole('radio', { name: /^Readable/ }).check();
    const pdf = await download(page, dialog, 'en', 'twenty-four-stages.pdf');
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(pages);
    expect(doc.getPages().every((p) => Math.round(p.getWidth()) === 842 && Math.round(p.getHeight()) === 595)).toBe(true);
    expect(pdfText(pdf.file)).toContain('Step 24');
    await context.close();
  });

  it('a long card title is shown whole in the PNG/SVG export', async () => {
    const { context, page } = await app.newPage();
    const csv = ['phase,stage,lane,lane kind,title,body', `Post-purchase,Repair,Customer actions,actions,"${LONG_TITLE}",Short note`].join('\n');
    await importCsvMap(page, 'long title.csv', csv);
    const dialog = await openExport(page, 'en');
    await dialog.getByRole('radio', { name: /SVG image/ }).check();
    const svg = (await download(page, dialog, 'en', 'long-title.svg')).bytes.toString('utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const first = texts.findIndex((text) => LONG_TITLE.startsWith(text) && text.length > 10);
    expect(first).toBeGreaterThan(-1);
    const printed = texts.slice(first, first + 8).join(' ');
    expect(printed.startsWith(LONG_TITLE)).toBe(true);
    expect(printed).toContain('Short note');
    expect(printed).not.toContain('…');
    await context.close();
  });

  it('hovering a clipped card shows its full text', async () => {
    const { context, page } = await app.newPage();
    const csv = ['phase,stage,lane,lane kind,title,body', `Post-purchase,Repair,Customer actions,actions,"${LONG_TITLE}",Photo of the error code attached`].join('\n');
    await importCsvMap(page, 'hover.csv', csv);
    const card = cardNode(page, 'washing machine').locator('.card-node');
    const title = card.locator('.card-title');
    // on the canvas the title is clipped to two lines…
    expect(await title.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    // …and the card says the whole of it on hover
    await card.hover();
    expect(await card.getAttribute('title')).toBe(`${LONG_TITLE}\n\nPhoto of the error code attached`);
    // selected, it grows to show all of it
    await card.click();
    await expect.poll(() => title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'i13-export-card-expanded-1440.png') });
    await context.close();
  });
});
