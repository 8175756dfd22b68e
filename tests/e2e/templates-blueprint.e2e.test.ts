import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode } from './support/flows';

/*
 * The hotel stay blueprint template, as a CX lead meets it: chosen in the library's new-map
 * dialog (with its name, description and miniature), opened in the editor with the customer's
 * lanes above the four blueprint rows, and its staff cards naming who does them, in English and
 * in German.
 */

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const OUT = path.join(tmpdir(), 'waymark-e2e-exports');
mkdirSync(OUT, { recursive: true });
const SHOTS = process.env.WAYMARK_SHOTS;

/** Each lane header's kind (from its class) and name, top to bottom. */
async function lanes(page: Page): Promise<{ kind: string; name: string; top: number; bottom: number }[]> {
  const rows = await page.locator('.lane-header').evaluateAll((nodes) =>
    nodes.map((n) => {
      const box = n.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        kind: [...n.classList].find((c) => c.startsWith('kind-'))?.slice(5) ?? '',
        name: n.querySelector('.lane-name')?.textContent ?? '',
      };
    }),
  );
  return rows.sort((a, b) => a.top - b.top);
}

/** The card's lane: the lane header whose row holds the card's vertical centre. */
async function laneOfCard(page: Page, title: string): Promise<string> {
  const box = (await cardNode(page, title).first().boundingBox())!;
  const y = box.y + box.height / 2;
  return (await lanes(page)).find((l) => y >= l.top && y <= l.bottom)?.kind ?? '';
}

/** The map as a file, from the export dialog, as the team would hand it on. */
async function exportedJourney(page: Page, name: string) {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.getByRole('radio', { name: /Waymark file/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = path.join(OUT, name);
  await download.saveAs(file);
  await dialog.locator('.wm-export-done').waitFor();
  await page.keyboard.press('Escape');
  return JSON.parse(readFileSync(file, 'utf8')).journey as {
    lanes: { id: string; kind: string }[];
    cards: { laneId: string; title: string; actor: string }[];
  };
}

const CASES = [
  {
    language: 'English' as const,
    locale: 'en',
    title: 'Hotel stay: service blueprint',
    rows: ['evidence:Physical evidence', 'frontstage:Frontstage actions', 'backstage:Backstage actions', 'support:Support processes'],
    cards: { frontstage: 'Welcomes by name and checks in', backstage: 'Inspects and releases clean rooms', support: 'Captures the card payment' },
    onCards: { 'Welcomes by name and checks in': 'Receptionist', 'Inspects and releases clean rooms': 'Room inspector', 'Captures the card payment': 'Payment provider' },
    actors: ['Receptionist', 'Bellhop', 'Housekeeping', 'PMS', 'Payment provider'],
  },
  {
    language: 'Deutsch' as const,
    locale: 'de',
    title: 'Hotelaufenthalt: Service Blueprint',
    rows: ['evidence:Physische Evidenz', 'frontstage:Frontstage-Aktionen', 'backstage:Backstage-Aktionen', 'support:Support-Prozesse'],
    cards: { frontstage: 'Begrüßt mit Namen und checkt ein', backstage: 'Kontrolliert und gibt Zimmer frei', support: 'Bucht die Kartenzahlung ab' },
    onCards: { 'Begrüßt mit Namen und checkt ein': 'Rezeption', 'Kontrolliert und gibt Zimmer frei': 'Hausdame', 'Bucht die Kartenzahlung ab': 'Zahlungsanbieter' },
    actors: ['Rezeption', 'Page', 'Housekeeping', 'PMS', 'Zahlungsanbieter'],
  },
];

describe('the hotel stay blueprint template', () => {
  for (const c of CASES) {
    it(`a CX lead creates a map from the hotel blueprint template and sees its frontstage, backstage and support lanes with actors (${c.locale})`, async () => {
      const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(app.url('/'));
      await page.getByRole('button', { name: /new map/i }).first().click();
      await page.locator('dialog').getByRole('radio', { name: c.language }).click();

      // the choice names the template, says what it is and shows its miniature
      const choice = page.locator('dialog [data-template=hotel]');
      await expect.poll(() => choice.locator('.lib-template-title').textContent()).toBe(c.title);
      expect(((await choice.locator('.lib-template-description').textContent()) ?? '').length).toBeGreaterThan(80);
      await expect.poll(() => choice.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      if (SHOTS) await page.getByRole('dialog', { name: 'New map' }).screenshot({ path: path.join(SHOTS, `i14-templatesbp-picker-${c.locale}.png`) });

      await choice.click();
      await page.waitForURL(/\/map\/[^/]+$/);
      await page.locator('.react-flow__node-stage').first().waitFor();

      // the customer's lanes first, needs right below actions, then the four blueprint rows in order
      const rows = await lanes(page);
      const kinds = rows.map((r) => r.kind);
      expect(kinds.slice(0, 2)).toEqual(['actions', 'needs']);
      const first = kinds.indexOf('evidence');
      expect(first).toBeGreaterThan(kinds.indexOf('opportunities'));
      expect(rows.slice(first, first + 4).map((r) => `${r.kind}:${r.name}`)).toEqual(c.rows);

      // staff cards sit in their rows and show who does them
      for (const [kind, title] of Object.entries(c.cards)) expect(await laneOfCard(page, title)).toBe(kind);
      for (const [title, actor] of Object.entries(c.onCards)) expect(await cardNode(page, title).locator('.actor-name').textContent()).toBe(actor);

      if (SHOTS) {
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Shift+1');
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(SHOTS, `i14-templatesbp-hotel-${c.locale}-1440.png`) });
      }

      // every staff card names who does it
      const journey = await exportedJourney(page, `hotel-${c.locale}.waymark.json`);
      const staffLanes = new Set(journey.lanes.filter((l) => ['frontstage', 'backstage', 'support'].includes(l.kind)).map((l) => l.id));
      const staffCards = journey.cards.filter((card) => staffLanes.has(card.laneId));
      expect(staffCards.length).toBeGreaterThanOrEqual(18);
      expect(staffCards.filter((card) => card.actor === '').map((card) => card.title)).toEqual([]);
      for (const actor of c.actors) expect(staffCards.some((card) => card.actor === actor), actor).toBe(true);
      await context.close();
    });
  }
});
