import { readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { opened, rawSocket, registerMap, spawnRelay, timeSyncAnswer, type RelayProcess } from '../support/relay';
import { perTest } from '../support/perTest';

const { defer, relay } = perTest();


async function relayProcess(env: Record<string, string>): Promise<RelayProcess> {
  const child = await spawnRelay({ PORT: '0', STORE: 'memory', ...env });
  defer(async () => {
    if (child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
  });
  return child;
}

interface Tracked {
  socket: net.Socket;
  /** ms from connecting until the server closed it */
  closedAfter: Promise<number>;
  closed: boolean;
  received: string;
}

/** A raw TCP socket to the server, from a given local address (all of 127.0.0.0/8 is this machine). */
function tcp(port: number, localAddress = '127.0.0.1'): Promise<Tracked> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const socket = net.connect({ host: '127.0.0.1', port, localAddress });
    const tracked: Tracked = { socket, closed: false, received: '', closedAfter: null as unknown as Promise<number> };
    tracked.closedAfter = new Promise((done) =>
      socket.once('close', () => {
        tracked.closed = true;
        done(performance.now() - start);
      }),
    );
    socket.on('data', (chunk: Buffer) => (tracked.received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.once('connect', () => resolve(tracked));
    socket.once('close', () => resolve(tracked)); // refused or dropped before it connected
    setTimeout(() => reject(new Error('connect timed out')), 20_000).unref();
    defer(() => socket.destroy());
  });
}

/** Many sockets from one address, a batch at a time (the listen backlog is finite). */
async function flood(port: number, count: number, localAddress: string): Promise<Tracked[]> {
  const all: Tracked[] = [];
  for (let i = 0; i < count; i += 250) {
    all.push(...(await Promise.all(Array.from({ length: Math.min(250, count - i) }, () => tcp(port, localAddress)))));
  }
  return all;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /healthz from 127.0.0.1 on a fresh connection; resolves with its status, body and time. */
function health(port: number): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 5000 }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, ms: performance.now() - start }));
    });
    req.on('timeout', () => req.destroy(new Error('/healthz did not answer within 5 s')));
    req.on('error', reject);
  });
}

