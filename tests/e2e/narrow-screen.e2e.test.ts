import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { addCard, addStage } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { serializeMap } from '../../src/schema/file';
import { startApp, type App } from './support/app';
import { newMapFromTemplate } from './support/flows';

/**
 * A 1024 × 700 laptop: the map's title stays readable, the side panel can make room for the
 * canvas, the overview map stays small, and a big map's overview still shows where its cards are.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const NARROW = { width: 1024, height: 700 };

type Box = { x: number; y: number; width: number; height: number };
const canvasBox = async (page: Page): Promise<Box> => (await page.locator('.journey-canvas').boundingBox())!;

async function stagesOnScreen(page: Page): Promise<number> {
  const pane = await canvasBox(page);
  let count = 0;
  for (const header of await page.locator('.react-flow__node-stage').all()) {
    const box = await header.boundingBox();
    if (box && box.x >= pane.x - 1 && box.x + box.width <= pane.x + pane.width + 1) count++;
  }
  return count;
}

const sidePanelToggle = (page: Page, name: RegExp) => page.getByRole('banner').getByRole('button', { name });

describe('the editor on a narrow screen', () => {
  for (const language of ['English', 'Deutsch'] as const) {
    it(`at 1024 px the map title is readable (${language})`, async () => {
      const { context, page } = await app.newPage({ viewport: NARROW, locale: language === 'English' ? 'en-US' : 'de-DE' });
      await newMapFromTemplate(app, page, 'retail', language);
      const title = page.locator('.map-title-button');
      const size = await title.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent ?? '' }));
      expect(size.text.length).toBeGreaterThan(20);
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      // what gave way keeps its name for assistive technology and a tooltip for the eye
      await expect.poll(() => page.getByRole('button', { name: language === 'English' ? 'Share' : 'Teilen', exact: true }).count()).toBe(1);
      await context.close();
    });
  }

  it('at 1024 px the side panel can be hidden and the canvas shows at least three stages', async () => {
    const { context, page } = await app.newPage({ viewport: NARROW });
    await newMapFromTemplate(app, page);
    const toggle = sidePanelToggle(page, /side panel/i);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const before = (await canvasBox(page)).width;
    await toggle.click();
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await canvasBox(page)).width).toBeGreaterThan(before + 250);
    // at 100 % zoom the wider canvas holds more stages than the half-covered one did
    await page.locator('.journey-canvas').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+0');
    await page.waitForTimeout(300);
    expect(await stagesOnScreen(page)).toBeGreaterThanOrEqual(3);
    // hidden stays hidden on this device
    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.side-panel').count()).toBe(0);
    await sidePanelToggle(page, /side panel/i).click();
    await expect.poll(() => page.locator('.side-panel').count()).toBe(1);
    await context.close();
  });

  it('the minimap does not cover more than a tenth of the canvas at 1024 px', async () => {
    const { context, page } = await app.newPage({ viewport: NARROW });
    await newMapFromTemplate(app, page);
    const pane = await canvasBox(page);
    const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
    expect((minimap.width * minimap.height) / (pane.width * pane.height)).toBeLessThanOrEqual(0.1);
    await context.close();
  });

  it('the minimap of a big map shows its cards', async () => {
    const doc = createMapFromTemplate('retail', 'en');
    for (let i = 9; i <= 24; i++) addStage(doc, { name: `Step ${i}` });
    const { stages, lanes } = readJourney(doc);
    for (let i = 0; i < 1056; i++) {
      addCard(doc, { stageId: stages[i % stages.length]!.id, laneId: lanes[(i * 7) % lanes.length]!.id, title: `Card ${i}` });
    }
    const { context, page } = await app.newPage({ viewport: NARROW });
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'Import' }).waitFor();
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'big.waymark.json', mimeType: 'application/json', buffer: Buffer.from(serializeMap(doc)) });
    await page.waitForURL(/\/map\/[^/]+$/, { timeout: 30_000 });
    await page.locator('.react-flow__node-stage').first().waitFor({ timeout: 30_000 });
    // every card of the template and the import is drawn in the overview, in the card colour
    const box = page.locator('.react-flow__minimap .map-overview-box');
    await expect.poll(async () => Number(await box.getAttribute('data-cards')), { timeout: 10_000 }).toBeGreaterThanOrEqual(1056);
    const cardPixels = await page.evaluate(() => {
      const canvas = document.querySelector('.react-flow__minimap canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      // the card grey, also where a card narrower than a pixel blends it with the background
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 60 && Math.abs(data[i]! - 0x94) < 12 && Math.abs(data[i + 1]! - 0xa3) < 12 && Math.abs(data[i + 2]! - 0xb8) < 12) count++;
      return count / (canvas.width * canvas.height);
    });
    // the cards fill a good part of the overview, not a stray pixel or two
    expect(cardPixels).toBeGreaterThan(0.03);
    await context.close();
  }, 90_000);

  it('the narrow-screen editor has no serious or critical accessibility finding', async () => {
    const { context, page } = await app.newPage({ viewport: NARROW, locale: 'de-DE' });
    await newMapFromTemplate(app, page);
    const audit = await new AxeBuilder({ page }).analyze();
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    expect(audit.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(' | ')}`)).toEqual([]);
    await context.close();
  });
});
