import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { newRoomId } from '../support/relay';
import { perTest } from '../support/perTest';

const { relay } = perTest();

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: unknown;
}

/**
 * POST /api/maps from a given local address (all of 127.0.0.0/8 is this machine), over a
 * keep-alive agent so that a thousand of them take a second, not a minute.
 */
function registrar(port: number, localAddress: string, headers: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress });
  const register = (id = newRoomId('quota')) =>
    new Promise<Answer>((resolve, reject) => {
      const body = JSON.stringify({ id });
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/maps', method: 'POST', agent, headers: { 'Content-Type': 'application/json', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const retryAfter = res.headers['retry-after'];
            resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { register, close: () => agent.destroy() };
}

const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('map registrations are limited per address and in total', () => {
  it('a thousand registrations from one address get 429 with Retry-After after the first 20, while another address still registers', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '20', REGISTRATIONS_PER_MINUTE: '600' });
    const attacker = registrar(server.port, '127.0.0.1');
    const answers: Answer[] = [];
    for (let batch = 0; batch < 20; batch++) answers.push(...(await Promise.all(Array.from({ length: 50 }, () => attacker.register()))));
    expect(count(answers, 201)).toBe(20);
    expect(count(answers, 429)).toBe(980);
    for (const refused of answers.filter((a) => a.status === 429)) {
      const seconds = Number(refused.retryAfter);
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(refused.body).toEqual({ error: expect.stringMatching(/too many map registrations from this address/) });
    }
    attacker.close();

    const colleague = registrar(server.port, '127.0.0.2');
    const mine = await colleague.register();
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ ownerToken: expect.any(String) });
    colleague.close();
  });

  it('counts invalid registrations too, so garbage cannot be sent for free', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '3', REGISTRATIONS_PER_MINUTE: '600' });
    const client = registrar(server.port, '127.0.0.1');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await client.register('not a valid id'));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 429, 429]);
    client.close();
  });

  it('all addresses together cannot register more than the total per minute, and one address used up alone does not use up the total', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '3', REGISTRATIONS_PER_MINUTE: '5', TRUST_PROXY: '1' });
    // behind a trusted proxy, each X-Forwarded-For client is an address of its own
    const from = (address: string) => registrar(server.port, '127.0.0.1', { 'X-Forwarded-For': address });
    const first = from('198.51.100.1');
    // 3 allowed, 7 refused by the address quota: those must not count against the total
    const firstAnswers = await Promise.all(Array.from({ length: 10 }, () => first.register()));
    expect(count(firstAnswers, 201)).toBe(3);
    expect(firstAnswers.filter((a) => a.status === 429).every((a) => /from this address/.test((a.body as { error: string }).error))).toBe(true);
    const second = from('198.51.100.2');
    expect((await second.register()).status).toBe(201);
    expect((await second.register()).status).toBe(201);
    // 5 registered in total: the next one, from a fresh address, is refused by the total
    const third = from('198.51.100.3');
    const refused = await third.register();
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({ error: expect.stringMatching(/too many map registrations on this server/) });
    for (const r of [first, second, third]) r.close();
  });

  it('behind a trusted proxy, a forged X-Forwarded-For left of the proxy\'s own entry gives no fresh quota', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '2', REGISTRATIONS_PER_MINUTE: '600', TRUST_PROXY: 'true' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // the attacker varies what it sends; the proxy appends the address it really saw
      const forged = registrar(server.port, '127.0.0.1', { 'X-Forwarded-For': `10.9.9.${i}, 198.51.100.7` });
      statuses.push((await forged.register()).status);
      forged.close();
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('without a trusted proxy, X-Forwarded-For changes nothing: the socket\'s address is counted', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '2', REGISTRATIONS_PER_MINUTE: '600' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const forged = registrar(server.port, '127.0.0.1', { 'X-Forwarded-For': `198.51.100.${i}` });
      statuses.push((await forged.register()).status);
      forged.close();
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('counts refusals in waymark_registrations_refused_total by the quota that was used up', async () => {
    const server = await relay({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '1', REGISTRATIONS_PER_MINUTE: '600' });
    const client = registrar(server.port, '127.0.0.1');
    await client.register();
    await client.register();
    await client.register();
    client.close();
    const text = await server.metrics.registry.metrics();
    expect(text).toMatch(/^waymark_registrations_refused_total\{scope="address"\} 2$/m);
  });
});
