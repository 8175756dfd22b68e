import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { createSpace, inviteLink, openNewMapInSpace, personIn } from './support/spaces';

/*
 * A team space's persona library as a CX team meets it (issue 16 item 4), in three browsers:
 * Anna owns the space and keeps its personas, Ben works in its maps with the edit link, Chris
 * reads with the view link. Real relay, real IndexedDB, real Chromium. With WAYMARK_SHOTS_DIR set
 * the Personas view and a persona page are saved at 1440×900.
 */

const SHOTS = process.env.WAYMARK_SHOTS_DIR;

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

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `i16-personas-${name}.png`) });
}

const tiles = (page: Page) => page.locator('.lib-space-tile');

async function backToSpace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await page.waitForURL(/\/space\/[^/]+/);
}

async function openMapFromSpace(page: Page, mapId: string): Promise<void> {
  await page.locator(`.lib-space-tile[data-map-id="${mapId}"] .lib-card-open`).click();
  await page.waitForURL(new RegExp(`/map/${mapId}$`));
  await page.locator('.react-flow__node-stage').first().waitFor();
}

const personasTab = (page: Page) => page.locator('.lib-space-tabs').getByRole('tab', { name: 'Personas' });
const headerNames = (page: Page) => page.locator('.persona-card .persona-name').allTextContents();
const panelNames = (page: Page) => page.locator('.pn-persona-name').allTextContents();

