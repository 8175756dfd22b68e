import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * Evidence behind a card, as a CX lead gives it: a hotline quote with its ticket count and NPS
 * on a pain point, the card's mark on the canvas with the count, other cards called assumed or
 * proposed, "show assumptions" to see where the map only believes, the stage's "backed" bar, and
 * a hostile quote that stays text.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const retail = readJourney(createMapFromTemplate('retail', 'en'));
const returnStage = retail.stages.find((s) => s.name === 'Return')!;
const returnCards = retail.cards.filter((c) => c.stageId === returnStage.id).length;
const HOSTILE = '<img src=x onerror=alert(1)> I waited 20 minutes on the hotline for my refund';

const inspector = (page: Page) => page.getByRole('complementary');
const mark = (page: Page, title: string) => cardNode(page, title).locator('.confidence-mark');
const stageHeader = (page: Page) => page.locator('.react-flow__node-stage', { hasText: 'Return' }).first();
const dimmedTitles = (page: Page) => page.locator('.card-node.is-dimmed .card-title').allTextContents();

/** Selects a card as a user does: a click in its middle. */
async function select(page: Page, title: string): Promise<void> {
  await cardNode(page, title).click();
  await expect.poll(() => page.locator('.card-node.is-selected .card-title').allTextContents()).toEqual([title]);
}

