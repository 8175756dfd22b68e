import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LinkRole } from '../../src/access/roles';
import { spaceOfToken } from '../../src/access/spaces';
import { API_SPACES, spaceAccessPath, spaceLinkPath, spaceLinksPath, spaceMapsPath, spaceSyncRoom, versionsPath } from '../../src/access/routes';
import { perTest } from '../support/perTest';
import {
  closeOf,
  connect,
  connectAs,
  metricsText,
  opened,
  rawSocket,
  registerMap,
  spawnRelay,
  tempDataDir,
  updateFrame,
  upgradeStatus,
  waitFor,
  whenSynced,
  type Client,
  type RelayProcess,
  type Tokens,
} from '../support/relay';
import { call } from '../support/versions';

/**
 * Spaces on the relay (server/spaces.ts): a space's tokens open its index room and every map of
 * it with their role; rotating or revoking one closes its connections everywhere in the space.
 * The relay runs as production runs it, in a process of its own; only the test that holds a store
 * read half way through a token check runs one in this process.
 */

interface Space {
  id: string;
  ownerToken: string;
  editToken: string;
  commentToken: string;
  viewToken: string;
}

async function stop(relay: RelayProcess): Promise<void> {
  if (relay.child.exitCode !== null || relay.child.signalCode !== null) return;
  relay.child.kill('SIGTERM');
  await relay.exited;
}

let server: RelayProcess;
const secrets: string[] = [];
const clients: Client[] = [];
beforeAll(async () => {
  server = await spawnRelay({ PORT: '0', STORE: 'memory', DATA_DIR: tempDataDir() });
});
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await stop(server);
  // no space token, and no map token handed over with a new map, ever reaches the log
  const logs = server.logs.join('\n');
  for (const secret of secrets) expect(logs).not.toContain(secret);
});

const keep = (client: Client) => {
  clients.push(client);
  return client;
};

async function createSpace(port = server.port, name = 'Customer experience'): Promise<Space> {
  const res = await call<Space>(port, API_SPACES, null, { body: { name } });
  if (res.status !== 201) throw new Error(`creating a space: ${res.status} ${res.text}`);
  secrets.push(res.body.ownerToken, res.body.editToken, res.body.commentToken, res.body.viewToken);
  return res.body;
}

type Added = { id: string; addedAt: string; registered: Tokens | null };
const addMap = (token: string | null, spaceId: string, body: unknown, port = server.port) => call<Added>(port, spaceMapsPath(spaceId), token, { body });

async function newSpaceMap(space: Space, token = space.editToken): Promise<Tokens> {
  const res = await addMap(token, space.id, { id: `m-${Math.random().toString(36).slice(2, 10)}` });
  if (res.status !== 201) throw new Error(`adding a map: ${res.status} ${res.text}`);
  return res.body.registered!;
}

const roleTokens = (space: Space): Array<[string, string]> => [
  ['owner', space.ownerToken],
  ['edit', space.editToken],
  ['comment', space.commentToken],
  ['view', space.viewToken],
];

