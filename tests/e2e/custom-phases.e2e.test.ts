import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { newMapFromTemplate } from './support/flows';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const SHOTS = 'test-results';

const WORDS = {
  en: { manage: 'Manage phases…', dialog: 'Phases', add: 'New phase', phase: 'Phase', close: 'Close' },
  de: { manage: 'Phasen verwalten …', dialog: 'Phasen', add: 'Neue Phase', phase: 'Phase', close: 'Schließen' },
};
type Lang = keyof typeof WORDS;

/** The names on the phase bands, left to right. */
async function bandNames(page: Page): Promise<string[]> {
  const bands = page.locator('.react-flow__node-phase');
  const boxes = await bands.evaluateAll((nodes) =>
    nodes.map((n) => ({ x: n.getBoundingClientRect().x, name: n.querySelector('.phase-name')?.textContent ?? '' })),
  );
  return boxes.sort((a, b) => a.x - b.x).map((b) => b.name);
}

/** Stage names left to right, as the columns stand on the canvas. */
async function stageNames(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node-stage').evaluateAll((nodes) =>
    nodes.map((n) => ({ x: n.getBoundingClientRect().x, name: n.querySelector('.stage-name')?.textContent ?? '' })),
  );
  return boxes.sort((a, b) => a.x - b.x).map((b) => b.name);
}

/** Opens the phase manager as a CX lead finds it: from the menu on a phase band. */
async function openManager(page: Page, lang: Lang = 'en'): Promise<Locator> {
  await page.locator('.phase-band .phase-menu').first().click();
  await page.getByRole('menuitem', { name: WORDS[lang].manage }).click();
  const dialog = page.getByRole('dialog', { name: WORDS[lang].dialog });
  await dialog.waitFor();
  return dialog;
}

/** Adds a phase in the manager and types its name over the suggested one. */
async function addPhase(page: Page, dialog: Locator, name: string, lang: Lang = 'en'): Promise<void> {
  const before = await dialog.locator('.ph-row').count();
  await dialog.getByRole('button', { name: WORDS[lang].add }).click();
  await expect.poll(() => dialog.locator('.ph-row').count()).toBe(before + 1);
  // the new phase's name is focused and selected: typing replaces it
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.phaseName ?? null)).not.toBeNull();
  await page.keyboard.type(name);
}

/** Puts a stage into a phase from the stage inspector's phase picker. */
async function moveStageInto(page: Page, stage: string, phase: string, lang: Lang = 'en'): Promise<void> {
  await page.locator('.react-flow__node-stage', { hasText: stage }).locator('.stage-name').click();
  await page.getByLabel(WORDS[lang].phase, { exact: true }).selectOption({ label: phase });
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width >= 1440 ? 900 : 700 });
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `i13-phases-${name}-${width}.png`) });
}

