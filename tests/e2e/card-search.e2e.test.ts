import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate } from './support/flows';

/**
 * The card search a CX lead reaches for in a 90-card map: Ctrl+F, a word or a lane and an emotion
 * range, and the cards that fit stay bright while the rest step back.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The titles of the cards drawn bright (not dimmed). */
async function brightTitles(page: Page): Promise<string[]> {
  return page.locator('.card-node:not(.is-dimmed) .card-title').allTextContents();
}
/** The template's cards with "refund" in the title, text or tags, read plainly from the model. */
const refundCards = readJourney(createMapFromTemplate('retail', 'en')).cards.filter((c) =>
  [c.title, c.body, ...c.tags].join(' ').toLowerCase().includes('refund'),
);
const dimmedCount = (page: Page) => page.locator('.card-node.is-dimmed').count();
const search = (page: Page) => page.getByRole('search', { name: 'Search cards' });

async function openSearch(page: Page): Promise<void> {
  // the canvas has the focus, as after a click on the map
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+F');
  await search(page).waitFor();
}

describe('card search', () => {
  it('Ctrl+F opens search and typing dims the cards that do not match', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const total = await page.locator('.card-node').count();
    expect(total).toBe(96);
    await openSearch(page);
    // the search box has the focus: typing goes straight into it, case and accents do not matter
    await page.keyboard.type('RÉFUND');
    await expect.poll(async () => (await brightTitles(page)).sort()).toEqual(refundCards.map((c) => c.title).sort());
    // the word is in three titles and in the text of a few more cards
    expect(refundCards.map((c) => c.title)).toEqual(expect.arrayContaining(['Refund takes up to 14 days', 'Instant refund at drop-off for loyal customers']));
    expect(await dimmedCount(page)).toBe(total - refundCards.length);
    await expect.poll(() => search(page).getByRole('status').textContent()).toBe(`${refundCards.length} of 96 cards`);
    expect(await cardNode(page, 'Refund takes up to 14 days').locator('.card-node').getAttribute('class')).toContain('is-search-hit');

    // Enter selects the first match on the map, and the next Enter the one after it
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.card-node.is-selected .card-title').allTextContents()).toHaveLength(1);
    const first = await page.locator('.card-node.is-selected .card-title').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.card-node.is-selected .card-title').textContent()).not.toBe(first);
    await context.close();
  });

  it('filtering by lane and emotion range leaves only those cards bright and counts them', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await openSearch(page);
    const bar = search(page);
    await bar.getByRole('combobox', { name: 'Lane' }).selectOption({ label: 'Feelings' });
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('8 of 96 cards');
    await bar.getByRole('combobox', { name: 'Emotion from' }).selectOption('-3');
    await bar.getByRole('combobox', { name: 'Emotion up to' }).selectOption('-1');
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('3 of 96 cards');
    expect((await brightTitles(page)).sort()).toEqual(['Annoyed by the extra effort', 'Anxious about the delay', 'Let down and frustrated']);
    expect(await dimmedCount(page)).toBe(93);
    await context.close();
  });

  it('Escape clears the search and every card is bright again', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await openSearch(page);
    await page.keyboard.type('voucher');
    await search(page).getByRole('combobox', { name: 'Lane' }).selectOption({ label: 'Pain points' });
    await expect.poll(async () => (await brightTitles(page)).sort()).toEqual(['In-store returns of web orders only as voucher', 'Voucher rejected without a reason']);
    // Escape from the lane filter as from the box: the bar closes and forgets what it searched
    await page.keyboard.press('Escape');
    await search(page).waitFor({ state: 'detached' });
    await expect.poll(() => dimmedCount(page)).toBe(0);
    expect(await page.locator('.card-node.is-search-hit').count()).toBe(0);
    // opened again, it starts empty
    await page.keyboard.press('Control+F');
    expect(await search(page).getByRole('searchbox').inputValue()).toBe('');
    expect(await dimmedCount(page)).toBe(0);
    await context.close();
  });
});
