import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { readPresenter, setPresenter } from '../../src/model/workshop';
import { presenterPeer } from '../../src/store/follow';
import { SyncSession } from '../../src/sync/session';
import { awarenessFrame, deepJson, fromAddress, healthzMs, metric, rssMiB, spawnHostileRelay, stopRelay, watchHealth } from '../support/hostile';
import { closeOf, connect, opened, rawSocket, registerMap, syncUrl, waitFor, whenSynced, type Client, type RelayProcess, type Tokens } from '../support/relay';

/**
 * Presence (awareness) from hostile peers, against the relay in a child process: states that
 * cannot be encoded again, floods of client ids, other people's ids, other people's identities.
 */

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnHostileRelay();
});
afterAll(() => stopRelay(relay));

const clients: Client[] = [];
function track(client: Client): Client {
  clients.push(client);
  return client;
}
afterAll(() => {
  for (const c of clients) c.destroy();
});

/** Two people in a fresh map's room, both showing presence; what a bad peer must not disturb. */
async function roomWithPeople(): Promise<{ map: Tokens; anna: Client; ben: Client }> {
  const map = await registerMap(relay.port);
  const anna = track(connectAs(map.id, map.editToken));
  const ben = track(connectAs(map.id, map.viewToken));
  await Promise.all([whenSynced(anna), whenSynced(ben)]);
  anna.provider.awareness.setLocalState({ user: { id: anna.identityId, name: 'Anna', color: '#2563eb' }, cursor: { x: 1, y: 2 } });
  await waitFor(() => ben.provider.awareness.getStates().get(anna.doc.clientID)?.cursor?.x === 1, "Anna's presence at Ben");
  return { map, anna, ben };
}

function connectAs(room: string, token: string): Client {
  return connect(relay.port, room, token, new Y.Doc(), { identity: newIdentitySecret() });
}

/** Whether the relay process is still the one we started. */
const alive = () => relay.child.exitCode === null && relay.child.signalCode === null;

describe('presence that cannot be encoded again', () => {
  it('a state nested thousands deep is refused at the door, and neither a query nor a new peer takes the relay down', async () => {
    const { map, anna, ben } = await roomWithPeople();
    const attacker = rawSocket(relay.port, map.id, map.viewToken);
    await opened(attacker);
    const closed = closeOf(attacker);
    attacker.send(awarenessFrame([{ clientId: 4242, clock: 1, json: deepJson(5000) }]));
    expect(await closed).toEqual({ code: 1007, reason: 'awareness refused: state nested too deep' });

    // what used to throw outside any handler: a query for every state, and a newcomer's greeting
    const asker = rawSocket(relay.port, map.id, map.viewToken);
    await opened(asker);
    asker.send(Uint8Array.of(3));
    const newcomer = track(connect(relay.port, map.id, map.viewToken));
    await whenSynced(newcomer);
    await waitFor(() => newcomer.provider.awareness.getStates().get(anna.doc.clientID)?.cursor?.x === 1, "Anna's presence at the newcomer");
    expect(newcomer.provider.awareness.getStates().has(4242)).toBe(false);
    asker.close();

    expect(alive()).toBe(true);
    expect(await healthzMs(relay.port)).toBeLessThan(1000);
    anna.doc.getMap('m').set('after', 1);
    await waitFor(() => ben.doc.getMap('m').get('after') === 1, "Anna's edit at Ben");
  });

  it('a state that is not an object, or is too big, closes its sender and is never stored', async () => {
    const { map, ben } = await roomWithPeople();
    for (const [json, reason] of [
      ['[1,2,3]', 'awareness refused: state is not an object'],
      ['"just a string"', 'awareness refused: state is not an object'],
      [JSON.stringify({ user: { name: 'x'.repeat(20_000) } }), 'awareness refused: state too big'],
    ] as const) {
      const attacker = rawSocket(relay.port, map.id, map.viewToken);
      await opened(attacker);
      const closed = closeOf(attacker);
      attacker.send(awarenessFrame([{ clientId: 777, clock: 1, json }]));
      expect(await closed).toEqual({ code: 1007, reason });
    }
    expect(ben.provider.awareness.getStates().has(777)).toBe(false);
  });
});

