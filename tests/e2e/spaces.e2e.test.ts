import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { createSpace, inviteLink, newMapInSpace, personIn } from './support/spaces';
import { namedPerson } from './support/flows';

/*
 * Team spaces as a CX team meets them, in three browsers: Anna owns the space, Ben joins with its
 * edit link, Chris with its view link. Real relay, real IndexedDB, real Chromium.
 */

let app: App;
const open: BrowserContext[] = [];
const person = (name: string) => personIn(app, open, name);
beforeAll(async () => {
  app = await startApp();
});
afterEach(async () => {
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
});
afterAll(async () => {
  await app?.close();
});

const tiles = (page: Page) => page.locator('.lib-space-tile');
const tileTitles = (page: Page) => page.locator('.lib-space-tile .lib-card-title').allTextContents();

async function renameOpenMap(page: Page, title: string): Promise<void> {
  await page.locator('.map-title-button').click();
  const input = page.getByRole('textbox', { name: 'Map title' });
  await input.fill(title);
  await input.press('Enter');
}

describe('team spaces', () => {
  it('a colleague who joins with the edit link sees every map of the space, and a rename shows in the other’s library within seconds', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'CX Team Nordwind');
    const first = await newMapInSpace(anna, 'retail');
    await newMapInSpace(anna, 'saas');
    await expect.poll(() => tiles(anna).count()).toBe(2);
    const editLink = await inviteLink(anna, 'Can edit');
    expect(editLink).toMatch(/\/space\/[^#]+#token=s\./);

    const ben = await person('Ben Okafor');
    await ben.goto(editLink);
    await expect.poll(() => tiles(ben).count(), { timeout: 10_000 }).toBe(2);
    // the token left the address bar at once
    expect(new URL(ben.url()).hash).toBe('');
    await expect.poll(() => ben.locator('.lib-place[aria-current="page"]').textContent()).toContain('CX Team Nordwind');
    // Ben sees Anna in the space
    await expect.poll(() => ben.locator('.lib-space-people li').count()).toBe(1);

    // Ben opens the first map with the space's rights and renames it
    await ben.locator(`.lib-space-tile[data-map-id="${first}"] .lib-card-open`).click();
    await ben.waitForURL(new RegExp(`/map/${first}$`));
    await ben.locator('.react-flow__node-stage').first().waitFor();
    await renameOpenMap(ben, 'Returns, renamed by Ben');
    // Anna, in the space's library, sees the new title and who changed it
    await expect.poll(() => tileTitles(anna), { timeout: 5_000 }).toContain('Returns, renamed by Ben');
    await expect.poll(() => anna.locator(`.lib-space-tile[data-map-id="${first}"] .lib-card-meta`).first().textContent()).toContain('Ben Okafor');
    // and that Ben is in that map right now
    await expect.poll(() => anna.locator(`.lib-space-tile[data-map-id="${first}"] .lib-tile-people li`).count()).toBe(1);
  });

  it('a view link shows the space but offers no way to change it', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'Read-only check');
    await newMapInSpace(anna);
    const viewLink = await inviteLink(anna, 'Can view');
    const chris = await person('Chris Meyer');
    await chris.goto(viewLink);
    await expect.poll(() => tiles(chris).count(), { timeout: 10_000 }).toBe(1);
    expect(await chris.locator('.lib-space-role').textContent()).toBe('Can view');
    expect(await chris.getByRole('button', { name: 'New map in this space' }).count()).toBe(0);
    expect(await chris.getByRole('button', { name: /^Archive/ }).count()).toBe(0);
    expect(await chris.getByRole('button', { name: 'Invite people' }).count()).toBe(0);
  });

  it('a map made offline reaches the space when its maker is back online', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'Offline check');
    const editLink = await inviteLink(anna, 'Can edit');
    const { context, page: ben } = await namedPerson(app, 'Ben Okafor', { viewport: { width: 1440, height: 900 } });
    open.push(context);
    await ben.goto(editLink);
    await expect.poll(() => ben.locator('.lib-space-status').textContent(), { timeout: 10_000 }).toContain('Live');
    // a first map online (which also brings the templates' code to this browser)
    await newMapInSpace(ben, 'retail');
    await expect.poll(() => tiles(anna).count(), { timeout: 10_000 }).toBe(1);

    await context.setOffline(true);
    await expect.poll(() => ben.locator('.lib-space-status').textContent()).toContain('Offline');
    const made = await newMapInSpace(ben, 'retail');
    await expect.poll(() => tiles(ben).count()).toBe(2);
    // nobody else has it yet
    await anna.waitForTimeout(500);
    expect(await tiles(anna).count()).toBe(1);

    await context.setOffline(false);
    await expect.poll(() => tiles(anna).count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => anna.locator(`.lib-space-tile[data-map-id="${made}"] .lib-chip.is-pending`).count(), { timeout: 15_000 }).toBe(0);
    // and Anna opens it
    await anna.locator(`.lib-space-tile[data-map-id="${made}"] .lib-card-open`).click();
    await anna.locator('.react-flow__node-card').first().waitFor({ timeout: 15_000 });
  });

  it('archiving a map hides it from everyone’s library until someone restores it', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'Archive check');
    const mapId = await newMapInSpace(anna);
    const ben = await person('Ben Okafor');
    await ben.goto(await inviteLink(anna, 'Can edit'));
    await expect.poll(() => tiles(ben).count(), { timeout: 10_000 }).toBe(1);
    await anna.locator(`.lib-space-tile[data-map-id="${mapId}"]`).hover();
    await anna.getByRole('button', { name: /^Archive:/ }).click();
    await expect.poll(() => tiles(ben).count()).toBe(0);
    await ben.getByLabel('Show archived').check();
    await expect.poll(() => ben.locator('.lib-space-tile.is-archived').count()).toBe(1);
    await ben.getByRole('button', { name: /^Restore:/ }).click();
    await expect.poll(() => anna.locator('.lib-space-tile:not(.is-archived)').count()).toBe(1);
  });
});
