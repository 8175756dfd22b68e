import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLayout, journeyGridOrigin } from '../../src/export/render';
import { createI18n } from '../../src/i18n';
import { evidenceCountByCard } from '../../src/model/evidence';
import { journeyToDoc } from '../../src/model/doc';
import { serializeMap } from '../../src/schema/file';
import { evidenceJourney } from '../support/evidenceJourney';
import { decodePngGrey } from '../support/png';
import { startApp, type App } from './support/app';
import { EXPORTS_DIR, exportAs } from './support/exports';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Opens the retail map with its customer evidence as a user opens a map file they were sent. */
async function openWithEvidence(page: Page) {
  const journey = evidenceJourney('en');
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: 'Import' }).waitFor();
  const file = Buffer.from(serializeMap(journeyToDoc(journey)));
  await page.locator('[data-testid=import-file]').setInputFiles({ name: 'retail-evidence.waymark.json', mimeType: 'application/json', buffer: file });
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
  return journey;
}

describe('customer evidence on the canvas, in present mode and in the PNG', () => {
  it('the canvas shows each scored stage\u2019s measured figures beside the emotion curve, with a tooltip that says they are measured and not mixed in', async () => {
    const { context, page } = await app.newPage();
    await openWithEvidence(page);
    const figures = page.locator('[data-testid=measured-figures]');
    await expect.poll(() => figures.count()).toBe(3);
    const texts = await figures.allTextContents();
    expect(texts.some((t) => t.includes('NPS +13') && t.includes('n=48'))).toBe(true);
    expect(texts.some((t) => t.includes('★ 3.5') && t.includes('n=43'))).toBe(true);
    expect(texts.some((t) => t.includes('CSAT 73%') && t.includes('n=30'))).toBe(true);
    const tooltip = await figures.filter({ hasText: 'NPS' }).getAttribute('title');
    expect(tooltip).toContain('Net Promoter Score +13 from 48 responses');
    expect(tooltip).toContain('never mixed into it');
    // the curve itself still shows the feelings the team set by hand
    expect(await page.locator('.curve-point').count()).toBeGreaterThan(0);
    await page.locator('.react-flow__node-curve').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${EXPORTS_DIR}/evidence-canvas.png` });
    await context.close();
  });

  it('presenting a stage shows its strongest quotes with source and count, its measured stars beside the feeling, and each card\u2019s confidence mark', async () => {
    const { context, page } = await app.newPage();
    await openWithEvidence(page);
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command' }).fill('Present');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/present/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Awareness');

    const quotes = page.getByRole('region', { name: 'What customers said' }).locator('[data-testid=present-quote]');
    await expect.poll(() => quotes.count()).toBe(3);
    // the most customers first: 37 tickets, then 30 reviews, then 12
    expect(await quotes.nth(0).textContent()).toContain('I could not find the size chart anywhere on the product page');
    expect(await quotes.nth(0).locator('figcaption').textContent()).toContain('Support / hotline · 37×');
    expect(await quotes.nth(1).textContent()).toContain('Fine');
    expect(await quotes.nth(2).textContent()).toContain('Search gave me socks when I typed "sneakers"');
    expect(await quotes.nth(2).locator('figcaption').textContent()).toContain('Review · 12×');

    const measured = page.locator('[data-testid=present-measured]');
    expect(await measured.textContent()).toContain('★ 3.5');
    expect(await measured.textContent()).toContain('n=43');
    // beside the hand-set feeling, not instead of it
    expect(await page.getByText('Feeling', { exact: true }).count()).toBe(1);

    expect(await page.locator('.present-chip.confidence.is-observed', { hasText: 'Observed · 2 pieces of evidence' }).count()).toBe(1);
    expect(await page.locator('.present-chip.confidence.is-observed', { hasText: 'Observed · 1 piece of evidence' }).count()).toBe(1);
    expect(await page.locator('.present-chip.confidence.is-assumed', { hasText: 'Assumed' }).count()).toBe(1);
    await page.screenshot({ path: `${EXPORTS_DIR}/evidence-present-awareness.png` });
    // quotes, figures and marks keep the slide accessible (contrast, names, landmarks)
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    const audit = await new AxeBuilder({ page }).analyze();
    expect(audit.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consideration');
    await expect.poll(() => measured.textContent()).toContain('NPS +13');
    expect(await page.locator('.present-chip.confidence.is-proposed', { hasText: 'Proposed' }).count()).toBe(1);
    await page.screenshot({ path: `${EXPORTS_DIR}/evidence-present-consideration.png` });
    await context.close();
  });

  it('the exported PNG carries the confidence marks where the cards are: a dark observed badge at the bottom right of a backed card, none on a card without a mark', async () => {
    const { context, page } = await app.newPage();
    const journey = await openWithEvidence(page);
    const png = await exportAs(page, /PNG image/, 'retail-evidence.png');
    const { width, height, grey } = decodePngGrey(png.bytes);
    const i18n = createI18n('en');
    const t = (k: string, o?: Record<string, unknown>) => String(i18n.t(k, o as never));
    const origin = journeyGridOrigin(journey, { t });
    const layout = exportLayout(journey);
    const scale = width / Math.ceil(layout.width + 2 * origin.x);
    expect(height).toBeGreaterThan(0);
    const counts = evidenceCountByCard(journey.evidence);
    /** the darkest pixel in the mark's place: the badge's left end, 8 px above the card's bottom right */
    const darkestAtMark = (cardId: string) => {
      const rect = layout.cards.get(cardId)!;
      const right = origin.x + rect.x + rect.width - 10;
      const top = origin.y + rect.y + rect.height - 8 - 17;
      let darkest = 255;
      for (let y = top + 5; y < top + 12; y++) for (let x = right - 22; x < right - 16; x++) darkest = Math.min(darkest, grey[Math.round(y * scale) * width + Math.round(x * scale)]!);
      return darkest;
    };
    const observed = journey.cards.find((c) => c.confidence === null && (counts.get(c.id) ?? 0) > 0)!;
    const plain = journey.cards.find((c) => c.confidence === null && !counts.has(c.id) && layout.cards.has(c.id) && !c.image)!;
    expect(darkestAtMark(observed.id), 'the observed badge (#0f766e)').toBeLessThan(120);
    expect(darkestAtMark(plain.id), 'no mark on a card nobody judged').toBeGreaterThan(200);
    await context.close();
  });
});
