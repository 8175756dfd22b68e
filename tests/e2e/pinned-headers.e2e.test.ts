import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { newMapFromTemplate } from './support/flows';

/**
 * Lane and stage names stay on screen after the map is panned past its headers: a CX lead on the
 * sixth stage still sees which row is "Pain points" and which column is "Checkout".
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

type Box = { x: number; y: number; width: number; height: number };

const SHOTS = process.env.WAYMARK_SHOTS_DIR;

const canvasBox = async (page: Page): Promise<Box> => (await page.locator('.journey-canvas').boundingBox())!;

/** Zooms in on the middle of the map, then drags the canvas by (dx, dy) from a point where no card sits. */
async function zoomInAndPan(page: Page, dx: number, dy: number): Promise<void> {
  const pane = await canvasBox(page);
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  // the gap between two stage headers' texts is free of cards and buttons: a phase band
  const band = (await page.locator('.react-flow__node-phase').first().boundingBox())!;
  const from = { x: band.x + band.width / 2, y: band.y + band.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(200);
}

function within(box: Box, pane: Box): boolean {
  return box.x >= pane.x - 1 && box.y >= pane.y - 1 && box.x + box.width <= pane.x + pane.width + 1 && box.y + box.height <= pane.y + pane.height + 1;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('pinned lane and stage names', () => {
  for (const width of [1440, 1024]) {
    it(`after panning right, the lane names stay visible at the left edge (${width} px)`, async () => {
      const { context, page } = await app.newPage({ viewport: { width, height: 900 } });
      await newMapFromTemplate(app, page);
      // the real header column is on screen: nothing pinned yet
      await expect.poll(() => page.locator('.pinned-lane').count()).toBe(0);

      await zoomInAndPan(page, -500, 0);
      const pane = await canvasBox(page);
      const realHeader = (await page.locator('.react-flow__node-lane', { hasText: 'Pain points' }).boundingBox())!;
      expect(realHeader.x + realHeader.width).toBeLessThan(pane.x + 120);

      const pinned = page.locator('.pinned-lane', { hasText: 'Pain points' });
      await pinned.waitFor();
      const label = (await pinned.locator('.pinned-lane-name').boundingBox())!;
      expect(within(label, pane)).toBe(true);
      expect(label.x - pane.x).toBeLessThan(60);
      // on the row it names: its centre lies within the real lane's screen span
      const centre = label.y + label.height / 2;
      expect(centre).toBeGreaterThanOrEqual(realHeader.y);
      expect(centre).toBeLessThanOrEqual(realHeader.y + realHeader.height);
      await shoot(page, `i13-headers-lanes-${width}`);
      await context.close();
    });
  }

  it('after panning down, the stage names stay visible at the top', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 768 } });
    await newMapFromTemplate(app, page);
    await expect.poll(() => page.locator('.pinned-stage').count()).toBe(0);

    await zoomInAndPan(page, 0, -400);
    const pane = await canvasBox(page);
    // a stage whose column runs through the middle of the canvas
    const middle = pane.x + pane.width / 2;
    let name = '';
    let realHeader: Box | null = null;
    for (const stage of await page.locator('.react-flow__node-stage').all()) {
      const box = await stage.boundingBox();
      if (box && box.x <= middle && box.x + box.width >= middle) {
        name = (await stage.locator('.stage-name').textContent())!;
        realHeader = box;
      }
    }
    if (!realHeader) throw new Error('no stage column crosses the middle of the canvas');
    expect(realHeader.y + realHeader.height).toBeLessThan(pane.y);

    const pinned = page.locator('.pinned-stage', { hasText: name });
    await pinned.waitFor();
    const label = (await pinned.boundingBox())!;
    expect(within(label, pane)).toBe(true);
    expect(label.y - pane.y).toBeLessThan(60);
    // in the column it names
    const centre = label.x + label.width / 2;
    expect(centre).toBeGreaterThanOrEqual(realHeader.x);
    expect(centre).toBeLessThanOrEqual(realHeader.x + realHeader.width);
    // the phase band is pinned with it
    await expect.poll(() => page.locator('.pinned-phase').count()).toBeGreaterThan(0);
    await shoot(page, 'i13-headers-stages-1024');
    await context.close();
  });
});
