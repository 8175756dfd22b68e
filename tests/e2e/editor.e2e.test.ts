import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { newMapFromTemplate } from './support/flows';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const card = (page: Page, title: string | RegExp): Locator => page.locator('.react-flow__node-card', { hasText: title });

async function centreOf(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function stageNames(page: Page): Promise<string[]> {
  const headers = await page.locator('.react-flow__node-stage').all();
  const named = await Promise.all(headers.map(async (h) => ({ x: (await h.boundingBox())!.x, name: (await h.locator('.stage-name').textContent()) ?? '' })));
  return named.sort((a, b) => a.x - b.x).map((h) => h.name);
}

describe('the journey editor in a browser', () => {
  it('a CX lead creates a map from the retail template and sees stages, lanes, cards and the emotion curve', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await expect.poll(() => page.locator('.react-flow__node-stage').count()).toBe(8);
    expect(await page.locator('.react-flow__node-lane').count()).toBe(9);
    await expect.poll(() => page.locator('.curve-point').count()).toBeGreaterThan(3);
    expect(await page.getByRole('heading', { name: 'Awareness' }).count()).toBe(1);
    await context.close();
  });

  it('a user adds a stage, a lane and a card inline', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'blank');
    await page.getByRole('button', { name: 'Add stage' }).last().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Onboarding');
    await page.keyboard.press('Enter');
    await expect.poll(() => stageNames(page)).toContain('Onboarding');

    await page.locator('.add-lane').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Employee notes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.lane-name', { hasText: 'Employee notes' }).count()).toBe(1);

    const cell = page.locator('.react-flow__node-cell').first();
    // empty space in the cell, below its "+ Add card" row, at whatever zoom the map opened
    const box = (await cell.boundingBox())!;
    await cell.dblclick({ position: { x: box.width / 2, y: box.height * 0.85 } });
    await page.keyboard.type('Reads the welcome email');
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page, 'Reads the welcome email').count()).toBe(1);
    await context.close();
  });

  it('a user edits a card in the inspector and the card on the canvas follows', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Realises the kids have outgrown').click();
    const inspector = page.getByRole('complementary');
    const title = inspector.getByLabel('Title');
    await title.fill('Notices the boots are too small');
    await inspector.getByLabel('Notes').fill('Both kids complain on the Sunday walk.');
    await inspector.getByLabel('Channel').selectOption('store');
    await inspector.getByText('Moment of truth').click();
    await expect.poll(() => card(page, 'Notices the boots are too small').count()).toBe(1);
    const edited = card(page, 'Notices the boots are too small');
    await expect.poll(() => edited.textContent()).toContain('Both kids complain');
    await expect.poll(() => edited.textContent()).toContain('Store');
    expect(await edited.locator('.card-node.is-mot').count()).toBe(1);
    await context.close();
  });

  it('a user links two cards with L and labels the link in the inspector', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Realises the kids have outgrown').click();
    await page.keyboard.press('l');
    await card(page, 'Compares models and reads reviews').click();
    await card(page, 'Realises the kids have outgrown').click();
    const inspector = page.getByRole('complementary');
    await inspector.getByPlaceholder('e.g. causes, leads to').fill('triggers research');
    await expect.poll(() => page.locator('.react-flow__edge-text', { hasText: 'triggers research' }).count()).toBe(1);
    await inspector.getByRole('button', { name: /Remove the link/ }).click();
    await expect.poll(() => page.locator('.react-flow__edge-text', { hasText: 'triggers research' }).count()).toBe(0);
    await context.close();
  });

  it('a facilitator writes a stage description in the stage panel and sees it as speaker notes', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.locator('.react-flow__node-stage', { hasText: 'Awareness' }).locator('.header-count').click();
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { name: 'Stage' }).waitFor();
    await panel.getByLabel('Description').fill('Start with the moment the boots no longer fit.');
    await page.getByRole('button', { name: 'Present' }).click();
    await page.waitForURL(/\/present/);
    const notes = page.getByRole('complementary', { name: 'Speaker notes' });
    await expect.poll(() => notes.textContent()).toContain('Start with the moment the boots no longer fit.');
    await context.close();
  });

  it('a user drags a card to another cell and it lands there', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const moving = card(page, 'Realises the kids have outgrown');
    const target = card(page, 'Checks stock at the nearest store'); // Consideration · Customer actions, second card
    const to = await centreOf(target);
    await drag(page, await centreOf(moving), { x: to.x, y: to.y + 70 });
    await moving.click();
    const inspector = page.getByRole('complementary');
    await expect.poll(() => inspector.textContent()).toMatch(/Stage\s*Consideration/);
    await context.close();
  });

  it('a user reorders stages by dragging a stage header', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    expect((await stageNames(page)).slice(0, 3)).toEqual(['Awareness', 'Consideration', 'Purchase']);
    const awareness = page.locator('.react-flow__node-stage', { hasText: 'Awareness' });
    const purchase = page.locator('.react-flow__node-stage', { hasText: 'Purchase' }).first();
    const to = await centreOf(purchase);
    await drag(page, await centreOf(awareness.locator('.header-count')), { x: to.x + 40, y: to.y });
    await expect.poll(async () => (await stageNames(page)).slice(0, 3)).toEqual(['Consideration', 'Purchase', 'Awareness']);
    await context.close();
  });

  it('a user deletes a card, undoes it and redoes it with the keyboard', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Saves a jacket review').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => card(page, 'Saves a jacket review').count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => card(page, 'Saves a jacket review').count()).toBe(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => card(page, 'Saves a jacket review').count()).toBe(0);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => card(page, 'Saves a jacket review').count()).toBe(1);
    await context.close();
  });

  it('after a reload the map is exactly as the user left it', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Realises the kids have outgrown').click();
    await page.getByRole('complementary').getByLabel('Title').fill('Kept after reload');
    await card(page, 'Saves a jacket review').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByText('Saved on this device').count()).toBe(1);
    await page.reload();
    await card(page, 'Kept after reload').waitFor();
    expect(await card(page, 'Saves a jacket review').count()).toBe(0);
    await context.close();
  });

  it('a user deletes a map in the library and gets it back with Undo', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'saas');
    await page.goto(app.url('/'));
    const title = 'SaaS: trial to renewal';
    await page.getByRole('button', { name: `More actions for “${title}”` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
    await context.close();
  });

  it('a user switches the interface to German, and it stays German after a reload', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Saves a jacket review').click();
    await page.keyboard.press('Delete');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await expect.poll(() => page.getByRole('button', { name: 'Schritt hinzufügen' }).count()).toBeGreaterThan(0);
    // switching the language keeps the map open, undo history included
    await page.getByRole('button', { name: /^Rückgängig/ }).click();
    await expect.poll(() => card(page, 'Saves a jacket review').count()).toBe(1);
    await page.reload();
    await card(page, 'Realises the kids').waitFor();
    await expect.poll(() => page.getByText('Auf diesem Gerät gespeichert').count()).toBe(1);
    await context.close();
  });

  it('offline, the app and the map still open after a reload and take edits', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const mapUrl = page.url();
    await context.setOffline(true);
    await page.reload();
    await card(page, 'Realises the kids have outgrown').waitFor();
    await card(page, 'Realises the kids have outgrown').click();
    await page.getByRole('complementary').getByLabel('Title').fill('Edited without a network');
    await expect.poll(() => page.getByText('Saved on this device').count()).toBe(1);
    await page.goto(app.url('/'));
    await page.goto(mapUrl);
    await card(page, 'Edited without a network').waitFor();
    await context.close();
  });

  it('an accessibility audit of the library and the editor finds no serious or critical issue', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await card(page, 'Realises the kids have outgrown').click();
    const editor = await new AxeBuilder({ page }).analyze();
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    expect(editor.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.goto(app.url('/'));
    await page.getByRole('heading', { name: 'Omnichannel retail purchase' }).waitFor();
    const library = await new AxeBuilder({ page }).analyze();
    expect(library.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await context.close();
  });
});