describe('custom phases', () => {
  it('a CX lead adds a "Service recovery" phase, moves a stage into it and it survives a reload', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail');
    expect(await bandNames(page)).toEqual(['Pre-purchase', 'Purchase', 'Post-purchase']);

    const dialog = await openManager(page);
    await addPhase(page, dialog, 'Service recovery');
    await expect.poll(() => dialog.locator('input[data-phase-name]').last().inputValue()).toBe('Service recovery');
    await shoot(page, 'manager-en', 1440);
    await shoot(page, 'manager-en', 1024);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await moveStageInto(page, 'Complaint', 'Service recovery');
    await expect.poll(() => bandNames(page)).toEqual(['Pre-purchase', 'Purchase', 'Post-purchase', 'Service recovery']);
    // the stage joined the end, where its phase stands
    expect((await stageNames(page)).at(-1)).toBe('Complaint');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await shoot(page, 'canvas-en', 1440);
    await shoot(page, 'canvas-en', 1024);

    await page.reload();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await expect.poll(() => bandNames(page)).toEqual(['Pre-purchase', 'Purchase', 'Post-purchase', 'Service recovery']);
    expect((await stageNames(page)).at(-1)).toBe('Complaint');

    // present mode shows the phase by its name and in its colour (amber, the first colour no phase used)
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await page.keyboard.press('End');
    const pill = page.locator('.present-phase-pill');
    await expect.poll(() => pill.textContent()).toBe('Service recovery');
    expect(await pill.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(180, 83, 9)');
    const segment = page.locator('.present-segment', { hasText: 'Service recovery' });
    expect(await segment.evaluate((el) => getComputedStyle(el).getPropertyValue('--phase').trim())).toBe('#b45309');
    await page.screenshot({ path: path.join(SHOTS, 'i13-phases-present-en-1024.png') });
    await context.close();
  });

  it('renaming and recolouring a phase shows on the canvas and in the SVG export', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail');
    const dialog = await openManager(page);
    const row = dialog.locator('.ph-row[data-phase-row="purchase"]');
    await row.locator('input[data-phase-name]').fill('Checkout');
    await row.locator('label[title="Amber"]').click();
    await expect.poll(() => row.getByRole('radio', { name: 'Amber' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');

    const band = page.locator('.react-flow__node-phase', { hasText: 'Checkout' });
    await band.waitFor();
    expect(await band.locator('.phase-band').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(180, 83, 9)');
    // the stages of the phase carry its colour on their headers
    const stage = page.locator('.react-flow__node-stage', { hasText: /^Purchase/ }).locator('.stage-header');
    expect(await stage.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(180, 83, 9)');

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+E');
    const exportDialog = page.getByRole('dialog', { name: 'Export map' });
    await exportDialog.getByRole('radio', { name: /SVG image/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('CHECKOUT');
    expect(svg).toContain('#b45309');
    expect(svg).not.toContain('>PURCHASE<');
    await context.close();
  });

  it('reordering phases moves their stages', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail');
    const before = await stageNames(page);
    const dialog = await openManager(page);
    await dialog.getByRole('button', { name: 'Move “Post-purchase” earlier (left)' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => bandNames(page)).toEqual(['Pre-purchase', 'Post-purchase', 'Purchase']);
    // the stages went with their phases, each phase's stages in the order they had
    const after = await stageNames(page);
    expect(after).toEqual([...before.slice(0, 2), ...before.slice(4), ...before.slice(2, 4)]);

    // and from the band's own menu, back again
    await page.locator('.react-flow__node-phase').filter({ has: page.locator('.phase-name', { hasText: /^Purchase$/ }) }).locator('.phase-menu').click();
    await page.getByRole('menuitem', { name: 'Move phase left' }).click();
    await expect.poll(() => stageNames(page)).toEqual(before);
    await context.close();
  });

  it('a v1 map file still imports', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'Import' }).waitFor();
    const v1 = readFileSync(path.resolve(__dirname, '../fixtures/waymark-v1.json'));
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'washing-machine-v1.json', mimeType: 'application/json', buffer: v1 });
    await page.waitForURL(/\/map\/[^/]+$/);
    await page.locator('.react-flow__node-stage').first().waitFor();
    // its renamed phase keeps its name; its stages sit in their phases
    expect(await bandNames(page)).toEqual(['Pre-purchase', 'Checkout']);
    expect(await stageNames(page)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Delivery / pick-up']);
    const dialog = await openManager(page);
    expect(await dialog.locator('input[data-phase-name]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'Pre-purchase',
      'Checkout',
      'Post-purchase',
    ]);
    await context.close();
  });

  it('a German CX lead adds a phase in German (the manager passes an accessibility audit) and moves a stage into it', async () => {
    const { context, page } = await app.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail', 'Deutsch');
    const dialog = await openManager(page, 'de');
    await addPhase(page, dialog, 'Service-Recovery', 'de');
    await expect.poll(() => dialog.getByText('Noch kein Schritt gehört zu ihr.').count()).toBe(1);
    // the manager passes an accessibility audit: labelled fields, swatches and buttons
    const audit = await new AxeBuilder({ page }).include('.ph-dialog').analyze();
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    expect(audit.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await shoot(page, 'manager-de', 1440);
    await shoot(page, 'manager-de', 1024);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await moveStageInto(page, 'Reklamation', 'Service-Recovery', 'de');
    await expect.poll(() => bandNames(page)).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf', 'Service-Recovery']);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await shoot(page, 'canvas-de', 1440);
    await shoot(page, 'canvas-de', 1024);
    await context.close();
  });
});
