import path from 'node:path';
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

/** Each lane header's kind (from its class) and name, top to bottom. */
async function lanes(page: Page): Promise<string[]> {
  const rows = await page.locator('.lane-header').evaluateAll((nodes) =>
    nodes.map((n) => ({
      y: n.getBoundingClientRect().y,
      kind: [...n.classList].find((c) => c.startsWith('kind-'))?.slice(5) ?? '',
      name: n.querySelector('.lane-name')?.textContent ?? '',
    })),
  );
  return rows.sort((a, b) => a.y - b.y).map((r) => `${r.kind}:${r.name}`);
}

async function openPaneMenu(page: Page): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  // the empty canvas below the map
  await pane.click({ button: 'right', position: { x: box.width / 2, y: box.height - 40 } });
}

describe('lane types', () => {
  it('a CX lead turns a plain map into a service blueprint with one menu entry, and one undo takes it back', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail');
    const before = await lanes(page);
    await openPaneMenu(page);
    await page.getByRole('menuitem', { name: 'Add service blueprint lanes' }).click();
    await expect.poll(() => lanes(page)).toContain('support:Support processes');
    const after = await lanes(page);
    const at = after.findIndex((l) => l.startsWith('backstage:'));
    expect(after.slice(at - 2, at + 2)).toEqual(['evidence:Physical evidence', 'frontstage:Frontstage actions', after[at], 'support:Support processes']);
    expect(after).toHaveLength(before.length + 3);

    // the entry is gone from the menu once every row is there
    await page.keyboard.press('Escape');
    await openPaneMenu(page);
    await expect.poll(() => page.getByRole('menuitem', { name: 'Add service blueprint lanes' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+z');
    await expect.poll(() => lanes(page)).toEqual(before);
    await context.close();
  });

  it('a lane’s type is changed from its menu, in German too, and the cards stay', async () => {
    const { context, page } = await app.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    await newMapFromTemplate(app, page, 'retail', 'Deutsch');
    const header = page.locator('.lane-header', { hasText: 'Backstage' }).first();
    const cardsBefore = await page.locator('.react-flow__node-card').count();
    await header.locator('.header-menu').click();
    await page.getByRole('menuitem', { name: 'Art der Ebene …' }).click();
    const dialog = page.getByRole('dialog', { name: /^Art der Ebene: / });
    await dialog.waitFor();
    // the current type is marked and has the focus; the blueprint's rows are a group of their own
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.laneKind ?? null)).toBe('backstage');
    expect(await dialog.getByRole('heading', { name: 'Service Blueprint' }).count()).toBe(1);
    await page.screenshot({ path: path.join('test-results', 'i14-lane-type-dialog-de.png') });
    await dialog.getByRole('button', { name: 'Support-Prozesse' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => header.getAttribute('class')).toContain('kind-support');
    expect(await page.locator('.react-flow__node-card').count()).toBe(cardsBefore);
    await context.close();
  });
});
