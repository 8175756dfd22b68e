import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { httpUrl, registerMap } from '../support/relay';
import { perTest } from '../support/perTest';

const { relay } = perTest();


/** A raw GET with a Host header of our choosing (fetch does not let us set one). */
function getWithHost(port: number, path: string, host: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Host: host }, agent: false }, (res) => {
      res.resume();
      resolve(res.headers);
    });
    req.on('error', reject);
  });
}

const STRICT = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

describe('every HTTP answer carries the security headers', () => {
  it('the app, its assets, deep links, /api (answers and errors), /healthz, 404 and 405 all come with CSP, nosniff, no-referrer, COOP and DENY framing', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    const answers = await Promise.all([
      fetch(httpUrl(server.port, '/')),
      fetch(httpUrl(server.port, '/map/some-map')),
      fetch(httpUrl(server.port, '/healthz')),
      fetch(httpUrl(server.port, `/api/maps/${map.id}/access`), { headers: { Authorization: `Bearer ${map.viewToken}` } }),
      fetch(httpUrl(server.port, `/api/maps/${map.id}/access`)), // 401
      fetch(httpUrl(server.port, '/api/nothing')), // 404 JSON
      fetch(httpUrl(server.port, '/assets/missing.js')), // 404
      fetch(httpUrl(server.port, '/'), { method: 'POST', body: 'x' }), // 405
      fetch(httpUrl(server.port, '/api/maps'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":' }), // 400
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 401, 404, 404, 405, 400]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy');
      expect(csp, res.url).toBeTruthy();
      for (const directive of STRICT) expect(csp, res.url).toContain(directive);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-frame-options'), res.url).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), res.url).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), res.url).toBe('same-origin');
    }
  });

  it('connect-src names the WebSocket origin of the host the page was asked for, for browsers whose \'self\' does not cover ws:', async () => {
    const server = await relay();
    const headers = await getWithHost(server.port, '/', 'maps.example.com:8443');
    expect(headers['content-security-policy']).toContain("connect-src 'self' ws://maps.example.com:8443 wss://maps.example.com:8443;");
  });

  it('a Host header that is not a host name and port cannot write into the policy', async () => {
    const server = await relay();
    for (const host of ["evil.example; script-src 'unsafe-inline'", 'evil.example *', 'a,b']) {
      const csp = String((await getWithHost(server.port, '/', host))['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('evil');
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("connect-src 'self';");
    }
  });

  it('FRAME_ANCESTORS lets the named origins embed the app (and X-Frame-Options, which cannot name them, goes)', async () => {
    const server = await relay({ FRAME_ANCESTORS: 'https://intranet.example, https://*.wiki.example' });
    const res = await fetch(httpUrl(server.port, '/'));
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/intranet\.example https:\/\/\*\.wiki\.example$/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('FRAME_ANCESTORS refuses to start with anything that is not an origin', () => {
    for (const value of ["https://a.example; script-src 'unsafe-inline'", '*', 'javascript:alert(1)', 'https://a.example/path']) {
      expect(() => readConfig({ FRAME_ANCESTORS: value }), value).toThrow(/FRAME_ANCESTORS/);
    }
    expect(readConfig({ FRAME_ANCESTORS: "'self' https://intranet.example:8443" }).frameAncestors).toEqual(["'self'", 'https://intranet.example:8443']);
  });
});
