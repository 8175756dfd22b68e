import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { badgeReads, cardNode, namedPerson, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * A workshop with three browsers: the facilitator (the map's owner) and two participants who
 * joined with the comment link. Screenshots land in test-results/ for a facilitator's eye.
 */
let app: App;
const open: BrowserContext[] = [];
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  for (const context of open) await context.close().catch(() => undefined);
  await app?.close();
});

const PAIN_ADS = 'Ads ignore what the customer actually does';
const PAIN_STOCK = 'In stock online, empty shelf in store';
const PAIN_SIZE = 'No reliable size guidance online';

/**
 * A browser whose person is called `name` (remembered identity, as the share dialog sets it:
 * a secret and the id it proves). Tall enough that the pain-point lane is on screen: a click on
 * a card outside the canvas's view lands wherever the browser's scrolling puts it.
 */
const secrets = new Map<Page, string>();
/** each page's WebSocket URLs and console output, to see where its secret goes */
const sockets = new Map<Page, string[]>();
const consoleLines = new Map<Page, string[]>();

async function person(name: string): Promise<Page> {
  const { context, page, secret } = await namedPerson(app, name, { color: '#7c3aed' });
  open.push(context);
  secrets.set(page, secret);
  const urls: string[] = [];
  const lines: string[] = [];
  sockets.set(page, urls);
  consoleLines.set(page, lines);
  page.on('websocket', (ws) => urls.push(ws.url()));
  page.on('console', (message) => lines.push(message.text()));
  return page;
}

/** The facilitator makes a retail map, shares it and hands out the comment link. */
async function workshopRoom(): Promise<{ host: Page; ana: Page; ben: Page }> {
  const host = await person('Fran Facilitator');
  await newMapFromTemplate(app, host);
  const { commentLink } = await shareOpenMap(host);
  await badgeReads(host, 'Live');

  const ana = await person('Ana Participant');
  const ben = await person('Ben Participant');
  for (const page of [ana, ben]) {
    await page.goto(commentLink);
    await cardNode(page, PAIN_ADS).waitFor();
    await badgeReads(page, 'Comment & vote');
  }
  return { host, ana, ben };
}

/** Where a stage's header sits on a page's canvas, relative to the canvas: 0 = left edge, 1 = right. */
async function stageCentre(page: Page, index: number): Promise<number> {
  const pane = (await page.locator('.journey-canvas').boundingBox())!;
  const header = (await page.locator('.react-flow__node-stage').nth(index).boundingBox())!;
  return (header.x + header.width / 2 - pane.x) / pane.width;
}

/**
 * Where a card sits in the map: its offset from the first stage's header. Dragging the canvas
 * pans both alike; only moving the card to another stage or lane changes it.
 */
async function placeOnMap(page: Page, title: string): Promise<{ x: number; y: number }> {
  const card = (await cardNode(page, title).boundingBox())!;
  const origin = (await page.locator('.react-flow__node-stage').first().boundingBox())!;
  return { x: Math.round(card.x - origin.x), y: Math.round(card.y - origin.y) };
}

