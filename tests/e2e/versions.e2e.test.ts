import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { badgeReads, cardNode, namedPerson, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * Version history in the editor (issue 15), as a team uses it: name a version before a
 * workshop, let the day happen, look back, compare with now, and restore — a forward change
 * everyone sees, that Undo takes back.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const SHOTS = 'test-results';
const NAME = 'Before the Q3 workshop';
/** two touchpoints of the retail template's Awareness stage */
const DELETED = ['Creator content on Instagram and TikTok', 'Shop window and seasonal display'];

/** Ctrl+Alt+S, a name, Save: the history tab shows the new version on top. */
async function nameVersion(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+Alt+s');
  const dialog = page.getByRole('dialog', { name: 'Name a version' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.vh-item', { hasText: name }).first().waitFor();
}

async function deleteCards(page: Page, titles: readonly string[]): Promise<void> {
  for (const title of titles) {
    await cardNode(page, title).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => cardNode(page, title).count()).toBe(0);
  }
}

/** Opens the history tab and the version called `name` on the canvas. */
async function openVersion(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Version history' });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.locator('.vh-item', { hasText: name }).first().click();
  await page.getByRole('region', { name: 'Version preview' }).waitFor();
}

const banner = (page: Page) => page.getByRole('region', { name: 'Version preview' });

async function restore(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: `Restore “${NAME}”?` });
  // it says what a restore is before anyone commits to it
  expect(await dialog.textContent()).toContain('everyone working on the map sees it');
  expect(await dialog.textContent()).toContain('Undo takes the whole restore back');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await banner(page).waitFor({ state: 'detached' });
}

