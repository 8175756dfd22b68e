import type { Locator, Page } from 'playwright-core';
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
