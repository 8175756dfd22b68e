import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * Present mode, export, the comments and workshop panels, import and the templates are chunks of
 * their own, fetched on demand (src/app/parts.ts): the build must keep them out of the first
 * load, and a participant who opened a share link once must still reach them with no network
 * (the app prefetches them when idle and the service worker precaches them).
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The on-demand chunks (by their file names) the page has fetched so far. */
async function fetchedChunks(page: Page): Promise<string[]> {
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return names.map((name) => new URL(name).pathname).filter((pathname) => /^\/assets\/(WorkshopPresentation|ExportDialog|CommentsPanel|WorkshopPanel|importMap)-[\w-]+\.js$/.test(pathname));
}

/** Every source file bundled into what index.html loads before the app starts (entry and preloaded chunks). */
function firstLoadSources(): string[] {
  const dist = path.resolve(import.meta.dirname, '../../dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.flatMap((script) => (JSON.parse(readFileSync(path.join(dist, `${script}.map`), 'utf8')) as { sources: string[] }).sources);
}

describe('the on-demand parts of the app', () => {
  it('are not in the first load: no present mode, export, pdf-lib, comments or workshop panel, import, templates, phase manager, shortcuts help or version history list and dialogs', () => {
    const sources = firstLoadSources();
    expect(sources.some((source) => source.endsWith('src/app/EditorScreen.tsx'))).toBe(true);
    const onDemand = [
      'src/present/WorkshopPresentation.tsx',
      'src/panels/export/ExportDialog.tsx',
      'src/panels/phases/PhaseManager.tsx',
      'src/actions/ShortcutsDialog.tsx',
      'src/export/pdf.ts',
      'node_modules/pdf-lib/',
      'src/panels/comments/CommentsPanel.tsx',
      'src/panels/workshop/WorkshopPanel.tsx',
      'src/panels/import/importMap.ts',
      'src/store/ownerKeyOpen.ts',
      'src/sync/ownerKeyRead.ts',
      'src/export/import.ts',
      'src/model/templates/index.ts',
      'src/panels/versions/VersionsPanel.tsx',
      'src/panels/versions/NameVersionDialog.tsx',
      'src/panels/versions/RestoreVersionDialog.tsx',
      'src/panels/inbox/InboxPanel.tsx',
      'src/panels/inbox/FeedbackImportDialog.tsx',
      'src/panels/inbox/PasteLinesDialog.tsx',
      'src/panels/inbox/AssignEvidenceDialog.tsx',
      'src/export/feedbackCsv.ts',
      'src/model/evidenceSuggest.ts',
    ];
    expect(onDemand.filter((part) => sources.some((source) => source.includes(part)))).toEqual([]);
  });

  it('a participant who opened a share link once reaches present mode, the comments and a PDF export with no network', async () => {
    const owner = await app.newPage();
    await newMapFromTemplate(app, owner.page);
    const { commentLink } = await shareOpenMap(owner.page);
    await owner.context.close();

    const { context, page } = await app.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname.startsWith('/assets/')) failed.push(request.url());
    });
    await page.goto(commentLink);
    await cardNode(page, 'Realises the kids have outgrown').waitFor();
    // nothing was opened, yet every on-demand part arrives once the editor has painted
    await expect.poll(() => fetchedChunks(page).then((chunks) => chunks.length), { timeout: 20_000 }).toBe(5);
    // and the service worker is active: it has precached the whole app, chunks included
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await page.reload();
    await cardNode(page, 'Realises the kids have outgrown').waitFor();

    // the comments panel, loaded from the cache
    await page.getByRole('tab', { name: /^Comments/ }).click();
    await page.getByRole('tabpanel').locator('.cm-panel').waitFor();

    // the version history tab, loaded from the cache
    await page.getByRole('tab', { name: 'Version history' }).click();
    await page.getByRole('tabpanel').getByRole('heading', { name: 'Version history' }).waitFor();

    // present mode (shortcuts go to the canvas, not to the comment box)
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Awareness');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consideration');
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__node-stage').first().waitFor();

    // export: the dialog and pdf-lib, loaded from the cache, write a real PDF
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export map' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /^PDF/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
    expect(failed).toEqual([]);
    await context.close();
  });

  it('a part whose chunk cannot be fetched says so in place, and "Try again" loads it once it can be', async () => {
    const { context, page } = await app.newPage();
    const workshopChunk = /\/assets\/WorkshopPanel-[\w-]+\.js$/;
    await context.route(workshopChunk, (route) => route.abort('internetdisconnected'));
    await newMapFromTemplate(app, page);
    await page.getByRole('tab', { name: /^Workshop/ }).click();
    const failure = page.getByRole('tabpanel').getByRole('alert');
    await expect.poll(() => failure.textContent()).toContain('This part of Waymark could not be loaded');
    // the rest of the editor goes on
    expect(await page.locator('.react-flow__node-card').count()).toBeGreaterThan(10);

    await context.unroute(workshopChunk);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Start voting' }).waitFor();
    expect(await failure.count()).toBe(0);
    await context.close();
  });
});
