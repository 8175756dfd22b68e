import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken, newToken } from '../../server/auth';
import { LevelDbStore, type AccessRecord } from '../../server/store';
import { readJourney } from '../../src/model/doc';
import { addCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import {
  closeOf,
  commentText,
  connect,
  connectAs,
  httpUrl,
  newRoomId,
  metricsText,
  opened,
  rawSocket,
  registerMap,
  tempDataDir,
  upgradeStatus,
  waitFor,
  whenSynced,
  writeComment,
  type Client,
  type Server,
  STAYS_ON_LEVELDB,
} from '../support/relay';
import { perTest } from '../support/perTest';

const { relay, track } = perTest();



const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const api = (server: Server, p: string, init: RequestInit = {}) => fetch(httpUrl(server.port, p), init);
const accessOf = async (server: Server, id: string, token: string) => (await api(server, `/api/maps/${id}/access`, { headers: bearer(token) })).json();
const putLock = (server: Server, id: string, token: string | null, body: string) =>
  api(server, `/api/maps/${id}/lock`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : bearer(token)) },
    body,
  });

/** a card cell of a map made from a template */
function firstCell(doc: Y.Doc) {
  const { stages, lanes } = readJourney(doc);
  return { stageId: stages[0]!.id, laneId: lanes[0]!.id };
}
const hasCard = (client: Client, id: string) => readJourney(client.doc).cards.some((c) => c.id === id);
const feedbackOf = (client: Client) => client.doc.getMap<string>('comments');

describe('the comment role', () => {
  it('a comment-role client can write feedback', async () => {
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    const commenter = track(connectAs(first.port, `${map.id}/feedback`, map.commentToken));
    const other = track(connect(first.port, `${map.id}/feedback`, map.viewToken));
    await Promise.all([whenSynced(commenter), whenSynced(other)]);

    writeComment(commenter, 'c1', 'this stage needs a touchpoint');
    await waitFor(() => commentText(other, 'c1') === 'this stage needs a touchpoint', 'the comment at another client');
    expect(commenter.denied).toEqual([]);
    expect(commenter.closes).toEqual([]);
    commenter.destroy();
    other.destroy();
    await first.close();

    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const reader = track(connect(second.port, `${map.id}/feedback`, map.ownerToken));
    await whenSynced(reader);
    expect(commentText(reader, 'c1')).toBe('this stage needs a touchpoint');
  });

  it('a comment-role client cannot change a card', async () => {
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    const owner = track(connect(first.port, map.id, map.ownerToken, createMapFromTemplate('retail', 'en')));
    const commenter = track(connect(first.port, map.id, map.commentToken));
    const watcher = track(connect(first.port, map.id, map.editToken));
    await Promise.all([whenSynced(owner), whenSynced(commenter), whenSynced(watcher)]);
    const json = (c: Client) => JSON.stringify(readJourney(c.doc));
    await waitFor(() => json(commenter) === json(owner) && json(watcher) === json(owner), 'everyone to have the map');
    const cell = firstCell(owner.doc);
    const renamed = readJourney(owner.doc).cards[0]!;

    const sneaky = addCard(commenter.doc, { ...cell, title: 'written by a commenter' })!;
    await waitFor(() => commenter.denied.length > 0, 'a permission-denied auth message');
    expect(commenter.denied).toEqual(['read-only']);
    // told, not thrown out
    expect(commenter.closes).toEqual([]);
    expect(commenter.provider.wsconnected).toBe(true);

    // a later update from the owner reaches the watcher: had the commenter's been broadcast, it would have come first
    const legit = addCard(owner.doc, { ...cell, title: 'written by the owner' })!;
    await waitFor(() => hasCard(watcher, legit) && hasCard(commenter, legit), "the owner's card at the watcher and the commenter");
    expect(hasCard(watcher, sneaky)).toBe(false);
    expect(hasCard(owner, sneaky)).toBe(false);
    // not applied on the relay: a late joiner gets the relay's copy
    const late = track(connect(first.port, map.id, map.viewToken));
    await whenSynced(late);
    expect(hasCard(late, legit)).toBe(true);
    expect(hasCard(late, sneaky)).toBe(false);
    expect(readJourney(late.doc).cards.find((c) => c.id === renamed.id)?.title).toBe(renamed.title);
    for (const c of [owner, commenter, watcher, late]) c.destroy();
    await first.close();

    // not stored
    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const reader = track(connect(second.port, map.id, map.ownerToken));
    await whenSynced(reader);
    expect(hasCard(reader, legit)).toBe(true);
    expect(hasCard(reader, sneaky)).toBe(false);
  });

  it('rotating the comment link refuses the old token at upgrade; revoking it closes open comment connections with 4401', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    const inMap = track(connect(server.port, map.id, map.commentToken));
    const inFeedback = rawSocket(server.port, `${map.id}/feedback`, map.commentToken);
    const editor = track(connect(server.port, map.id, map.editToken));
    const viewer = track(connect(server.port, `${map.id}/feedback`, map.viewToken));
    await Promise.all([whenSynced(inMap), whenSynced(editor), whenSynced(viewer), opened(inFeedback)]);
    const feedbackClosed = closeOf(inFeedback);

    const rotated = await api(server, `/api/maps/${map.id}/links/comment/rotate`, { method: 'POST', headers: bearer(map.ownerToken) });
    expect(rotated.status).toBe(200);
    const { token } = (await rotated.json()) as { token: string };
    expect(token).not.toBe(map.commentToken);
    await waitFor(() => inMap.closes.length > 0, 'the comment connection to close');
    expect(inMap.closes[0]).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await feedbackClosed).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await upgradeStatus(server.port, map.id, map.commentToken)).toBe(401);
    expect(await upgradeStatus(server.port, `${map.id}/feedback`, map.commentToken)).toBe(401);
    expect((await api(server, `/api/maps/${map.id}/access`, { headers: bearer(map.commentToken) })).status).toBe(401);
    expect(await accessOf(server, map.id, token)).toEqual({ role: 'comment', locked: false });

    // revoking: the new token's open connections close too, and nothing opens until it is rotated again
    const second = rawSocket(server.port, `${map.id}/feedback`, token);
    await opened(second);
    const secondClosed = closeOf(second);
    const revoked = await api(server, `/api/maps/${map.id}/links/comment`, { method: 'DELETE', headers: bearer(map.ownerToken) });
    expect(revoked.status).toBe(204);
    expect(await secondClosed).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await upgradeStatus(server.port, `${map.id}/feedback`, token)).toBe(401);
    // only the comment role was touched
    expect(editor.closes).toEqual([]);
    expect(viewer.closes).toEqual([]);
    // and only the owner can do either
    expect((await api(server, `/api/maps/${map.id}/links/comment/rotate`, { method: 'POST', headers: bearer(map.editToken) })).status).toBe(403);
    expect((await api(server, `/api/maps/${map.id}/links/comment`, { method: 'DELETE', headers: bearer(token) })).status).toBe(401);
  });
});

