import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  closeOf,
  connect,
  craftPlantedList,
  craftQuadraticUpdate,
  httpUrl,
  metricsText,
  opened,
  rawSocket,
  registerMap,
  startRelay,
  timeSyncAnswer,
  updateFrame,
  upgradeStatus,
  waitFor,
  whenSynced,
  type Client,
  type Server,
  type Tokens,
} from '../support/relay';

const UPDATE_BUDGET_MS = 150;
let server: Server;
beforeAll(async () => {
  server = await startRelay({
    MAX_MESSAGE_BYTES: String(64 * 1024),
    MAX_MESSAGES_PER_SECOND: '50',
    MESSAGE_BURST: '100',
    MAX_CONNECTIONS_PER_ROOM: '4',
    UPDATE_CHECK_TIMEOUT_MS: String(UPDATE_BUDGET_MS),
  });
});
afterAll(() => server.close());

/** An editor and an observer in a fresh room: the bystanders that must not notice a bad peer. */
async function roomWithBystanders(): Promise<{ map: Tokens; editor: Client; observer: Client; stillSyncing(): Promise<void>; done(): void }> {
  const map = await registerMap(server.port);
  const editor = connect(server.port, map.id, map.editToken);
  const observer = connect(server.port, map.id, map.viewToken);
  await Promise.all([whenSynced(editor), whenSynced(observer)]);
  let n = 0;
  return {
    map,
    editor,
    observer,
    /** the room lives on: an edit still reaches the observer, and a late joiner gets everything */
    async stillSyncing() {
      const key = `edit-${++n}`;
      editor.doc.getMap('m').set(key, n);
      await waitFor(() => observer.doc.getMap('m').get(key) === n, 'an edit to reach the observer', 3000);
      const late = connect(server.port, map.id, map.viewToken);
      await whenSynced(late, 3000);
      expect(late.doc.getMap('m').toJSON()).toEqual(editor.doc.getMap('m').toJSON());
      late.destroy();
      expect(editor.closes).toEqual([]);
      expect(observer.closes).toEqual([]);
    },
    done() {
      editor.destroy();
      observer.destroy();
    },
  };
}

const bytes = (...parts: number[]) => Uint8Array.from(parts);
const syncMessage = (step: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const awarenessFrame = (json: string) => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1); // one client
  encoding.writeVarUint(inner, 12345);
  encoding.writeVarUint(inner, 1); // clock
  encoding.writeVarString(inner, json);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

describe('malformed and oversized frames close only their sender', () => {
  const cases: Array<[string, string | Uint8Array, number, RegExp]> = [
    ['a text frame', 'hello', 1003, /^binary frames only$/],
    ['an unknown message type', bytes(7), 1003, /^unknown message type 7$/],
    ['a truncated varint', bytes(0x80), 1007, /^truncated message$/],
    ['an unknown sync message type', bytes(0, 9, 0), 1003, /^unknown sync message type 9$/],
    ['a sync message shorter than it says', bytes(0, 2, 10, 1, 2), 1007, /^truncated sync message$/],
    ['an update Yjs cannot decode', syncMessage(2, bytes(0xff, 0xff, 0xff, 0x0f, 1)), 1007, /^update does not decode/],
    ['a sync step 2 that stops halfway', syncMessage(1, Y.encodeStateAsUpdate(docWithText()).slice(0, 12)), 1007, /^update does not decode/],
    ['a state vector that does not decode', syncMessage(0, bytes(5, 1)), 1007, /^state vector does not decode$/],
    ['an awareness update that is not JSON', awarenessFrame('{not json'), 1007, /^awareness refused: state is not JSON$/],
  ];

  for (const [what, frame, code, reason] of cases) {
    it(`${what} closes its sender with ${code} and a reason; the room and its other peers live on`, async () => {
      const room = await roomWithBystanders();
      const bad = rawSocket(server.port, room.map.id, room.map.editToken);
      await opened(bad);
      const closed = closeOf(bad);
      bad.send(frame);
      const { code: got, reason: why } = await closed;
      expect(got).toBe(code);
      expect(why).toMatch(reason);
      await room.stillSyncing();
      room.done();
    });
  }

  it('a frame over MAX_MESSAGE_BYTES closes its sender with 1009; the room lives on', async () => {
    const room = await roomWithBystanders();
    const big = rawSocket(server.port, room.map.id, room.map.editToken);
    await opened(big);
    const closed = closeOf(big);
    big.send(updateFrame(new Uint8Array(100 * 1024)));
    expect((await closed).code).toBe(1009);
    await room.stillSyncing();
    room.done();
  });
});

