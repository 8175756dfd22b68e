import type http from 'node:http';
import type { ServerConfig } from './config';

/**
 * The Content-Security-Policy the built app runs under (checked in real Chromium by
 * tests/e2e/csp.e2e.test.ts, through the library, the editor, present mode, exports and the
 * workshop panel):
 *
 * - scripts only from our own files: no inline script, no eval (the PWA's register script is an
 *   external file, `injectRegister: 'script-defer'` in vite.config.ts);
 * - styles only from our own files: React sets style properties through the CSSOM, which CSP does
 *   not govern, and the app has no <style> tags or style attributes in its HTML;
 * - images also from data: and blob: URLs (exports draw their SVG into an image and a canvas);
 *   workers also from blob:;
 * - connections to our own origin; CSP 3 counts ws:/wss: of the same host as 'self' (Chromium,
 *   Firefox, current Safari), and for browsers from before that the host the page was asked
 *   for is named explicitly;
 * - no plugins, no <base>, forms only to ourselves, and no framing unless FRAME_ANCESTORS says
 *   who may.
 */
export function contentSecurityPolicy(config: Pick<ServerConfig, 'frameAncestors'>, host?: string): string {
  const sameHostSockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sameHostSockets}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${config.frameAncestors.length ? config.frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** a Host header we are willing to repeat in a header: a name or an address, and a port */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Sets the headers every HTTP response of the server carries (the app's files, /api, /healthz,
 * /metrics and every error), before anything else is written.
 */
export function setSecurityHeaders(config: Pick<ServerConfig, 'frameAncestors'>, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(config, req.headers.host));
  // the CSP's frame-ancestors for browsers that only know this one; it cannot name origins
  if (!config.frameAncestors.length) res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
