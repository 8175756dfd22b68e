import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Server } from '../support/relay';

/** The real build (`npm test` builds first), served as production serves it. */
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

let server: Server;
beforeAll(async () => {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('The app is not built: run "npm run build" (npm test does it first).');
  server = await startRelay({ STATIC_DIR: dist });
});
afterAll(() => server?.close());

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that hands back the bytes as sent (fetch would decode them). */
function get(p: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http
      .get({ host: '127.0.0.1', port: server.port, path: p, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The app's entry script and stylesheet, as index.html names them. */
function entryAssets(): { js: string; css: string } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const js = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const css = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  expect(js).toBeTruthy();
  expect(css).toBeTruthy();
  return { js: js!, css: css! };
}

describe('the built app is served precompressed', () => {
  it("the app's JavaScript is served brotli-compressed to a browser that accepts it: under a third of its size, the same bytes once decoded", async () => {
    const { js } = entryAssets();
    const original = readFileSync(path.join(dist, js));
    const res = await get(js, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toMatch(/immutable/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
    console.info(`main script: ${original.length} bytes raw, ${res.body.length} brotli (${((100 * res.body.length) / original.length).toFixed(1)} %)`);
  });

  it('a browser that only takes gzip gets gzip, and one that takes neither gets the file as it is', async () => {
    const { js, css } = entryAssets();
    for (const asset of [js, css]) {
      const original = readFileSync(path.join(dist, asset));
      const gz = await get(asset, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.length).toBeLessThan(original.length / 2);
      expect(gunzipSync(gz.body).equals(original)).toBe(true);
      const plain = await get(asset);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
      console.info(`${asset}: ${original.length} raw, ${gz.body.length} gzip`);
    }
  });

  it('the stylesheet and the service worker come brotli-compressed too, and every file the service worker precaches is served', async () => {
    const { css } = entryAssets();
    const style = await get(css, 'br');
    expect(style.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(style.body).equals(readFileSync(path.join(dist, css)))).toBe(true);

    const sw = await get('/sw.js', 'br');
    expect(sw.status).toBe(200);
    expect(sw.headers['content-encoding']).toBe('br');
    const source = brotliDecompressSync(sw.body).toString('utf8');
    expect(source).toBe(readFileSync(path.join(dist, 'sw.js'), 'utf8'));
    // the precache manifest names the files themselves, never a .br or .gz copy
    const urls = [...source.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls).toContain('index.html');
    for (const url of urls) {
      expect(url).not.toMatch(/\.(br|gz)$/);
      const res = await get(`/${url}`, 'br, gzip');
      expect(res.status, url).toBe(200);
    }
  });
});
