import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { comparableJourney, EXPORTS_DIR, exportAs, importInLibrary } from './support/exports';
import { cardNode, newMapFromTemplate } from './support/flows';

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
  const { bytes } = await exportAs(page, /Waymark file/, name);
  return JSON.parse(bytes.toString('utf8')).journey as {
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

describe('a blueprint from the template, end to end', () => {
  it('a CX lead hides and shows the blueprint lanes, exports the hotel blueprint as OpenJourney and imports it back with the same cards', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'hotel');
    const all = (await lanes(page)).map((l) => l.kind);
    expect(all).toEqual(expect.arrayContaining(['evidence', 'frontstage', 'backstage', 'support']));

    // the blueprint view: B hides the four rows and their lines, B brings them back
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('b');
    await expect.poll(async () => (await lanes(page)).map((l) => l.kind)).toEqual(all.filter((k) => !['evidence', 'frontstage', 'backstage', 'support'].includes(k)));
    await page.keyboard.press('b');
    await expect.poll(async () => (await lanes(page)).map((l) => l.kind)).toEqual(all);

    // the pictures a team hangs on the wall, kept to look at
    const png = await exportAs(page, /PNG image/, 'hotel-blueprint-template.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await exportAs(page, /PDF document/, 'hotel-blueprint-template.pdf');
    const text = spawnSync('pdftotext', ['-raw', pdf.file, '-'], { encoding: 'utf8' }).stdout;
    for (const words of ['Line of interaction', 'Line of visibility', 'Line of internal interaction', 'Receptionist']) expect(text).toContain(words);
    spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf.file, path.join(EXPORTS_DIR, 'hotel-blueprint-template-pdf')]);

    // OpenJourney out and back in: the same cards in the same stages and lanes, actors and serves links included
    const json = await exportAs(page, /Waymark file/, 'hotel.waymark.json');
    const ojf = await exportAs(page, /OpenJourney/, 'hotel.ojf');
    const nodes = JSON.parse(ojf.bytes.toString('utf8')).nodes as { blueprint?: { onstage?: { actor: string }[] } }[];
    expect(nodes.some((n) => (n.blueprint?.onstage ?? []).some((entry) => entry.actor === 'Receptionist'))).toBe(true);
    const before = page.url();
    await importInLibrary(app, page, 'hotel.ojf', ojf.bytes, 'application/json');
    await page.waitForURL((url) => url.href !== before && /\/map\//.test(url.pathname));
    await page.locator('.react-flow__node-card').first().waitFor();
    const again = await exportAs(page, /Waymark file/, 'hotel-from-ojf.waymark.json');
    expect(comparableJourney(again.bytes.toString('utf8'))).toEqual(comparableJourney(json.bytes.toString('utf8')));
    await context.close();
  });
});
