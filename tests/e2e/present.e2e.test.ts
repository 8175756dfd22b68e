import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
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

const title = (page: Page) => page.getByRole('heading', { level: 1 });
const announced = (page: Page) => page.locator('.present [aria-live]').textContent();
const currentTick = (page: Page) => page.getByRole('navigation', { name: /journey progress|fortschritt/i }).locator('[aria-current=step]');

describe('present mode in a browser', () => {
  it('a facilitator presents from the editor: stage 1 of 8 with its notes, → and ← move, Esc returns to the editor', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    const editorUrl = page.url();

    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command' }).fill('Present');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/present/);
    expect(new URL(page.url()).pathname).toBe(`${new URL(editorUrl).pathname}/present`);

    await expect.poll(() => title(page).textContent()).toBe('Awareness');
    expect(await page.getByText('Stage 1 of 8', { exact: true }).count()).toBe(1);
    await expect.poll(() => announced(page)).toBe('Stage 1 of 8: Awareness');
    const notes = page.getByRole('complementary', { name: 'Speaker notes' });
    await expect.poll(() => notes.textContent()).toContain('Julia and Can are not shopping yet');
    expect(await currentTick(page).getAttribute('aria-label')).toBe('Stage 1: Awareness');
    // the stage's cards, big, and how it feels
    expect(await page.getByText('Realises the kids have outgrown their boots').count()).toBe(1);
    expect(await page.getByText('Feeling', { exact: true }).count()).toBe(1);
    expect(await page.getByText('slightly positive', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Previous stage' }).isDisabled()).toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page).textContent()).toBe('Consideration');
    await expect.poll(() => announced(page)).toBe('Stage 2 of 8: Consideration');
    expect(await currentTick(page).getAttribute('aria-label')).toBe('Stage 2: Consideration');
    await expect.poll(() => notes.textContent()).toContain('compare models');
    expect(await page.getByText('Realises the kids have outgrown their boots').count()).toBe(0);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title(page).textContent()).toBe('Awareness');
    await expect.poll(() => announced(page)).toBe('Stage 1 of 8: Awareness');

    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === new URL(editorUrl).pathname);
    await page.locator('.react-flow__node-stage').first().waitFor();
    expect(await page.locator('.present').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await context.close();
  });

  it('a facilitator jumps with the progress strip, End and Home, hides the notes with N and shows a whole phase with P', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => title(page).textContent()).toBe('Awareness');

    await page.getByRole('button', { name: 'Stage 3: Purchase' }).click();
    await expect.poll(() => title(page).textContent()).toBe('Purchase');
    await page.keyboard.press('End');
    await expect.poll(() => announced(page)).toBe('Stage 8 of 8: Repair');
    expect(await page.getByRole('button', { name: 'Next stage' }).isDisabled()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => announced(page)).toBe('Stage 1 of 8: Awareness');
    await page.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => title(page).textContent()).toBe('Consideration');

    await page.keyboard.press('n');
    await expect.poll(() => page.getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Speaker notes' }).getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('n');
    await expect.poll(() => page.getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(1);

    // phase by phase: the phase of the stage in view, its stages side by side
    await page.keyboard.press('p');
    await expect.poll(() => announced(page)).toBe('Phase 1 of 3: Pre-purchase');
    expect(await page.getByRole('columnheader', { name: /Awareness/ }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: /Consideration/ }).count()).toBe(1);
    await page.keyboard.press('PageDown');
    await expect.poll(() => announced(page)).toBe('Phase 2 of 3: Purchase');
    await page.getByRole('button', { name: 'Stage by stage' }).click();
    await expect.poll(() => announced(page)).toBe('Stage 3 of 8: Purchase');
    await context.close();
  });

  it('present mode opens offline, from the map stored on this device', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => title(page).textContent()).toBe('Awareness');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page).textContent()).toBe('Consideration');

    await context.setOffline(true);
    await page.reload();
    // the reload stays on the stage that was shown
    await expect.poll(() => title(page).textContent()).toBe('Consideration');
    await expect.poll(() => announced(page)).toBe('Stage 2 of 8: Consideration');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page).textContent()).toBe('Purchase');
    await page.getByRole('button', { name: 'Leave the presentation' }).click();
    await page.locator('.react-flow__node-stage').first().waitFor();
    await context.close();
  });

  it('in German, present mode says Schritt, Phase and Sprechernotizen', async () => {
    const { context, page } = await app.newPage({ locale: 'de-DE' });
    await newMapFromTemplate(app, page, 'retail', 'Deutsch');
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => title(page).textContent()).toBe('Aufmerksamkeit');
    await expect.poll(() => announced(page)).toBe('Schritt 1 von 8: Aufmerksamkeit');
    const notes = page.getByRole('complementary', { name: 'Sprechernotizen' });
    await expect.poll(() => notes.textContent()).toContain('Julia und Can kaufen noch nicht ein');
    expect(await page.getByRole('button', { name: 'Nächster Schritt' }).count()).toBe(1);
    await page.keyboard.press('p');
    await expect.poll(() => announced(page)).toBe('Phase 1 von 3: Vor dem Kauf');
    await context.close();
  });

  it('an accessibility audit of present mode finds no serious or critical issue', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => title(page).textContent()).toBe('Awareness');
    const serious = (v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical';
    const byStage = await new AxeBuilder({ page }).analyze();
    expect(byStage.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.keyboard.press('p');
    await expect.poll(() => announced(page)).toBe('Phase 1 of 3: Pre-purchase');
    const byPhase = await new AxeBuilder({ page }).analyze();
    expect(byPhase.violations.filter(serious).map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await context.close();
  });
});
