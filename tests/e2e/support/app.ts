import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../../server/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Debian's Chromium; CI installs it (.ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The real app as a user gets it: the built SPA served by our server on a free port, driven in
 * headless Chromium. Chromium's own background traffic is switched off (this machine has no
 * network beyond loopback).
 */
export async function startApp() {
  if (!existsSync(path.join(root, 'dist', 'index.html'))) {
    throw new Error('The app is not built: run "npm run build" (npm test does it first).');
  }
  const server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-e2e-')),
    STATIC_DIR: path.join(root, 'dist'),
    LOG_LEVEL: 'silent',
  });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const url = (p = '/') => `http://127.0.0.1:${server.port}${p}`;
  return {
    url,
    browser,
    /** a fresh profile: empty IndexedDB, no service worker, English unless told otherwise */
    async newPage(options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        viewport: options.viewport ?? { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;