describe('presence floods', () => {
  it("a million awareness client ids from one socket do not grow the server's memory", async () => {
    // a relay of its own, so that its presence entries are this room's alone
    const shared = relay;
    relay = await spawnHostileRelay();
    try {
      await millionIds();
    } finally {
      await stopRelay(relay);
      relay = shared;
    }
  });

  async function millionIds() {
    const { map, ben } = await roomWithPeople();
    const before = rssMiB(relay);
    const entriesBefore = await metric(relay.port, 'waymark_presence_entries');
    const health = watchHealth(relay.port);
    // a view link from another address, reconnecting whenever the relay closes it
    const Attacker = fromAddress('127.0.0.3');
    const open = () => new Attacker(`${syncUrl(relay.port)}/${map.id}?token=${map.viewToken}`);
    let attacker = open();
    const closeReasons = new Set<string>();
    attacker.on('close', (_code, reason) => closeReasons.add(reason.toString()));
    let nextId = 1_000_000;
    let sent = 0;
    let peak = 0;
    let sockets = 1;
    while (sent < 1_000_000) {
      if (attacker.readyState === WebSocket.OPEN) {
        for (let i = 0; i < 16; i++) {
          const entries = Array.from({ length: 1000 }, (_, k) => ({ clientId: nextId++, clock: 1, json: k % 2 ? 'null' : '{"c":1}' }));
          attacker.send(awarenessFrame(entries));
          sent += entries.length;
        }
      } else if (attacker.readyState === WebSocket.CLOSED) {
        attacker = open();
        attacker.on('close', (_code, reason) => closeReasons.add(reason.toString()));
        sockets++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      peak = Math.max(peak, await metric(relay.port, 'waymark_presence_entries'));
    }
    const { worstMs } = await health.stop();
    attacker.close();
    console.log(`a million presence ids over ${sockets} sockets: presence entries at most ${peak - entriesBefore} more, /healthz worst ${worstMs.toFixed(0)} ms, RSS ${before.toFixed(0)} → ${rssMiB(relay).toFixed(0)} MiB`);
    // an open socket shows at most the few ids a connection may introduce, and the budgets shut it out
    expect(peak - entriesBefore).toBeLessThanOrEqual(4);
    expect([...ben.provider.awareness.getStates().keys()].filter((id) => id >= 1_000_000 && id < nextId).length).toBeLessThanOrEqual(4);
    expect([...closeReasons]).toContain('awareness rate limit');
    await waitFor(async () => (await metric(relay.port, 'waymark_presence_entries')) === entriesBefore, 'its entries to leave with it');
    expect(rssMiB(relay) - before).toBeLessThan(40);
    expect(worstMs).toBeLessThan(1000);
    expect(alive()).toBe(true);
    expect(ben.closes).toEqual([]);
  }


  it('a connection may show at most a few client ids, and a room holds a bounded number', async () => {
    const { map, ben } = await roomWithPeople();
    const attacker = rawSocket(relay.port, map.id, map.viewToken);
    await opened(attacker);
    // four ids are a person with a few cursors' worth of tabs; the fifth is dropped
    for (let id = 9001; id <= 9005; id++) attacker.send(awarenessFrame([{ clientId: id, clock: 1, json: '{"cursor":null}' }]));
    attacker.send(awarenessFrame([{ clientId: 9001, clock: 2, json: '{"cursor":{"x":5,"y":5}}' }]));
    await waitFor(() => ben.provider.awareness.getStates().get(9001)?.cursor?.x === 5, 'the last frame at Ben');
    expect([9001, 9002, 9003, 9004].every((id) => ben.provider.awareness.getStates().has(id))).toBe(true);
    expect(ben.provider.awareness.getStates().has(9005)).toBe(false);
    attacker.close();
    // its states leave with it
    await waitFor(() => ![9001, 9002, 9003, 9004].some((id) => ben.provider.awareness.getStates().has(id)), 'the states to leave with the socket');
  });

  it('a message with more entries than a whole room holds is refused before it is read', async () => {
    const { map, ben } = await roomWithPeople();
    const attacker = rawSocket(relay.port, map.id, map.viewToken);
    await opened(attacker);
    const closed = closeOf(attacker);
    attacker.send(awarenessFrame(Array.from({ length: 2000 }, (_, k) => ({ clientId: 50_000 + k, clock: 1, json: 'null' }))));
    expect(await closed).toEqual({ code: 1008, reason: 'awareness refused: too many entries' });
    expect(ben.closes).toEqual([]);
  });

  it("a peer cannot overwrite or remove another connection's presence", async () => {
    const { map, anna, ben } = await roomWithPeople();
    const attacker = rawSocket(relay.port, map.id, map.editToken);
    await opened(attacker);
    const annasId = anna.doc.clientID;
    const clock = anna.provider.awareness.meta.get(annasId)!.clock;
    attacker.send(awarenessFrame([{ clientId: annasId, clock: clock + 10, json: 'null' }]));
    attacker.send(awarenessFrame([{ clientId: annasId, clock: clock + 20, json: JSON.stringify({ user: { name: 'Not Anna', color: '#000000' }, cursor: { x: 99, y: 99 } }) }]));
    // a marker the attacker may set, to know its frames were handled before we look
    attacker.send(awarenessFrame([{ clientId: 5150, clock: 1, json: '{"cursor":{"x":0,"y":0}}' }]));
    await waitFor(() => ben.provider.awareness.getStates().has(5150), "the attacker's own state at Ben");
    expect(ben.provider.awareness.getStates().get(annasId)).toMatchObject({ user: { name: 'Anna' }, cursor: { x: 1, y: 2 } });
    attacker.close();
  });

  it('when a connection leaves, its presence leaves the room, meta included', async () => {
    const { map } = await roomWithPeople();
    const entries = await metric(relay.port, 'waymark_presence_entries');
    const visitor = rawSocket(relay.port, map.id, map.viewToken);
    await opened(visitor);
    visitor.send(awarenessFrame([{ clientId: 31337, clock: 1, json: '{"cursor":null}' }]));
    await waitFor(async () => (await metric(relay.port, 'waymark_presence_entries')) === entries + 1, 'the visitor in the room');
    // a null state (the client hid itself) keeps the entry until the socket goes
    visitor.send(awarenessFrame([{ clientId: 31337, clock: 2, json: 'null' }]));
    visitor.close();
    await closeOf(visitor);
    await waitFor(async () => (await metric(relay.port, 'waymark_presence_entries')) === entries, 'the entry to leave with the socket');
  });
});

describe('presence in a busy room', () => {
  it('stock clients that echo everyone’s moving cursors in a busy room are never closed for it', async () => {
    const map = await registerMap(relay.port);
    const people = Array.from({ length: 6 }, () => track(connectAs(map.id, map.editToken)));
    await Promise.all(people.map((p) => whenSynced(p)));
    people.forEach((p, i) => p.provider.awareness.setLocalState({ user: { id: p.identityId, name: `P${i}`, color: '#2563eb' }, cursor: { x: 0, y: 0 } }));
    // everyone moves their pointer 25 times a second (the app's cursor throttle) for three seconds;
    // each client echoes what it hears, so each connection sends several times its own rate
    for (let tick = 1; tick <= 75; tick++) {
      for (const p of people) p.provider.awareness.setLocalStateField('cursor', { x: tick, y: tick });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await waitFor(() => people.every((p) => people.every((q) => p === q || p.provider.awareness.getStates().get(q.doc.clientID)?.cursor?.x === 75)), 'every last cursor everywhere');
    expect(people.flatMap((p) => p.closes)).toEqual([]);
  });
});

describe("who someone is, in presence", () => {
  it('a view link cannot make followers follow it', async () => {
    const map = await registerMap(relay.port);
    const facilitatorSecret = newIdentitySecret();
    const facilitatorId = identityIdOf(facilitatorSecret)!;
    // the facilitator presents: named presenter in the workshop state, a view in presence
    const feedback = track(connect(relay.port, `${map.id}/feedback`, map.ownerToken, new Y.Doc(), { identity: facilitatorSecret }));
    const facilitator = track(connect(relay.port, map.id, map.ownerToken, new Y.Doc(), { identity: facilitatorSecret }));
    await Promise.all([whenSynced(feedback), whenSynced(facilitator)]);
    setPresenter(feedback.doc, { id: facilitatorId, owner: true }, { id: facilitatorId, name: 'Fran' });
    facilitator.provider.awareness.setLocalState({ user: { id: facilitatorId, name: 'Fran', color: '#2563eb' }, view: { area: null, stageId: 'stage-2', presenting: true } });

    // a follower, as the app reads its peers
    const followerFeedback = track(connect(relay.port, `${map.id}/feedback`, map.viewToken));
    const followerSecret = newIdentitySecret();
    const follower = new SyncSession(new Y.Doc(), map.id, { token: map.viewToken, identitySecret: followerSecret }, { id: identityIdOf(followerSecret)!, name: 'Follower', color: '#059669' }, {
      serverUrl: syncUrl(relay.port),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    await whenSynced(followerFeedback);
    await waitFor(() => readPresenter(followerFeedback.doc)?.id === facilitatorId, 'the presenter at the follower');
    await waitFor(() => follower.peers().some((p) => p.id === facilitatorId), "the facilitator's presence at the follower");

    // the view link claims the facilitator's identity, presenting another stage
    const attacker = rawSocket(relay.port, map.id, map.viewToken);
    await opened(attacker);
    const closed = closeOf(attacker);
    attacker.send(
      awarenessFrame([
        {
          clientId: 2 ** 31,
          clock: 1,
          json: JSON.stringify({ user: { id: facilitatorId, name: 'Fran', color: '#2563eb' }, view: { area: null, stageId: 'stage-9', presenting: true } }),
        },
      ]),
    );
    expect(await closed).toEqual({ code: 1007, reason: 'awareness refused: user id is not this connection\u2019s identity' });
    const followed = presenterPeer(follower.peers(), readPresenter(followerFeedback.doc));
    expect(followed?.clientId).toBe(facilitator.doc.clientID);
    expect(followed?.view?.stageId).toBe('stage-2');
    expect(follower.peers().filter((p) => p.id === facilitatorId)).toHaveLength(1);
    follower.destroy();
  });

  it('a client that proved no identity cannot name one in its presence', async () => {
    const map = await registerMap(relay.port);
    const anonymous = rawSocket(relay.port, map.id, map.editToken);
    await opened(anonymous);
    const closed = closeOf(anonymous);
    anonymous.send(awarenessFrame([{ clientId: 123, clock: 1, json: JSON.stringify({ user: { id: 'abcdefghijklmnopqrstuv', name: 'Someone', color: '#2563eb' } }) }]));
    expect((await closed).code).toBe(1007);
  });
});
