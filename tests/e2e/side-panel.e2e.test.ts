import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * The side panel follows what the user selects and names its first tab for it; a read-only
 * participant reads the card as text; an unfinished inline edit survives a reload; the editor's
 * Tab stops all have names.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const OUTGROWN = 'Realises the kids have outgrown their boots';
const COMPARES = 'Compares models and reads reviews';

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name, exact: true });
const selectedTab = (page: Page) => page.locator('.side-panel-tabs [role="tab"][aria-selected="true"]').textContent();

/** The accessible name of whatever has the keyboard focus, as Chromium's accessibility tree computes it. */
async function focusedName(context: BrowserContext, page: Page): Promise<{ name: string; role: string; html: string }> {
  const cdp = await context.newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId!, fetchRelatives: false });
    const node = nodes.find((n) => !n.ignored) ?? nodes[0];
    const html = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? '');
    return { name: String(node?.name?.value ?? '').trim(), role: String(node?.role?.value ?? ''), html };
  } finally {
    await cdp.detach();
  }
}

describe('the side panel and the keyboard', () => {
  it('clicking a card after the Personas tab shows the card', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await tab(page, 'Personas').click();
    await expect.poll(() => selectedTab(page)).toBe('Personas');
    await cardNode(page, OUTGROWN).click();
    await expect.poll(() => selectedTab(page)).toBe('Card');
    const title = page.getByRole('complementary').getByLabel('Title');
    expect(await title.inputValue()).toContain(OUTGROWN);
    // the Comments tab follows the selection by itself, so a click keeps the user there
    await tab(page, 'Comments').click();
    await cardNode(page, COMPARES).click();
    await expect.poll(() => selectedTab(page)).toMatch(/^Comments/);
    await context.close();
  });

  it('a selected stage shows under a Stage tab', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    expect(await selectedTab(page)).toBe('Details');
    await tab(page, 'Personas').click();
    await page.locator('.react-flow__node-stage', { hasText: 'Awareness' }).locator('.header-count').click();
    await expect.poll(() => selectedTab(page)).toBe('Stage');
    const panel = page.getByRole('complementary', { name: 'Stage' });
    await panel.getByRole('heading', { name: 'Stage' }).waitFor();
    expect(await panel.getByLabel('Name').inputValue()).toBe('Awareness');
    await cardNode(page, OUTGROWN).click();
    await expect.poll(() => selectedTab(page)).toBe('Card');
    await context.close();
  });

  it('Ctrl+Alt+M focuses the comment box and typing does not fire shortcuts', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const cards = await page.locator('.react-flow__node-card').count();
    await cardNode(page, OUTGROWN).click();
    await page.keyboard.press('Control+Alt+M');
    const box = page.getByRole('combobox', { name: 'New comment' });
    await box.waitFor();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // n adds a card, l starts a link, v votes, Delete removes the card: none of them may fire
    await page.keyboard.type('Need a link to the size guide, vote later');
    await page.keyboard.press('Delete');
    expect(await box.inputValue()).toBe('Need a link to the size guide, vote later');
    expect(await page.locator('.react-flow__node-card').count()).toBe(cards);
    expect(await cardNode(page, OUTGROWN).count()).toBe(1);
    expect(await page.locator('.journey-canvas.is-linking').count()).toBe(0);
    await context.close();
  });

  it('a comment-link participant sees the card as text, not disabled inputs', async () => {
    const owner = await app.newPage();
    await newMapFromTemplate(app, owner.page);
    const { commentLink } = await shareOpenMap(owner.page);

    const { context, page } = await app.newPage();
    await page.goto(commentLink);
    await cardNode(page, OUTGROWN).waitFor();
    await expect.poll(() => page.locator('.connection-badge').textContent(), { timeout: 10_000 }).toBe('Comment & vote');
    await cardNode(page, OUTGROWN).click();
    const panel = page.getByRole('complementary');
    await panel.getByText(OUTGROWN, { exact: false }).first().waitFor();
    expect(await panel.locator('.pn-read-title').textContent()).toContain(OUTGROWN);
    await panel.getByText('Channel').waitFor();
    // nothing that looks like a field and does not take input
    expect(await panel.locator('input:disabled, select:disabled, textarea:disabled, fieldset:disabled').count()).toBe(0);
    expect(await panel.getByLabel('Title').count()).toBe(0);
    // …and the comments right below, with a box that does take input
    const box = panel.getByRole('combobox', { name: 'New comment' });
    await box.waitFor();
    expect(await box.isEditable()).toBe(true);

    // presence avatars included: their colours carry white initials at 4.5:1 or more
    const audit = await new AxeBuilder({ page }).analyze();
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    expect(audit.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    await context.close();
    await owner.context.close();
  });

  it('a half-typed card title survives a reload', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, OUTGROWN).dblclick();
    const field = page.locator('.react-flow__node-card textarea.inline-title');
    await field.waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Boots pinch at the toes');
    // no Enter, no click elsewhere: the user reloads mid-edit, a moment after the last key
    await page.waitForTimeout(800);
    await page.reload();
    await cardNode(page, 'Boots pinch at the toes').waitFor();
    expect(await cardNode(page, OUTGROWN).count()).toBe(0);

    // reloading right on the last keystroke: the page asks first; staying keeps the text, and
    // the next reload finds it stored
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await cardNode(page, 'Boots pinch at the toes').dblclick();
    await page.locator('.react-flow__node-card textarea.inline-title').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Left boot pinches');
    // the reload does not happen (the user stayed), so it times out
    await page.reload({ timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    await page.reload();
    await cardNode(page, 'Left boot pinches').waitFor();
    expect(dialogs).toEqual(['beforeunload']);
    await context.close();
  });

  it('Tab through the editor reaches no unnamed stop and links are named by their cards’ titles', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, OUTGROWN).click();
    await page.keyboard.press('l');
    await cardNode(page, COMPARES).click();
    const edge = page.locator(`.react-flow__edge[aria-label="Link from “${OUTGROWN}” to “${COMPARES}”"]`);
    await edge.waitFor({ state: 'attached' });
    // links have no action of their own: no Tab stops, and never named by card ids
    expect(await page.locator('.react-flow__edge[tabindex]').count()).toBe(0);
    const names = await page.locator('.react-flow__edge').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names.filter((n) => !n.startsWith('Link from “'))).toEqual([]);

    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops: { name: string; role: string; html: string }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => {
        const el = document.activeElement as (HTMLElement & { __tabKey?: string }) | null;
        if (!el || el === document.body) return 'body';
        el.__tabKey ??= Math.random().toString(36);
        return el.__tabKey;
      });
      if (seen.has(key)) break;
      seen.add(key);
      if (key !== 'body') stops.push(await focusedName(context, page));
    }
    const unnamed = stops.filter((s) => s.name === '');
    expect(unnamed.map((s) => s.html)).toEqual([]);
    expect(stops.some((s) => /^Edge from/.test(s.name))).toBe(false);
    // the cards are stops of their own, named by their titles
    expect(stops.some((s) => s.name.includes(OUTGROWN))).toBe(true);
    await context.close();
  });
});
