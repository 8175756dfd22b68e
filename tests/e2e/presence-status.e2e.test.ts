import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { guestWords } from '../../src/sync/identity';
import { startApp, type App } from './support/app';
import { badgeReads, cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

let app: App;
const open: BrowserContext[] = [];
beforeAll(async () => {
  app = await startApp();
});
afterEach(async () => {
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
});
afterAll(async () => {
  await app?.close();
});

const CARD = 'Realises the kids have outgrown';
const OFFLINE = 'Offline — saved on this device';
const badge = (page: Page) => page.locator('.connection-badge').textContent();

async function browser(): Promise<{ context: BrowserContext; page: Page }> {
  const made = await app.newPage();
  open.push(made.context);
  return made;
}

/**
 * A guest's browser whose identity secret is chosen by the test (and no name: the app names it),
 * so that two guests' generated names are known to differ rather than differ by luck (1 in 256).
 */
async function guest(secret = newIdentitySecret()): Promise<Page> {
  const { context, page } = await browser();
  await context.addInitScript((s) => {
    if (!localStorage.getItem('waymark.identity')) localStorage.setItem('waymark.identity', JSON.stringify({ secret: s }));
  }, secret);
  return page;
}

/** Two secrets whose guest names share neither word. */
function twoGuestSecrets(): [string, string] {
  const first = newIdentitySecret();
  const a = guestWords(identityIdOf(first)!);
  for (;;) {
    const second = newIdentitySecret();
    const b = guestWords(identityIdOf(second)!);
    if (a.adjective !== b.adjective && a.animal !== b.animal) return [first, second];
  }
}

/** The owner makes a retail map and creates its links. */
async function ownerShares(): Promise<{ owner: Page; editLink: string; commentLink: string }> {
  const { page: owner } = await browser();
  await newMapFromTemplate(app, owner);
  const { editLink, commentLink } = await shareOpenMap(owner);
  await badgeReads(owner, 'Live');
  return { owner, editLink, commentLink };
}

/** Opens a link and, if asked for a name, keeps the one given. */
async function join(page: Page, link: string, status = 'Live'): Promise<void> {
  await page.goto(link);
  await cardNode(page, CARD).waitFor();
  await expect.poll(() => badge(page), { timeout: 10_000 }).toBe(status);
  const skip = page.getByRole('button', { name: /^Skip/ });
  if (await skip.count()) await skip.click();
}

/** The peers' avatars (not mine) as [name, initials]. */
async function peerAvatars(page: Page): Promise<[string, string][]> {
  return page.locator('.avatar:not(.is-me):not(.is-more)').evaluateAll((items) => items.map((li) => [li.getAttribute('title') ?? '', li.textContent ?? '']));
}

describe('connection status', () => {
  it('going offline shows Offline within two seconds and Live again when back', async () => {
    const { owner } = await ownerShares();
    const context = open[0]!;
    await context.setOffline(true);
    const went = Date.now();
    await expect.poll(() => badge(owner), { timeout: 2_000, interval: 100 }).toBe(OFFLINE);
    expect(Date.now() - went).toBeLessThan(2_000);
    // said once: the save status beside it does not repeat it
    expect(await owner.getByText(/saved on this device/i).count()).toBe(1);
    await owner.screenshot({ path: 'test-results/i13-status-offline-1440.png' });

    await context.setOffline(false);
    await expect.poll(() => badge(owner), { timeout: 5_000, interval: 100 }).toBe('Live');
  });

  it('an offline reload says Offline — saved on this device', async () => {
    const { owner } = await ownerShares();
    // the service worker has the app, as after any earlier visit
    await owner.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await open[0]!.setOffline(true);
    await owner.reload();
    await cardNode(owner, CARD).waitFor();
    expect(await badge(owner)).toBe(OFFLINE);
    await owner.waitForTimeout(1_500);
    expect(await badge(owner)).toBe(OFFLINE);

    await open[0]!.setOffline(false);
    await expect.poll(() => badge(owner), { timeout: 5_000, interval: 100 }).toBe('Live');
  });
});

describe('presence', () => {
  it('two guests get different names and initials', async () => {
    const { owner, editLink } = await ownerShares();
    const [first, second] = twoGuestSecrets();
    await join(await guest(first), editLink);
    await join(await guest(second), editLink);
    await expect.poll(() => peerAvatars(owner).then((a) => a.length), { timeout: 10_000 }).toBe(2);
    const [[nameA, initialsA], [nameB, initialsB]] = (await peerAvatars(owner)) as [[string, string], [string, string]];
    expect(nameA).toMatch(/^\p{L}+ \p{L}+$/u);
    expect(nameA).not.toBe(nameB);
    expect(initialsA).not.toBe(initialsB);
    expect(initialsA).toBe(nameA.split(' ').map((w: string) => w[0]).join(''));
  });

  it('a participant is asked for a name when opening a share link and others see it', async () => {
    const { owner, commentLink } = await ownerShares();
    const priya = await guest();
    await priya.goto(commentLink);
    await cardNode(priya, CARD).waitFor();
    const prompt = priya.getByRole('dialog', { name: 'What should others call you?' });
    await prompt.waitFor();
    await priya.screenshot({ path: 'test-results/i13-status-name-prompt-1440.png' });
    await priya.setViewportSize({ width: 1024, height: 700 });
    await priya.screenshot({ path: 'test-results/i13-status-name-prompt-1024.png' });
    await prompt.getByLabel('Your name').fill('Priya Patel');
    await prompt.getByRole('button', { name: 'Use this name' }).click();
    expect(await prompt.count()).toBe(0);

    await expect.poll(() => peerAvatars(owner), { timeout: 10_000 }).toEqual([['Priya Patel', 'PP']]);
    // remembered on this device: the next link opened does not ask again, and the name stays
    await priya.goto(commentLink);
    await cardNode(priya, CARD).waitFor();
    await priya.waitForTimeout(500);
    expect(await priya.getByRole('dialog', { name: 'What should others call you?' }).count()).toBe(0);
    expect(await priya.locator('.avatar.is-me').getAttribute('title')).toBe('Priya Patel (you)');
  });

  it('one’s own avatar shows once after a reload', async () => {
    const { owner, editLink } = await ownerShares();
    const page = await guest();
    await join(page, editLink);
    await expect.poll(() => page.locator('.avatar').count(), { timeout: 10_000 }).toBe(2);
    await page.reload();
    await cardNode(page, CARD).waitFor();
    await expect.poll(() => badge(page), { timeout: 10_000 }).toBe('Live');
    await page.waitForTimeout(2_000);
    expect(await page.locator('.avatar').count()).toBe(2);
    expect(await page.locator('.avatar.is-me').count()).toBe(1);
    await expect.poll(() => owner.locator('.avatar').count()).toBe(2);
  });

  it('a closed guest’s cursor disappears within a few seconds', async () => {
    const { owner, editLink } = await ownerShares();
    const page = await guest();
    await join(page, editLink);
    const target = (await cardNode(page, CARD).boundingBox())!;
    await page.mouse.move(target.x + 20, target.y + 20);
    await page.mouse.move(target.x + 40, target.y + 30, { steps: 3 });
    await owner.locator('.peer-cursor').waitFor({ timeout: 10_000 });
    await page.close({ runBeforeUnload: true });
    const closed = Date.now();
    await expect.poll(() => owner.locator('.peer-cursor').count(), { timeout: 5_000, interval: 100 }).toBe(0);
    expect(Date.now() - closed).toBeLessThan(5_000);
    await expect.poll(() => owner.locator('.avatar').count()).toBe(1);
  });

  it('the mention picker lists each person once', async () => {
    const { owner, commentLink } = await ownerShares();
    const [first, second] = twoGuestSecrets();
    const ana = await guest(first);
    await join(ana, commentLink, 'Comment & vote');
    await join(await guest(second), commentLink, 'Comment & vote');
    // Ana reloads: her old connection may linger at the relay for a moment
    await ana.reload();
    await cardNode(ana, CARD).waitFor();
    await expect.poll(() => peerAvatars(owner).then((a) => a.length), { timeout: 10_000 }).toBe(2);

    await cardNode(owner, CARD).click();
    await owner.getByRole('tab', { name: /^Comments/ }).click();
    const box = owner.getByRole('combobox', { name: 'New comment' });
    await box.click();
    await box.pressSequentially('@');
    const options = owner.locator('.cm-mention-list').getByRole('option');
    await options.first().waitFor();
    await owner.waitForTimeout(1_000);
    const names = await options.allTextContents();
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    await owner.screenshot({ path: 'test-results/i13-status-mentions-1440.png' });
  });
});

describe('sharing', () => {
  it('Share opens from the command palette', async () => {
    const { page } = await browser();
    await newMapFromTemplate(app, page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    const search = page.getByRole('combobox', { name: 'Type a command' });
    await search.waitFor();
    await search.pressSequentially('Share');
    await page.getByRole('option', { name: /^Share…/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Create share links' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Share this map' }).isVisible()).toBe(true);
  });
});