describe('peers that ask too much', () => {
  it('a peer flooding messages is closed with 1008 "rate limit"; the others keep syncing', async () => {
    const room = await roomWithBystanders();
    const flooder = rawSocket(server.port, room.map.id, room.map.viewToken);
    await opened(flooder);
    const closed = closeOf(flooder);
    for (let i = 0; i < 300 && flooder.readyState === WebSocket.OPEN; i++) flooder.send(bytes(3)); // query awareness
    expect(await closed).toEqual({ code: 1008, reason: 'rate limit' });
    await room.stillSyncing();
    room.done();
  });

  it('a room takes MAX_CONNECTIONS_PER_ROOM peers; the next upgrade is refused with 503 until one leaves', async () => {
    const map = await registerMap(server.port);
    const peers = Array.from({ length: 4 }, () => rawSocket(server.port, map.id, map.viewToken));
    await Promise.all(peers.map(opened));
    expect(await upgradeStatus(server.port, map.id, map.viewToken)).toBe(503);
    // other rooms are not affected
    const other = await registerMap(server.port);
    expect(await upgradeStatus(server.port, other.id, other.viewToken)).toBe(101);
    const gone = closeOf(peers[0]!);
    peers[0]!.close();
    await gone;
    // the server sees the close a moment after the client does
    let status = 0;
    for (let tries = 0; tries < 50 && status !== 101; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await upgradeStatus(server.port, map.id, map.viewToken);
    }
    expect(status).toBe(101);
    for (const p of peers) p.close();
  });

  it('a peer that stops answering pings is dropped', async () => {
    // its own relay: a ping every 200 ms would be too tight for the busy bystanders of the others
    const pinging = await startRelay({ PING_INTERVAL_MS: '200' });
    const map = await registerMap(pinging.port);
    const silent = new WebSocket(`ws://127.0.0.1:${pinging.port}/sync/${map.id}?token=${map.viewToken}`, { autoPong: false });
    await opened(silent);
    const closed = closeOf(silent);
    const { code } = await closed;
    expect(code).toBe(1006); // terminated, no closing handshake
    const metrics = await metricsText(pinging.port);
    expect(metrics).toMatch(/waymark_connections_closed_total\{code="1006",reason="ping-timeout"\} 1/);
    await pinging.close();
  });
});

function docWithText(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'some text that makes an update of a few dozen bytes');
  doc.getMap('m').set('k', 'v');
  return doc;
}

describe('crafted updates', () => {
  it('an update crafted to take seconds to integrate does not stall the relay: its sender is closed, everyone else is answered', async () => {
    const room = await roomWithBystanders();
    const attacker = rawSocket(server.port, room.map.id, room.map.editToken);
    await opened(attacker);
    const attackerClosed = closeOf(attacker);

    // 1. plant a long list, in small ordinary updates: the relay applies those itself (cheap by
    //    construction) and its worker's copy of the room follows them
    const length = 2500;
    for (let from = 0; from < length; from += 50) attacker.send(updateFrame(craftPlantedList(from + 50, from)));
    await waitFor(() => room.observer.doc.getArray('a').length === length, 'the planted list to reach the observer');
    const planted = await metricsText(server.port);
    expect(Number(/waymark_update_checks_total\{where="inline",result="ok"\} (\d+)/.exec(planted)?.[1])).toBeGreaterThanOrEqual(length / 50);

    // 2. the crafted update: cheap against an empty document, quadratic against this room
    const crafted = craftQuadraticUpdate(length, length);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    attacker.send(updateFrame(crafted));
    // meanwhile another peer's sync step 1 is answered promptly
    const bystander = rawSocket(server.port, room.map.id, room.map.viewToken);
    await opened(bystander);
    const answeredIn = await timeSyncAnswer(bystander);
    expect(answeredIn).toBeLessThan(UPDATE_BUDGET_MS);
    expect(await attackerClosed).toEqual({ code: 1007, reason: 'update too expensive to apply' });
    await room.stillSyncing();
    loop.disable();
    // the event loop never stopped for anything like the update's cost
    expect(loop.max / 1e6).toBeLessThan(100);

    // nothing of it reached the room
    expect(room.observer.doc.getArray('a').length).toBe(length);
    const late = connect(server.port, room.map.id, room.map.viewToken);
    await whenSynced(late);
    expect(late.doc.getArray('a').length).toBe(length);
    late.destroy();
    bystander.close();
    const metrics = await metricsText(server.port);
    expect(metrics).toMatch(/waymark_update_checks_total\{where="worker",result="timeout"\} 1/);

    // and it really is expensive: integrated here, against the same room content
    const target = new Y.Doc();
    Y.applyUpdate(target, craftPlantedList(length));
    const start = performance.now();
    Y.applyUpdate(target, crafted);
    const cost = performance.now() - start;
    expect(cost).toBeGreaterThan(2 * UPDATE_BUDGET_MS);
    console.log(`the crafted update (${crafted.length} bytes) takes ${cost.toFixed(0)} ms to integrate into the room's content`);
    room.done();
  });
});
