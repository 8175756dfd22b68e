import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';

/**
 * The relay limits how many maps one network may share a minute (REGISTRATIONS_PER_ADDRESS_PER_MINUTE,
 * 20 by default). A CX lead who hits it is told so, and the map stays private and intact.
 */
let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('sharing when the network has shared too many maps', () => {
  it('the share dialog says to try again in a minute, and the map stays private with its cards', async () => {
    // someone on the same network (this machine's address) used up the minute's registrations
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) {
      status = (await fetch(app.url('/api/maps'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: `used-up-${i}` }) })).status;
    }
    expect(status).toBe(429);

    const { page } = await app.newPage();
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'New map' }).first().click();
    await page.locator('dialog [data-template=retail]').click();
    await page.waitForURL(/\/map\//);
    await expect.poll(() => page.locator('.react-flow__node-card').count()).toBeGreaterThan(10);
    const cards = await page.locator('.react-flow__node-card').count();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Create share links' }).click();
    await expect.poll(() => page.getByText('Too many maps were shared from this network in the last minute. Try again in a minute.').count()).toBe(1);
    await expect.poll(() => page.getByLabel('Edit link').count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.connection-badge').textContent()).toBe('Private');
    expect(await page.locator('.react-flow__node-card').count()).toBe(cards);
  });
});
