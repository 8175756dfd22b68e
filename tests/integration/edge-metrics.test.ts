import { describe, expect, it } from 'vitest';
import { METRICS_TOKEN, httpUrl, startRelay, type Server } from '../support/relay';
import { perTest } from '../support/perTest';

const { relay } = perTest();


const metrics = (server: Server, authorization?: string) =>
  fetch(httpUrl(server.port, '/metrics'), { headers: authorization === undefined ? {} : { Authorization: authorization } });

describe('/metrics is for Prometheus only', () => {
  it('/metrics without METRICS_TOKEN configured is not found, whatever is presented (and not the app either)', async () => {
    const server = await relay({ METRICS_TOKEN: '' });
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`, 'Bearer ']) {
      const res = await metrics(server, authorization);
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).not.toContain('waymark_');
      expect(text).not.toContain('<div id="root">');
    }
  });

  it('/metrics without the token, or with a wrong one, is refused with 401 and tells nothing', async () => {
    const server = await relay();
    for (const authorization of [undefined, '', 'Bearer', 'Bearer wrong', `Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const res = await metrics(server, authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('waymark_');
    }
  });

  it('/metrics with Authorization: Bearer <METRICS_TOKEN> answers the Prometheus text', async () => {
    const server = await relay();
    for (const authorization of [`Bearer ${METRICS_TOKEN}`, `bearer ${METRICS_TOKEN}`]) {
      const res = await metrics(server, authorization);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/^waymark_rooms 0$/m);
    }
  });

  it('a METRICS_TOKEN short enough to guess is refused at start', async () => {
    await expect(startRelay({ METRICS_TOKEN: 'short' })).rejects.toThrow(/METRICS_TOKEN/);
  });
});
