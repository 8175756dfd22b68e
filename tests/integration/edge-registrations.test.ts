import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken, newToken } from '../../server/auth';
import { LevelDbStore } from '../../server/store';
import {
  commentText,
  connect,
  connectAs,
  writeComment,
  httpUrl,
  newRoomId,
  registerMap,
  startRelay,
  storedRoomName,
  tempDataDir,
  upgradeStatus,
  waitFor,
  whenSynced,
  type Server,
  type Tokens,
} from '../support/relay';
import { perTest } from '../support/perTest';

const { relay, track } = perTest();



const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const api = (server: Server, p: string, init: RequestInit = {}) => fetch(httpUrl(server.port, p), init);
const accessOf = async (server: Server, id: string, token: string) => {
  const res = await api(server, `/api/maps/${id}/access`, { headers: bearer(token) });
  return res.status === 200 ? res.json() : res.status;
};
const rotate = async (server: Server, id: string, ownerToken: string, role: string) => {
  const res = await api(server, `/api/maps/${id}/links/${role}/rotate`, { method: 'POST', headers: bearer(ownerToken) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
};
const lock = (server: Server, id: string, ownerToken: string, locked: boolean) =>
  api(server, `/api/maps/${id}/lock`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...bearer(ownerToken) }, body: JSON.stringify({ locked }) });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The first registration of `id` writes into its map and feedback rooms, the second opens and
 * writes its own; then each does everything an owner can to its share. Neither sees or changes
 * anything of the other's.
 */
async function twoRegistrationsOfOneId(server: Server, first: Tokens, second: Tokens): Promise<void> {
  const firstEditor = track(connect(server.port, first.id, first.editToken));
  const firstViewer = track(connect(server.port, first.id, first.viewToken));
  const firstFeedback = track(connectAs(server.port, `${first.id}/feedback`, first.commentToken));
  await Promise.all([whenSynced(firstEditor), whenSynced(firstViewer), whenSynced(firstFeedback)]);
  firstEditor.doc.getMap('m').set('owner', 'the real map');
  writeComment(firstFeedback, 'c1', 'a real comment');
  await waitFor(() => firstViewer.doc.getMap('m').get('owner') === 'the real map', "the owner's edit at its viewer");

  // the second registration opens the same id and finds nothing of the first one's
  const secondEditor = track(connect(server.port, second.id, second.editToken));
  const secondFeedback = track(connect(server.port, `${second.id}/feedback`, second.ownerToken));
  await Promise.all([whenSynced(secondEditor), whenSynced(secondFeedback)]);
  expect(secondEditor.doc.getMap('m').toJSON()).toEqual({});
  expect(secondFeedback.doc.getMap('comments').toJSON()).toEqual({});
  // and what it writes stays in its own rooms
  secondEditor.doc.getMap('m').set('owner', 'overwritten by the other registration');
  secondFeedback.doc.getMap('comments').set('c1', 'spam');

  // it does everything an owner can: rotate, revoke, lock
  await rotate(server, second.id, second.ownerToken, 'edit');
  expect((await api(server, `/api/maps/${second.id}/links/view`, { method: 'DELETE', headers: bearer(second.ownerToken) })).status).toBe(204);
  expect((await lock(server, second.id, second.ownerToken, true)).status).toBe(200);
  await pause(300);

  // the first registration's map, feedback, links, connections and lock are as they were
  expect(firstViewer.doc.getMap('m').get('owner')).toBe('the real map');
  expect(commentText(firstFeedback, 'c1')).toBe('a real comment');
  expect(firstEditor.closes).toEqual([]);
  expect(firstViewer.closes).toEqual([]);
  expect(firstFeedback.closes).toEqual([]);
  expect(await accessOf(server, first.id, first.editToken)).toEqual({ role: 'edit', locked: false });
  expect(await accessOf(server, first.id, first.viewToken)).toEqual({ role: 'view', locked: false });
  firstEditor.doc.getMap('m').set('still', 'writing');
  await waitFor(() => firstViewer.doc.getMap('m').get('still') === 'writing', 'an edit after the other registration locked its share');
  expect(firstEditor.denied).toEqual([]);

  // the tokens of either registration open nothing of the other: no owner operation, no access
  expect((await lock(server, first.id, second.ownerToken, false)).status).toBe(200); // its own share
  expect(await accessOf(server, second.id, second.ownerToken)).toEqual({ role: 'owner', locked: false });
  // a second registration's secret with the first one's registration id is just a wrong token
  const transplanted = first.ownerToken.slice(0, 12) + second.ownerToken.slice(12);
  expect(await accessOf(server, first.id, transplanted)).toBe(401);
  expect(await upgradeStatus(server.port, first.id, transplanted)).toBe(401);
  expect((await api(server, `/api/maps/${first.id}/links/edit/rotate`, { method: 'POST', headers: bearer(transplanted) })).status).toBe(401);
}