describe('the view role', () => {
  it('a view-role client can write neither map nor feedback', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    const owner = track(connect(server.port, map.id, map.ownerToken));
    const ownerFeedback = track(connect(server.port, `${map.id}/feedback`, map.ownerToken));
    const viewer = track(connect(server.port, map.id, map.viewToken));
    const viewerFeedback = track(connect(server.port, `${map.id}/feedback`, map.viewToken));
    await Promise.all([owner, ownerFeedback, viewer, viewerFeedback].map((c) => whenSynced(c)));

    viewer.doc.getMap('m').set('sneaky', 1);
    feedbackOf(viewerFeedback).set('sneaky', 'a comment from a viewer');
    await waitFor(() => viewer.denied.length > 0 && viewerFeedback.denied.length > 0, 'both writes to be refused');
    expect(viewer.denied).toEqual(['read-only']);
    expect(viewerFeedback.denied).toEqual(['read-only']);
    expect(viewer.closes).toEqual([]);
    expect(viewerFeedback.closes).toEqual([]);

    owner.doc.getMap('m').set('legit', 1);
    feedbackOf(ownerFeedback).set('legit', 'a comment from the owner');
    await waitFor(() => viewer.doc.getMap('m').has('legit') && feedbackOf(viewerFeedback).has('legit'), "the owner's writes at the viewer");
    expect(owner.doc.getMap('m').has('sneaky')).toBe(false);
    expect(feedbackOf(ownerFeedback).has('sneaky')).toBe(false);
    const lateMap = track(connect(server.port, map.id, map.ownerToken));
    const lateFeedback = track(connect(server.port, `${map.id}/feedback`, map.ownerToken));
    await Promise.all([whenSynced(lateMap), whenSynced(lateFeedback)]);
    expect(lateMap.doc.getMap('m').toJSON()).toEqual({ legit: 1 });
    expect(feedbackOf(lateFeedback).toJSON()).toEqual({ legit: 'a comment from the owner' });
  });
});

