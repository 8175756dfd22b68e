import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode } from './support/flows';

/**
 * A service blueprint in the editor: the lines of interaction, visibility and internal
 * interaction between the right lanes, who does a staff card, what it serves, and the blueprint
 * view that hides the staff's lanes on this device. The map is imported as a small file, as a
 * team bringing its own blueprint would.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const SHOTS = process.env.WAYMARK_SHOTS_DIR;
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/i14-canvasbp-${name}.png` });
}

const lane = (id: string, name: string, kind: string, order: string) => ({ id, name, kind, order, collapsed: false });
let cardOrder = 0;
const card = (id: string, stageId: string, laneId: string, title: string, actor = '', body = '') => ({
  id,
  stageId,
  laneId,
  order: `a${cardOrder++}`,
  title,
  body,
  channel: null,
  emotion: null,
  personaIds: [],
  tags: [],
  color: null,
  momentOfTruth: false,
  votes: 0,
  image: null,
  actor,
});

/** A hotel check-in as a blueprint: the guest's side, what they hold, the desk, the back office, the systems. */
function hotelFile(): Buffer {
  cardOrder = 0;
  const journey = {
    id: 'hotelBlueprint01',
    title: 'Hotel check-in',
    description: '',
    locale: 'en',
    createdAt: '2026-12-01T09:00:00.000Z',
    phases: [
      { id: 'pre-purchase', name: '', color: '#0369a1', order: 'a0' },
      { id: 'purchase', name: '', color: '#7c3aed', order: 'a1' },
      { id: 'post-purchase', name: '', color: '#047857', order: 'a2' },
    ],
    stages: [
      { id: 'arrive', name: 'Arrival', phase: 'purchase', order: 'a0', color: null, description: '' },
      { id: 'room', name: 'To the room', phase: 'purchase', order: 'a1', color: null, description: '' },
    ],
    lanes: [
      lane('needs', 'Needs & goals', 'needs', 'Zx'),
      lane('acts', 'Guest actions', 'actions', 'a0'),
      lane('senses', 'Senses', 'senses', 'a0V'),
      lane('pains', 'Pain points', 'pains', 'a1'),
      lane('evid', 'Physical evidence', 'evidence', 'a2'),
      lane('front', 'Frontstage', 'frontstage', 'a3'),
      lane('back', 'Backstage', 'backstage', 'a4'),
      lane('supp', 'Support processes', 'support', 'a5'),
    ],
    cards: [
      card('c0', 'arrive', 'needs', 'Get to the room quickly after a long trip'),
      card('c1', 'arrive', 'acts', 'Arrives at the desk'),
      card('c9', 'arrive', 'senses', 'Lobby music, the smell of coffee'),
      card('c2', 'arrive', 'pains', 'Queue at six in the evening'),
      card('c3', 'arrive', 'evid', 'Key card and welcome letter'),
      card('c4', 'arrive', 'front', 'Greets the guest by name', 'Receptionist'),
      card('c5', 'arrive', 'back', 'Encodes the key card', 'Night auditor'),
      card('c6', 'arrive', 'supp', 'Booking system marks the room occupied', 'Property system'),
      card('c7', 'room', 'acts', 'Finds the room'),
      card('c8', 'room', 'front', 'Porter brings the bags', 'Porter'),
    ],
    personas: [],
    links: [],
  };
  return Buffer.from(JSON.stringify({ format: 'waymark', version: 3, journey }));
}

async function importHotel(page: Page): Promise<void> {
  await page.goto(app.url('/'));
  await page.locator('[data-testid=import-file]').waitFor({ state: 'attached' });
  await page.locator('[data-testid=import-file]').setInputFiles({ name: 'hotel.waymark.json', mimeType: 'application/json', buffer: hotelFile() });
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
}

type Box = { x: number; y: number; width: number; height: number };
/** Import gives the map's lanes new ids: a lane header is found by its name. */
const LANE_NAMES: Record<string, string> = { needs: 'Needs & goals', senses: 'Senses', acts: 'Guest actions', pains: 'Pain points', evid: 'Physical evidence', front: 'Frontstage', back: 'Backstage', supp: 'Support processes' };
const laneBox = async (page: Page, id: string): Promise<Box> =>
  (await page.locator('.react-flow__node-lane').filter({ has: page.locator('.lane-name', { hasText: new RegExp(`^${LANE_NAMES[id]}$`) }) }).boundingBox())!;