/** Presses on a card and drags it 500 px to the right (into another stage, if it moved). */
async function dragRight(page: Page, title: string): Promise<void> {
  const box = (await cardNode(page, title).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 540, box.y + 20, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

async function tab(page: Page, name: 'Workshop' | 'Comments'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

describe('a workshop with a facilitator and two participants', () => {
  it('the presenter advances a stage and both followers’ views follow; panning stops following', async () => {
    const { host, ana, ben } = await workshopRoom();
    await host.getByRole('button', { name: 'Present', exact: true }).click();
    await host.waitForURL(/\/present/);
    await host.getByText('Stage 1 of 8', { exact: true }).waitFor();

    for (const page of [ana, ben]) await page.getByText('Following Fran Facilitator').waitFor();
    await host.keyboard.press('ArrowRight');
    await host.getByText('Stage 2 of 8', { exact: true }).waitFor();
    for (const page of [ana, ben]) await expect.poll(() => stageCentre(page, 1), { timeout: 5_000 }).toBeCloseTo(0.5, 1);
    await host.keyboard.press('ArrowRight');
    for (const page of [ana, ben]) await expect.poll(() => stageCentre(page, 2), { timeout: 5_000 }).toBeCloseTo(0.5, 1);
    await host.screenshot({ path: 'test-results/workshop-present.png' });
    await ben.waitForTimeout(400);
    await ben.screenshot({ path: 'test-results/workshop-follower.png' });

    // Ana moves the map by hand (a pan by dragging the pane): she stops following, Ben does not
    const pane = (await ana.locator('.journey-canvas').boundingBox())!;
    await ana.mouse.move(pane.x + pane.width * 0.3, pane.y + pane.height * 0.45);
    await ana.mouse.down();
    await ana.mouse.move(pane.x + pane.width * 0.3 + 300, pane.y + pane.height * 0.45, { steps: 6 });
    await ana.mouse.up();
    await ana.getByText('Fran Facilitator is presenting').waitFor();
    const anaBefore = await stageCentre(ana, 3);
    await host.keyboard.press('ArrowRight');
    await expect.poll(() => stageCentre(ben, 3), { timeout: 5_000 }).toBeCloseTo(0.5, 1);
    expect(await stageCentre(ana, 3)).toBeCloseTo(anaBefore, 2);

    // "Follow" brings her back to the presenter's stage
    await ana.locator('.follow-banner').getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => stageCentre(ana, 3), { timeout: 5_000 }).toBeCloseTo(0.5, 1);
  });

  it('two participants vote; totals stay hidden until the facilitator reveals them, then they are right', async () => {
    const { host, ana, ben } = await workshopRoom();
    await tab(host, 'Workshop');
    await host.getByLabel('Question').fill('Which pains hurt most?');
    await host.getByLabel('Dots per person').fill('3');
    await host.getByRole('button', { name: 'Start voting' }).click();
    for (const page of [ana, ben]) {
      await tab(page, 'Workshop');
      await page.getByText('You have 3 dots left of 3.').waitFor();
    }

    // the facilitator can edit, so a click only selects: it spends none of their dots
    await cardNode(host, PAIN_SIZE).click();
    await host.waitForTimeout(300);
    await host.getByText('You have 3 dots left of 3.').waitFor();

    // Ana: two dots on the ads pain, one on the stock pain; a fourth click places nothing
    await cardNode(ana, PAIN_ADS).click();
    await cardNode(ana, PAIN_ADS).click();
    await cardNode(ana, PAIN_STOCK).click();
    await ana.getByText('You have placed all 3 dots.').waitFor();
    await cardNode(ana, PAIN_SIZE).click();
    // Ben: ads, size — then takes the size dot back — then stock
    await cardNode(ben, PAIN_ADS).click();
    await cardNode(ben, PAIN_SIZE).click();
    await cardNode(ben, PAIN_SIZE).getByRole('button', { name: /Take back your dot/ }).click();
    await cardNode(ben, PAIN_STOCK).click();
    await ben.getByText('You have 1 dot left of 3.').waitFor();
    await host.getByText('2 people have voted.').waitFor();
    expect(await cardNode(ana, PAIN_SIZE).locator('.card-my-dot').count()).toBe(0);

    // nobody sees totals before the reveal
    for (const page of [host, ana, ben]) expect(await page.locator('.card-vote-total').count()).toBe(0);
    await ana.screenshot({ path: 'test-results/workshop-voting-participant.png' });

    await host.getByRole('button', { name: 'Reveal votes' }).click();
    for (const page of [host, ana, ben]) {
      await expect.poll(() => cardNode(page, PAIN_ADS).locator('.card-vote-total').textContent()).toContain('3');
      await expect.poll(() => cardNode(page, PAIN_STOCK).locator('.card-vote-total').textContent()).toContain('2');
      expect(await cardNode(page, PAIN_SIZE).locator('.card-vote-total').count()).toBe(0);
    }
    const results = host.getByRole('list', { name: 'Results: Which pains hurt most?' });
    await expect.poll(() => results.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('3 votes'),
      expect.stringContaining('2 votes'),
    ]);
    expect(await results.getByRole('listitem').first().textContent()).toContain(PAIN_ADS);
    expect(await results.getByRole('listitem').first().textContent()).toContain('Ana Participant');
    // the top result takes the facilitator to its card
    await results.getByRole('button').first().click();
    await host.waitForTimeout(400);
    await host.screenshot({ path: 'test-results/workshop-revealed-vote.png' });
  });

  it('a participant cannot drag a card, and the facilitator’s timer runs on every screen', async () => {
    const { host, ana } = await workshopRoom();
    const before = await placeOnMap(ana, PAIN_ADS);
    await dragRight(ana, PAIN_ADS);
    expect(await placeOnMap(ana, PAIN_ADS)).toEqual(before);
    // nor did anything reach the facilitator
    expect(await placeOnMap(host, PAIN_ADS)).toEqual(before);
    // the same gesture by the facilitator moves the card, and Ana sees it move
    await dragRight(host, PAIN_ADS);
    await expect.poll(async () => (await placeOnMap(ana, PAIN_ADS)).x).toBeGreaterThan(before.x + 100);

    await tab(host, 'Workshop');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await ana.getByRole('timer', { name: 'Workshop timer' }).waitFor();
    await expect.poll(() => ana.getByRole('timer', { name: 'Workshop timer' }).textContent()).toMatch(/^4:5\d$/);
  });

  it('a comment with an @mention appears for everyone, unread for the others, and resolving it shows everywhere', async () => {
    const { host, ana, ben } = await workshopRoom();
    await cardNode(ana, PAIN_STOCK).click();
    await tab(ana, 'Comments');
    const box = ana.getByRole('combobox', { name: 'New comment' });
    await box.click();
    await box.pressSequentially('Happened to me too, @Be');
    await ana.getByRole('option', { name: /Ben Participant/ }).click();
    await box.pressSequentially('what do you think?');
    await ana.getByRole('button', { name: 'Comment', exact: true }).click();

    for (const page of [host, ben]) {
      // the card's badge and the tab's unread count tell the others before they look
      await cardNode(page, PAIN_STOCK).locator('.cm-card-badge.is-unread').waitFor();
      await expect.poll(() => page.getByRole('tab', { name: /^Comments/ }).textContent()).toContain('1');
      await tab(page, 'Comments');
      await page.getByRole('complementary').getByText('Happened to me too,').waitFor();
    }
    await ben.getByRole('complementary').getByText('mentions you').waitFor();
    expect(await host.getByRole('complementary').getByText('mentions you').count()).toBe(0);
    await ben.screenshot({ path: 'test-results/workshop-comments.png' });

    // Ana's comment is Ana's: Ben is offered neither edit nor delete, the facilitator may delete it
    expect(await ana.getByRole('button', { name: 'Edit comment' }).count()).toBe(1);
    expect(await ben.getByRole('button', { name: 'Delete comment' }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Edit comment' }).count()).toBe(0);
    expect(await host.getByRole('button', { name: 'Delete comment' }).count()).toBe(1);
    expect(await host.getByRole('button', { name: 'Edit comment' }).count()).toBe(0);

    // each connection, map room and feedback room, proves its browser's secret; nothing else shows it
    for (const page of [host, ana, ben]) {
      const secret = secrets.get(page)!;
      const urls = sockets.get(page)!;
      expect(urls.some((u) => /\/sync\/[^/?]+\?/.test(u) && new URL(u).searchParams.get('identity') === secret)).toBe(true);
      expect(urls.some((u) => /\/sync\/[^/?]+\/feedback\?/.test(u) && new URL(u).searchParams.get('identity') === secret)).toBe(true);
      expect(await page.content()).not.toContain(secret);
      expect(consoleLines.get(page)!.filter((line) => line.includes(secret))).toEqual([]);
    }

    await host.getByRole('button', { name: 'Resolve' }).click();
    // resolved threads leave the list of open threads, for everyone
    await expect.poll(() => ben.getByRole('complementary').getByText('Happened to me too,').count()).toBe(0);
    await expect.poll(() => cardNode(ana, PAIN_STOCK).locator('.cm-card-badge.is-resolved').count()).toBe(1);
  });

  it('the owner locks the content: an edit-link colleague can still comment but no longer move a card, until unlocked', async () => {
    const host = await person('Fran Facilitator');
    await newMapFromTemplate(app, host);
    const { editLink } = await shareOpenMap(host);
    await badgeReads(host, 'Live');
    const colleague = await person('Cleo Colleague');
    await colleague.goto(editLink);
    await cardNode(colleague, PAIN_ADS).waitFor();
    await badgeReads(colleague, 'Live');

    await tab(host, 'Workshop');
    const lock = host.getByLabel('Lock the map’s content for everyone but you');
    // the switch shows what the relay answered, so it turns on once the lock is in place
    await lock.click();
    await expect.poll(() => lock.isChecked()).toBe(true);
    await badgeReads(colleague, 'Locked');
    expect(await colleague.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    const before = await placeOnMap(colleague, PAIN_ADS);
    await dragRight(colleague, PAIN_ADS);
    expect(await placeOnMap(colleague, PAIN_ADS)).toEqual(before);
    // feedback still goes through
    await cardNode(colleague, PAIN_ADS).click();
    await tab(colleague, 'Comments');
    await colleague.getByRole('combobox', { name: 'New comment' }).fill('Locked, but I can still say this');
    await colleague.getByRole('button', { name: 'Comment', exact: true }).click();
    await tab(host, 'Comments');
    await host.getByRole('complementary').getByText('Locked, but I can still say this').waitFor();

    await tab(host, 'Workshop');
    await lock.click();
    await expect.poll(() => lock.isChecked()).toBe(false);
    await badgeReads(colleague, 'Live');
    await colleague.getByRole('button', { name: 'Add stage' }).first().waitFor();
    // and the same drag now moves the card, for both of them: the drag above was really refused
    await dragRight(colleague, PAIN_ADS);
    await expect.poll(async () => (await placeOnMap(host, PAIN_ADS)).x).toBeGreaterThan(before.x + 100);
  });

  it('a comment link first opened while the server could not be asked ends up comment-only once it can', async () => {
    const host = await person('Fran Facilitator');
    await newMapFromTemplate(app, host);
    const { commentLink } = await shareOpenMap(host);

    const dana = await person('Dana Participant');
    // the first check of the link fails (a network blip): the app trusts the link for now
    let refused = false;
    await dana.route('**/api/maps/*/access', (route) => {
      if (refused) return route.continue();
      refused = true;
      return route.abort();
    });
    await dana.goto(commentLink);
    await cardNode(dana, PAIN_ADS).waitFor();
    await badgeReads(dana, 'Comment & vote');
    expect(await dana.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    expect(refused).toBe(true);
  });
});
