import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { newMapFromTemplate } from './support/flows';

/**
 * Who the journey is about, on the canvas: a header band above the phases with a card per
 * persona (initials, name, age, role, quote), as UXPressia and TheyDo show it. And the view
 * that keeps its middle when the side panel is hidden on a narrow screen.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

type Box = { x: number; y: number; width: number; height: number };

const SHOTS = process.env.WAYMARK_SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const personaCard = (page: Page, name: string) => page.locator('.persona-card', { hasText: name });
const canvasBox = async (page: Page): Promise<Box> => (await page.locator('.journey-canvas').boundingBox())!;

describe('the persona header', () => {
  for (const [language, width, age, quote] of [
    ['English', 1440, 'Age 41', '“I read reviews at eleven at night, but the kids try the boots on before I pay.”'],
    ['English', 1024, 'Age 41', '“I read reviews at eleven at night, but the kids try the boots on before I pay.”'],
    ['Deutsch', 1440, 'Alter: 41', '„Bewertungen lese ich abends um elf – aber bevor ich zahle, probieren die Kinder die Schuhe an.“'],
    ['Deutsch', 1024, 'Alter: 41', '„Bewertungen lese ich abends um elf – aber bevor ich zahle, probieren die Kinder die Schuhe an.“'],
  ] as const) {
    it(`the persona header shows each persona's initials, name, age and quote (${language}, ${width} px)`, async () => {
      const { context, page } = await app.newPage({ viewport: { width, height: 800 }, locale: language === 'Deutsch' ? 'de-DE' : 'en-US' });
      await newMapFromTemplate(app, page, 'retail', language);
      const julia = personaCard(page, 'Julia Berger');
      await julia.waitFor();
      expect(await julia.locator('.persona-avatar').textContent()).toBe('JB');
      expect(await julia.locator('.persona-age').textContent()).toBe(age);
      expect(await julia.locator('.persona-quote').textContent()).toBe(quote);
      expect(await personaCard(page, 'Can Demir').locator('.persona-avatar').textContent()).toBe('CD');
      // the band sits above the phases, and the opening fit shows it and every stage header
      const band = (await julia.boundingBox())!;
      const phase = (await page.locator('.react-flow__node-phase').first().boundingBox())!;
      const pane = await canvasBox(page);
      expect(band.y + band.height).toBeLessThanOrEqual(phase.y);
      expect(band.y).toBeGreaterThanOrEqual(pane.y);
      await shoot(page, `i13-personas-header-${language === 'Deutsch' ? 'de' : 'en'}-${width}`);
      await context.close();
    });
  }

  it("a persona's quote is shown in full on hover", async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const long =
      'When the washing machine broke the second time, I spent forty minutes on hold, was cut off twice, and nobody could tell me when the technician would come or whether the repair was still covered by the warranty.';
    // a quote longer than two lines, typed in the Personas panel
    await personaCard(page, 'Julia Berger').locator('.persona-card-main').click();
    const quoteField = page.locator('.side-panel').getByLabel('Quote', { exact: true });
    await quoteField.fill(long);
    await quoteField.blur();
    const quote = personaCard(page, 'Julia Berger').locator('.persona-quote');
    await expect.poll(() => quote.textContent()).toBe(`“${long}”`);
    const clipped = () => quote.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    await page.mouse.move(0, 0);
    await expect.poll(clipped).toBe(true);
    const twoLines = (await quote.boundingBox())!.height;
    await personaCard(page, 'Julia Berger').hover();
    await expect.poll(clipped).toBe(false);
    // the card grew over the map to show every line of it
    expect((await quote.boundingBox())!.height).toBeGreaterThan(1.4 * twoLines);
    await shoot(page, 'i13-personas-quote-hover');
    await context.close();
  });

  it('clicking a persona in the header opens it in the side panel', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await personaCard(page, 'Can Demir').locator('.persona-card-main').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Personas' }).getAttribute('aria-selected')).toBe('true');
    const editor = page.getByRole('group', { name: 'Editing Can Demir' });
    await editor.waitFor();
    expect(await editor.getByLabel('Age').inputValue()).toBe('23');
    // the age typed here is what the header shows
    await editor.getByLabel('Age').fill('22–25');
    await editor.getByLabel('Age').blur();
    await expect.poll(() => personaCard(page, 'Can Demir').locator('.persona-age').textContent()).toBe('Age 22–25');
    await context.close();
  });

  it('hiding the persona header is remembered after a reload', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await personaCard(page, 'Julia Berger').waitFor();
    await page.getByRole('button', { name: 'Hide the persona header' }).click();
    await expect.poll(() => page.locator('.persona-card').count()).toBe(0);
    // no empty band: the label goes too
    expect(await page.locator('.react-flow__node-personaLabel').count()).toBe(0);
    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.persona-card').count()).toBe(0);
    // back from the Personas panel
    await page.keyboard.press('p');
    const check = page.locator('.side-panel').getByRole('checkbox', { name: 'Show the personas above the map' });
    expect(await check.isChecked()).toBe(false);
    await check.check();
    await personaCard(page, 'Julia Berger').waitFor();
    // fit makes room for it above the phases
    await page.getByRole('button', { name: 'Fit map to screen' }).click();
    await page.waitForTimeout(400);
    const pane = await canvasBox(page);
    expect((await personaCard(page, 'Julia Berger').boundingBox())!.y).toBeGreaterThanOrEqual(pane.y);
    await context.close();
  });

  it('a map without personas has no persona header', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'blank');
    await page.waitForTimeout(300);
    expect(await page.locator('.react-flow__node-persona, .react-flow__node-personaLabel').count()).toBe(0);
    await context.close();
  });

  it('the first persona added to a map appears in the header, on screen', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page, 'blank');
    await page.waitForTimeout(300);
    await page.keyboard.press('p');
    await page.locator('.side-panel').getByRole('button', { name: 'Add persona' }).click();
    const card = personaCard(page, 'New persona');
    await card.waitFor();
    expect(await card.locator('.persona-avatar').textContent()).toBe('NP');
    // the band grew above the map; the view moved down to show it
    await page.waitForTimeout(400);
    const box = (await card.boundingBox())!;
    const pane = await canvasBox(page);
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
    expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
    await context.close();
  });

  it('a fitted map stays fitted when its first persona is added: no cell slides under the minimap', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 700 } });
    await newMapFromTemplate(app, page, 'blank');
    await page.waitForTimeout(300);
    await page.keyboard.press('p');
    await page.locator('.side-panel').getByRole('button', { name: 'Add persona' }).click();
    await personaCard(page, 'New persona').waitFor();
    await page.waitForTimeout(500);
    const pane = await canvasBox(page);
    const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
    const lastStage = (await page.locator('.react-flow__node-stage').last().boundingBox())!;
    const lastLane = (await page.locator('.react-flow__node-lane').last().boundingBox())!;
    // the bottom-right cell: the last stage's column at the last lane's row
    const cell = { right: lastStage.x + lastStage.width, bottom: lastLane.y + lastLane.height };
    expect(cell.bottom).toBeLessThanOrEqual(pane.y + pane.height);
    expect(cell.right <= minimap.x || cell.bottom <= minimap.y).toBe(true);
    expect((await personaCard(page, 'New persona').boundingBox())!.y).toBeGreaterThanOrEqual(pane.y);
    await context.close();
  });

  it('the filter button on a persona shows only that persona’s cards', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const filter = personaCard(page, 'Can Demir').getByRole('button', { name: 'Show only the cards of Can Demir' });
    await filter.click();
    expect(await filter.getAttribute('aria-pressed')).toBe('true');
    // his cards stand out, the others are dimmed
    await expect.poll(() => page.locator('.card-node.is-search-hit').count()).toBeGreaterThan(0);
    expect(await page.locator('.card-node.is-dimmed').count()).toBeGreaterThan(0);
    await filter.click();
    expect(await filter.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('.card-node.is-search-hit').count()).toBe(0);
    await context.close();
  });

  it('the persona header is in the SVG export', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export map' });
    await dialog.getByRole('radio', { name: /SVG image/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const file = path.join(tmpdir(), 'waymark-e2e-persona-header.svg');
    await download.saveAs(file);
    const svg = readFileSync(file, 'utf8');
    for (const text of ['PERSONAS', 'Julia Berger', 'JB', 'Age 41', 'Can Demir', 'CD', 'Age 23', '“I read reviews at eleven at night']) expect(svg).toContain(text);
    // the persona row comes before (above) the first phase band
    expect(svg.indexOf('Julia Berger')).toBeLessThan(svg.indexOf('PRE-PURCHASE'));
    await context.close();
  });
});

describe('hiding the side panel', () => {
  const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

  it('hiding the side panel keeps the centred stage in the middle of the canvas', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 768 } });
    await newMapFromTemplate(app, page);
    // zoom in on purpose, on the fourth stage: the map is no longer fitted
    const pane = await canvasBox(page);
    const fourth = centreOf((await page.locator('.react-flow__node-stage').nth(3).boundingBox())!);
    await page.mouse.move(fourth.x, pane.y + pane.height / 2);
    await page.mouse.wheel(0, -500);
    await page.waitForTimeout(400);
    const zoomNow = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const zoom = await zoomNow();
    // the stage in the middle of the canvas, and how far its centre is from the canvas's centre
    const middleStage = async (box: Box) => {
      const middle = box.x + box.width / 2;
      for (const header of await page.locator('.react-flow__node-stage').all()) {
        const b = await header.boundingBox();
        if (b && b.x <= middle && middle < b.x + b.width) return { id: await header.getAttribute('data-id'), offset: centreOf(b).x - middle };
      }
      return null;
    };
    const before = await middleStage(pane);
    expect(before).not.toBeNull();

    await page.keyboard.press('Control+.');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    const wide = await canvasBox(page);
    expect(wide.width).toBeGreaterThan(pane.width + 250);
    await page.waitForTimeout(300);
    // the same stage, at the same zoom, is as far from the middle of the wider canvas as before
    const after = (await middleStage(wide))!;
    expect(after.id).toBe(before!.id);
    expect(Math.abs(after.offset - before!.offset)).toBeLessThan(3);
    expect(await zoomNow()).toBeCloseTo(zoom, 3);
    await shoot(page, 'i13-personas-panel-hidden-1024');

    // and back again
    await page.keyboard.press('Control+.');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(1);
    await page.waitForTimeout(300);
    const back = (await middleStage(await canvasBox(page)))!;
    expect(back.id).toBe(before!.id);
    expect(Math.abs(back.offset - before!.offset)).toBeLessThan(3);
    await context.close();
  });

  it('a view left with the side panel hidden comes back unchanged after a reload', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 768 } });
    await newMapFromTemplate(app, page);
    await page.keyboard.press('Control+.');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    const pane = await canvasBox(page);
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(600);
    const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const left = await transform();
    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await page.waitForTimeout(600);
    expect(await page.locator('.side-panel').count()).toBe(0);
    expect(await transform()).toBe(left);
    await context.close();
  });

  it('a fitted map is fitted again to the wider canvas when the side panel is hidden', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1024, height: 768 } });
    await newMapFromTemplate(app, page);
    const zoomNow = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const fitted = await zoomNow();
    await page.keyboard.press('Control+.');
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    // every stage was on screen before; with a third more room the fit zooms in to use it
    await expect.poll(zoomNow).toBeGreaterThan(fitted * 1.1);
    const pane = await canvasBox(page);
    const last = (await page.locator('.react-flow__node-stage').last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(pane.x + pane.width);
    await context.close();
  });
});