describe('a team space’s persona library', () => {
  it('a persona saved to the library and used in two maps follows a rename everywhere; the view link reads it; its page shows both journeys’ curves', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'CX Team Nordwind');

    // the retail map's Julia Berger goes into the team library from the map's Personas panel
    const retail = await openNewMapInSpace(anna, 'retail');
    // her feelings in the first stages, so her own curve shows on her page
    const feelings = anna.locator('.react-flow__node-card .card-node.kind-emotions');
    for (let i = 0; i < 3; i++) {
      await feelings.nth(i).click();
      await anna.locator('.pn-check', { hasText: 'Julia Berger' }).locator('input').check();
    }
    await anna.locator('#tab-personas').click();
    await expect.poll(() => anna.getByTestId('team-library-choices').textContent()).toContain('no personas yet');
    await anna.locator('.pn-persona-main', { hasText: 'Julia Berger' }).click();
    await anna.getByRole('button', { name: 'Save to team library' }).click();
    await expect.poll(() => anna.getByTestId('persona-from-library').count()).toBe(1);
    await backToSpace(anna);

    // the SaaS map has no Julia: it takes her from the team library
    const saas = await openNewMapInSpace(anna, 'saas');
    await anna.locator('#tab-personas').click();
    await anna.getByRole('button', { name: 'Add Julia Berger from the team library' }).click();
    await expect.poll(() => headerNames(anna)).toContain('Julia Berger');
    await expect.poll(() => anna.getByTestId('team-library-choices').textContent()).toContain('uses every persona');
    await backToSpace(anna);
    await expect.poll(() => tiles(anna).count()).toBe(2);

    await personasTab(anna).click();
    await expect.poll(() => new URL(anna.url()).searchParams.get('view')).toBe('personas');
    await expect.poll(() => anna.locator('.lib-persona-card').count()).toBe(1);
    await expect.poll(() => anna.locator('.lib-persona-card .lib-persona-used').textContent(), { timeout: 10_000 }).toBe('Used in 2 maps');
    // a second persona, made in the library itself, and put first
    await anna.getByRole('button', { name: 'New persona' }).click();
    const form = anna.getByRole('dialog');
    await form.getByLabel('Name').fill('Malik Osei');
    await form.getByLabel('Age').fill('29');
    await form.getByLabel('Role').fill('Freelance designer, pays for his own tools');
    await form.getByLabel('Quote').fill('If I have to read the manual, I am already gone.');
    await form.getByLabel('Goals').fill('Send an invoice in two minutes\nSee what a client owes at a glance');
    await form.getByLabel('Frustrations').fill('Surprise price changes\nExports that break his layout');
    await form.getByRole('button', { name: 'Add persona' }).click();
    await expect.poll(() => anna.locator('.lib-persona-card h3').allTextContents()).toEqual(['Julia Berger', 'Malik Osei']);
    await anna.getByRole('button', { name: 'Move Malik Osei earlier' }).click();
    await expect.poll(() => anna.locator('.lib-persona-card h3').allTextContents()).toEqual(['Malik Osei', 'Julia Berger']);
    await shot(anna, 'library');

    // Ben joins with the edit link and has the SaaS map open
    const ben = await person('Ben Okafor');
    await ben.goto(await inviteLink(anna, 'Can edit'));
    await expect.poll(() => tiles(ben).count(), { timeout: 10_000 }).toBe(2);
    await openMapFromSpace(ben, saas);
    await expect.poll(() => headerNames(ben), { timeout: 10_000 }).toContain('Julia Berger');

    // Anna renames Julia in the library: Ben's open map shows the new name within seconds
    await anna.getByRole('button', { name: 'Edit Julia Berger' }).click();
    await anna.getByRole('dialog').getByLabel('Name').fill('Julia Brandt');
    await anna.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => anna.locator('.lib-persona-card h3').allTextContents()).toEqual(['Malik Osei', 'Julia Brandt']);
    await expect.poll(() => headerNames(ben), { timeout: 5_000 }).toContain('Julia Brandt');
    expect(await headerNames(ben)).not.toContain('Julia Berger');
    await ben.locator('#tab-personas').click();
    await expect.poll(() => panelNames(ben)).toContain('Julia Brandt');

    // and the retail map, opened now, has her new name too
    await backToSpace(ben);
    await openMapFromSpace(ben, retail);
    await expect.poll(() => headerNames(ben), { timeout: 10_000 }).toContain('Julia Brandt');
    expect(await headerNames(ben)).not.toContain('Julia Berger');

    // Chris, with the view link, reads the library and can change nothing
    const chris = await person('Chris Meyer');
    await chris.goto(await inviteLink(anna, 'Can view'));
    await expect.poll(() => tiles(chris).count(), { timeout: 10_000 }).toBe(2);
    await personasTab(chris).click();
    await expect.poll(() => chris.locator('.lib-persona-card h3').allTextContents()).toEqual(['Malik Osei', 'Julia Brandt']);
    expect(await chris.getByRole('button', { name: 'New persona' }).count()).toBe(0);
    expect(await chris.getByRole('button', { name: /^(Edit|Delete|Move) / }).count()).toBe(0);

    // the persona page: both journeys, each with its curve, and a click opens the map
    await anna.locator('.lib-persona-card', { hasText: 'Julia Brandt' }).getByRole('link', { name: 'Julia Brandt', exact: true }).click();
    await expect.poll(() => new URL(anna.url()).searchParams.get('persona')).not.toBeNull();
    await expect.poll(() => anna.locator('.lib-persona-journey').count(), { timeout: 10_000 }).toBe(2);
    expect(await anna.locator(`.lib-persona-journey[data-map-id="${retail}"] .lib-persona-curve-own`).count()).toBeGreaterThan(0);
    expect(await anna.locator(`.lib-persona-journey[data-map-id="${saas}"] .lib-persona-curve-map`).count()).toBeGreaterThan(0);
    expect(await anna.locator('.lib-persona-journey').first().locator('.lib-persona-curve-stage').count()).toBeGreaterThan(3);
    await shot(anna, 'page');
    // a reload keeps the page (it is in the address)
    await anna.reload();
    await expect.poll(() => anna.locator('.lib-persona-journey').count(), { timeout: 10_000 }).toBe(2);
    await anna.locator(`.lib-persona-journey[data-map-id="${saas}"] .lib-persona-journey-open`).click();
    await anna.waitForURL(new RegExp(`/map/${saas}$`));
    await expect.poll(() => headerNames(anna), { timeout: 10_000 }).toContain('Julia Brandt');

    // Chris sees the same page, read-only, and deleting in the library needs a confirmation
    await chris.locator('.lib-persona-card', { hasText: 'Julia Brandt' }).getByRole('link', { name: /^Open the page of Julia Brandt/ }).click();
    await expect.poll(() => chris.locator('.lib-persona-journey').count(), { timeout: 15_000 }).toBe(2);
  });

  it('deleting a library persona asks first, and the maps that used it keep their copy', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'Delete check');
    await openNewMapInSpace(anna, 'retail');
    await anna.locator('#tab-personas').click();
    await anna.locator('.pn-persona-main', { hasText: 'Julia Berger' }).click();
    await anna.getByRole('button', { name: 'Save to team library' }).click();
    await backToSpace(anna);
    await personasTab(anna).click();
    await expect.poll(() => anna.locator('.lib-persona-card').count()).toBe(1);

    anna.once('dialog', (dialog) => void dialog.dismiss());
    await anna.getByRole('button', { name: 'Delete Julia Berger' }).click();
    expect(await anna.locator('.lib-persona-card').count()).toBe(1);
    anna.once('dialog', (dialog) => void dialog.accept());
    await anna.getByRole('button', { name: 'Delete Julia Berger' }).click();
    await expect.poll(() => anna.locator('.lib-persona-card').count()).toBe(0);
    await expect.poll(() => anna.getByText('No personas in the library yet').count()).toBe(1);
    await shot(anna, 'empty');

    await personasTab(anna).click();
    await anna.locator('.lib-space-tabs').getByRole('tab', { name: 'Maps' }).click();
    await anna.locator('.lib-space-tile .lib-card-open').first().click();
    await anna.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => headerNames(anna)).toContain('Julia Berger');
  });
});
