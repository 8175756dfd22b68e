import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { badgeReads, cardNode, namedPerson, newMapFromTemplate } from './support/flows';

/**
 * Owner recovery: the owner token lives in one browser's storage, so the share dialog asks the
 * owner to keep it as an owner link or a key file; either makes another browser (another device,
 * here another browser context with its own storage) the owner: it sees the links, replaces
 * them, locks the map. A file that is not a usable key changes nothing.
 */
let app: App;
const open: BrowserContext[] = [];
const downloads = mkdtempSync(path.join(tmpdir(), 'waymark-owner-key-'));
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  for (const context of open) await context.close().catch(() => undefined);
  await app?.close();
});

const OUTGROWN = 'Realises the kids have outgrown their boots';

/** A browser of its own: its own storage, as another laptop would have; its person has a name (no name prompt on joining). */
async function device(name = 'Oona Owner'): Promise<Page> {
  const { context, page } = await namedPerson(app, name, { viewport: { width: 1440, height: 900 } });
  open.push(context);
  return page;
}

const live = (page: Page) => badgeReads(page, 'Live');

const mapIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2]!;
const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

/** The owner makes a map and shares it; the share dialog stays open. */
async function sharedMap(): Promise<{ owner: Page; mapId: string; links: Record<'edit' | 'comment' | 'view' | 'owner', string> }> {
  const owner = await device();
  await newMapFromTemplate(app, owner);
  await owner.getByRole('button', { name: 'Share', exact: true }).click();
  await owner.getByRole('button', { name: 'Create share links' }).click();
  const links = {
    edit: await owner.getByLabel('Edit link').inputValue(),
    comment: await owner.getByLabel('Comment link').inputValue(),
    view: await owner.getByLabel('View link').inputValue(),
    owner: await owner.getByLabel('Owner link').inputValue(),
  };
  await live(owner);
  return { owner, mapId: mapIdOf(owner), links };
}

/** Downloads the owner key from the open share dialog; resolves to the saved file's path. */
async function downloadOwnerKey(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download owner key' }).click()]);
  const file = path.join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

const shareDialog = (page: Page) => page.getByRole('dialog', { name: 'Share this map' });

async function openShareDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await shareDialog(page).waitFor();
}

