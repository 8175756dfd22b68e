import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { addCard, addStage } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { serializeMap } from '../../src/schema/file';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * How the map sits on the screen: fit frames the map as it is now, a map opens fitted the first
 * time and where this device left it after that, and a drag meant as a pan does not move cards.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

type Box = { x: number; y: number; width: number; height: number };

const canvasBox = async (page: Page): Promise<Box> => (await page.locator('.journey-canvas').boundingBox())!;

function inside(box: Box, pane: Box): boolean {
  return box.x >= pane.x - 1 && box.y >= pane.y - 1 && box.x + box.width <= pane.x + pane.width + 1 && box.y + box.height <= pane.y + pane.height + 1;
}

/** The names of the stage headers drawn fully inside the canvas (off-screen ones of a big map are not drawn at all). */
async function stagesOnScreen(page: Page): Promise<string[]> {
  const pane = await canvasBox(page);
  const names: string[] = [];
  for (const header of await page.locator('.react-flow__node-stage').all()) {
    const box = await header.boundingBox();
    if (box && inside(box, pane)) names.push((await header.locator('.stage-name').textContent()) ?? '');
  }
  return names;
}

const transformOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

async function addStageNamed(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add stage' }).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.locator('.stage-name', { hasText: name }).waitFor({ state: 'attached' });
}

async function fit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit map to screen' }).click();
  // the fit animates for 200 ms
  await page.waitForTimeout(400);
}

/** Where a card sits in the map: its offset from the first stage's header, in that header's widths. */
async function placeOnMap(page: Page, title: string): Promise<{ x: number; y: number }> {
  const card = (await cardNode(page, title).boundingBox())!;
  const origin = (await page.locator('.react-flow__node-stage').first().boundingBox())!;
  return { x: Math.round(((card.x - origin.x) / origin.width) * 100) / 100, y: Math.round(((card.y - origin.y) / origin.width) * 100) / 100 };
}

describe('fitting and remembering the view', () => {
  it('fit shows every stage after three stages were added', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'blank');
    for (const name of ['Return request', 'Pick-up', 'Refund']) await addStageNamed(page, name);
    await page.keyboard.press('Escape');
    await fit(page);
    const names = await stagesOnScreen(page);
    expect(names).toHaveLength(8);
    expect(names).toEqual(expect.arrayContaining(['Return request', 'Pick-up', 'Refund']));
    await context.close();
  });

  it('fit after adding one more stage includes it', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await fit(page);
    expect(await stagesOnScreen(page)).toHaveLength(8);
    await addStageNamed(page, 'Service recovery');
    await fit(page);
    const names = await stagesOnScreen(page);
    expect(names).toHaveLength(9);
    expect(names).toContain('Service recovery');
    await context.close();
  });

  it('a map opens fitted the first time', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 700 } });
    await newMapFromTemplate(app, page);
    await expect.poll(() => stagesOnScreen(page)).toHaveLength(8);
    await context.close();
  });

  it('a map reopens where the user left it after a reload', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const pane = await canvasBox(page);
    // zoom in on the middle of the map, then pan by dragging the empty canvas below it
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 3);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(300);
    const below = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 20 };
    await page.mouse.move(below.x, below.y);
    await page.mouse.down();
    await page.mouse.move(below.x - 300, below.y - 60, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const left = await transformOf(page);
    expect(left).not.toContain('scale(1)');

    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => transformOf(page)).toBe(left);
    await context.close();
  });

  it('a map of 1,056 cards in 24 stages is fitted with every stage visible', async () => {
    const doc = createMapFromTemplate('retail', 'en');
    for (let i = 9; i <= 24; i++) addStage(doc, { name: `Step ${i}` });
    const { stages, lanes } = readJourney(doc);
    for (let i = 0; i < 1056; i++) {
      addCard(doc, { stageId: stages[i % stages.length]!.id, laneId: lanes[(i * 7) % lanes.length]!.id, title: `Card ${i}` });
    }
    const { context, page } = await app.newPage();
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'Import' }).waitFor();
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'big.waymark.json', mimeType: 'application/json', buffer: Buffer.from(serializeMap(doc)) });
    await page.waitForURL(/\/map\/[^/]+$/, { timeout: 30_000 });
    await page.locator('.react-flow__node-stage').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => stagesOnScreen(page), { timeout: 10_000 }).toHaveLength(24);
    // zoom to 100 %, then fit brings every stage back
    await page.locator('.journey-canvas').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+0');
    await page.waitForTimeout(300);
    expect((await stagesOnScreen(page)).length).toBeLessThan(24);
    await fit(page);
    await expect.poll(() => stagesOnScreen(page)).toHaveLength(24);
    await context.close();
  }, 90_000);
});