describe('every registration is a share of its own', () => {
  it("registering an existing map id answers like any other registration and cannot touch the first owner's map", async () => {
    const server = await relay();
    const id = newRoomId('taken');
    const owner = await registerMap(server.port, id);
    const second = await registerMap(server.port, id); // 201, or registerMap throws
    expect(second.id).toBe(id);
    await twoRegistrationsOfOneId(server, owner, second);
  });

  it('a squatter who registers an id before its owner neither blocks the owner nor sees or touches the map', async () => {
    const server = await relay();
    const id = newRoomId('squatted');
    // the squatter learnt the id (a screenshot of a URL, a log) and registers it first
    const squatter = await registerMap(server.port, id);
    const owner = await registerMap(server.port, id);
    await twoRegistrationsOfOneId(server, owner, squatter);
  });

  it('rotating a link keeps its registration: the new token opens the same rooms, the old one nothing', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    const writer = track(connect(server.port, map.id, map.ownerToken));
    await whenSynced(writer);
    writer.doc.getMap('m').set('k', 'v');
    const token = await rotate(server, map.id, map.ownerToken, 'view');
    expect(token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(token.slice(0, 12)).toBe(map.ownerToken.slice(0, 12));
    expect(await upgradeStatus(server.port, map.id, map.viewToken)).toBe(401);
    const viewer = track(connect(server.port, map.id, token));
    await waitFor(() => viewer.doc.getMap('m').get('k') === 'v', 'the map through the rotated link');
  });

  it('the relay keeps a registration under <mapId>~<registration id>, never under the bare map id', async () => {
    const dataDir = tempDataDir();
    const server = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(server.port);
    const writer = connect(server.port, map.id, map.ownerToken);
    await whenSynced(writer);
    writer.doc.getMap('m').set('k', 'v');
    const reader = connect(server.port, map.id, map.viewToken);
    await waitFor(() => reader.doc.getMap('m').get('k') === 'v', 'the edit to be stored and relayed');
    writer.destroy();
    reader.destroy();
    await server.close();
    const store = new LevelDbStore(dataDir);
    try {
      expect(storedRoomName(map)).toBe(`${map.id}~${map.ownerToken.slice(0, 12)}`);
      expect(await store.getAccess(storedRoomName(map))).toMatchObject({ owner: hashToken(map.ownerToken) });
      expect(await store.getAccess(map.id)).toBeUndefined();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await store.loadDoc(storedRoomName(map)));
      expect(doc.getMap('m').get('k')).toBe('v');
      const bare = new Y.Doc();
      Y.applyUpdate(bare, await store.loadDoc(map.id));
      expect(bare.getMap('m').toJSON()).toEqual({});
    } finally {
      await store.close();
    }
  });
});

describe('maps registered before registrations had ids', () => {
  it('legacy 32-character links keep opening their map and feedback rooms as stored, and a new registration of the id leaves them alone', async () => {
    const dataDir = tempDataDir();
    const id = newRoomId('legacy');
    const tokens = { owner: newToken(), edit: newToken(), comment: newToken(), view: newToken() };
    expect(tokens.owner).toHaveLength(32);
    // what the relay stored before: the record under the bare id, the rooms <id> and <id>/feedback
    const store = new LevelDbStore(dataDir);
    await store.putAccess(id, {
      owner: hashToken(tokens.owner),
      edit: hashToken(tokens.edit),
      comment: hashToken(tokens.comment),
      view: hashToken(tokens.view),
      locked: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const content = new Y.Doc();
    content.getMap('m').set('k', 'from before');
    await store.storeUpdate(id, Y.encodeStateAsUpdate(content));
    const feedback = new Y.Doc();
    feedback.getMap('comments').set('c', 'an old comment');
    await store.storeUpdate(`${id}/feedback`, Y.encodeStateAsUpdate(feedback));
    await store.close();

    const server = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    expect(await accessOf(server, id, tokens.owner)).toEqual({ role: 'owner', locked: false });
    const viewer = track(connect(server.port, id, tokens.view));
    const commenter = track(connect(server.port, `${id}/feedback`, tokens.comment));
    await waitFor(() => viewer.doc.getMap('m').get('k') === 'from before', 'the stored map');
    await waitFor(() => commenter.doc.getMap('comments').get('c') === 'an old comment', 'the stored feedback');

    // someone registers the same id now: a share of its own, empty, and the legacy one is untouched
    const newcomer = await registerMap(server.port, id);
    const other = track(connect(server.port, id, newcomer.ownerToken));
    await whenSynced(other);
    expect(other.doc.getMap('m').toJSON()).toEqual({});
    other.doc.getMap('m').set('k', 'the newcomer');
    await rotate(server, id, newcomer.ownerToken, 'view');
    await pause(200);
    expect(viewer.doc.getMap('m').get('k')).toBe('from before');
    expect(viewer.closes).toEqual([]);

    // the legacy owner still manages its links; a rotated legacy link is a legacy token too
    const rotated = await rotate(server, id, tokens.owner, 'view');
    expect(rotated).toHaveLength(32);
    await waitFor(() => viewer.closes.length === 1, 'the old legacy view link to close');
    expect(viewer.closes[0]).toEqual({ code: 4401, reason: 'link revoked' });
    const again = track(connect(server.port, id, rotated));
    await waitFor(() => again.doc.getMap('m').get('k') === 'from before', 'the stored map through the rotated legacy link');
  });
});