describe('every role', () => {
  it("every role's sync step 1 is answered and its presence relayed, in the map room and the feedback room", async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    await putLock(server, map.id, map.ownerToken, JSON.stringify({ locked: true }));
    const roles = { owner: map.ownerToken, edit: map.editToken, comment: map.commentToken, view: map.viewToken };
    for (const room of [map.id, `${map.id}/feedback`]) {
      const clients = Object.entries(roles).map(([role, token]) => {
        const client = track(connect(server.port, room, token));
        client.provider.awareness.setLocalStateField('user', { name: role });
        return client;
      });
      // synced = the relay answered the client's sync step 1 with its sync step 2
      await Promise.all(clients.map((c) => whenSynced(c)));
      const names = (c: Client) =>
        new Set([...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name));
      for (const client of clients) await waitFor(() => Object.keys(roles).every((role) => names(client).has(role)), `every role's presence in ${room}`);
    }
    const metrics = await metricsText(server.port);
    expect(metrics).toMatch(/^waymark_connections\{role="comment"\} 2$/m);
  });
});

describe('locking a map', () => {
  it('while locked, an edit-role client cannot change the map but can write feedback, and the owner can change the map; unlocking lets it edit again', async () => {
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    const owner = track(connect(first.port, map.id, map.ownerToken, createMapFromTemplate('retail', 'en')));
    const editor = track(connect(first.port, map.id, map.editToken));
    const editorFeedback = track(connectAs(first.port, `${map.id}/feedback`, map.editToken));
    const watcher = track(connect(first.port, map.id, map.viewToken));
    const watcherFeedback = track(connect(first.port, `${map.id}/feedback`, map.viewToken));
    await Promise.all([owner, editor, editorFeedback, watcher, watcherFeedback].map((c) => whenSynced(c)));
    const json = (c: Client) => JSON.stringify(readJourney(c.doc));
    await waitFor(() => json(editor) === json(owner) && json(watcher) === json(owner), 'everyone to have the map');
    const cell = firstCell(owner.doc);

    const locked = await putLock(first, map.id, map.ownerToken, JSON.stringify({ locked: true }));
    expect(locked.status).toBe(200);
    expect(await locked.json()).toEqual({ locked: true });
    // the editor's map connection is closed so that its client refetches /access; nobody else's is
    await waitFor(() => editor.closes.length > 0, "the editor's map connection to close");
    expect(editor.closes[0]).toEqual({ code: 4409, reason: 'access changed' });
    expect(await accessOf(first, map.id, map.editToken)).toEqual({ role: 'edit', locked: true });
    expect(await accessOf(first, map.id, map.ownerToken)).toEqual({ role: 'owner', locked: true });
    expect(await accessOf(first, map.id, map.viewToken)).toEqual({ role: 'view', locked: true });
    // stock y-websocket treats 44xx as final; the app reconnects after refetching /access, as here
    await waitFor(() => !editor.provider.shouldConnect, 'the provider to stop');
    editor.provider.connect();
    await whenSynced(editor);
    for (const c of [owner, editorFeedback, watcher, watcherFeedback]) expect(c.closes).toEqual([]);

    const refused = addCard(editor.doc, { ...cell, title: 'written while locked' })!;
    await waitFor(() => editor.denied.length > 0, 'a permission-denied auth message');
    expect(editor.denied).toEqual(['locked']);
    expect(editor.closes).toHaveLength(1); // told, not thrown out
    writeComment(editorFeedback, 'c1', 'written while locked');
    const byOwner = addCard(owner.doc, { ...cell, title: 'the owner writes while locked' })!;
    await waitFor(() => hasCard(watcher, byOwner) && hasCard(editor, byOwner), "the owner's card at the watcher and the editor");
    await waitFor(() => commentText(watcherFeedback, 'c1') === 'written while locked', "the editor's feedback at the watcher");
    expect(editorFeedback.denied).toEqual([]);
    expect(hasCard(watcher, refused)).toBe(false);
    expect(hasCard(owner, refused)).toBe(false);
    const late = track(connect(first.port, map.id, map.viewToken));
    await whenSynced(late);
    expect(hasCard(late, refused)).toBe(false);
    for (const c of [owner, editor, editorFeedback, watcher, watcherFeedback, late]) c.destroy();
    await first.close();

    // the lock is in the store: it survives a restart, and the refused card was never stored
    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    expect(await accessOf(second, map.id, map.editToken)).toEqual({ role: 'edit', locked: true });
    const reader = track(connect(second.port, map.id, map.viewToken));
    const editorAgain = track(connect(second.port, map.id, map.editToken));
    const ownerFeedbackAgain = track(connect(second.port, `${map.id}/feedback`, map.ownerToken));
    await Promise.all([whenSynced(reader), whenSynced(editorAgain), whenSynced(ownerFeedbackAgain)]);
    expect(hasCard(reader, byOwner)).toBe(true);
    expect(hasCard(reader, refused)).toBe(false);
    expect(commentText(ownerFeedbackAgain, 'c1')).toBe('written while locked');

    const unlocked = await putLock(second, map.id, map.ownerToken, JSON.stringify({ locked: false }));
    expect(await unlocked.json()).toEqual({ locked: false });
    await waitFor(() => editorAgain.closes.length > 0, "the editor's map connection to close on unlock");
    expect(editorAgain.closes[0]).toEqual({ code: 4409, reason: 'access changed' });
    expect(await accessOf(second, map.id, map.editToken)).toEqual({ role: 'edit', locked: false });
    editorAgain.provider.connect();
    await whenSynced(editorAgain);
    const afterUnlock = addCard(editorAgain.doc, { ...firstCell(editorAgain.doc), title: 'written after unlocking' })!;
    await waitFor(() => hasCard(reader, afterUnlock), "the editor's card at the reader");
    expect(editorAgain.denied).toEqual([]);
    expect(reader.closes).toEqual([]);
    expect(ownerFeedbackAgain.closes).toEqual([]);
  });

  it('a change refused while locked stays in its client and is applied once the map is unlocked and the client resyncs', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    await putLock(server, map.id, map.ownerToken, JSON.stringify({ locked: true }));
    const editor = track(connect(server.port, map.id, map.editToken));
    const watcher = track(connect(server.port, map.id, map.viewToken));
    await Promise.all([whenSynced(editor), whenSynced(watcher)]);
    editor.doc.getMap('m').set('while-locked', 1);
    await waitFor(() => editor.denied.length > 0, 'the refusal');
    expect(editor.denied).toEqual(['locked']);
    await putLock(server, map.id, map.ownerToken, JSON.stringify({ locked: false }));
    await waitFor(() => editor.closes.length > 0, 'the 4409');
    // the relay refuses, it cannot take back: the change is still in the editor's doc, and its sync step 2 carries it
    editor.provider.connect();
    await waitFor(() => watcher.doc.getMap('m').get('while-locked') === 1, 'the once-refused change at the watcher');
  });

  it('a connection whose token check straddles the lock being switched on follows the lock', async () => {
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    await first.close();
    // a fresh process has nothing cached: the editor's token check reads the store, and is held
    // there until the owner's lock has gone through
    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const getAccess = second.store.getAccess.bind(second.store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    second.store.getAccess = async (id) => {
      const record = await getAccess(id);
      if (reads++ === 0) await gate;
      return record;
    };
    const editor = track(connect(second.port, map.id, map.editToken));
    await waitFor(() => reads === 1, "the editor's token check to read the store");
    const locked = await putLock(second, map.id, map.ownerToken, JSON.stringify({ locked: true }));
    expect(await locked.json()).toEqual({ locked: true });
    release();
    await whenSynced(editor);
    editor.doc.getMap('m').set('k', 1);
    await waitFor(() => editor.denied.length > 0, 'the refusal');
    expect(editor.denied).toEqual(['locked']);
    // and the read that started before the lock did not bring the unlocked record back
    expect(await accessOf(second, map.id, map.editToken)).toEqual({ role: 'edit', locked: true });
  });

  it('only the owner can lock: another role 403, no or a wrong token 401, a bad body 400, another method 405', async () => {
    const server = await relay();
    const map = await registerMap(server.port);
    const lock = JSON.stringify({ locked: true });
    for (const token of [map.editToken, map.commentToken, map.viewToken]) {
      const res = await putLock(server, map.id, token, lock);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    for (const token of [null, 'nonsense']) {
      const res = await putLock(server, map.id, token, lock);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect((await putLock(server, newRoomId('unknown'), map.ownerToken, lock)).status).toBe(401);
    for (const body of ['{}', '{"locked":"yes"}', '{"locked":1}', 'null', '[]', '{"locked": ']) {
      const res = await putLock(server, map.id, map.ownerToken, body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    const get = await api(server, `/api/maps/${map.id}/lock`, { headers: bearer(map.ownerToken) });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('PUT');
    // nothing changed
    expect(await accessOf(server, map.id, map.editToken)).toEqual({ role: 'edit', locked: false });
    // locking what is locked already answers the same and closes nobody
    const editor = track(connect(server.port, map.id, map.editToken));
    await whenSynced(editor);
    expect(await (await putLock(server, map.id, map.ownerToken, lock)).json()).toEqual({ locked: true });
    await waitFor(() => editor.closes.length === 1, 'the editor to be closed once');
    expect(await (await putLock(server, map.id, map.ownerToken, lock)).json()).toEqual({ locked: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(editor.closes).toHaveLength(1);
  });
});

describe('access records stored before the comment role and the lock', () => {
  it('an access record in the old shape still opens for owner, edit and view, is unlocked, and refuses any comment token', async () => {
    const dataDir = tempDataDir();
    const id = newRoomId('old');
    const tokens = { owner: newToken(), edit: newToken(), view: newToken() };
    const store = new LevelDbStore(dataDir);
    // exactly what the relay wrote before: no `comment`, no `locked`
    const oldShape = { owner: hashToken(tokens.owner), edit: hashToken(tokens.edit), view: hashToken(tokens.view), createdAt: '2026-01-01T00:00:00.000Z' };
    await store.putAccess(id, oldShape as unknown as AccessRecord);
    expect(Object.keys((await store.getAccess(id))!).sort()).toEqual(['createdAt', 'edit', 'owner', 'view']);
    await store.close();

    // the record is planted in LevelDB and read back from it: stays on LevelDB when the suite runs against PostgreSQL
    const server = await relay({ STORE: 'leveldb', DATA_DIR: dataDir, ...STAYS_ON_LEVELDB });
    for (const [token, role] of [
      [tokens.owner, 'owner'],
      [tokens.edit, 'edit'],
      [tokens.view, 'view'],
    ] as const) {
      expect(await upgradeStatus(server.port, id, token)).toBe(101);
      expect(await upgradeStatus(server.port, `${id}/feedback`, token)).toBe(101);
      expect(await accessOf(server, id, token)).toEqual({ role, locked: false });
    }
    // there is no comment token: whatever is presented, nothing opens as 'comment'
    for (const token of [newToken(), '', 'null', hashToken('null')]) {
      expect(await upgradeStatus(server.port, `${id}/feedback`, token)).toBe(401);
      expect((await api(server, `/api/maps/${id}/access`, { headers: bearer(token) })).status).toBe(401);
    }
    // an editor still writes the map
    const editor = track(connect(server.port, id, tokens.edit));
    const viewer = track(connect(server.port, id, tokens.view));
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.doc.getMap('m').set('k', 1);
    await waitFor(() => viewer.doc.getMap('m').get('k') === 1, "the editor's write at the viewer");
    expect(editor.denied).toEqual([]);

    // the owner gets a comment link by rotating one; the record is then stored in the new shape
    const rotated = await api(server, `/api/maps/${id}/links/comment/rotate`, { method: 'POST', headers: bearer(tokens.owner) });
    expect(rotated.status).toBe(200);
    const { token: commentToken } = (await rotated.json()) as { token: string };
    expect(await accessOf(server, id, commentToken)).toEqual({ role: 'comment', locked: false });
    expect(await upgradeStatus(server.port, `${id}/feedback`, commentToken)).toBe(101);
    editor.destroy();
    viewer.destroy();
    await server.close();
    const reopened = new LevelDbStore(dataDir);
    const record = await reopened.getAccess(id);
    await reopened.close();
    expect(record).toEqual({ ...oldShape, comment: hashToken(commentToken), locked: false });
  });
});