describe('dragging without meaning to move a card', () => {
  // Every drag grabs the card at its middle: a fitted map draws cards small (about 80×30 px with
  // the Needs lane), so a fixed offset from the corner can land on the pane and pan instead.
  it('a short drag on a card does not move it', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const title = 'Realises the kids have outgrown';
    const before = await placeOnMap(page, title);
    const box = (await cardNode(page, title).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 6, box.y + box.height / 2 + 4, { steps: 3 });
    // while the button is still down, the card has not started to follow the hand
    expect(await placeOnMap(page, title)).toEqual(before);
    await page.mouse.up();
    await page.waitForTimeout(200);
    expect(await placeOnMap(page, title)).toEqual(before);
    await context.close();
  });

  it('a card dragged by mistake goes back with Escape', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const title = 'Realises the kids have outgrown';
    const before = await placeOnMap(page, title);
    const box = (await cardNode(page, title).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 400, box.y + box.height / 2, { steps: 10 });
    expect((await placeOnMap(page, title)).x).toBeGreaterThan(before.x + 0.5);
    await page.keyboard.press('Escape');
    await page.mouse.move(box.x + box.width / 2 + 420, box.y + box.height / 2, { steps: 2 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await placeOnMap(page, title)).toEqual(before);
    await context.close();
  });

  it('the first card moved by a drag brings a one-time hint on how to pan instead', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const hint = page.getByRole('status').filter({ hasText: 'hold Space' });
    const dragRight = async (title: string) => {
      const box = (await cardNode(page, title).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 400, box.y + box.height / 2, { steps: 10 });
      await page.mouse.up();
      await page.waitForTimeout(300);
    };
    expect(await hint.count()).toBe(0);
    await dragRight('Realises the kids have outgrown');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Ctrl+Z');
    await hint.getByRole('button', { name: 'Got it' }).click();
    expect(await hint.count()).toBe(0);
    await dragRight('Compares models and reads reviews');
    expect(await hint.count()).toBe(0);
    await context.close();
  });

  it('a follower cannot move a card by dragging', async () => {
    const host = await app.newPage();
    await newMapFromTemplate(app, host.page);
    const { editLink } = await shareOpenMap(host.page);

    const guest = await app.newPage();
    await guest.page.goto(editLink);
    const title = 'Realises the kids have outgrown';
    await cardNode(guest.page, title).waitFor();
    await host.page.getByRole('button', { name: 'Present', exact: true }).click();
    await host.page.waitForURL(/\/present/);
    await guest.page.getByText(/^Following /).waitFor({ timeout: 10_000 });
    await guest.page.waitForTimeout(600);

    const before = await placeOnMap(guest.page, title);
    const box = (await cardNode(guest.page, title).boundingBox())!;
    await guest.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await guest.page.mouse.down();
    await guest.page.mouse.move(box.x + box.width / 2 + 500, box.y + box.height / 2, { steps: 10 });
    await guest.page.mouse.up();
    await guest.page.waitForTimeout(400);
    // the drag panned the view (and so stopped following); the card stayed in its stage
    expect(await placeOnMap(guest.page, title)).toEqual(before);
    await guest.context.close();
    await host.context.close();
  }, 60_000);

  it('the shortcuts help says how to pan without moving cards, in English and German', async () => {
    for (const [locale, pan, space] of [
      ['en-US', 'Drag the empty canvas', 'Hold Space and drag'],
      ['de-DE', 'Leere Fläche ziehen', 'Leertaste halten und ziehen'],
    ] as const) {
      const { context, page } = await app.newPage({ locale });
      await newMapFromTemplate(app, page);
      await page.locator('.journey-canvas').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('?');
      const help = page.getByRole('dialog');
      await help.getByText(pan).waitFor();
      await help.getByText(space).waitFor();
      await context.close();
    }
  });
});