describe('sockets that send nothing, or not enough, are closed', () => {
  it('a socket that never sends a byte is closed after HEADERS_TIMEOUT_MS, 5 s by default', async () => {
    const server = await relay(); // the defaults
    const idle = await tcp(server.port);
    const ms = await idle.closedAfter;
    console.info(`an idle socket was closed after ${Math.round(ms)} ms`);
    expect(ms).toBeGreaterThan(4500);
    expect(ms).toBeLessThan(6000);
    // closed by the server's own timer (nothing said) or, when its check comes first, Node's 408
    expect(idle.received).toMatch(/^(|HTTP\/1\.1 408 [^]*)$/);
  });

  it('a socket that trickles its request head a byte a second (slowloris) is closed within HEADERS_TIMEOUT_MS', async () => {
    const server = await relay({ HEADERS_TIMEOUT_MS: '2000' });
    const slow = await tcp(server.port);
    const head = 'GET / HTTP/1.1\r\nHost: waymark\r\nX-Padding: ' + 'a'.repeat(100);
    let i = 0;
    const trickle = setInterval(() => {
      if (!slow.closed) slow.socket.write(head[i++ % head.length]!);
    }, 1000);
    defer(() => clearInterval(trickle));
    const ms = await slow.closedAfter;
    expect(ms).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(3500);
  });

  it('a second request on a keep-alive socket whose head stops halfway gets 408 and is closed', async () => {
    const server = await relay({ HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', KEEP_ALIVE_TIMEOUT_MS: '5000' });
    const client = await tcp(server.port);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: waymark\r\n\r\n');
    await pause(200);
    expect(client.received).toMatch(/^HTTP\/1\.1 200/);
    const start = performance.now();
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: wa');
    await client.closedAfter;
    expect(performance.now() - start).toBeLessThan(2500);
    expect(client.received).toMatch(/HTTP\/1\.1 408/);
  });

  it('a request body that never finishes gets 408 after REQUEST_TIMEOUT_MS', async () => {
    const server = await relay({ HEADERS_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '1500' });
    const client = await tcp(server.port);
    client.socket.write('POST /api/maps HTTP/1.1\r\nHost: waymark\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":');
    const ms = await client.closedAfter;
    expect(ms).toBeGreaterThan(1400);
    expect(ms).toBeLessThan(3000);
    expect(client.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('an idle keep-alive socket is closed KEEP_ALIVE_TIMEOUT_MS after its last answer', async () => {
    const server = await relay({ KEEP_ALIVE_TIMEOUT_MS: '1000' });
    const client = await tcp(server.port);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: waymark\r\n\r\n');
    const start = performance.now();
    await client.closedAfter;
    expect(client.received).toMatch(/^HTTP\/1\.1 200/);
    expect(performance.now() - start).toBeGreaterThan(900);
    expect(performance.now() - start).toBeLessThan(2500);
  });

  it('a WebSocket stays open and answers past every HTTP timeout', async () => {
    const server = await relay({ HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '500', KEEP_ALIVE_TIMEOUT_MS: '300' });
    const map = await registerMap(server.port);
    const ws = rawSocket(server.port, map.id, map.editToken);
    defer(() => ws.terminate());
    await opened(ws);
    const closes: number[] = [];
    ws.on('close', (code) => closes.push(code));
    await pause(2500); // five times the longest HTTP timeout
    expect(closes).toEqual([]);
    expect(await timeSyncAnswer(ws)).toBeLessThan(1000);
  });
});

describe('open sockets are capped per address and in total', () => {
  it('thousands of idle sockets from one address cannot exhaust file descriptors: past MAX_SOCKETS_PER_ADDRESS they are closed at once, and /healthz still answers', async () => {
    // long timeouts: the cap must hold on its own, not because the idle sockets time out
    const server = await relayProcess({ MAX_SOCKETS_PER_ADDRESS: '1024', HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' });
    const fds = () => readdirSync(`/proc/${server.child.pid}/fd`).length;
    const before = fds();
    const sockets = await flood(server.port, 3000, '127.0.0.2');
    await pause(500);
    const open = sockets.filter((s) => !s.closed);
    expect(open).toHaveLength(1024);
    console.info(`3000 sockets from one address: ${open.length} held, the server's descriptors grew by ${fds() - before}`);
    expect(fds() - before).toBeGreaterThanOrEqual(1024);
    expect(fds() - before).toBeLessThan(1024 + 50);
    // another address, e.g. the load balancer's probe, is still answered, promptly
    const probe = await health(server.port);
    console.info(`/healthz during the flood: ${probe.status} in ${probe.ms.toFixed(1)} ms`);
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ status: 'ok', sockets: 1025 });
    expect(probe.ms).toBeLessThan(1000);
    // and the flood's own new sockets are still turned away
    const more = await flood(server.port, 250, '127.0.0.2');
    await pause(200);
    expect(more.filter((s) => !s.closed)).toHaveLength(0);
    for (const s of sockets) s.socket.destroy();
  });

  it('MAX_SOCKETS bounds all addresses together; once they go, the server answers again', async () => {
    const server = await relay({ MAX_SOCKETS: '300', HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' });
    const sockets = [...(await flood(server.port, 200, '127.0.0.2')), ...(await flood(server.port, 200, '127.0.0.3'))];
    await pause(300);
    expect(sockets.filter((s) => !s.closed)).toHaveLength(300);
    expect(await server.metrics.registry.metrics()).toMatch(/^waymark_sockets_dropped_total\{reason="total"\} 100$/m);
    for (const s of sockets) s.socket.destroy();
    await pause(200);
    expect((await health(server.port)).status).toBe(200);
  });
});
