import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/index';

let server: Awaited<ReturnType<typeof startServer>>;
const staticDir = mkdtempSync(path.join(tmpdir(), 'waymark-static-'));

beforeAll(async () => {
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Waymark</title><div id="root"></div>');
  writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-data-')),
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'silent',
  });
});
afterAll(() => server.close());

const url = (p: string) => `http://127.0.0.1:${server.port}${p}`;

describe('the server', () => {
  it('answers /healthz with 200, its version and uptime', async () => {
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('serves the app, and the app again for deep links so a reload works', async () => {
    const home = await fetch(url('/'));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(url('/map/abc'));
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
  });

  it('lets browsers cache fingerprinted assets for good', async () => {
    const res = await fetch(url('/assets/app-abc123.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('does not serve files outside the app folder', async () => {
    const res = await fetch(url('/..%2f..%2fetc%2fpasswd'));
    expect(await res.text()).not.toMatch(/root:/);
  });

  it('refuses methods that change things', async () => {
    const res = await fetch(url('/'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });
});