describe('owner recovery', () => {
  it('the owner is asked to keep the owner key when sharing', async () => {
    const { owner, mapId, links } = await sharedMap();
    const dialog = shareDialog(owner);
    await dialog.getByRole('heading', { name: 'Keep your owner key' }).waitFor();
    await dialog.getByText('Anyone who has the owner key controls this map: they can replace and turn off every link and lock the map. Keep it like a password. Waymark cannot recover it for you.').waitFor();
    // the owner link is a link like the others, with a token of its own
    expect(links.owner).toMatch(new RegExp(`/map/${mapId}#token=[A-Za-z0-9_-]{44}$`));
    expect(new Set(Object.values(links).map(tokenOf)).size).toBe(4);
    const acknowledge = dialog.getByRole('checkbox', { name: 'I have saved my owner key somewhere safe' });
    expect(await acknowledge.isDisabled()).toBe(true);
    await dialog.getByText('Not saved yet. Save your owner key before you leave this map.').waitFor();

    const file = await downloadOwnerKey(owner);
    const title = (await owner.title()).replace(' · Waymark', '');
    expect(path.basename(file)).toMatch(/\.waymark-key\.json$/);
    expect(path.basename(file)).toContain(title);
    const key = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(key).toMatchObject({ format: 'waymark-owner-key', version: 1, mapId, mapTitle: title, relay: new URL(app.url()).origin, ownerToken: tokenOf(links.owner) });
    expect(Date.parse(String(key.createdAt))).toBeGreaterThan(Date.now() - 60_000);
    expect(String(key.note)).toContain('Keep it like a password');

    // closed without saying so: the reminder is there again next time, now with the box to tick
    await dialog.getByRole('button', { name: 'Close' }).click();
    await owner.reload();
    await cardNode(owner, OUTGROWN).waitFor();
    await openShareDialog(owner);
    await dialog.getByText('Not saved yet. Save your owner key before you leave this map.').waitFor();
    expect(await acknowledge.isEnabled()).toBe(true);
    await acknowledge.check();
    await dialog.getByRole('heading', { name: 'Your owner key' }).waitFor();
    expect(await dialog.getByText('Not saved yet').count()).toBe(0);
    // next time it is folded away, still at hand
    await dialog.getByRole('button', { name: 'Close' }).click();
    await openShareDialog(owner);
    await dialog.getByText('You have saved the owner key. Keep it private.').waitFor();
    expect(await dialog.getByLabel('Owner link').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Show owner key' }).click();
    expect(await dialog.getByLabel('Owner link').inputValue()).toBe(links.owner);

    await owner.reload();
    await cardNode(owner, OUTGROWN).waitFor();
    await openShareDialog(owner);
    await dialog.getByText('You have saved the owner key. Keep it private.').waitFor();
  });

  it('an owner key file opened in another browser restores owner rights (it can lock the map and rotate links)', async () => {
    const { owner, mapId, links } = await sharedMap();
    const file = await downloadOwnerKey(owner);

    const laptop = await device();
    await laptop.goto(app.url('/'));
    await laptop.getByRole('button', { name: 'Open owner key…' }).waitFor();
    await laptop.getByTestId('owner-key-file').setInputFiles(file);
    await laptop.waitForURL(new RegExp(`/map/${mapId}$`));
    await cardNode(laptop, OUTGROWN).waitFor();
    await live(laptop);

    // every link, as the owner made them
    await openShareDialog(laptop);
    const dialog = shareDialog(laptop);
    await dialog.getByText('You own this map and manage its links.').waitFor();
    expect(await dialog.getByLabel('Edit link').inputValue()).toBe(links.edit);
    expect(await dialog.getByLabel('Comment link').inputValue()).toBe(links.comment);
    expect(await dialog.getByLabel('View link').inputValue()).toBe(links.view);
    // whoever opened the key file has it: no reminder here
    await dialog.getByRole('heading', { name: 'Your owner key' }).waitFor();

    // it replaces the edit link: the old one stops working
    await dialog.locator('.share-link', { hasText: 'Edit link' }).getByRole('button', { name: 'Replace link' }).click();
    await expect.poll(() => dialog.getByLabel('Edit link').inputValue()).not.toBe(links.edit);
    const access = (token: string) => fetch(app.url(`/api/maps/${mapId}/access`), { headers: { Authorization: `Bearer ${token}` } });
    expect((await access(tokenOf(links.edit))).status).toBe(401);
    const newEdit = tokenOf(await dialog.getByLabel('Edit link').inputValue());
    await dialog.getByRole('button', { name: 'Close' }).click();

    // it locks the map: the relay says so to an edit link
    await laptop.getByRole('tab', { name: /^Workshop/ }).click();
    // the switch shows what the relay answered (LockSection), so it turns on once the lock is in place
    const lock = laptop.getByRole('checkbox', { name: 'Lock the map’s content for everyone but you' });
    await lock.click();
    await expect.poll(async () => ((await (await access(newEdit)).json()) as { locked: boolean }).locked).toBe(true);
    await expect.poll(() => lock.isChecked()).toBe(true);
  });

  it('an owner link opened in another browser restores owner rights', async () => {
    const { owner, mapId, links } = await sharedMap();
    await shareDialog(owner).getByRole('button', { name: 'Close' }).click();

    // a colleague's laptop that already had the map through the edit link
    const laptop = await device();
    await laptop.goto(links.edit);
    await cardNode(laptop, OUTGROWN).waitFor();
    await openShareDialog(laptop);
    await shareDialog(laptop).getByText('You joined with an edit link.').waitFor();
    await shareDialog(laptop).getByRole('button', { name: 'Close' }).click();

    await laptop.goto(links.owner);
    await cardNode(laptop, OUTGROWN).waitFor();
    // the token left the address bar at once
    expect(new URL(laptop.url()).hash).toBe('');
    await live(laptop);
    await openShareDialog(laptop);
    const dialog = shareDialog(laptop);
    await dialog.getByText('You own this map and manage its links.').waitFor();
    expect(await dialog.getByLabel('Edit link').inputValue()).toBe(links.edit);
    expect(await dialog.getByLabel('View link').inputValue()).toBe(links.view);

    // the owner key leaked? Replace it: every copy of the old one stops working, the new one works here
    await dialog.getByRole('button', { name: 'Show owner key' }).click();
    await dialog.getByRole('button', { name: 'Replace owner key' }).click();
    await dialog.getByRole('button', { name: 'Replace it' }).click();
    await dialog.getByText('New owner key made; the old one no longer works. Save this one.').waitFor();
    await expect.poll(() => dialog.getByLabel('Owner link').inputValue()).not.toBe(links.owner);
    await dialog.getByText('Not saved yet. Save your owner key before you leave this map.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await live(laptop);
    // the first browser held the old key: the relay closed it
    await expect.poll(() => owner.locator('.connection-badge').textContent(), { timeout: 10_000 }).toBe('Link no longer works');

    const stranger = await device();
    await stranger.goto(links.owner);
    await stranger.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    // the map is still the owner's: an edit on the laptop reaches an edit link
    const colleague = await device();
    await colleague.goto(links.edit);
    await cardNode(colleague, OUTGROWN).waitFor();
    expect(mapIdOf(colleague)).toBe(mapId);
  });

  it('a broken key file gets a clear error and changes nothing', async () => {
    const { mapId, links } = await sharedMap();
    const laptop = await device();
    await laptop.goto(app.url('/'));
    const input = laptop.getByTestId('owner-key-file');
    const problem = laptop.getByRole('alert');
    const valid = { format: 'waymark-owner-key', version: 1, mapId, mapTitle: 'Boots', relay: new URL(app.url()).origin, ownerToken: tokenOf(links.owner), createdAt: new Date().toISOString() };
    const attempt = async (name: string, content: string | Buffer, message: string) => {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
      await problem.getByText(`“${name}” could not be opened`).waitFor();
      await problem.getByText(message).waitFor();
    };

    await attempt('shopping-list.waymark-key.json', 'milk, eggs', 'This file is not a Waymark owner key: it is not a JSON file.');
    await attempt('map.json', JSON.stringify({ ...valid, format: 'waymark-map' }), 'This file is not a Waymark owner key, or it was changed or damaged.');
    await attempt('short.waymark-key.json', JSON.stringify({ ...valid, ownerToken: 'abc' }), 'This file is not a Waymark owner key, or it was changed or damaged.');
    await attempt('huge.waymark-key.json', JSON.stringify({ ...valid, note: 'x'.repeat(20_000) }), 'This file is too big to be a Waymark owner key.');
    await attempt('elsewhere.waymark-key.json', JSON.stringify({ ...valid, relay: 'https://maps.elsewhere.example' }), 'This owner key is for a map on another Waymark server. Open it there.');
    // well-formed, but the relay does not know the token, or it is no owner's
    await attempt('guessed.waymark-key.json', JSON.stringify({ ...valid, ownerToken: `${tokenOf(links.owner).slice(0, 12)}${'A'.repeat(32)}` }), 'This owner key no longer works: it was replaced, or its map is not on this server.');
    await attempt('edit.waymark-key.json', JSON.stringify({ ...valid, ownerToken: tokenOf(links.edit) }), 'This key is not the owner key of its map.');

    // nothing was kept, nothing opened
    expect(new URL(laptop.url()).pathname).toBe('/');
    const kept = await laptop.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('waymark.share.') || key.startsWith('waymark.ownerKeyKept.')));
    expect(kept).toEqual([]);
    await laptop.getByRole('heading', { name: 'Map your first customer journey' }).waitFor();
    // the banner goes when dismissed
    await problem.getByRole('button', { name: 'Dismiss' }).click();
    expect(await laptop.locator('.lib-owner-key-problem').count()).toBe(0);
  });
});
