import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { badgeReads, shareOpenMap } from './support/flows';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const card = (page: Page, title: string) => page.locator('.react-flow__node-card', { hasText: title });

/** The owner makes a map from the retail template and creates its share links. */
async function ownerSharesAMap(page: Page): Promise<{ editLink: string; viewLink: string }> {
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: 'New map' }).first().click();
  await page.locator('dialog [data-template=retail]').click();
  await page.waitForURL(/\/map\//);
  const { editLink, viewLink } = await shareOpenMap(page);
  await badgeReads(page, 'Live');
  return { editLink, viewLink };
}

describe('working on one map together', () => {
  it('a card added by one person appears for the other, and each sees the other’s pointer', async () => {
    const owner = await app.newPage();
    const { editLink } = await ownerSharesAMap(owner.page);
    expect(editLink).toMatch(/\/map\/[A-Za-z0-9_-]+#token=[A-Za-z0-9_-]{22,}/);

    const guest = await app.newPage();
    await guest.page.goto(editLink);
    await card(guest.page, 'Realises the kids have outgrown').waitFor();
    // the token left the address bar as soon as the link was opened
    expect(guest.page.url()).not.toContain('token=');
    await expect.poll(() => guest.page.locator('.connection-badge').textContent()).toBe('Live');

    await card(owner.page, 'Realises the kids have outgrown').click();
    await owner.page.keyboard.press('n');
    await owner.page.keyboard.type('Added by the owner');
    await owner.page.keyboard.press('Enter');
    await card(guest.page, 'Added by the owner').waitFor();

    const target = (await card(owner.page, 'Added by the owner').boundingBox())!;
    await owner.page.mouse.move(target.x + 20, target.y + 20);
    await owner.page.mouse.move(target.x + 30, target.y + 25, { steps: 3 });
    await guest.page.locator('.peer-cursor').first().waitFor();
    expect(await guest.page.locator('.avatar').count()).toBe(2);

    // the guest's map is in their own library now
    await guest.page.goto(app.url('/'));
    await guest.page.getByRole('heading', { name: 'Omnichannel retail purchase' }).waitFor();
    await owner.context.close();
    await guest.context.close();
  });

  it('a person with the view link sees live changes but cannot edit', async () => {
    const owner = await app.newPage();
    const { viewLink } = await ownerSharesAMap(owner.page);
    const viewer = await app.newPage();
    await viewer.page.goto(viewLink);
    await card(viewer.page, 'Saves a jacket review').waitFor();
    await expect.poll(() => viewer.page.locator('.connection-badge').textContent()).toBe('View only');
    expect(await viewer.page.getByRole('button', { name: 'Add stage' }).count()).toBe(0);

    await card(viewer.page, 'Saves a jacket review').click();
    await viewer.page.keyboard.press('Delete');
    await viewer.page.waitForTimeout(300);
    expect(await card(viewer.page, 'Saves a jacket review').count()).toBe(1);
    // the card reads as text: no field to type into, not even a disabled one (issue 13, point 10)
    const panel = viewer.page.getByRole('complementary');
    expect(await panel.getByLabel('Title').count()).toBe(0);
    expect(await panel.locator('.pn-read-title').textContent()).toContain('Saves a jacket review');
    expect(await panel.locator('input, select, textarea').count()).toBe(0);

    await card(owner.page, 'Saves a jacket review').click();
    await owner.page.keyboard.press('Delete');
    await expect.poll(() => card(viewer.page, 'Saves a jacket review').count()).toBe(0);
    await owner.context.close();
    await viewer.context.close();
  });
});
