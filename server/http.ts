import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import sirv from 'sirv';
import type { ServerConfig } from './config';

const packageJson = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8'),
) as { version: string };

export const VERSION = packageJson.version;

/**
 * The HTTP side of the one port: /healthz for probes, and the built app for everything else
 * (unknown paths fall back to index.html, so deep links into the SPA work on reload).
 */
export function createHttpServer(config: ServerConfig, log: Logger): http.Server {
  const startedAt = Date.now();
  const hasApp = existsSync(path.join(config.staticDir, 'index.html'));
  if (!hasApp) log.warn({ staticDir: config.staticDir }, 'no built app found; run "npm run build" (npm start does it)');
  const serveApp = hasApp
    ? sirv(config.staticDir, {
        single: true,
        etag: true,
        gzip: true,
        brotli: true,
        // Vite fingerprints everything under assets/, so those can be cached for good.
        setHeaders(res, pathname) {
          if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          else res.setHeader('Cache-Control', 'no-cache');
        },
      })
    : null;

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      const body = JSON.stringify({ status: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(body);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    if (!serveApp) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The app has not been built. Run "npm start", which builds it first.\n');
      return;
    }
    serveApp(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  });
}
