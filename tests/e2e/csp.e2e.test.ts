import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { badgeReads, cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * The app under its Content-Security-Policy in real Chromium: every violation the browser
 * reports (a `securitypolicyviolation` listener in every document, reported to the test as it
 * happens, so navigations lose none) and every console message about the policy is collected
 * while a person goes through the library, the editor, present mode, the export dialog (PNG
 * and PDF) and the workshop panel of a shared map, with a participant joining by link.
 */
let app: App;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await app?.close();
});

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}

async function watchedPage(name: string, violations: Violation[], consoleReports: string[]): Promise<Page> {
  const { context, page } = await app.newPage();
  contexts.push(context);
  await context.exposeBinding('reportCspViolation', (_source, violation: Omit<Violation, 'page'>) => {
    violations.push({ page: name, ...violation });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (v: unknown) => void }).reportCspViolation({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile,
        line: event.lineNumber,
      });
    });
  });
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) consoleReports.push(`${name}: ${message.text()}`);
  });
  return page;
}

/** The policy a navigation's response carried; fails the test if there was none. */
function policyOf(response: Response | null): string {
  expect(response, 'a navigation response').not.toBeNull();
  const policy = response!.headers()['content-security-policy'];
  expect(policy, `a Content-Security-Policy on ${response!.url()}`).toBeTruthy();
  return policy!;
}

async function exportAs(page: Page, format: RegExp): Promise<number> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const path = await download.path();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  const { statSync } = await import('node:fs');
  return statSync(path).size;
}

describe('the app under its Content-Security-Policy', () => {
  it('runs the library, editor, present mode, PNG and PDF export and a shared map\'s workshop panel without one violation', async () => {
    const violations: Violation[] = [];
    const consoleReports: string[] = [];
    const page = await watchedPage('owner', violations, consoleReports);

    // the library, as served: the policy is on the page itself, and it is the strict one
    const policy = policyOf(await page.goto(app.url('/')));
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("default-src 'self';");
    expect(policy).toContain("object-src 'none';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    await page.getByRole('button', { name: /new map/i }).first().waitFor();

    // a map in the editor
    await newMapFromTemplate(app, page);
    const editorUrl = page.url();
    // a reload of the editor (the service worker may answer it now) still carries the policy
    policyOf(await page.reload());
    await page.locator('.react-flow__node-stage').first().waitFor();

    // present mode, a step forward, and back to the editor
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command' }).fill('Present');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/present/);
    await page.getByText('Stage 1 of 8', { exact: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Stage 2 of 8', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.href === editorUrl);
    await page.locator('.react-flow__node-stage').first().waitFor();

    // the export dialog: a PNG and a PDF, each a real file
    expect(await exportAs(page, /^PNG/)).toBeGreaterThan(10_000);
    expect(await exportAs(page, /^PDF/)).toBeGreaterThan(10_000);

    // shared: live over the relay's WebSocket, then the workshop panel
    const { commentLink } = await shareOpenMap(page);
    await badgeReads(page, 'Live');
    await page.getByRole('tab', { name: /^Workshop/ }).click();
    await page.getByRole('tabpanel').first().waitFor();
    await page.getByRole('tab', { name: /^Comments/ }).click();

    // a participant joins by the comment link, in a browser of their own
    const participant = await watchedPage('participant', violations, consoleReports);
    policyOf(await participant.goto(commentLink));
    await cardNode(participant, 'Ads ignore what the customer actually does').waitFor();
    await expect.poll(() => participant.locator('.connection-badge').textContent(), { timeout: 10_000 }).toBe('Comment & vote');
    await participant.getByRole('tab', { name: /^Workshop/ }).click();
    await participant.waitForTimeout(500);

    expect(violations).toEqual([]);
    expect(consoleReports).toEqual([]);

    // the control: the collection works, so the empty lists above mean something
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.body.append(script);
      return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatchObject({ page: 'owner', directive: 'script-src-elem' });
  });
});
