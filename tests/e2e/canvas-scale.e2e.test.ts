import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/model.bench';
import { laneKindDescriptor } from '../../src/model/laneKindLookup';
import { layoutJourney } from '../../src/model/layout';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate } from './support/flows';
import { storeJourney } from './support/storedMap';

/**
 * The canvas at scale: Space + drag pans from anywhere, and a zoomed-out map of thousands of cards
 * is drawn (FarCardsLayer) with every card in its place and colour, and its cards still answer a click.
 */

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const match = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(style);
  if (!match) throw new Error(`no viewport transform in "${style}"`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

function hex(colour: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
}

describe('the canvas at scale', () => {
  it('Space + drag over a card pans the map and leaves the card where it was', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const card = cardNode(page, 'Realises the kids have outgrown their boots').first();
    await card.waitFor();
    const cardId = await card.getAttribute('data-id');
    const before = await viewport(page);
    const box = (await card.boundingBox())!;
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    await page.keyboard.down('Space');
    await expect.poll(() => page.locator('.journey-canvas').getAttribute('class')).toContain('is-space-held');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x - i * 20, start.y - i * 8);
    await page.mouse.up();
    await page.keyboard.up('Space');

    const after = await viewport(page);
    // the map moved with the hand…
    expect(after.x - before.x).toBeCloseTo(-200, 0);
    expect(after.y - before.y).toBeCloseTo(-80, 0);
    // …and the card moved with the map, not across it: same place on the map, same cell
    const moved = (await page.locator(`.react-flow__node-card[data-id="${cardId}"]`).boundingBox())!;
    expect(moved.x - box.x).toBeCloseTo(-200, 0);
    expect(moved.y - box.y).toBeCloseTo(-80, 0);
    // the press that started the pan selected nothing
    await expect.poll(() => page.locator('.react-flow__node-card.selected').count()).toBe(0);
    await context.close();
  });

  it('a zoomed-out 5,000-card map shows every card in its place and its lane kind colour', async () => {
    const { context, page } = await app.newPage();
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'New map' }).first().waitFor();
    const journey = generateJourney(30, 12, 5000);
    const id = await storeJourney(page, journey, 'Five thousand cards');
    await page.goto(app.url(`/map/${id}`));
    await page.locator('.cards-canvas').waitFor();
    // the fitted view of a map this size is far out: no card elements, one drawing
    expect(await page.locator('.react-flow__node-card').count()).toBe(0);
    await page.waitForTimeout(300);

    const view = await viewport(page);
    const layout = layoutJourney(journey, { addCardRow: true });
    const laneKind = new Map(journey.lanes.map((l) => [l.id, l.kind]));
    const paneBox = (await page.locator('.cards-canvas').boundingBox())!;
    // every card whose inside is on screen, sampled at two points right of its text bars (a link
    // drawn across a card may cover one of them)
    const probes = journey.cards.flatMap((card) => {
      const rect = layout.cards.get(card.id)!;
      const fill = hex(laneKindDescriptor(laneKind.get(card.laneId)!).colors.fill);
      const at = (fx: number, fy: number) => ({ x: view.x + (rect.x + rect.width * fx) * view.zoom, y: view.y + (rect.y + rect.height * fy) * view.zoom });
      const [a, b] = [at(0.9, 0.85), at(0.8, 0.6)];
      return a.x > 2 && a.y > 2 && a.x < paneBox.width - 2 && a.y < paneBox.height - 2 ? [{ a, b, fill }] : [];
    });
    expect(probes.length).toBeGreaterThan(1000);
    const pixels: number[][] = await page.evaluate((points) => {
      const canvas = document.querySelector('.cards-canvas') as HTMLCanvasElement;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const context = canvas.getContext('2d')!;
      return points.map(({ x, y }) => Array.from(context.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data));
    }, probes.flatMap(({ a, b }) => [a, b]));
    const isFill = (pixel: number[], fill: number[]) => pixel[3] === 255 && fill.every((c, i) => Math.abs(pixel[i]! - c) <= 2);
    const wrong = probes.filter((probe, i) => !isFill(pixels[2 * i]!, probe.fill) && !isFill(pixels[2 * i + 1]!, probe.fill));
    expect(wrong).toEqual([]);

    // a card of the drawing answers a click as a card does: it is selected, the inspector shows it
    const target = journey.cards[31]!;
    const rect = layout.cards.get(target.id)!;
    await page.mouse.click(paneBox.x + view.x + (rect.x + rect.width / 2) * view.zoom, paneBox.y + view.y + (rect.y + rect.height / 2) * view.zoom);
    await expect.poll(() => page.getByRole('complementary').getByLabel('Title').inputValue()).toBe(target.title);

    // zoomed in to 100 %, the cards on screen become cards again, with their text, and the
    // drawing under them is gone (nothing drawn where a card element is)
    await page.keyboard.press('Shift+0');
    const shown = page.locator('.react-flow__node-card', { hasText: 'Customer compares delivery options' });
    await expect.poll(() => shown.count(), { timeout: 15_000 }).toBeGreaterThan(10);
    await page.waitForTimeout(500);
    const covered = await page.evaluate(() => {
      const canvas = document.querySelector('.cards-canvas') as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const context = canvas.getContext('2d')!;
      return [...document.querySelectorAll('.react-flow__node-card')].filter((card) => {
        const r = card.getBoundingClientRect();
        const x = (r.x + r.width / 2 - box.x) * ratio;
        const y = (r.y + r.height / 2 - box.y) * ratio;
        return x > 0 && y > 0 && x < canvas.width && y < canvas.height && context.getImageData(Math.floor(x), Math.floor(y), 1, 1).data[3] !== 0;
      }).length;
    });
    expect(covered).toBe(0);
    await context.close();
  }, 90_000);
});
