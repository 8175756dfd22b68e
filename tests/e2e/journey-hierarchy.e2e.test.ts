import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mapEmotion } from '../../src/model/space/entryFromJourney';
import { instantiateTemplate } from '../../src/model/templates';
import { startApp, type App } from './support/app';
import { createSpace, personIn } from './support/spaces';

/*
 * The journey hierarchy (issue 16, item 6) as a CX lead meets it in real Chromium: a high-level
 * map whose stage drills down to a detailed map of the same team space shows that map's card
 * count and how it feels; a click opens it with a breadcrumb back, and the breadcrumb leads back.
 */

let app: App;
const open: BrowserContext[] = [];
const person = (name: string, viewport?: { width: number; height: number }) => personIn(app, open, name, viewport);
beforeAll(async () => {
  app = await startApp();
});
afterEach(async () => {
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
});
afterAll(async () => {
  await app?.close();
});

const SHOTS = 'test-results';

/** A new map in the open space from a template, renamed so the two are told apart; back to the space afterwards. */
async function newNamedMapInSpace(page: Page, template: string, title: string): Promise<string> {
  await page.getByRole('button', { name: 'New map in this space' }).click();
  await page.locator(`dialog [data-template=${template}]`).click();
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
  const mapId = new URL(page.url()).pathname.split('/').pop()!;
  await page.locator('.map-title-button').click();
  const input = page.getByRole('textbox', { name: 'Map title' });
  await input.fill(title);
  await input.press('Enter');
  // the space's index takes the new title once edits rest (REPORT_DELAY_MS, 700 ms): leaving
  // sooner loses the report (useSpaceReport reads the journey after the editor closed it)
  await page.waitForTimeout(1_000);
  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await page.waitForURL(/\/space\/[^/]+$/);
  await expect.poll(() => page.locator(`.lib-space-tile[data-map-id="${mapId}"] .lib-card-title`).textContent(), { timeout: 10_000 }).toBe(title);
  return mapId;
}

async function openTile(page: Page, mapId: string): Promise<void> {
  await page.locator(`.lib-space-tile[data-map-id="${mapId}"] .lib-card-open`).click();
  await page.waitForURL(new RegExp(`/map/${mapId}$`));
  await page.locator('.react-flow__node-stage').first().waitFor();
}

const firstStage = (page: Page) => page.locator('.react-flow__node-stage').first();
const drill = (page: Page) => firstStage(page).getByTestId('stage-drill-down');
const trail = (page: Page) => page.getByTestId('map-trail');

