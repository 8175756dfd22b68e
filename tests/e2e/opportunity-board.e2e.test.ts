import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { createSpace, inviteLink, newMapInSpace, personIn } from './support/spaces';

/*
 * The opportunity board of a team space (issue 16), in three browsers: Anna owns the space, Ben
 * joins with its edit link and adds a pain point, Chris with its view link sees it on the board
 * but cannot triage it; Anna triages it on the board and Ben's open map follows; a row opens the
 * map at its card. Real relay, real IndexedDB, real Chromium.
 */

/** Where the board's screenshots go (looked at by hand; not compared). */
const SHOTS = process.env.WAYMARK_SHOTS_DIR ?? path.join(tmpdir(), 'waymark-opportunity-board');

let app: App;
const open: BrowserContext[] = [];
const person = (name: string) => personIn(app, open, name);
beforeAll(async () => {
  app = await startApp();
  mkdirSync(SHOTS, { recursive: true });
});
afterEach(async () => {
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
});
afterAll(async () => {
  await app?.close();
});

const tiles = (page: Page) => page.locator('.lib-space-tile');

const openBoard = (page: Page) => page.getByRole('tab', { name: 'Opportunities' }).click();
const row = (page: Page, title: string) => page.locator('.bd-table tbody tr', { has: page.getByRole('button', { name: title, exact: true }) });
const cardNode = (page: Page, title: string) => page.locator('.react-flow__node-card', { hasText: title });

const PAIN = 'Delivery slot vanished at checkout';

describe('the opportunity board', () => {
  it('shows a pain point a colleague added to everyone in the space; editors triage it there, viewers cannot, and a row opens the map at the card', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'CX Team Nordwind');
    const retail = await newMapInSpace(anna, 'retail');
    await newMapInSpace(anna, 'saas');
    await expect.poll(() => tiles(anna).count()).toBe(2);
    const editLink = await inviteLink(anna, 'Can edit');
    const viewLink = await inviteLink(anna, 'Can view');

    // Ben joins with the edit link, opens the retail map and adds a pain point
    const ben = await person('Ben Okafor');
    await ben.goto(editLink);
    await expect.poll(() => tiles(ben).count(), { timeout: 10_000 }).toBe(2);
    await ben.locator(`.lib-space-tile[data-map-id="${retail}"] .lib-card-open`).click();
    await ben.waitForURL(new RegExp(`/map/${retail}$`));
    await ben.locator('.react-flow__node-stage').first().waitFor();
    await ben.getByRole('button', { name: /^Add card to Awareness · Pain points$/ }).click({ force: true });
    await ben.keyboard.type(PAIN);
    await ben.keyboard.press('Enter');
    await expect.poll(() => cardNode(ben, PAIN).count()).toBe(1);

    // Chris, with the view link, sees it on the board within seconds, and no status control
    const chris = await person('Chris Meyer');
    await chris.goto(viewLink);
    await expect.poll(() => tiles(chris).count(), { timeout: 10_000 }).toBe(2);
    await openBoard(chris);
    expect(new URL(chris.url()).searchParams.get('view')).toBe('opportunities');
    await expect.poll(() => row(chris, PAIN).count(), { timeout: 15_000 }).toBe(1);
    const chrisRow = row(chris, PAIN);
    expect(await chrisRow.locator('td').nth(0).textContent()).toBe('Pain point');
    expect(await chrisRow.locator('td').nth(2).textContent()).toContain('Awareness');
    expect(await chrisRow.getByRole('combobox').count()).toBe(0);
    expect(await chrisRow.getByRole('textbox').count()).toBe(0);
    expect(await chrisRow.textContent()).toContain('No status');
    expect(await chris.locator('.bd-table select, .bd-table input').count()).toBe(0);

    // Anna sets its status on the board
    await openBoard(anna);
    await expect.poll(() => row(anna, PAIN).count(), { timeout: 15_000 }).toBe(1);
    await anna.screenshot({ path: path.join(SHOTS, 'board-table.png') });
    await row(anna, PAIN).getByRole('combobox', { name: `Status of “${PAIN}”` }).selectOption('planned');
    await expect.poll(() => anna.locator('.bd-save').textContent(), { timeout: 20_000 }).toMatch(/Saved “Delivery slot vanished at checkout”|kept on this device/);
    expect(await anna.locator('.bd-save').textContent()).toContain('Saved');

    // Ben's inspector shows it
    await cardNode(ben, PAIN).click();
    const inspector = ben.getByRole('complementary');
    await expect.poll(() => inspector.getByLabel('Status').inputValue(), { timeout: 10_000 }).toBe('planned');
    // and Chris's board, as text
    await expect.poll(() => row(chris, PAIN).locator('.bd-status').textContent(), { timeout: 15_000 }).toBe('Planned');

    // offline, Anna names an owner: kept on her device, and sent when she is back
    const annaContext = anna.context();
    await annaContext.setOffline(true);
    await expect.poll(() => anna.locator('.lib-space-status').textContent(), { timeout: 10_000 }).toContain('Offline');
    const owner = row(anna, PAIN).getByRole('textbox', { name: `Owner of “${PAIN}”` });
    await owner.fill('Dana Roth');
    await owner.press('Enter');
    await expect.poll(() => anna.locator('.bd-save').textContent(), { timeout: 5_000 }).toBe(`“${PAIN}” is kept on this device and sent when you are online.`);
    await expect.poll(() => owner.inputValue()).toBe('Dana Roth');
    await ben.waitForTimeout(500);
    expect(await inspector.getByLabel('Owner').inputValue()).toBe('');
    await annaContext.setOffline(false);
    await expect.poll(() => inspector.getByLabel('Owner').inputValue(), { timeout: 20_000 }).toBe('Dana Roth');

    // the status board: one column per status, the pain point under Planned
    await anna.getByRole('button', { name: 'Status board' }).click();
    const planned = anna.getByRole('region', { name: 'Planned' });
    await expect.poll(() => planned.getByRole('button', { name: PAIN, exact: true }).count()).toBe(1);
    expect(await anna.locator('.bd-column').count()).toBe(5);
    await anna.screenshot({ path: path.join(SHOTS, 'board-status-columns.png') });

    // grouped by map, sorted by status: sections with counts, aria-sort on the header
    await anna.getByRole('button', { name: 'Table', exact: true }).click();
    await anna.getByLabel('Group by').selectOption('map');
    expect(await anna.locator('.bd-group-row').count()).toBe(2);
    await anna.getByRole('button', { name: 'Status', exact: true }).click();
    expect(await anna.locator('th[aria-sort="ascending"]').textContent()).toContain('Status');
    await anna.screenshot({ path: path.join(SHOTS, 'board-table-grouped.png') });
    await anna.getByLabel('Group by').selectOption('none');

    // a click on the row's card opens the map at that card, selected, and the query leaves the address
    await chrisRow.getByRole('button', { name: PAIN, exact: true }).click();
    await chris.waitForURL(new RegExp(`/map/${retail}$`), { timeout: 10_000 });
    await expect.poll(() => chris.locator('.react-flow__node-card.selected', { hasText: PAIN }).count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(chris.url()).search).toBe('');
    const box = (await cardNode(chris, PAIN).boundingBox())!;
    const pane = (await chris.locator('.journey-canvas').boundingBox())!;
    // centred: the card's middle is near the canvas's middle
    expect(Math.abs(box.x + box.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(pane.width / 4);
    expect(Math.abs(box.y + box.height / 2 - (pane.y + pane.height / 2))).toBeLessThan(pane.height / 4);
  });
});
