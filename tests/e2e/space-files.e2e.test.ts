import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSpaceArchive } from '../../src/export/spaceArchive';
import { addLibraryPersona, readSpaceIndex } from '../../src/model/space';
import { connect, type Client } from '../support/relay';
import { startApp, type App } from './support/app';
import { createSpace, newMapInSpace, personIn } from './support/spaces';

/*
 * Files for a whole team space, as a team meets them: Anna exports her space (two maps and a
 * library persona) as one zip; Carla, in a fresh browser, recreates it from that file. Real relay,
 * real IndexedDB, real Chromium, a real download and a real file chooser.
 */

let app: App;
const open: BrowserContext[] = [];
const person = (name: string) => personIn(app, open, name);
const clients: Client[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'waymark-space-files-'));
/** the first test's export, for the offline import of the second */
let goodExport = '';
beforeAll(async () => {
  app = await startApp();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
});
afterAll(async () => {
  await app?.close();
});

const port = () => Number(new URL(app.url('/')).port);
const tiles = (page: Page) => page.locator('.lib-space-tile');
const tileTitles = async (page: Page) => (await page.locator('.lib-space-tile .lib-card-title').allTextContents()).sort();
const spaceIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** The space's edit token, from the owner's invite dialog. */
async function editToken(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click();
  const link = await page.getByRole('textbox', { name: 'Can edit' }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return decodeURIComponent(new URL(link).hash.replace(/^#token=/, ''));
}

/** A member's y-websocket client on the space's index room, synced. */
async function indexClient(spaceId: string, token: string): Promise<Client> {
  const client = connect(port(), `spaces/${spaceId}`, token);
  clients.push(client);
  await expect.poll(() => client.provider.synced, { timeout: 10_000 }).toBe(true);
  return client;
}

async function exportSpace(page: Page): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export space' }).click()]);
  const file = path.join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

describe('files for a whole team space', () => {
  it('a space exported as one zip (two maps, a library persona) is recreated from it in a fresh browser as a new space with both maps and the persona', async () => {
    const anna = await person('Anna Lind');
    await createSpace(app, anna, 'CX Team Nordwind');
    const annaSpace = spaceIdOf(anna);
    const mapIds = [await newMapInSpace(anna, 'retail'), await newMapInSpace(anna, 'saas')];
    await expect.poll(() => tiles(anna).count()).toBe(2);
    const titles = await tileTitles(anna);
    // a colleague with the edit link adds a persona to the space's library (no screen for it in this build: through the relay, as the app writes it)
    const colleague = await indexClient(annaSpace, await editToken(anna));
    expect(addLibraryPersona(colleague.doc, { name: 'Mia Pendler', role: 'Commuter', goals: ['Arrive on time'], quote: 'Just tell me when.' })).toBeTruthy();

    // Anna exports once her device has the persona
    let exported = { file: '', name: '' };
    let archive: ReturnType<typeof readSpaceArchive> | null = null;
    await expect
      .poll(
        async () => {
          exported = await exportSpace(anna);
          archive = readSpaceArchive(new Uint8Array(readFileSync(exported.file)));
          return archive.ok ? archive.archive.manifest.personas.map((p) => p.name) : archive.issues;
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toEqual(['Mia Pendler']);
    expect(exported.name).toBe('CX Team Nordwind.waymark-space.zip');
    goodExport = exported.file;
    const read = archive!;
    if (!read.ok) throw new Error('unreachable');
    expect(read.archive.manifest.space.name).toBe('CX Team Nordwind');
    expect(read.archive.maps.map((m) => m.id).sort()).toEqual([...mapIds].sort());
    expect(read.archive.maps.map((m) => m.file.journey.title).sort()).toEqual(titles);

    // Anna imports her own export: this device holds those map ids, so the copies get new ones
    await anna.goto(app.url('/'));
    await anna.getByRole('button', { name: 'New team space' }).click();
    await anna.getByTestId('space-import-file').setInputFiles(exported.file);
    await anna.waitForURL((url) => /\/space\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(annaSpace), { timeout: 20_000 });
    await expect.poll(() => tileTitles(anna), { timeout: 10_000 }).toEqual(titles);
    const copies = await tiles(anna).evaluateAll((els) => els.map((el) => el.getAttribute('data-map-id')));
    expect(copies.filter((id) => mapIds.includes(id!))).toEqual([]);

    // Carla, a fresh browser, recreates the space from the file
    const carla = await person('Carla Diaz');
    await carla.goto(app.url('/'));
    await carla.getByRole('button', { name: 'New team space' }).click();
    await carla.getByTestId('space-import-file').setInputFiles(exported.file);
    await carla.waitForURL(/\/space\/[^/]+$/, { timeout: 20_000 });
    const carlaSpace = spaceIdOf(carla);
    expect(carlaSpace).not.toBe(annaSpace);
    await expect.poll(() => carla.getByRole('heading', { level: 1 }).textContent()).toBe('CX Team Nordwind');
    await expect.poll(() => tileTitles(carla), { timeout: 10_000 }).toEqual(titles);
    // the persona library came along, under a new id in the new space's index on the relay
    const carlaIndex = await indexClient(carlaSpace, await editToken(carla));
    await expect.poll(() => readSpaceIndex(carlaIndex.doc).personas.map((p) => [p.name, p.role, p.quote]), { timeout: 10_000 }).toEqual([['Mia Pendler', 'Commuter', 'Just tell me when.']]);
    expect(readSpaceIndex(carlaIndex.doc).maps.map((m) => m.id).sort()).toEqual([...mapIds].sort());

    // the maps kept their ids (free in Carla's browser) and open with their cards
    await tiles(carla).first().locator('.lib-card-open').click();
    await carla.waitForURL(/\/map\/[^/]+$/);
    expect(mapIds).toContain(new URL(carla.url()).pathname.split('/').pop());
    await carla.locator('.react-flow__node-stage').first().waitFor();

    // the imported maps went up to the relay: a colleague joining Carla's new space opens one with its cards
    await carla.goto(app.url(`/space/${carlaSpace}`));
    await carla.getByRole('button', { name: 'Invite people' }).click();
    const link = await carla.getByRole('textbox', { name: 'Can edit' }).inputValue();
    await carla.getByRole('button', { name: 'Close' }).click();
    const dan = await person('Dan Berg');
    await dan.goto(link);
    await expect.poll(() => tileTitles(dan), { timeout: 10_000 }).toEqual(titles);
    await tiles(dan).filter({ hasText: read.archive.maps[0]!.file.journey.title }).locator('.lib-card-open').click();
    await dan.waitForURL(/\/map\/[^/]+$/);
    await expect.poll(() => dan.locator('.react-flow__node-card').count(), { timeout: 15_000 }).toBe(read.archive.maps[0]!.file.journey.cards.length);
  });

  it('a file that is no space export is refused with a clear message and creates nothing', async () => {
    const carla = await person('Carla Diaz');
    await carla.goto(app.url('/'));
    await carla.getByRole('button', { name: 'New team space' }).click();
    const file = path.join(dir, 'holiday.zip');
    writeFileSync(file, 'not a zip at all');
    await carla.getByTestId('space-import-file').setInputFiles(file);
    const alert = carla.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('This file cannot be imported as a team space; nothing was changed:');
    expect(await alert.textContent()).toContain('(file): is not a zip file');
    expect(new URL(carla.url()).pathname).toBe('/');

    // offline, a good file gets a clear answer too: a space needs the relay once
    expect(goodExport).not.toBe('');
    await carla.context().setOffline(true);
    await carla.getByTestId('space-import-file').setInputFiles(goodExport);
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('The server cannot be reached. A team space needs it once, to be created; nothing was changed.');
    expect(new URL(carla.url()).pathname).toBe('/');
    await carla.context().setOffline(false);
  });
});