describe('evidence on a card', () => {
  it('adds a hotline quote in the inspector, shows it as text, marks the card observed with its count and the stage as partly backed', async () => {
    const { context, page } = await app.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await newMapFromTemplate(app, page);
    // a map without evidence shows no "0/n backed" on every stage
    expect(await page.locator('.stage-backing').count()).toBe(0);
    expect(await mark(page, 'Refund takes up to 14 days').count()).toBe(0);

    await select(page, 'Refund takes up to 14 days');
    const panel = inspector(page);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const form = panel.getByRole('form', { name: 'New evidence' });
    await form.getByLabel('Quote or finding').fill(HOSTILE);
    await form.getByLabel('Source').selectOption({ label: 'Support / hotline' });
    await form.getByLabel('Date').fill('2026-03-02');
    await form.getByLabel('How many').fill('37');
    await form.getByLabel('Sentiment').selectOption({ label: 'Negative' });
    await form.getByLabel('Scale').selectOption({ label: 'NPS (0–10)' });
    // a score off the scale is refused with the reason, not dropped
    await form.getByLabel('Score').fill('11');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('A score on NPS (0–10) is a whole number from 0 to 10.');
    await form.getByLabel('Score').fill('3');
    await form.getByLabel('Reference').fill('https://support.example.com/tickets/4711');
    await form.getByRole('button', { name: 'Add evidence' }).click();

    const list = panel.getByRole('list', { name: 'Evidence on this card' });
    const item = list.getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    // the quote is text: the tag shows as typed and no image element exists anywhere
    expect(await item.locator('.ev-quote').textContent()).toBe(HOSTILE);
    expect(await page.locator('.ev-section img, .card-node img[src="x"]').count()).toBe(0);
    const facts = await item.locator('.ev-facts').innerText();
    for (const fact of ['Support / hotline', '×37', 'Negative', 'NPS 3']) expect(facts).toContain(fact);
    // the reference is a link only to open in a new tab without a referrer
    const link = item.getByRole('link', { name: 'https://support.example.com/tickets/4711' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');

    // the canvas: a filled mark with the count, named for screen readers; the stage 1 of 13 backed
    await expect.poll(() => mark(page, 'Refund takes up to 14 days').getAttribute('data-confidence')).toBe('observed');
    expect(await mark(page, 'Refund takes up to 14 days').textContent()).toBe('1');
    expect(await mark(page, 'Refund takes up to 14 days').getAttribute('aria-label')).toBe('Observed: 1 piece of evidence');
    await expect.poll(() => stageHeader(page).locator('.stage-backing').textContent()).toBe(`1/${returnCards} backed`);
    expect(await stageHeader(page).locator('.stage-backing').getAttribute('title')).toContain(`1 of ${returnCards} cards in “Return” are backed by evidence`);
    // the other stages now say where nothing is backed yet
    expect(await page.locator('.react-flow__node-stage', { hasText: 'Complaint' }).locator('.stage-backing').textContent()).toBe('0/11 backed');
    // the inspector says what the mark means
    expect(await panel.getByText('Shown as observed: evidence backs this card.').count()).toBe(1);

    // pasting three lines offers three items, one per line
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('- Refund took three weeks\n- Nobody told me when the money comes\n\n- I had to call twice'));
    await panel.getByRole('form', { name: 'New evidence' }).getByLabel('Quote or finding').focus();
    await page.keyboard.press('Control+V');
    await panel.getByRole('button', { name: 'Add 3 items, one per line' }).click();
    await expect.poll(() => item.count()).toBe(4);
    expect(await list.locator('.ev-quote').allTextContents()).toEqual([HOSTILE, 'Refund took three weeks', 'Nobody told me when the money comes', 'I had to call twice']);
    await expect.poll(() => mark(page, 'Refund takes up to 14 days').textContent()).toBe('4');
    // still one card of the stage backed
    expect(await stageHeader(page).locator('.stage-backing').textContent()).toBe(`1/${returnCards} backed`);

    // edit one, send one back to the inbox, delete one
    await item.nth(1).getByRole('button', { name: 'Edit evidence “Refund took three weeks”' }).click();
    const edit = panel.getByRole('form', { name: 'Edit evidence' });
    await edit.getByLabel('How many').fill('12');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.nth(1).locator('.ev-count').textContent()).toBe('×12');
    await item.nth(2).getByRole('button', { name: 'Move evidence “Nobody told me when the money comes” back to the inbox' }).click();
    await expect.poll(() => item.count()).toBe(3);
    await item.nth(2).getByRole('button', { name: 'Delete evidence “I had to call twice”' }).click();
    await expect.poll(() => item.count()).toBe(2);
    await expect.poll(() => mark(page, 'Refund takes up to 14 days').textContent()).toBe('2');

    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('marks other cards assumed and proposed, and “show assumptions” dims everything evidence backs or that is an idea', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await select(page, 'Refund takes up to 14 days');
    const panel = inspector(page);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    await panel.getByLabel('Quote or finding').fill('Refund took three weeks');
    await panel.getByRole('form', { name: 'New evidence' }).getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => mark(page, 'Refund takes up to 14 days').getAttribute('data-confidence')).toBe('observed');

    // assumed, in the inspector
    await select(page, 'In-store returns of web orders only as voucher');
    await panel.getByRole('radiogroup', { name: 'Confidence' }).getByText('Assumed', { exact: true }).click();
    await expect.poll(() => mark(page, 'In-store returns of web orders only as voucher').getAttribute('data-confidence')).toBe('assumed');
    expect(await mark(page, 'In-store returns of web orders only as voucher').getAttribute('aria-label')).toBe('Assumed: not backed by evidence');
    // proposed, by keyboard
    await select(page, 'Instant refund at drop-off for loyal customers');
    await page.keyboard.press('Shift+P');
    await expect.poll(() => mark(page, 'Instant refund at drop-off for loyal customers').getAttribute('data-confidence')).toBe('proposed');
    // observed with nothing behind it, from the context menu
    await cardNode(page, 'Long queues at the till on Saturdays').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mark as observed' }).click();
    await expect.poll(() => mark(page, 'Long queues at the till on Saturdays').getAttribute('aria-label')).toBe('Observed (no evidence attached)');

    // show assumptions from the toolbar: the backed card and the idea step back, the rest stays bright
    await page.getByRole('toolbar').getByRole('button', { name: 'Show assumptions' }).click();
    expect(await page.getByRole('toolbar').getByRole('button', { name: 'Show assumptions' }).getAttribute('aria-pressed')).toBe('true');
    const total = retail.cards.length;
    await expect.poll(() => page.locator('.assumptions-banner').getByRole('status').or(page.locator('.assumptions-banner[role="status"]')).first().textContent()).toContain(
      `Showing assumptions: ${total - 2} cards of ${total} rest on no evidence`,
    );
    expect((await dimmedTitles(page)).sort()).toEqual(['Instant refund at drop-off for loyal customers', 'Refund takes up to 14 days']);
    expect(await cardNode(page, 'In-store returns of web orders only as voucher').locator('.card-node').getAttribute('class')).toContain('is-assumption');
    // marked observed but unbacked is still an assumption
    expect(await cardNode(page, 'Long queues at the till on Saturdays').locator('.card-node').getAttribute('class')).toContain('is-assumption');

    // Escape: first the selection goes, then the filter
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.locator('.assumptions-banner').waitFor({ state: 'detached' });
    await expect.poll(() => dimmedTitles(page)).toEqual([]);
    // A toggles it again, from the keyboard
    await page.keyboard.press('a');
    await page.locator('.assumptions-banner').waitFor();
    await page.getByRole('button', { name: 'Stop showing assumptions' }).click();
    await page.locator('.assumptions-banner').waitFor({ state: 'detached' });
    await context.close();
  });

  it('shows a card’s evidence to a view link as text, with nothing to change it', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await select(page, 'Refund takes up to 14 days');
    await inspector(page).getByRole('button', { name: 'Add evidence' }).click();
    await inspector(page).getByLabel('Quote or finding').fill(HOSTILE);
    await inspector(page).getByRole('form', { name: 'New evidence' }).getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => mark(page, 'Refund takes up to 14 days').textContent()).toBe('1');
    const { viewLink } = await shareOpenMap(page);

    const viewer = await app.newPage();
    await viewer.page.goto(viewLink);
    await expect.poll(() => mark(viewer.page, 'Refund takes up to 14 days').textContent(), { timeout: 15_000 }).toBe('1');
    await select(viewer.page, 'Refund takes up to 14 days');
    const panel = inspector(viewer.page);
    await expect.poll(() => panel.locator('.ev-quote').allTextContents()).toEqual([HOSTILE]);
    expect(await panel.getByRole('button', { name: 'Add evidence' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: /Delete evidence|Edit evidence|back to the inbox/ }).count()).toBe(0);
    expect(await panel.getByRole('radiogroup', { name: 'Confidence' }).count()).toBe(0);
    expect(await panel.locator('img[src="x"]').count()).toBe(0);
    // the filter is a view: a viewer may use it
    await viewer.page.getByRole('toolbar').getByRole('button', { name: 'Show assumptions' }).click();
    await viewer.page.locator('.assumptions-banner').waitFor();
    await viewer.context.close();
    await context.close();
  });
});
