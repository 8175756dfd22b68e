import { spawnSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLayout, journeyGridOrigin } from '../../src/export/render';
import { createI18n } from '../../src/i18n';
import { journeyToDoc } from '../../src/model/doc';
import type { Locale } from '../../src/model/types';
import { serializeMap } from '../../src/schema/file';
import { blueprintJourney } from '../support/blueprintJourney';
import { decodePngGrey } from '../support/png';
import { startApp, type App } from './support/app';
import { exportAs as exportWith } from './support/exports';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});


const WORDS = {
  en: { import: 'Import', png: /PNG image/, pdf: /PDF document/ },
  de: { import: 'Importieren', png: /PNG-Bild/, pdf: /PDF-Dokument/ },
};

/** A hotel stay's service blueprint, opened in the app as a user opens a map file they were sent. */
async function openBlueprint(page: Page, locale: Locale) {
  const journey = blueprintJourney(['evidence', 'actions', 'frontstage', 'backstage', 'support'], locale);
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: WORDS[locale].import }).waitFor();
  const file = Buffer.from(serializeMap(journeyToDoc(journey)));
  await page.locator('[data-testid=import-file]').setInputFiles({ name: 'hotel-blueprint.waymark.json', mimeType: 'application/json', buffer: file });
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
  return journey;
}

const exportAs = (page: Page, locale: Locale, format: RegExp, name: string, setup?: (dialog: Locator) => Promise<void>) =>
  exportWith(page, format, name, { language: locale, setup });

function pdfText(file: string): string {
  const out = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(out.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined();
  return out.stdout;
}

describe('a service blueprint in picture exports', () => {
  it('exporting a blueprint as PNG draws the lines of interaction, visibility and internal interaction at the lane boundaries', async () => {
    const { context, page } = await app.newPage();
    const journey = await openBlueprint(page, 'en');
    const png = await exportAs(page, 'en', WORDS.en.png, 'hotel-blueprint@2x.png', async (dialog) => {
      await dialog.getByRole('radio', { name: '2×' }).check();
    });
    const { width, grey } = decodePngGrey(png.bytes);
    // where the renderer puts each lane boundary, at 2×
    const i18n = createI18n('en');
    const origin = journeyGridOrigin(journey, { t: (k, o) => String(i18n.t(k, o as never)) });
    const layout = exportLayout(journey);
    const top = (kind: string) => 2 * (origin.y + layout.lanes.find((l) => l.id === `lane-${kind}`)!.y);
    const [left, right] = [2 * origin.x, 2 * (origin.x + layout.width)];
    /** the share of dark pixels in the darkest pixel row within 3 rows of y, across the map */
    const darkness = (y: number) => {
      let best = 0;
      for (let row = Math.round(y) - 3; row <= Math.round(y) + 3; row++) {
        let dark = 0;
        for (let x = left; x < right; x++) if (grey[row * width + x]! < 110) dark++;
        best = Math.max(best, dark / (right - left));
      }
      return best;
    };
    expect(darkness(top('frontstage')), 'line of interaction').toBeGreaterThan(0.9);
    expect(darkness(top('backstage')), 'line of visibility (dashed)').toBeGreaterThan(0.45);
    expect(darkness(top('support')), 'line of internal interaction (dotted)').toBeGreaterThan(0.08);
    // no line between physical evidence and customer actions: both are the customer's side
    expect(darkness(top('actions'))).toBeLessThan(0.05);
    await context.close();
  });

  for (const locale of ['en', 'de'] as const) {
    it(`exporting a blueprint as PDF names its lines and who does each card, in ${locale === 'en' ? 'English' : 'German'}`, async () => {
      const { context, page } = await app.newPage({ locale: locale === 'en' ? 'en-US' : 'de-DE' });
      await openBlueprint(page, locale);
      const pdf = await exportAs(page, locale, WORDS[locale].pdf, `hotel-blueprint-${locale}.pdf`);
      const text = pdfText(pdf.file);
      const names = locale === 'en' ? ['Line of interaction', 'Line of visibility', 'Line of internal interaction'] : ['Interaktionslinie', 'Sichtbarkeitslinie', 'Linie der internen Interaktion'];
      for (const name of names) expect(text).toContain(name);
      for (const actor of ['Receptionist', 'Kitchen', 'Billing']) expect(text).toContain(actor);
      await context.close();
    });
  }
});