const lineBox = async (page: Page, id: string): Promise<Box> => (await page.locator(`.react-flow__node-blueprintLine [data-blueprint-line=${id}]`).boundingBox())!;
const lineCount = (page: Page) => page.locator('.react-flow__node-blueprintLine').count();

/** The line runs on the boundary: its middle where the lane above ends and the lane below starts. */
async function expectLineBetween(page: Page, line: string, above: string, below: string): Promise<void> {
  const box = await lineBox(page, line);
  const middle = box.y + box.height / 2;
  const upper = await laneBox(page, above);
  const lower = await laneBox(page, below);
  expect(Math.abs(middle - (upper.y + upper.height))).toBeLessThanOrEqual(2);
  expect(Math.abs(middle - lower.y)).toBeLessThanOrEqual(2);
  // across the whole map: from the lane headers to the last stage's right edge
  expect(Math.abs(box.x - upper.x)).toBeLessThanOrEqual(1);
}

describe('a service blueprint in the editor', () => {
  it('shows the three lines between the right lanes, the actor on staff cards, serves links, and a remembered blueprint view', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 1000 } });
    await importHotel(page);

    // the three lines, named, each on its lane boundary
    await expect.poll(() => lineCount(page)).toBe(3);
    await expectLineBetween(page, 'interaction', 'evid', 'front');
    await expectLineBetween(page, 'visibility', 'front', 'back');
    await expectLineBetween(page, 'internal', 'back', 'supp');
    expect(await page.locator('.blueprint-line.is-interaction .blueprint-line-chip').first().textContent()).toBe('Line of interaction');
    expect(await page.locator('.blueprint-line.is-visibility .blueprint-line-chip').first().textContent()).toBe('Line of visibility');
    expect(await page.locator('.blueprint-line.is-internal .blueprint-line-chip').first().textContent()).toBe('Line of internal interaction');
    // a name chip never sits on a card
    const chip = (await page.locator('.blueprint-line.is-visibility .blueprint-line-chip').first().boundingBox())!;
    for (const title of ['Greets the guest by name', 'Encodes the key card']) {
      const c = (await cardNode(page, title).boundingBox())!;
      expect(chip.y + chip.height <= c.y || chip.y >= c.y + c.height).toBe(true);
    }

    // who does a staff card, on the card as text; and not on a customer's card
    expect(await cardNode(page, 'Greets the guest').locator('.actor-chip').textContent()).toBe('Receptionist');
    expect(await cardNode(page, 'Arrives at the desk').locator('.actor-chip').count()).toBe(0);
    await shoot(page, 'canvas-en-1440');

    // edited in the inspector
    await cardNode(page, 'Greets the guest').click();
    const actor = page.getByRole('complementary').getByLabel('Actor', { exact: true });
    expect(await actor.inputValue()).toBe('Receptionist');
    await actor.fill('Front desk');
    await actor.press('Tab');
    await expect.poll(() => cardNode(page, 'Greets the guest').locator('.actor-chip').textContent()).toBe('Front desk');
    // found by who does it
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+F');
    await page.getByRole('searchbox').first().fill('front desk');
    await expect.poll(() => page.locator('.card-node.is-search-hit').count()).toBe(1);
    expect(await page.locator('.card-node.is-search-hit').textContent()).toContain('Greets the guest');
    await page.keyboard.press('Escape');

    // the backstage card serves the guest's action: picked in the inspector
    await cardNode(page, 'Encodes the key card').click();
    const serves = page.getByRole('group', { name: 'Serves' });
    const labels = await serves.locator('.pn-check-name').allTextContents();
    expect(labels).toEqual(['Arrives at the desk', 'Get to the room quickly after a long trip', 'Lobby music, the smell of coffee', 'Queue at six in the evening']);
    await serves.getByRole('checkbox', { name: /Arrives at the desk/ }).check();
    await expect.poll(() => page.locator('.react-flow__edge.is-serves').count()).toBe(1);
    // the selection lights up what it serves, and the connector runs beside the column, not over it
    await expect.poll(() => cardNode(page, 'Arrives at the desk').locator('.card-node.is-linked').count()).toBe(1);
    const path = (await page.locator('.react-flow__edge.is-serves path').first().boundingBox())!;
    const arrives = (await cardNode(page, 'Arrives at the desk').boundingBox())!;
    expect(path.x).toBeGreaterThanOrEqual(arrives.x + arrives.width - 8);
    expect(path.width).toBeLessThan(30);
    await shoot(page, 'serves-en-1440');
    await serves.getByRole('checkbox', { name: /Arrives at the desk/ }).uncheck();
    await expect.poll(() => page.locator('.react-flow__edge.is-serves').count()).toBe(0);
    await serves.getByRole('checkbox', { name: /Arrives at the desk/ }).check();

    // the blueprint view: B hides the four blueprint lanes, the lanes close up, a note says so
    const pains = await laneBox(page, 'pains');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('.react-flow__node-lane').count()).toBe(4);
    expect(await lineCount(page)).toBe(0);
    expect(await cardNode(page, 'Encodes the key card').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: '4 blueprint lanes hidden' }).count()).toBe(1);
    const addLane = (await page.locator('.react-flow__node-addLane').boundingBox())!;
    expect(addLane.y).toBeLessThan(pains.y + pains.height + 20);
    await shoot(page, 'hidden-en-1440');

    // remembered on this device for this map
    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => page.locator('.react-flow__node-lane').count()).toBe(4);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node-lane').count()).toBe(8);
    await expect.poll(() => lineCount(page)).toBe(3);
    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => lineCount(page)).toBe(3);
    expect(await page.locator('.react-flow__edge.is-serves').count()).toBe(1);

    // scrolled past the lane names, the lines keep their names at the pinned lane column
    const pane = (await page.locator('.journey-canvas').boundingBox())!;
    await page.mouse.move(pane.x + pane.width - 120, pane.y + 300);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width - 420, pane.y + 300, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.pinned-blueprint-line').count()).toBe(3);
    expect(await page.locator('.pinned-blueprint-line').allTextContents()).toEqual(['Line of interaction', 'Line of visibility', 'Line of internal interaction']);
    await shoot(page, 'pinned-en-1440');

    // present mode: the lines between the lanes, and who does each staff card
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => page.locator('.present-blueprint-line').count()).toBe(3);
    expect(await page.locator('.present-blueprint-line').allTextContents()).toEqual(['Line of interaction', 'Line of visibility', 'Line of internal interaction']);
    expect(await page.locator('.present-chip.actor').allTextContents()).toEqual(['Front desk', 'Night auditor', 'Property system']);
    const visibility = (await page.locator('.present-blueprint-line.is-visibility').boundingBox())!;
    const front = (await page.locator('.present-lane.kind-frontstage').boundingBox())!;
    const back = (await page.locator('.present-lane.kind-backstage').boundingBox())!;
    expect(visibility.y).toBeGreaterThanOrEqual(front.y + front.height - 1);
    expect(visibility.y + visibility.height).toBeLessThanOrEqual(back.y + 1);
    await shoot(page, 'present-en-1440');
    // phase by phase: the lines as rows of the table, between the same lanes
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('.present-blueprint-row').count()).toBe(3);
    const rows = await page.locator('.present-matrix tbody tr').evaluateAll((trs) => trs.map((tr) => tr.className));
    expect(rows.indexOf('present-blueprint-row is-visibility')).toBe(rows.indexOf('kind-frontstage') + 1);
    expect(rows.indexOf('kind-backstage')).toBe(rows.indexOf('present-blueprint-row is-visibility') + 1);
    await shoot(page, 'present-phase-en-1440');
    await context.close();
  });

  it('reads in German at 1024 px: the lines, Wer and Dient', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 800 }, locale: 'de-DE' });
    await importHotel(page);
    await expect.poll(() => lineCount(page)).toBe(3);
    expect(await page.locator('.blueprint-line.is-interaction .blueprint-line-chip').first().textContent()).toBe('Interaktionslinie');
    expect(await page.locator('.blueprint-line.is-visibility .blueprint-line-chip').first().textContent()).toBe('Sichtbarkeitslinie');
    expect(await page.locator('.blueprint-line.is-internal .blueprint-line-chip').first().textContent()).toBe('Linie der internen Interaktion');
    await expectLineBetween(page, 'visibility', 'front', 'back');
    await shoot(page, 'canvas-de-1024');
    await cardNode(page, 'Encodes the key card').click();
    expect(await page.getByRole('complementary').getByLabel('Wer', { exact: true }).inputValue()).toBe('Night auditor');
    await page.getByRole('group', { name: 'Dient' }).getByRole('checkbox', { name: /Arrives at the desk/ }).check();
    await expect.poll(() => page.locator('.react-flow__edge.is-serves').count()).toBe(1);
    await shoot(page, 'inspector-de-1024');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('b');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '4 Blueprint-Ebenen ausgeblendet' }).count()).toBe(1);
    await shoot(page, 'hidden-de-1024');
    await context.close();
  });
});