/** Zooms the canvas in around `target` (the wheel zooms at the pointer) until it shows at 100 % or more, for a readable screenshot. */
async function zoomOnto(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  const scale = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  for (let i = 0; i < 30 && (await scale()) < 1; i++) {
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
}

/** The high-level map's first stage drills down to `title`, chosen in the stage inspector. */
async function linkFirstStage(page: Page, title: string): Promise<void> {
  await firstStage(page).locator('.stage-name').click();
  const choice = page.getByTestId('detail-map').locator('select');
  await choice.waitFor();
  await choice.selectOption({ label: title });
}

describe('the journey hierarchy', () => {
  it('a stage linked to a detailed map shows its card count and feeling, opens it with a breadcrumb back, and the breadcrumb leads back', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'CX Team Nordwind');
    const detailId = await newNamedMapInSpace(anna, 'saas', 'Onboarding in detail');
    const overviewId = await newNamedMapInSpace(anna, 'retail', 'Customer journey overview');
    const detail = instantiateTemplate('saas', 'en');
    const feeling = mapEmotion(detail);
    expect(feeling).not.toBeNull();

    await openTile(anna, overviewId);
    // the choice offers the other map of the space, not this one
    await firstStage(anna).locator('.stage-name').click();
    const options = await anna.getByTestId('detail-map').locator('option').allTextContents();
    expect(options).toContain('Onboarding in detail');
    expect(options).not.toContain('Customer journey overview');
    await linkFirstStage(anna, 'Onboarding in detail');

    // the header shows the detailed map: title, its card count, its feeling on the emotion scale
    await expect.poll(() => drill(anna).count()).toBe(1);
    expect(await drill(anna).locator('.stage-drill-title').textContent()).toBe('Onboarding in detail');
    expect(await drill(anna).getByTestId('stage-drill-cards').textContent()).toBe(`${detail.cards.length} cards`);
    expect(Number(await drill(anna).getByTestId('stage-drill-emotion').getAttribute('data-score'))).toBe(feeling);
    const name = await drill(anna).getAttribute('aria-label');
    expect(name).toContain('Onboarding in detail');
    expect(name).toContain(`${detail.cards.length} cards`);
    // the whole drill-down fits its header: nothing of it is cut but the title's ellipsis
    const fits = await drill(anna).evaluate((el) => {
      const header = el.closest('.stage-header')!.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return own.left >= header.left && own.right <= header.right && own.bottom <= header.bottom;
    });
    expect(fits).toBe(true);
    await zoomOnto(anna, firstStage(anna));
    await anna.mouse.move(0, 0);
    await anna.screenshot({ path: `${SHOTS}/i16-hierarchy-stage-header.png` });
    const header = (await firstStage(anna).boundingBox())!;
    await anna.screenshot({ path: `${SHOTS}/i16-hierarchy-stage-header-crop.png`, clip: { x: header.x - 40, y: header.y - 40, width: header.width * 2 + 80, height: header.height + 160 } });

    // a click opens the detailed map, with the way back above its title
    await drill(anna).click();
    await anna.waitForURL(new RegExp(`/map/${detailId}$`));
    await anna.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => trail(anna).count()).toBe(1);
    expect(await trail(anna).getByRole('link').textContent()).toBe('Customer journey overview');
    expect(await anna.locator('.map-title-button').textContent()).toBe('Onboarding in detail');
    await anna.screenshot({ path: `${SHOTS}/i16-hierarchy-breadcrumb.png` });
    await anna.locator('.editor-topbar').screenshot({ path: `${SHOTS}/i16-hierarchy-breadcrumb-crop.png` });
    // a reload keeps the way back (the tab's session)
    await anna.reload();
    await anna.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => trail(anna).count()).toBe(1);

    // the breadcrumb leads back up, where no trail is left
    await trail(anna).getByRole('link', { name: 'Back to “Customer journey overview”' }).click();
    await anna.waitForURL(new RegExp(`/map/${overviewId}$`));
    await expect.poll(() => drill(anna).count()).toBe(1);
    expect(await trail(anna).count()).toBe(0);

    // Enter on the focused drill-down opens it as well
    await drill(anna).focus();
    await anna.keyboard.press('Enter');
    await anna.waitForURL(new RegExp(`/map/${detailId}$`));
    await expect.poll(() => trail(anna).count()).toBe(1);

    // opened from the library directly, the detailed map is at the top of its own way: no breadcrumb
    await anna.getByRole('button', { name: 'Back to all maps' }).click();
    await anna.waitForURL(/\/space\/[^/]+$/);
    await openTile(anna, detailId);
    await anna.waitForTimeout(300);
    expect(await trail(anna).count()).toBe(0);
  });

  it('a card linked to a detailed map carries a small mark that opens it', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'Card drill-down');
    const detailId = await newNamedMapInSpace(anna, 'saas', 'Refund process in detail');
    const overviewId = await newNamedMapInSpace(anna, 'retail', 'Returns overview');
    await openTile(anna, overviewId);
    const card = anna.locator('.react-flow__node-card', { hasText: 'Compares models and reads reviews' });
    await card.locator('.card-title').click();
    const choice = anna.getByTestId('detail-map').locator('select');
    await choice.waitFor();
    await choice.selectOption({ label: 'Refund process in detail' });
    const mark = card.getByTestId('card-drill-down');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('aria-label')).toBe('Open the detail map “Refund process in detail”');
    await zoomOnto(anna, card);
    await anna.mouse.move(0, 0);
    const box = (await card.boundingBox())!;
    await anna.screenshot({ path: `${SHOTS}/i16-hierarchy-card-mark.png`, clip: { x: box.x - 20, y: box.y - 20, width: box.width + 40, height: box.height + 40 } });
    await mark.click();
    await anna.waitForURL(new RegExp(`/map/${detailId}$`));
    await expect.poll(() => trail(anna).count()).toBe(1);
    expect(await trail(anna).getByRole('link').textContent()).toBe('Returns overview');
  });

  it('at 1024 px the breadcrumb and the map title both fit the top bar', async () => {
    const anna = await person('Anna Lind', { width: 1024, height: 700 });
    await createSpace(app, anna, 'Narrow team');
    const detailId = await newNamedMapInSpace(anna, 'saas', 'Self-service onboarding for new business customers');
    const overviewId = await newNamedMapInSpace(anna, 'retail', 'End-to-end customer journey for retail shoppers');
    await openTile(anna, overviewId);
    await linkFirstStage(anna, 'Self-service onboarding for new business customers');
    await expect.poll(() => drill(anna).locator('.stage-drill-title').count()).toBe(1);
    await drill(anna).click();
    await anna.waitForURL(new RegExp(`/map/${detailId}$`));
    await expect.poll(() => trail(anna).count()).toBe(1);
    const bar = await anna.locator('.editor-topbar').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    // "Parent ›" sits above the map's title, so each has the title's width and the bar keeps its height
    const boxes = await anna.evaluate(() => ({
      title: document.querySelector('.map-title h1')!.getBoundingClientRect().toJSON() as DOMRect,
      trail: document.querySelector('.map-trail')!.getBoundingClientRect().toJSON() as DOMRect,
      bar: document.querySelector('.editor-topbar')!.getBoundingClientRect().toJSON() as DOMRect,
    }));
    expect(boxes.trail.bottom).toBeLessThanOrEqual(boxes.title.top + 1);
    expect(boxes.trail.width).toBeGreaterThan(120);
    expect(boxes.title.width).toBeGreaterThan(120);
    expect(boxes.bar.height).toBeLessThanOrEqual(53);
    await anna.screenshot({ path: `${SHOTS}/i16-hierarchy-breadcrumb-1024.png` });
  });
});
