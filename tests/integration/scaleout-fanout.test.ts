import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkRole } from '../../src/access/roles';
import { startCluster, type Cluster } from '../support/cluster';
import * as Y from 'yjs';
import { newIdentitySecret } from '../../src/access/identity';
import { commentsMap, editComment } from '../../src/model/feedback';
import { commentText, httpUrl, connectAs, registerMap, storedRoomName, waitFor, whenSynced, writeComment, type Client, type Tokens } from '../support/relay';
import type { RelayProcess } from '../support/relay';

/**
 * Several relay processes over one PostgreSQL and one Redis, with stock y-websocket clients spread
 * across them: what the clients see is what one process would give them.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const entries = (client: Client) => JSON.stringify(Object.fromEntries([...client.doc.getMap('m').entries()].sort(([a], [b]) => (a < b ? -1 : 1))));

/** A client that was on one process, now on another (its doc and its unsent changes go along). */
function moveTo(client: Client, port: number, map: Tokens): Client {
  client.destroy();
  return connectAs(port, map.id, map.editToken, client.doc);
}

/** A change of a map's access, made through process A or B. */
type RecordChange = { on: 'A' | 'B' } & ({ kind: 'revoke' | 'rotate'; role: LinkRole } | { kind: 'lock'; locked: boolean });

/**
 * Changes of one map's access on two processes at the same moment: each round's changes are sent
 * together (two on one process at times) and answered before the next round.
 */
const ACCESS_ROUNDS: RecordChange[][] = [
  [{ on: 'A', kind: 'revoke', role: 'view' }, { on: 'B', kind: 'revoke', role: 'edit' }],
  [{ on: 'A', kind: 'rotate', role: 'view' }, { on: 'B', kind: 'rotate', role: 'comment' }, { on: 'B', kind: 'lock', locked: true }],
  [{ on: 'A', kind: 'rotate', role: 'edit' }, { on: 'B', kind: 'revoke', role: 'comment' }],
  [{ on: 'A', kind: 'lock', locked: false }, { on: 'B', kind: 'rotate', role: 'view' }, { on: 'A', kind: 'rotate', role: 'comment' }],
  [{ on: 'A', kind: 'revoke', role: 'edit' }, { on: 'B', kind: 'revoke', role: 'view' }],
  [{ on: 'B', kind: 'rotate', role: 'edit' }, { on: 'A', kind: 'rotate', role: 'view' }, { on: 'B', kind: 'lock', locked: true }],
];

