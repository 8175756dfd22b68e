import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import sirv from 'sirv';
import type { ServerConfig } from './config';
import { setSecurityHeaders } from './headers';
import type { Metrics } from './metrics';
import { guardSockets, serverTimeouts } from './sockets';

const packageJson = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8'),
) as { version: string };

export const VERSION = packageJson.version;

/** What the relay adds to the HTTP side. */
export interface HttpRoutes {
  /** the JSON API under /api/ */
  api?: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => void;
  /**
   * extra fields for /healthz (rooms, connections, store); a field that is an object with
   * `ok: false` (the store, say) turns the answer into 503 "degraded"
   */
  health?: () => Promise<Record<string, unknown>>;
  /** Prometheus text for /metrics */
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

/**
 * The HTTP side of the one port: /healthz for probes, /metrics for Prometheus, /api for maps and
 * their links, and the built app for everything else (unknown paths fall back to index.html, so
 * deep links into the SPA work on reload). /sync is the relay's, on 'upgrade' (relay.ts).
 */
export function createHttpServer(config: ServerConfig, log: Logger, routes: HttpRoutes = {}, metrics?: Metrics): http.Server {
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

  let openSockets = () => 0;
  /** the parts /healthz last found down: a change is logged once, not on every probe */
  let down = '';
  const server = http.createServer(serverTimeouts(config), (req, res) => {
    setSecurityHeaders(config, req, res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      void healthz(routes, startedAt, openSockets()).then(
        ({ status, body, failing }) => {
          if (failing.join(',') !== down) {
            if (failing.length) log.warn({ failing }, `/healthz answers 503: ${failing.join(', ')} not answering`);
            else log.info({ was: down.split(',') }, '/healthz answers ok again');
            down = failing.join(',');
          }
          res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(body);
        },
        (error: unknown) => {
          log.error({ err: (error as Error).message }, 'could not answer /healthz');
          res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ status: 'error' }));
        },
      );
      return;
    }
    if (routes.api && (url.pathname === '/api' || url.pathname.startsWith('/api/'))) {
      routes.api(req, res, url.pathname);
      return;
    }
    if (url.pathname === '/metrics') {
      // off unless METRICS_TOKEN is set; then only for a request that presents it
      if (!routes.metrics || !config.metricsToken) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('Not found\n');
        return;
      }
      if (!presents(req, config.metricsToken)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer' });
        res.end('Authorization: Bearer <METRICS_TOKEN> required\n');
        return;
      }
      routes.metrics().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
          res.end(body);
        },
        (error: unknown) => {
          log.error({ err: (error as Error).message }, 'could not collect metrics');
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Could not collect metrics\n');
        },
      );
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
  openSockets = guardSockets(server, config, metrics);
  return server;
}

/** /healthz: 200 "ok", or 503 "degraded" when a part the relay depends on (the store) does not answer. */
async function healthz(routes: HttpRoutes, startedAt: number, sockets: number): Promise<{ status: number; body: string; failing: string[] }> {
  const fields = (await routes.health?.()) ?? {};
  const failing = Object.entries(fields)
    .filter(([, v]) => typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false)
    .map(([name]) => name);
  const degraded = failing.length > 0;
  const body = JSON.stringify({
    status: degraded ? 'degraded' : 'ok',
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    ...fields,
    sockets,
  });
  return { status: degraded ? 503 : 200, body, failing };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function presents(req: http.IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  // hashes have one length whatever was sent, so the comparison tells nothing about the token's
  return timingSafeEqual(sha256(match?.[1] ?? ''), sha256(token)) && match !== null;
}