describe('creating a space', () => {
  it('answers an id and four different space tokens (s. + the space id + a 192-bit secret), and counts it', async () => {
    const res = await call<Record<string, string>>(server.port, API_SPACES, null, { body: { name: '  Onboarding journeys  ' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.body)).toEqual(['id', 'ownerToken', 'editToken', 'commentToken', 'viewToken']);
    const { id, ...tokens } = res.body;
    secrets.push(...Object.values(tokens));
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(Object.values(tokens)).size).toBe(4);
    for (const token of Object.values(tokens)) {
      expect(token).toMatch(/^s\.[A-Za-z0-9_-]{44}$/);
      expect(spaceOfToken(token)).toBe(id);
    }
    const access = await call(server.port, spaceAccessPath(id!), tokens.viewToken!);
    expect(access.body).toEqual({ role: 'view', name: 'Onboarding journeys' });
    expect(await metricsText(server.port)).toMatch(/^waymark_spaces_created_total [1-9]\d*$/m);
  });

  it('refuses a name that is missing, empty, over 120 characters or more than one line with 400, a big body with 413, another method with 405', async () => {
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(121) }, { name: 7 }, { name: null }, { name: 'two\nlines' }, null, []]) {
      const res = await call(server.port, API_SPACES, null, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ error: expect.any(String) });
    }
    expect((await call(server.port, API_SPACES, null, { rawBody: '{"name": ' })).status).toBe(400);
    expect((await call(server.port, API_SPACES, null, { body: { name: 'x'.repeat(120) } })).status).toBe(201);
    const big = await call(server.port, API_SPACES, null, { body: { name: 'x', padding: 'x'.repeat(20_000) } });
    expect(big.status).toBe(413);
    const get = await call(server.port, API_SPACES, null);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('adding maps to a space', () => {
  it("registers a new map with a space owner or edit token and hands over the map's own tokens; comment and view get 403, no or a wrong token 401, a bad id 400, the same id twice 409", async () => {
    const space = await createSpace();
    for (const token of [space.ownerToken, space.editToken]) {
      const res = await addMap(token, space.id, { id: `new-${token.slice(-6)}` });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['id', 'addedAt', 'registered']);
      expect(res.body.id).toBe(`new-${token.slice(-6)}`);
      expect(Date.parse(res.body.addedAt)).not.toBeNaN();
      const registered = res.body.registered!;
      expect(registered.id).toBe(res.body.id);
      for (const field of ['ownerToken', 'editToken', 'commentToken', 'viewToken'] as const) expect(registered[field]).toMatch(/^[A-Za-z0-9_-]{44}$/);
      secrets.push(registered.ownerToken, registered.editToken);
      // the map's own tokens work as any registration's
      expect((await call(server.port, `/api/maps/${registered.id}/access`, registered.viewToken)).body).toEqual({ role: 'view', locked: false });
    }
    for (const token of [space.commentToken, space.viewToken]) {
      const res = await addMap(token, space.id, { id: 'refused' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: expect.any(String) });
    }
    for (const token of [null, 'nonsense', `s.${space.id}${'A'.repeat(32)}`]) {
      const res = await addMap(token, space.id, { id: 'refused' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    for (const body of [{}, { id: 'has space' }, { id: 'x'.repeat(65) }, { id: 7 }, { id: 'ok', ownerToken: 7 }]) {
      expect((await addMap(space.editToken, space.id, body)).status, JSON.stringify(body)).toBe(400);
    }
    const taken = await addMap(space.editToken, space.id, { id: `new-${space.ownerToken.slice(-6)}` });
    expect(taken.status).toBe(409);
    // what was refused is not in the list
    const list = await call<{ maps: Array<{ id: string }> }>(server.port, spaceMapsPath(space.id), space.viewToken);
    expect(list.body.maps.map((m) => m.id).sort()).toEqual([`new-${space.ownerToken.slice(-6)}`, `new-${space.editToken.slice(-6)}`].sort());
  });

  it("moves an existing map in with the map's own owner token: it keeps its content and its map-level links; its edit token or a wrong one is refused; a second space gets 409", async () => {
    const space = await createSpace();
    const map = await registerMap(server.port);
    secrets.push(map.ownerToken);
    const before = keep(connect(server.port, map.id, map.ownerToken));
    await whenSynced(before);
    before.doc.getMap('m').set('written before the move', 1);
    const guest = keep(connect(server.port, map.id, map.editToken));
    await waitFor(() => guest.doc.getMap('m').get('written before the move') === 1, 'the first write at the guest');

    expect((await addMap(space.editToken, space.id, { id: map.id, ownerToken: map.editToken })).status).toBe(403);
    expect((await addMap(space.editToken, space.id, { id: map.id, ownerToken: 'nonsense' })).status).toBe(401);
    expect((await addMap(space.editToken, space.id, { id: map.id, ownerToken: space.ownerToken })).status).toBe(401);
    expect((await addMap(space.viewToken, space.id, { id: map.id, ownerToken: map.ownerToken })).status).toBe(403);
    const moved = await addMap(space.editToken, space.id, { id: map.id, ownerToken: map.ownerToken });
    expect(moved.status).toBe(201);
    expect(moved.body).toEqual({ id: map.id, addedAt: expect.any(String), registered: null });

    // a space token opens it with the content it had; the map's own links and connections carry on
    const member = keep(connect(server.port, map.id, space.viewToken));
    await whenSynced(member);
    expect(member.doc.getMap('m').get('written before the move')).toBe(1);
    guest.doc.getMap('m').set('the guest writes after the move', 1);
    await waitFor(() => member.doc.getMap('m').get('the guest writes after the move') === 1, "the guest's write at the space member");
    expect(guest.closes).toEqual([]);
    expect(guest.denied).toEqual([]);
    expect((await call(server.port, `/api/maps/${map.id}/access`, map.commentToken)).body).toEqual({ role: 'comment', locked: false });
    expect(await upgradeStatus(server.port, `${map.id}/feedback`, map.viewToken)).toBe(101);

    // a map is in at most one space
    const other = await createSpace();
    expect((await addMap(other.ownerToken, other.id, { id: map.id, ownerToken: map.ownerToken })).status).toBe(409);
    expect((await addMap(space.ownerToken, space.id, { id: map.id, ownerToken: map.ownerToken })).status).toBe(409);
    expect(await upgradeStatus(server.port, map.id, other.viewToken)).toBe(401);
  });
});

describe('what a space token sees', () => {
  it('lists the maps with the name and role for every role; /access tells role and name; a token of another space, garbage and no token get 401', async () => {
    const space = await createSpace(server.port, 'Retail banking');
    const first = await newSpaceMap(space);
    const second = await newSpaceMap(space, space.ownerToken);
    for (const [role, token] of roleTokens(space)) {
      const list = await call<{ maps: Array<{ id: string; addedAt: string }> }>(server.port, spaceMapsPath(space.id), token);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({
        name: 'Retail banking',
        role,
        maps: expect.arrayContaining([
          { id: first.id, addedAt: expect.any(String) },
          { id: second.id, addedAt: expect.any(String) },
        ]),
      });
      expect(list.body.maps).toHaveLength(2);
      // oldest first
      expect(list.body.maps[0]!.addedAt <= list.body.maps[1]!.addedAt).toBe(true);
      expect((await call(server.port, spaceAccessPath(space.id), token)).body).toEqual({ role, name: 'Retail banking' });
    }
    const other = await createSpace();
    for (const token of [null, other.ownerToken, `s.${space.id}${'x'.repeat(32)}`, 's.' + 'A'.repeat(44), 'x'.repeat(46), first.ownerToken, 'x'.repeat(300)]) {
      for (const path of [spaceMapsPath(space.id), spaceAccessPath(space.id), spaceLinksPath(space.id)]) {
        const res = await call(server.port, path, token);
        expect(res.status, `${path} ${token}`).toBe(401);
        expect(res.body).toEqual({ error: 'a valid token for this space is required' });
      }
    }
    // an unknown space answers as a wrong token does
    expect((await call(server.port, spaceMapsPath('AAAAAAAAAAAA'), `s.AAAAAAAAAAAA${'x'.repeat(32)}`)).status).toBe(401);
    expect((await call(server.port, `${API_SPACES}/short/maps`, space.ownerToken)).status).toBe(404);
    expect((await call(server.port, spaceAccessPath(space.id), space.viewToken, { method: 'POST', body: {} })).status).toBe(405);
  });

  it("opens a map of its space with its role on the API: /access and the versions; a map outside the space, or a map route only the map's owner may use, refuses it", async () => {
    const space = await createSpace();
    const map = await newSpaceMap(space);
    const outside = await registerMap(server.port);
    for (const [role, token] of roleTokens(space)) {
      expect((await call(server.port, `/api/maps/${map.id}/access`, token)).body).toEqual({ role, locked: false, space: space.id });
      expect((await call(server.port, versionsPath(map.id), token)).status).toBe(200);
      expect((await call(server.port, `/api/maps/${outside.id}/access`, token)).status).toBe(401);
    }
    expect((await call(server.port, versionsPath(map.id), space.editToken, { body: { name: 'Before the workshop' } })).status).toBe(201);
    expect((await call(server.port, versionsPath(map.id), space.viewToken, { body: { name: 'Not mine to make' } })).status).toBe(403);
    // the map's links, lock and owner key stay its own owner's, even against the space's owner
    for (const [path, method, body] of [
      [`/api/maps/${map.id}/links/edit/rotate`, 'POST', undefined],
      [`/api/maps/${map.id}/links/view`, 'DELETE', undefined],
      [`/api/maps/${map.id}/links`, 'GET', undefined],
      [`/api/maps/${map.id}/owner/rotate`, 'POST', undefined],
      [`/api/maps/${map.id}/lock`, 'PUT', { locked: true }],
    ] as const) {
      expect((await call(server.port, path, space.ownerToken, { method, body })).status, path).toBe(403);
    }
    expect((await call(server.port, `/api/maps/${map.id}/access`, map.ownerToken)).body).toEqual({ role: 'owner', locked: false });
  });
});

describe('space tokens on map rooms', () => {
  it("a space edit token's write is applied and seen by a map-token peer; view and comment writes are refused and they stay connected; a map outside the space is 401", async () => {
    const space = await createSpace();
    const map = await newSpaceMap(space);
    const outside = await registerMap(server.port);
    const guest = keep(connect(server.port, map.id, map.viewToken));
    const editor = keep(connect(server.port, map.id, space.editToken));
    const viewer = keep(connect(server.port, map.id, space.viewToken));
    const commenter = keep(connect(server.port, map.id, space.commentToken));
    const viewerFeedback = keep(connect(server.port, `${map.id}/feedback`, space.viewToken));
    await Promise.all([guest, editor, viewer, commenter, viewerFeedback].map((c) => whenSynced(c)));

    editor.doc.getMap('m').set('by the space editor', 1);
    await waitFor(() => guest.doc.getMap('m').get('by the space editor') === 1, "the space editor's write at the map's guest");
    viewer.doc.getMap('m').set('by the space viewer', 1);
    commenter.doc.getMap('m').set('by the space commenter', 1);
    viewerFeedback.doc.getMap('comments').set('by the space viewer', 'a comment');
    await waitFor(() => viewer.denied.length > 0 && commenter.denied.length > 0 && viewerFeedback.denied.length > 0, 'the three refusals');
    expect([viewer.denied, commenter.denied, viewerFeedback.denied]).toEqual([['read-only'], ['read-only'], ['read-only']]);
    // a later write reaches everyone: had a refused one been broadcast, it would have come first
    editor.doc.getMap('m').set('later', 1);
    await waitFor(() => guest.doc.getMap('m').get('later') === 1 && viewer.doc.getMap('m').get('later') === 1, 'the later write');
    expect(guest.doc.getMap('m').has('by the space viewer')).toBe(false);
    expect(guest.doc.getMap('m').has('by the space commenter')).toBe(false);
    for (const c of [editor, viewer, commenter, viewerFeedback]) expect(c.closes).toEqual([]);
    const late = keep(connect(server.port, map.id, map.ownerToken));
    await whenSynced(late);
    expect(Object.keys(late.doc.getMap('m').toJSON()).sort()).toEqual(['by the space editor', 'later']);

    // malformed and foreign space tokens open nothing
    for (const token of ['s.' + 'A'.repeat(44), `s.${space.id}${'A'.repeat(32)}`, `s.${space.id}`, 's.' + 'x'.repeat(400), (await createSpace()).editToken]) {
      expect(await upgradeStatus(server.port, map.id, token)).toBe(401);
    }
    // a space token opens only the maps of its space
    for (const [, token] of roleTokens(space)) {
      expect(await upgradeStatus(server.port, outside.id, token)).toBe(401);
      expect(await upgradeStatus(server.port, `${outside.id}/feedback`, token)).toBe(401);
    }
    expect(await metricsText(server.port)).toMatch(/^waymark_space_connections_total\{room="map"\} [1-9]\d*$/m);
  });

  it("a space comment token writes the map's feedback as the map's comment token does, and the map's lock holds back the space's edit token", async () => {
    const space = await createSpace();
    const map = await newSpaceMap(space);
    const commenter = keep(connectAs(server.port, `${map.id}/feedback`, space.commentToken));
    const editor = keep(connect(server.port, map.id, space.editToken));
    const watcher = keep(connect(server.port, `${map.id}/feedback`, map.viewToken));
    await Promise.all([commenter, editor, watcher].map((c) => whenSynced(c)));
    const { addComment, readComments } = await import('../../src/model/feedback');
    addComment(commenter.doc, { id: commenter.identityId!, owner: false }, { id: 'c1', cardId: 'card-1', author: 'Member', text: 'from the space' });
    await waitFor(() => readComments(watcher.doc).some((c) => c.id === 'c1'), 'the comment at the watcher');
    expect(commenter.denied).toEqual([]);

    expect((await call(server.port, `/api/maps/${map.id}/lock`, map.ownerToken, { method: 'PUT', body: { locked: true } })).status).toBe(200);
    await waitFor(() => editor.closes.length > 0, "the space editor's map connection to close");
    expect(editor.closes[0]).toEqual({ code: 4409, reason: 'access changed' });
    expect((await call(server.port, `/api/maps/${map.id}/access`, space.editToken)).body).toEqual({ role: 'edit', locked: true, space: space.id });
    editor.provider.connect();
    await whenSynced(editor);
    editor.doc.getMap('m').set('while locked', 1);
    await waitFor(() => editor.denied.length > 0, 'the refusal');
    expect(editor.denied).toEqual(['locked']);
  });
});

describe("the space's index room", () => {
  it('syncs between an owner and an edit peer, also a write the update-check worker judges; a view peer is read-only and stays; map tokens and strangers get 401', async () => {
    const space = await createSpace();
    const room = spaceSyncRoom(space.id);
    const owner = keep(connect(server.port, room, space.ownerToken));
    const editor = keep(connect(server.port, room, space.editToken));
    const viewer = keep(connect(server.port, room, space.viewToken));
    const commenter = keep(connect(server.port, room, space.commentToken));
    await Promise.all([owner, editor, viewer, commenter].map((c) => whenSynced(c)));

    owner.doc.getMap('meta').set('name', 'Renamed by the owner');
    const entry = new Y.Map<unknown>();
    editor.doc.getMap('maps').set('map-1', entry);
    entry.set('title', 'Onboarding');
    // over INLINE_MAX_BYTES: checked in the worker's copy of the room before it is applied
    entry.set('thumbnail', 'x'.repeat(20_000));
    await waitFor(() => editor.doc.getMap('meta').get('name') === 'Renamed by the owner', "the owner's write at the editor");
    await waitFor(() => (owner.doc.getMap('maps').get('map-1') as Y.Map<unknown> | undefined)?.get('thumbnail') === 'x'.repeat(20_000), "the editor's writes at the owner");
    viewer.doc.getMap('maps').set('sneaky', new Y.Map());
    commenter.doc.getMap('meta').set('name', 'Renamed by a commenter');
    await waitFor(() => viewer.denied.length > 0 && commenter.denied.length > 0, 'both refusals');
    expect([viewer.denied, commenter.denied]).toEqual([['read-only'], ['read-only']]);
    owner.doc.getMap('meta').set('after', 1);
    await waitFor(() => viewer.doc.getMap('meta').get('after') === 1, 'a later write at the viewer');
    expect(owner.doc.getMap('maps').has('sneaky')).toBe(false);
    expect(owner.doc.getMap('meta').get('name')).toBe('Renamed by the owner');
    for (const c of [owner, editor, viewer, commenter]) expect(c.closes).toEqual([]);

    const map = await newSpaceMap(space);
    const other = await createSpace();
    for (const token of [map.ownerToken, other.ownerToken, 'x'.repeat(46), 's.' + 'A'.repeat(44), `s.${space.id}`, 'x'.repeat(300)]) {
      expect(await upgradeStatus(server.port, room, token)).toBe(401);
    }
    expect(await upgradeStatus(server.port, room, null)).toBe(401);
    expect(await upgradeStatus(server.port, 'spaces/short', space.ownerToken)).toBe(404);
    // a space token is not a map's: the room named like the space id is no map of it
    expect(await upgradeStatus(server.port, space.id, space.ownerToken)).toBe(401);
    expect(await metricsText(server.port)).toMatch(/^waymark_space_connections_total\{room="index"\} [1-9]\d*$/m);
  });

  it('closes a peer that sends a crafted update (1007) and keeps the room and its other peers going', async () => {
    const space = await createSpace();
    const room = spaceSyncRoom(space.id);
    const owner = keep(connect(server.port, room, space.ownerToken));
    await whenSynced(owner);
    const hostile = rawSocket(server.port, room, space.editToken);
    await opened(hostile);
    const closed = closeOf(hostile);
    hostile.send(updateFrame(Uint8Array.from([1, 1, 200, 1, 0, 8, 1, 3, 255, 255, 255, 255, 255])));
    expect((await closed).code).toBe(1007);
    const late = keep(connect(server.port, room, space.viewToken));
    await whenSynced(late);
    owner.doc.getMap('meta').set('still', 'here');
    await waitFor(() => late.doc.getMap('meta').get('still') === 'here', 'the room to carry on');
    expect(owner.closes).toEqual([]);
  });
});

describe('rotating and revoking space links', () => {
  it("revoking the edit link closes (4401) that role's connections to the space room and to two map rooms and their feedback; view connections and the maps' own edit links stay", async () => {
    const space = await createSpace();
    const [a, b] = [await newSpaceMap(space), await newSpaceMap(space)];
    const room = spaceSyncRoom(space.id);
    const edits = [room, a.id, b.id, `${b.id}/feedback`].map((r) => rawSocket(server.port, r, space.editToken));
    const views = [room, a.id, b.id].map((r) => rawSocket(server.port, r, space.viewToken));
    const guestEditor = rawSocket(server.port, a.id, a.editToken);
    await Promise.all([...edits, ...views, guestEditor].map(opened));
    const editsClosed = edits.map(closeOf);
    const stillOpen = [...views, guestEditor];
    let anyOtherClosed = false;
    for (const ws of stillOpen) ws.on('close', () => (anyOtherClosed = true));

    const revoked = await call(server.port, spaceLinkPath(space.id, 'edit', false), space.ownerToken, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    for (const closed of await Promise.all(editsClosed)) expect(closed).toEqual({ code: 4401, reason: 'link revoked' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(anyOtherClosed).toBe(false);
    for (const r of [room, a.id, `${b.id}/feedback`]) expect(await upgradeStatus(server.port, r, space.editToken)).toBe(401);
    expect((await call(server.port, spaceAccessPath(space.id), space.editToken)).status).toBe(401);
    expect((await addMap(space.editToken, space.id, { id: 'after-revoke' })).status).toBe(401);
    expect(await upgradeStatus(server.port, a.id, space.viewToken)).toBe(101);
    expect((await call(server.port, spaceLinksPath(space.id), space.ownerToken)).body).toEqual({ editToken: null, commentToken: space.commentToken, viewToken: space.viewToken });

    // and the other way round: rotating a map's own view link closes its own view connections, not the space's
    const guestViewer = rawSocket(server.port, a.id, a.viewToken);
    await opened(guestViewer);
    const guestClosed = closeOf(guestViewer);
    expect((await call(server.port, `/api/maps/${a.id}/links/view/rotate`, a.ownerToken, { method: 'POST' })).status).toBe(200);
    expect(await guestClosed).toEqual({ code: 4401, reason: 'link revoked' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(anyOtherClosed).toBe(false);
    for (const ws of stillOpen) ws.close();
  });

  it("rotating a link closes the old token's connections; the new token opens the space room and its maps; only the space's owner rotates, revokes and reads the links", async () => {
    const space = await createSpace();
    const map = await newSpaceMap(space);
    const inRoom = keep(connect(server.port, spaceSyncRoom(space.id), space.viewToken));
    const inMap = keep(connect(server.port, map.id, space.viewToken));
    await Promise.all([whenSynced(inRoom), whenSynced(inMap)]);

    const rotated = await call<{ token: string }>(server.port, spaceLinkPath(space.id, 'view', true), space.ownerToken, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.token;
    secrets.push(fresh);
    expect(fresh).toMatch(/^s\.[A-Za-z0-9_-]{44}$/);
    expect(spaceOfToken(fresh)).toBe(space.id);
    expect(fresh).not.toBe(space.viewToken);
    await waitFor(() => inRoom.closes.length > 0 && inMap.closes.length > 0, 'both connections to close');
    expect([inRoom.closes[0], inMap.closes[0]]).toEqual([
      { code: 4401, reason: 'link revoked' },
      { code: 4401, reason: 'link revoked' },
    ]);
    expect(await upgradeStatus(server.port, map.id, space.viewToken)).toBe(401);
    const again = keep(connect(server.port, map.id, fresh));
    const againRoom = keep(connect(server.port, spaceSyncRoom(space.id), fresh));
    await Promise.all([whenSynced(again), whenSynced(againRoom)]);
    expect((await call(server.port, spaceAccessPath(space.id), fresh)).body).toEqual({ role: 'view', name: 'Customer experience' });
    expect((await call(server.port, spaceLinksPath(space.id), space.ownerToken)).body).toEqual({ editToken: space.editToken, commentToken: space.commentToken, viewToken: fresh });

    for (const role of ['edit', 'comment', 'view'] as LinkRole[]) {
      expect((await call(server.port, spaceLinkPath(space.id, role, true), space.editToken, { method: 'POST' })).status).toBe(403);
      expect((await call(server.port, spaceLinkPath(space.id, role, false), fresh, { method: 'DELETE' })).status).toBe(403);
      expect((await call(server.port, spaceLinkPath(space.id, role, true), space.viewToken, { method: 'POST' })).status).toBe(401);
    }
    expect((await call(server.port, spaceLinksPath(space.id), space.editToken)).status).toBe(403);
    expect((await call(server.port, `${API_SPACES}/${space.id}/links/owner/rotate`, space.ownerToken, { method: 'POST' })).status).toBe(400);
    expect((await call(server.port, spaceLinkPath(space.id, 'edit', true), space.ownerToken, { method: 'GET' })).status).toBe(405);
    // nothing else changed
    expect(again.closes).toEqual([]);
  });
});

describe('quotas and bounds', () => {
  it("space creation and adding maps share the registration quota (429 with Retry-After); a full space is 409; the index room holds at most MAX_ROOM_BYTES", async () => {
    const limited = await spawnRelay({ PORT: '0', STORE: 'memory', DATA_DIR: tempDataDir(), REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '5', MAX_MAPS_PER_SPACE: '2', MAX_ROOM_BYTES: '8192' });
    try {
      const space = await createSpace(limited.port); // 1
      expect((await addMap(space.editToken, space.id, { id: 'one' }, limited.port)).status).toBe(201); // 2
      expect((await addMap(space.editToken, space.id, { id: 'two' }, limited.port)).status).toBe(201); // 3
      const full = await addMap(space.editToken, space.id, { id: 'three' }, limited.port); // 4
      expect(full.status).toBe(409);
      expect(full.body).toEqual({ error: expect.stringMatching(/MAX_MAPS_PER_SPACE/) });
      expect((await call(limited.port, '/api/maps', null, { body: { id: 'plain' } })).status).toBe(201); // 5
      for (const res of [await call(limited.port, API_SPACES, null, { body: { name: 'more' } }), await addMap(space.editToken, space.id, { id: 'four' }, limited.port), await call(limited.port, '/api/maps', null, { body: { id: 'x' } })]) {
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(res.body).toEqual({ error: expect.stringMatching(/too many .*registrations from this address/) });
      }
      // reading is not registering
      expect((await call(limited.port, spaceMapsPath(space.id), space.viewToken)).status).toBe(200);

      // the index room is a room like any other: past MAX_ROOM_BYTES it takes no more
      const editor = keep(connect(limited.port, spaceSyncRoom(space.id), space.editToken));
      await whenSynced(editor);
      editor.doc.getMap('meta').set('padding', 'x'.repeat(10_000));
      await waitFor(() => editor.closes.length > 0, 'the writer to be closed');
      expect(editor.denied).toEqual(['map-full']);
      expect(editor.closes[0]).toEqual({ code: 4413, reason: 'map too large' });
    } finally {
      await stop(limited);
    }
  });

  it('keeps spaces, their maps and their links across a restart (LevelDB)', async () => {
    const dataDir = tempDataDir();
    const first = await spawnRelay({ PORT: '0', STORE: 'leveldb', DATA_DIR: dataDir });
    let space: Space;
    let map: Tokens;
    let view: string;
    try {
      space = await createSpace(first.port, 'Kept');
      map = (await addMap(space.editToken, space.id, { id: 'kept-map' }, first.port)).body.registered!;
      view = (await call<{ token: string }>(first.port, spaceLinkPath(space.id, 'view', true), space.ownerToken, { method: 'POST' })).body.token;
      const editor = connect(first.port, map.id, space.editToken);
      await whenSynced(editor);
      editor.doc.getMap('m').set('kept', 1);
      const reader = connect(first.port, map.id, map.viewToken);
      await waitFor(() => reader.doc.getMap('m').get('kept') === 1, 'the write at a reader');
      editor.destroy();
      reader.destroy();
    } finally {
      await stop(first);
    }
    const second = await spawnRelay({ PORT: '0', STORE: 'leveldb', DATA_DIR: dataDir });
    try {
      expect((await call(second.port, spaceMapsPath(space.id), view)).body).toEqual({ name: 'Kept', role: 'view', maps: [{ id: 'kept-map', addedAt: expect.any(String) }] });
      expect((await call(second.port, spaceMapsPath(space.id), space.viewToken)).status).toBe(401);
      const member = connect(second.port, map.id, space.commentToken);
      await whenSynced(member);
      expect(member.doc.getMap('m').get('kept')).toBe(1);
      member.destroy();
      expect((await addMap(space.ownerToken, space.id, { id: 'kept-map', ownerToken: map.ownerToken }, second.port)).status).toBe(409);
    } finally {
      await stop(second);
    }
  });
});

describe('a token check that straddles a revocation', () => {
  const { relay, track } = perTest();

  it("a connection whose space token was checked just before its link was revoked is closed (4401) once it has joined", async () => {
    // in this process, to hold the check between reading the space's record and the map's
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const space = (await call<Space>(first.port, API_SPACES, null, { body: { name: 'Gate' } })).body;
    const map = (await addMap(space.ownerToken, space.id, { id: 'gated' }, first.port)).body.registered!;
    await first.close();
    // a fresh process has nothing cached: the check reads the space's record, then the map's,
    // and the map's read is held until the space's edit link has been revoked
    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const getAccess = second.store.getAccess.bind(second.store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    second.store.getAccess = async (key) => {
      const record = await getAccess(key);
      if (reads++ === 0) await gate;
      return record;
    };
    const editor = track(connect(second.port, map.id, space.editToken));
    await waitFor(() => reads === 1, "the check to read the map's record");
    expect((await call(second.port, spaceLinkPath(space.id, 'edit', false), space.ownerToken, { method: 'DELETE' })).status).toBe(204);
    release();
    await waitFor(() => editor.closes.length > 0, 'the straddling connection to close');
    expect(editor.closes[0]).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await upgradeStatus(second.port, map.id, space.editToken)).toBe(401);
  });

  it('the index room takes no checkpoints (it is not a map); a map of the space does', async () => {
    const local = await relay({ CHECKPOINT_IDLE_MS: '50', ROOM_IDLE_MS: '60000' });
    const space = (await call<Space>(local.port, API_SPACES, null, { body: { name: 'No versions' } })).body;
    const map = (await addMap(space.ownerToken, space.id, { id: 'with-versions' }, local.port)).body.registered!;
    const index = track(connect(local.port, spaceSyncRoom(space.id), space.editToken));
    const inMap = track(connect(local.port, map.id, space.editToken));
    await Promise.all([whenSynced(index), whenSynced(inMap)]);
    index.doc.getMap('meta').set('name', 'changed');
    inMap.doc.getMap('m').set('changed', 1);
    await waitFor(async () => (await call<{ versions: unknown[] }>(local.port, versionsPath(map.id), space.viewToken)).body.versions.length > 0, "the map's checkpoint");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await local.store.listVersions(`~space/${space.id}`)).toEqual([]);
  });
});
