import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closeOf, registerMap, syncUrl } from '../support/relay';
import { perTest } from '../support/perTest';

const { defer, relay } = perTest();


/** A WebSocket to a room from a given local address (all of 127.0.0.0/8 is this machine). */
function socketFrom(port: number, room: string, token: string, localAddress = '127.0.0.1', headers: Record<string, string> = {}): WebSocket {
  const ws = new WebSocket(`${syncUrl(port)}/${room}?token=${encodeURIComponent(token)}`, { localAddress, headers });
  ws.on('error', () => {});
  defer(() => ws.terminate());
  return ws;
}

/** 101 when the upgrade was accepted, else the HTTP status it was refused with. */
function outcome(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
  });
}

describe('WebSockets per client address', () => {
  it('an office behind one NAT runs a 100-person workshop: 200 WebSockets (map and feedback room each) from one address all open', async () => {
    const server = await relay(); // the default MAX_CONNECTIONS_PER_ADDRESS
    const map = await registerMap(server.port);
    const sockets = Array.from({ length: 100 }, () => [socketFrom(server.port, map.id, map.editToken), socketFrom(server.port, `${map.id}/feedback`, map.commentToken)]).flat();
    const outcomes = await Promise.all(sockets.map(outcome));
    expect(outcomes.filter((s) => s === 101)).toHaveLength(200);
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { connections: number };
    expect(health.connections).toBe(200);
  });

  it('one address holding MAX_CONNECTIONS_PER_ADDRESS WebSockets gets 429 for the next, another address still connects, and a closed one frees its place', async () => {
    const server = await relay({ MAX_CONNECTIONS_PER_ADDRESS: '5' });
    const map = await registerMap(server.port);
    const held = Array.from({ length: 5 }, () => socketFrom(server.port, map.id, map.viewToken));
    expect(await Promise.all(held.map(outcome))).toEqual([101, 101, 101, 101, 101]);
    expect(await outcome(socketFrom(server.port, map.id, map.viewToken))).toBe(429);
    expect(await outcome(socketFrom(server.port, `${map.id}/feedback`, map.ownerToken))).toBe(429);
    // a colleague elsewhere is not affected
    expect(await outcome(socketFrom(server.port, map.id, map.viewToken, '127.0.0.2'))).toBe(101);
    // one leaves: its place is free again
    const gone = closeOf(held[0]!);
    held[0]!.close();
    await gone;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await outcome(socketFrom(server.port, map.id, map.viewToken))).toBe(101);
    expect(await outcome(socketFrom(server.port, map.id, map.viewToken))).toBe(429);
    const metrics = await server.metrics.registry.metrics();
    expect(metrics).toMatch(/^waymark_upgrades_refused_total\{status="429"\} 3$/m);
  });

  it('refused upgrades (a wrong token) hold no place once their socket is gone', async () => {
    const server = await relay({ MAX_CONNECTIONS_PER_ADDRESS: '3' });
    const map = await registerMap(server.port);
    const wrong = await Promise.all(Array.from({ length: 3 }, () => outcome(socketFrom(server.port, map.id, 'not-the-token'))));
    expect(wrong).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const right = await Promise.all(Array.from({ length: 3 }, () => outcome(socketFrom(server.port, map.id, map.editToken))));
    expect(right).toEqual([101, 101, 101]);
  });

  it('behind a trusted proxy, every client the proxy names has a count of its own', async () => {
    const server = await relay({ MAX_CONNECTIONS_PER_ADDRESS: '2', TRUST_PROXY: '1' });
    const map = await registerMap(server.port);
    const via = (client: string) => socketFrom(server.port, map.id, map.viewToken, '127.0.0.1', { 'X-Forwarded-For': client });
    const first = [via('198.51.100.1'), via('198.51.100.1'), via('198.51.100.1')];
    expect((await Promise.all(first.map(outcome))).sort()).toEqual([101, 101, 429]);
    expect(await outcome(via('198.51.100.2'))).toBe(101);
  });
});