describe('version history', () => {
  it('on a shared map: A names a version, B deletes cards, A compares and restores, both see it, and A’s undo brings B’s deletion back', async () => {
    const a = await namedPerson(app, 'Ana');
    await newMapFromTemplate(app, a.page, 'retail');
    const { editLink } = await shareOpenMap(a.page);
    await badgeReads(a.page, 'Live');
    await nameVersion(a.page, NAME);
    // made by Ana, on the server, with the map's counts
    const item = a.page.locator('.vh-item', { hasText: NAME }).first();
    expect(await item.textContent()).toContain('by Ana');
    expect(await item.textContent()).toContain('8 stages · 96 cards');

    const b = await namedPerson(app, 'Ben');
    await b.page.goto(editLink);
    await cardNode(b.page, DELETED[0]!).waitFor();
    await deleteCards(b.page, DELETED);
    for (const title of DELETED) await expect.poll(() => cardNode(a.page, title).count(), { timeout: 10_000 }).toBe(0);

    await openVersion(a.page, NAME);
    expect(await banner(a.page).textContent()).toContain(`Viewing “${NAME}”`);
    // the version as it was: the deleted cards are there, and nothing can be edited
    for (const title of DELETED) expect(await cardNode(a.page, title).count()).toBe(1);
    expect(await a.page.getByRole('button', { name: 'Add stage' }).count()).toBe(0);

    await banner(a.page).getByRole('button', { name: 'Compare with now' }).click();
    // now, with the removed cards as ghosts where they were, and the summary
    await expect.poll(() => a.page.locator('.card-node.diff-removed .card-title').allTextContents()).toEqual(DELETED);
    expect(await a.page.locator('.card-node[data-diff]').count()).toBe(2);
    expect(await banner(a.page).locator('.vh-summary').textContent()).toContain('2 cards removed');
    // the inspector says what became of a ghost
    await a.page.locator('.card-node.diff-removed').first().click();
    const panel = a.page.getByRole('complementary');
    await panel.getByText('Removed since this version.', { exact: false }).waitFor();

    await restore(a.page);
    for (const page of [a.page, b.page]) {
      for (const title of DELETED) await expect.poll(() => cardNode(page, title).count(), { timeout: 10_000 }).toBe(1);
    }
    // a checkpoint of the map as it was before the restore heads the list
    await openHistoryTab(a.page);
    await expect.poll(() => a.page.locator('.vh-item').first().textContent()).toContain('Before restore');

    // A's undo takes the restore back, for everyone
    await a.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await a.page.keyboard.press('Control+z');
    for (const page of [a.page, b.page]) {
      for (const title of DELETED) await expect.poll(() => cardNode(page, title).count(), { timeout: 10_000 }).toBe(0);
    }
    await a.context.close();
    await b.context.close();
  });

  it('on a private map: name a version, edit, compare field by field, restore one card, then the whole map', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1600, height: 1000 } });
    await newMapFromTemplate(app, page, 'retail');
    // a version needs a name
    await page.keyboard.press('Control+Alt+s');
    const dialog = page.getByRole('dialog', { name: 'Name a version' });
    await dialog.getByRole('button', { name: 'Save version' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Give the version a name.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await nameVersion(page, NAME);
    expect(await page.locator('.vh-item', { hasText: NAME }).first().textContent()).toContain('On this device only');

    // a morning's changes: two touchpoints gone, a feeling retitled and rescored, another rescored, an opportunity moved on
    await deleteCards(page, DELETED);
    await cardNode(page, 'Promote local store events in social ads').click();
    await page.keyboard.press('Alt+ArrowRight');
    await cardNode(page, 'Curious and open to ideas').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Compares prices on two sites');
    await page.keyboard.press('Enter');
    await setEmotion(page, 'Compares prices on two sites', -1);
    await setEmotion(page, 'Annoyed by the extra effort', 2);
    await setEmotion(page, 'Let down and frustrated', 1);

    await openVersion(page, NAME);
    // read-only: a double-click edits nothing
    await cardNode(page, 'Curious and open to ideas').dblclick();
    expect(await page.locator('.card-node textarea, .card-node input').count()).toBe(0);

    await banner(page).getByRole('button', { name: 'Compare with now' }).click();
    const summary = await banner(page).locator('.vh-summary').textContent();
    expect(summary).toContain('2 cards removed');
    expect(summary).toContain('1 card moved');
    expect(summary).toMatch(/feeling at Return −2 → \+2/);
    expect(await page.getByTestId('version-curve').count()).toBe(1);
    expect(await diffOf(page, 'Promote local store events')).toBe('moved');
    expect(await diffOf(page, 'Compares prices on two sites')).toBe('changed');
    await page.getByRole('button', { name: 'Fit map to screen' }).click().catch(() => undefined);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'i15-versions-compare.png') });

    // the changed card, field by field
    await cardNode(page, 'Compares prices on two sites').click();
    const panel = page.getByRole('complementary');
    const title = panel.locator('.vh-diff-field[data-field=title]');
    expect(await title.textContent()).toBe('TitleThenCurious and open to ideasNowCompares prices on two sites');
    expect(await panel.locator('.vh-diff-field[data-field=emotion]').textContent()).toBe('EmotionThen+1Now−1');
    // one card back as it was: a forward change, the preview stays
    await panel.getByRole('button', { name: 'Restore this card' }).click();
    await expect.poll(() => diffOf(page, 'Curious and open to ideas')).toBe('');
    expect(await banner(page).locator('.vh-summary').textContent()).not.toContain('card changed');

    await restore(page);
    for (const t of DELETED) expect(await cardNode(page, t).count()).toBe(1);
    expect(await cardNode(page, 'Curious and open to ideas').count()).toBe(1);
    expect(await page.locator('.card-node[data-diff]').count()).toBe(0);
    await context.close();
  });

  it('closes the preview with Escape, and a view link may look back but not restore', async () => {
    const a = await namedPerson(app, 'Ana');
    await newMapFromTemplate(app, a.page, 'retail');
    const { viewLink } = await shareOpenMap(a.page);
    await badgeReads(a.page, 'Live');
    await nameVersion(a.page, NAME);

    const viewer = await namedPerson(app, 'Vic');
    await viewer.page.goto(viewLink);
    await badgeReads(viewer.page, 'View only');
    // no naming without the right to edit: the shortcut does nothing, the panel offers no button
    await viewer.page.keyboard.press('Control+Alt+s');
    expect(await viewer.page.getByRole('dialog', { name: 'Name a version' }).count()).toBe(0);
    await openVersion(viewer.page, NAME);
    expect(await viewer.page.getByRole('button', { name: 'Name a version…' }).count()).toBe(0);
    expect(await banner(viewer.page).getByRole('button', { name: 'Restore…' }).count()).toBe(0);
    await viewer.page.keyboard.press('Escape');
    await banner(viewer.page).waitFor({ state: 'detached' });
    await a.context.close();
    await viewer.context.close();
  });
});

/** How compare marks a card: 'added', 'removed', 'changed', 'moved', 'changed moved', or '' for as it was. */
async function diffOf(page: Page, title: string): Promise<string> {
  return (await cardNode(page, title).locator('.card-node').getAttribute('data-diff')) ?? '';
}

async function openHistoryTab(page: Page): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Version history' });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** Selects a card and sets its emotion in the inspector. */
async function setEmotion(page: Page, title: string, score: number): Promise<void> {
  await cardNode(page, title).click();
  await page.locator(`.side-panel .pn-segment[data-score='${score}']`).click();
}
