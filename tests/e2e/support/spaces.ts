import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from './app';
import { namedPerson } from './flows';

/** The team-space steps the space e2e files share, done as a user does them. */

/** A named colleague in a browser of their own, at 1440 × 900 unless told; the context goes into `open` for closing after the test. */
export async function personIn(app: App, open: BrowserContext[], name: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const { context, page } = await namedPerson(app, name, { viewport });
  open.push(context);
  return page;
}

/** A space made from the library; waits until it is live. */
export async function createSpace(app: App, page: Page, name: string): Promise<void> {
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: 'New team space' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create space' }).click();
  await page.waitForURL(/\/space\/[^/]+$/);
  await expect.poll(() => page.locator('.lib-space-status').textContent()).toContain('Live');
}

/** A new map in the open space from a template; the editor stays open. Returns the map's id. */
export async function openNewMapInSpace(page: Page, template = 'retail'): Promise<string> {
  await page.getByRole('button', { name: 'New map in this space' }).click();
  await page.locator(`dialog [data-template=${template}]`).click();
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A new map in the open space from a template, and back to the space's library. */
export async function newMapInSpace(page: Page, template = 'retail'): Promise<string> {
  const mapId = await openNewMapInSpace(page, template);
  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await page.waitForURL(/\/space\/[^/]+$/);
  return mapId;
}

/** The space's invite link for a role, read from the owner's invite dialog. */
export async function inviteLink(page: Page, role: 'Can edit' | 'Can comment' | 'Can view'): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click();
  const link = await page.getByRole('textbox', { name: role }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return link;
}