describe('relay processes over Redis and PostgreSQL', () => {
  let cluster: Cluster;
  const live = () => cluster.relays.filter((r) => r.child.exitCode === null && r.child.signalCode === null);

  beforeAll(async () => {
    // registrations per address raised: the tests here register more maps in a minute than one person would
    cluster = await startCluster(3, { REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('a client on one process sees the presence of a client on another, and sees it go when that client leaves', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    const ann = connectAs(a!.port, map.id, map.editToken);
    await whenSynced(ann);
    ann.provider.awareness.setLocalStateField('user', { id: ann.identityId, name: 'Ann' });
    // joins after Ann showed up: her process answers the new one's query, no 15 s renewal needed
    const bob = connectAs(b!.port, map.id, map.editToken);
    await whenSynced(bob);
    const annSeenByBob = () => (bob.provider.awareness.getStates().get(ann.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitFor(() => annSeenByBob() === 'Ann', 'Bob to see Ann', 10_000);
    ann.provider.awareness.setLocalStateField('user', { id: ann.identityId, name: 'Ann B.' });
    await waitFor(() => annSeenByBob() === 'Ann B.', 'Bob to see Ann rename herself', 10_000);
    ann.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(ann.doc.clientID), 'Ann to leave Bob\'s view', 10_000);
    bob.destroy();
  });

  it('presence from another process is held to this process\'s limits on states per room and state size', async () => {
    const [a] = live();
    const strict = await cluster.spawn({ AWARENESS_STATES_PER_ROOM: '3', AWARENESS_STATE_BYTES: '512' });
    const map = await registerMap(a!.port);
    const onA = Array.from({ length: 4 }, () => connectAs(a!.port, map.id, map.editToken));
    await Promise.all(onA.map((c) => whenSynced(c)));
    // one state too big for the strict process (A takes it), three small ones
    onA[0]!.provider.awareness.setLocalStateField('user', { id: onA[0]!.identityId, name: 'x'.repeat(1000) });
    for (const [i, c] of onA.slice(1).entries()) c.provider.awareness.setLocalStateField('user', { id: c.identityId, name: `small ${i}` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // the watcher's own (empty) state is one of the strict process's three: two of A's fit
    const watcher = connectAs(strict.port, map.id, map.viewToken);
    await whenSynced(watcher);
    const names = () =>
      [...watcher.provider.awareness.getStates()].filter(([id]) => id !== watcher.doc.clientID).map(([, state]) => (state as { user?: { name?: string } }).user?.name);
    await waitFor(() => names().length === 2, 'the watcher to see two of A\'s clients', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names().length).toBe(2);
    expect(names().every((name) => name?.startsWith('small'))).toBe(true);
    for (const c of [...onA, watcher]) c.destroy();
    await cluster.kill(strict);
  });

  it('revoking or rotating a link on one process closes its connections on another; locking tells them', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    const api = (path: string, init: RequestInit) => fetch(httpUrl(a!.port, path), init);
    // B holds the map's record in its cache from these connections' token checks
    const editor = connectAs(b!.port, map.id, map.editToken);
    const viewer = connectAs(b!.port, map.id, map.viewToken);
    const commenter = connectAs(b!.port, map.id, map.commentToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer), whenSynced(commenter)]);

    expect((await api(`/api/maps/${map.id}/links/view`, { method: 'DELETE', headers: bearer(map.ownerToken) })).status).toBe(204);
    await waitFor(() => viewer.closes.some((c) => c.code === 4401), 'the viewer on B to be closed with 4401', 10_000);

    const rotated = await api(`/api/maps/${map.id}/links/comment/rotate`, { method: 'POST', headers: bearer(map.ownerToken) });
    const { token: newComment } = (await rotated.json()) as { token: string };
    await waitFor(() => commenter.closes.some((c) => c.code === 4401), 'the commenter on B to be closed with 4401', 10_000);
    // B's cache was dropped: the new token works there, the old one no longer does
    const fresh = connectAs(b!.port, map.id, newComment);
    await whenSynced(fresh);
    const stale = connectAs(b!.port, map.id, map.commentToken);
    await waitFor(() => stale.closes.length > 0, 'the old comment token to be refused on B', 10_000);
    expect(stale.provider.synced).toBe(false);

    const locked = await api(`/api/maps/${map.id}/lock`, { method: 'PUT', headers: { ...bearer(map.ownerToken), 'Content-Type': 'application/json' }, body: '{"locked":true}' });
    expect(locked.status).toBe(200);
    await waitFor(() => editor.closes.some((c) => c.code === 4409), 'the editor on B to be closed with 4409', 10_000);
    for (const client of [editor, viewer, commenter, fresh, stale]) client.destroy();
  });

  it('a space changed on one process is what a space token opens on another: a map added there opens, a revoked link closes', async () => {
    const [a, b] = live();
    const post = (relay: RelayProcess, path: string, body: unknown, token?: string) =>
      fetch(httpUrl(relay.port, path), { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) }, body: JSON.stringify(body) });
    const space = (await (await post(a!, '/api/spaces', { name: 'Team' })).json()) as { id: string; ownerToken: string; editToken: string };
    const first = `space-map-${Date.now()}`;
    expect((await post(a!, `/api/spaces/${space.id}/maps`, { id: first }, space.editToken)).status).toBe(201);
    // B reads (and caches) the space's record: the first map opens there
    const onFirst = connectAs(b!.port, first, space.editToken);
    await whenSynced(onFirst);
    // A adds a second map: B must not answer from its cached record, which lacks it
    const second = `${first}-2`;
    expect((await post(a!, `/api/spaces/${space.id}/maps`, { id: second }, space.editToken)).status).toBe(201);
    const onSecond = connectAs(b!.port, second, space.editToken);
    await whenSynced(onSecond, 10_000);
    const revoked = await fetch(httpUrl(a!.port, `/api/spaces/${space.id}/links/edit`), { method: 'DELETE', headers: bearer(space.ownerToken) });
    expect(revoked.status).toBe(204);
    await waitFor(() => onFirst.closes.some((c) => c.code === 4401) && onSecond.closes.some((c) => c.code === 4401), 'both space connections on B to close with 4401', 10_000);
    onFirst.destroy();
    onSecond.destroy();
  });

  it('links revoked, rotated and the lock changed on both processes at once all take effect, as both processes see them', async () => {
    const [a, b] = live();
    const relays = { A: a!, B: b! };
    const map = await registerMap(relays.A.port);
    const links: Record<LinkRole, string | null> = { edit: map.editToken, comment: map.commentToken, view: map.viewToken };
    const retired: string[] = [];
    let locked = false;
    const send = async (change: RecordChange): Promise<void> => {
      const url = (path: string) => httpUrl(relays[change.on].port, `/api/maps/${map.id}${path}`);
      if (change.kind === 'lock') {
        const res = await fetch(url('/lock'), { method: 'PUT', headers: { ...bearer(map.ownerToken), 'Content-Type': 'application/json' }, body: JSON.stringify({ locked: change.locked }) });
        expect(res.status).toBe(200);
        locked = change.locked;
        return;
      }
      const before = links[change.role];
      if (change.kind === 'revoke') {
        expect((await fetch(url(`/links/${change.role}`), { method: 'DELETE', headers: bearer(map.ownerToken) })).status).toBe(204);
        links[change.role] = null;
      } else {
        const res = await fetch(url(`/links/${change.role}/rotate`), { method: 'POST', headers: bearer(map.ownerToken) });
        expect(res.status).toBe(200);
        links[change.role] = ((await res.json()) as { token: string }).token;
      }
      if (before) retired.push(before);
    };
    const accessOn = async (relay: RelayProcess, token: string) => {
      const res = await fetch(httpUrl(relay.port, `/api/maps/${map.id}/access`), { headers: bearer(token) });
      return res.status === 200 ? ((await res.json()) as { role: string; locked: boolean }) : res.status;
    };
    for (const [round, changes] of ACCESS_ROUNDS.entries()) {
      await Promise.all(changes.map(send));
      const expected = { editToken: links.edit, commentToken: links.comment, viewToken: links.view };
      for (const relay of [relays.A, relays.B]) {
        // the other process hears of the change on the control stream within moments
        await waitFor(async () => {
          const res = await fetch(httpUrl(relay.port, `/api/maps/${map.id}/links`), { headers: bearer(map.ownerToken) });
          return JSON.stringify(await res.json()) === JSON.stringify(expected);
        }, `round ${round}: the links as both owners set them on process ${relay === relays.A ? 'A' : 'B'}`);
        for (const role of ['edit', 'comment', 'view'] as const) {
          if (links[role]) expect(await accessOn(relay, links[role])).toEqual({ role, locked });
        }
        expect((await accessOn(relay, map.ownerToken)) as { locked: boolean }).toMatchObject({ role: 'owner', locked });
        for (const token of retired) expect(await accessOn(relay, token)).toBe(401);
      }
    }
  });

  it('maps added to one space and its links changed on both processes at once are all in it, as both processes see it', async () => {
    const [a, b] = live();
    const relays = { A: a!, B: b! };
    const post = (relay: RelayProcess, path: string, body: unknown, token?: string) =>
      fetch(httpUrl(relay.port, path), { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) }, body: JSON.stringify(body) });
    const space = (await (await post(relays.A, '/api/spaces', { name: 'Team' })).json()) as { id: string; ownerToken: string; editToken: string; commentToken: string; viewToken: string };
    const added: string[] = [];
    for (let round = 0; round < 4; round++) {
      const ids = [`both-${Date.now()}-${round}-a`, `both-${Date.now()}-${round}-b`];
      const statuses = await Promise.all([post(relays.A, `/api/spaces/${space.id}/maps`, { id: ids[0] }, space.editToken), post(relays.B, `/api/spaces/${space.id}/maps`, { id: ids[1] }, space.ownerToken)]);
      expect(statuses.map((res) => res.status)).toEqual([201, 201]);
      added.push(...ids);
    }
    // and the owner changes two links at once, one on each process
    const [revoked, rotated] = await Promise.all([
      fetch(httpUrl(relays.A.port, `/api/spaces/${space.id}/links/view`), { method: 'DELETE', headers: bearer(space.ownerToken) }),
      fetch(httpUrl(relays.B.port, `/api/spaces/${space.id}/links/comment/rotate`), { method: 'POST', headers: bearer(space.ownerToken) }),
    ]);
    expect(revoked.status).toBe(204);
    const { token: comment } = (await rotated.json()) as { token: string };
    for (const relay of [relays.A, relays.B]) {
      await waitFor(async () => {
        const res = await fetch(httpUrl(relay.port, `/api/spaces/${space.id}/maps`), { headers: bearer(space.editToken) });
        const listed = ((await res.json()) as { maps: Array<{ id: string }> }).maps.map((m) => m.id);
        return JSON.stringify(listed.sort()) === JSON.stringify([...added].sort());
      }, 'every map added on either process to be listed');
      const links = await (await fetch(httpUrl(relay.port, `/api/spaces/${space.id}/links`), { headers: bearer(space.ownerToken) })).json();
      expect(links).toEqual({ editToken: space.editToken, commentToken: comment, viewToken: null });
      // the space token opens every one of them, on either process
      for (const id of added) expect((await fetch(httpUrl(relay.port, `/api/maps/${id}/access`), { headers: bearer(comment) })).status).toBe(200);
      expect((await fetch(httpUrl(relay.port, `/api/maps/${added[0]}/access`), { headers: bearer(space.viewToken) })).status).toBe(401);
    }
  });

  it('a map moved into a space on one process while another adds a map of the same id there: one wins, and a map that lost stays free to go elsewhere', async () => {
    const [a, b] = live();
    const post = (relay: RelayProcess, path: string, body: unknown, token?: string) =>
      fetch(httpUrl(relay.port, path), { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) }, body: JSON.stringify(body) });
    const newSpace = async (name: string) => (await (await post(a!, '/api/spaces', { name })).json()) as { id: string; editToken: string };
    const [space, elsewhere] = [await newSpace('Team'), await newSpace('Elsewhere')];
    let movesLost = 0;
    const rounds = 6;
    for (let round = 0; round < rounds; round++) {
      const map = await registerMap(a!.port);
      // both pass the space's check before either is listed: the space's record decides. The move
      // starts a little later each round, so that it loses some
      const [moved, added] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, round)).then(() => post(a!, `/api/spaces/${space.id}/maps`, { id: map.id, ownerToken: map.ownerToken }, space.editToken)),
        post(b!, `/api/spaces/${space.id}/maps`, { id: map.id }, space.editToken),
      ]);
      expect([moved.status, added.status].sort()).toEqual([201, 409]);
      if (moved.status === 201) continue;
      movesLost++;
      // the map that lost is in no space: its owner can move it into another
      expect((await post(b!, `/api/spaces/${elsewhere.id}/maps`, { id: map.id, ownerToken: map.ownerToken }, elsewhere.editToken)).status).toBe(201);
    }
    // (which one wins is up to timing; say how often the path this is about ran)
    console.info(`moves that lost the race: ${movesLost} of ${rounds}`);
  });

  it('a participant who moves to another process may still edit the comment they wrote on the first (its update check knows the comment)', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    const room = `${map.id}/feedback`;
    // someone on B comments first: B's update-check worker now holds a copy of the feedback room
    const other = connectAs(b!.port, room, map.commentToken);
    await whenSynced(other);
    writeComment(other, 'c-other', 'from B');
    const secret = newIdentitySecret();
    let author = connectAs(a!.port, room, map.commentToken, new Y.Doc(), { identity: secret });
    await whenSynced(author);
    writeComment(author, 'c-mine', 'first words');
    await waitFor(() => commentText(other, 'c-mine') === 'first words', 'B to have the comment made on A');
    author.destroy();
    author = connectAs(b!.port, room, map.commentToken, author.doc, { identity: secret });
    await whenSynced(author);
    expect(editComment(author.doc, { id: author.identityId!, owner: false }, 'c-mine', 'second thoughts')).toBe(true);
    await waitFor(() => commentText(other, 'c-mine') === 'second thoughts', 'the edit to be accepted on B');
    expect(author.closes).toEqual([]);
    author.destroy();
    other.destroy();
  });

  it('a participant on one process cannot rewrite a comment another participant wrote on another process (the update check knows it)', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    const room = `${map.id}/feedback`;
    const mallory = connectAs(b!.port, room, map.commentToken);
    await whenSynced(mallory);
    // Mallory's own comment: B's update-check worker now holds a copy of the feedback room
    writeComment(mallory, 'c-mallory', 'mine');
    const alice = connectAs(a!.port, room, map.commentToken);
    await whenSynced(alice);
    writeComment(alice, 'c-alice', 'what Alice said');
    await waitFor(() => commentText(mallory, 'c-alice') === 'what Alice said', 'B to have Alice\'s comment');
    commentsMap(mallory.doc).get('c-alice')!.set('text', 'what Mallory wants Alice to have said');
    await waitFor(() => mallory.closes.some((c) => c.code === 1008), 'Mallory to be closed for the forbidden change', 10_000);
    const reader = connectAs(a!.port, room, map.viewToken);
    await whenSynced(reader);
    expect(commentText(reader, 'c-alice')).toBe('what Alice said');
    expect(commentText(alice, 'c-alice')).toBe('what Alice said');
    for (const client of [mallory, alice, reader]) client.destroy();
  });

  it('registrations over the per-address limit are refused across processes, not per process', async () => {
    // two more processes that count the address the proxy names, at 3 a minute
    const limited = await Promise.all([cluster.spawn({ TRUST_PROXY: '1', REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '3' }), cluster.spawn({ TRUST_PROXY: '1', REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '3' })]);
    const register = (relay: RelayProcess) =>
      fetch(httpUrl(relay.port, '/api/maps'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77' },
        body: JSON.stringify({ id: `quota-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
      }).then((res) => res.status);
    const statuses = [];
    for (const relay of [limited[0]!, limited[1]!, limited[0]!, limited[1]!, limited[0]!]) statuses.push(await register(relay));
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    for (const relay of limited) await cluster.kill(relay);
  });

  it('clients spread over three processes converge through random edits, moves to other processes and a kill -9 (fast-check)', async () => {
    let kills = 0;
    let moves = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(3), key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.nat(1000) }) },
            { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), client: fc.nat(3), to: fc.nat(2) }) },
            { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
          ),
          { minLength: 10, maxLength: 40 },
        ),
        // most runs lose a process part way
        fc.option(fc.nat(9), { nil: null, freq: 4 }),
        async (actions, killAt) => {
          let relays = live();
          const map = await registerMap(relays[0]!.port);
          const where: number[] = [0, 1, 2, 0].map((i) => relays[i % relays.length]!.port);
          let clients = where.map((port) => connectAs(port, map.id, map.editToken));
          await Promise.all(clients.map((c) => whenSynced(c)));
          for (const [step, action] of actions.entries()) {
            if (step === killAt) {
              // a process dies; its clients go to the others (as a load balancer would send them)
              const victim = relays[step % relays.length]!;
              await cluster.kill(victim);
              kills++;
              relays = live();
              clients = clients.map((c, i) => (where[i] === victim.port ? moveTo(c, (where[i] = relays[i % relays.length]!.port), map) : c));
              void cluster.spawn();
            }
            if (action.kind === 'edit') clients[action.client]!.doc.getMap('m').set(action.key, `${action.client}:${action.value}`);
            else if (action.kind === 'move') {
              const port = relays[action.to % relays.length]!.port;
              where[action.client] = port;
              clients[action.client] = moveTo(clients[action.client]!, port, map);
              moves++;
            } else await new Promise((resolve) => setTimeout(resolve, action.ms));
          }
          await waitFor(() => new Set(clients.map(entries)).size === 1, 'the clients to converge', 15_000);
          // and what they converged on is what every process serves from the store
          const final = entries(clients[0]!);
          const readers = live().map((r) => connectAs(r.port, map.id, map.viewToken));
          await waitFor(() => readers.every((r) => r.provider.synced && entries(r) === final), 'fresh readers to see it', 15_000);
          for (const c of [...clients, ...readers]) c.destroy();
          // back to three processes for the next run
          await waitFor(() => live().length >= 3 && live().every((r) => r.port > 0), 'three processes', 15_000);
        },
      ),
      { numRuns: 4, seed: 1717, endOnFailure: true },
    );
    // the seed exercises what the test is named for
    expect(kills).toBeGreaterThan(0);
    expect(moves).toBeGreaterThan(0);
  }, 90_000);

  it('a change stored by a process that died before publishing it still reaches the others, when a later change builds on it', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    const onA = connectAs(a!.port, map.id, map.editToken);
    const onB = connectAs(b!.port, map.id, map.editToken);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    // what a process killed between its store write and its XADD leaves: a row nobody published
    const lost = new Y.Doc();
    Y.applyUpdate(lost, Y.encodeStateAsUpdate(onA.doc));
    lost.getText('t').insert(0, 'stored, never published. ');
    const update = Y.encodeStateAsUpdate(lost, Y.encodeStateVector(onA.doc));
    const database = new URL(cluster.databaseUrl).pathname.slice(1);
    await cluster.pg.sql('INSERT INTO waymark_updates (room, data) VALUES ($1, $2)', [storedRoomName(map), Buffer.from(update)], database);
    // a client of a third process (which loads the room with it) writes after it: its change
    // depends on the unpublished one, which A and B must fetch from the store
    const third = await cluster.spawn();
    const onThird = connectAs(third.port, map.id, map.editToken);
    await whenSynced(onThird);
    onThird.doc.getText('t').insert(onThird.doc.getText('t').length, 'Then this.');
    const full = 'stored, never published. Then this.';
    await waitFor(() => onA.doc.getText('t').toString() === full && onB.doc.getText('t').toString() === full, 'A\'s and B\'s clients to have both changes');
    for (const client of [onA, onB, onThird]) client.destroy();
    await cluster.kill(third);
  });

  it('kill -9 of a process during a burst loses nothing any client had seen', async () => {
    const [a, b] = live();
    const map = await registerMap(a!.port);
    let writer = connectAs(a!.port, map.id, map.editToken);
    const watcher = connectAs(b!.port, map.id, map.viewToken);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    // every value the watcher (on B) ever saw, and every value the writer's own process echoed
    const seen = new Set<string>();
    watcher.doc.getMap('m').observe((event) => {
      for (const key of event.keysChanged) seen.add(key);
    });
    const list = writer.doc.getMap('m');
    let i = 0;
    const burst = setInterval(() => {
      for (let k = 0; k < 20; k++) list.set(`k${i++}`, i);
    }, 2);
    await waitFor(() => seen.size > 200, 'the burst to be under way', 10_000);
    await cluster.kill(a!);
    clearInterval(burst);
    const seenAtKill = [...seen];
    // the writer reconnects elsewhere with what it had; a fresh reader gets everything from the store
    writer = moveTo(writer, b!.port, map);
    await waitFor(() => watcher.doc.getMap('m').size === i, 'the watcher to have every key the writer made', 10_000);
    const reader = connectAs(b!.port, map.id, map.viewToken);
    await whenSynced(reader);
    const stored = reader.doc.getMap('m');
    expect(seenAtKill.filter((key) => !stored.has(key))).toEqual([]);
    expect(stored.size).toBe(i);
    for (const c of [writer, watcher, reader]) c.destroy();
    void cluster.spawn();
  });
});
