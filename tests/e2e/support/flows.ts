import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { identityIdOf, newIdentitySecret } from '../../../src/access/identity';
import type { App } from './app';

/** Opens the library in the page's profile and creates a map from a template, as a user does. */
export async function newMapFromTemplate(app: App, page: Page, template = 'retail', language?: 'Deutsch' | 'English'): Promise<void> {
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: /new map|neue map/i }).first().click();
  if (language) await page.locator('dialog').getByRole('radio', { name: language }).click();
  await page.locator(`dialog [data-template=${template}]`).click();
  await page.waitForURL(/\/map\/[^/]+$/);
  await page.locator('.react-flow__node-stage').first().waitFor();
}

/** A card on the canvas, by (part of) its title. */
export function cardNode(page: Page, title: string | RegExp): Locator {
  return page.locator('.react-flow__node-card', { hasText: title });
}

/** The links the share dialog hands out for a freshly shared map. */
export interface ShareLinks {
  editLink: string;
  commentLink: string;
  viewLink: string;
}

/**
 * The owner shares the open map as a user does: Share, Create share links, read the three links,
 * close the dialog. One place, so a change to the share dialog changes one flow.
 */
export async function shareOpenMap(page: Page): Promise<ShareLinks> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('button', { name: 'Create share links' }).click();
  const links = {
    editLink: await page.getByLabel('Edit link').inputValue(),
    commentLink: await page.getByLabel('Comment link').inputValue(),
    viewLink: await page.getByLabel('View link').inputValue(),
  };
  await page.getByRole('button', { name: 'Close' }).click();
  return links;
}

/** Waits until the connection badge reads `badge` ("Live", "View only", …). */
export async function badgeReads(page: Page, badge: string): Promise<void> {
  await expect.poll(() => page.locator('.connection-badge').textContent(), { timeout: 10_000 }).toBe(badge);
}

/**
 * A fresh browser whose person is called `name`: a remembered identity (a secret and the id it
 * proves), as the share dialog's name prompt leaves it.
 */
export async function namedPerson(
  app: App,
  name: string,
  options: { viewport?: { width: number; height: number }; color?: string; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; secret: string }> {
  const { context, page } = await app.newPage({ viewport: options.viewport ?? { width: 1440, height: 1500 }, locale: options.locale });
  const secret = newIdentitySecret();
  await context.addInitScript(
    ([n, s, i, c]) => localStorage.setItem('waymark.identity', JSON.stringify({ secret: s, id: i, name: n, color: c })),
    [name, secret, identityIdOf(secret)!, options.color ?? '#0f766e'] as const,
  );
  return { context, page, secret };
}
