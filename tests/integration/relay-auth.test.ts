import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKey } from '../../src/access/rooms';
import { hashToken } from '../../server/auth';
import { LevelDbStore } from '../../server/store';
import {
  closeOf,
  connect,
  httpUrl,
  newRoomId,
  opened,
  rawSocket,
  registerMap,
  startRelay,
  tempDataDir,
  upgradeStatus,
  waitFor,
  whenSynced,
  type Server,
  STAYS_ON_LEVELDB,
} from '../support/relay';

let server: Server;
beforeAll(async () => {
  server = await startRelay({ ALLOWED_ORIGINS: 'https://waymark.example, http://localhost:5173' });
});
afterAll(() => server.close());

const api = (p: string, init: RequestInit = {}) => fetch(httpUrl(server.port, p), init);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const post = (body: string, headers: Record<string, string> = {}) =>
  api('/api/maps', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('registering a map', () => {
  it('returns four different tokens (owner, edit, comment, view): a registration id and a secret of at least 128 random bits, once', async () => {
    const id = newRoomId();
    const res = await post(JSON.stringify({ id }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['id', 'ownerToken', 'editToken', 'commentToken', 'viewToken']);
    expect(body.id).toBe(id);
    const tokens = [body.ownerToken!, body.editToken!, body.commentToken!, body.viewToken!];
    expect(new Set(tokens).size).toBe(4);
    // all four name the same registration (its first 12 characters) and differ in their secret
    expect(new Set(tokens.map((t) => t.slice(0, 12))).size).toBe(1);
    expect(new Set(tokens.map((t) => t.slice(12))).size).toBe(4);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{44}$/); // base64url
      expect(Buffer.from(token.slice(12), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
  });

  it('registering a map id that is registered already answers like any other registration: 201, the same shape, other tokens', async () => {
    const id = newRoomId();
    const first = await post(JSON.stringify({ id }));
    const again = await post(JSON.stringify({ id }));
    const fresh = await post(JSON.stringify({ id: newRoomId() }));
    for (const res of [first, again, fresh]) {
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    const [a, b, c] = (await Promise.all([first.json(), again.json(), fresh.json()])) as Array<Record<string, string>>;
    expect(Object.keys(b!)).toEqual(Object.keys(a!));
    expect(Object.keys(c!)).toEqual(Object.keys(a!));
    // the answers differ only where any two registrations do: the id asked for and fresh tokens
    expect(b!.id).toBe(id);
    expect(Object.values(b!).map((v) => v.length)).toEqual(Object.values(a!).map((v) => v.length));
    expect(b!.ownerToken!.slice(0, 12)).not.toBe(a!.ownerToken!.slice(0, 12));
  });

  it('refuses bad ids and bad JSON with 400, big bodies with 413, other methods with 405, always with a JSON error', async () => {
    for (const body of [JSON.stringify({ id: 'has space' }), JSON.stringify({ id: 'x'.repeat(65) }), JSON.stringify({}), JSON.stringify({ id: 7 }), 'null']) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/id/) });
    }
    const notJson = await post('{"id": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'body is not valid JSON' });
    const big = await post(JSON.stringify({ id: 'big', padding: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: expect.any(String) });
    const get = await api('/api/maps');
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ error: expect.any(String) });
  });
});

describe('tokens and roles', () => {
  it('tells each token its role and whether the map is locked, and a wrong token or unknown map 401 alike', async () => {
    const map = await registerMap(server.port);
    for (const [token, role] of [
      [map.ownerToken, 'owner'],
      [map.editToken, 'edit'],
      [map.commentToken, 'comment'],
      [map.viewToken, 'view'],
    ] as const) {
      const res = await api(`/api/maps/${map.id}/access`, { headers: bearer(token) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ role, locked: false });
    }
    expect((await api(`/api/maps/${map.id}/access`)).status).toBe(401);
    expect((await api(`/api/maps/${map.id}/access`, { headers: bearer('wrong') })).status).toBe(401);
    expect((await api(`/api/maps/${newRoomId('unknown')}/access`, { headers: bearer(map.ownerToken) })).status).toBe(401);
  });

  it('refuses an upgrade without a token, with a wrong one or for an unknown map with 401, and lets each role in', async () => {
    const map = await registerMap(server.port);
    expect(await upgradeStatus(server.port, map.id, null)).toBe(401);
    expect(await upgradeStatus(server.port, map.id, 'not-a-token')).toBe(401);
    expect(await upgradeStatus(server.port, map.id, map.editToken.slice(0, -1) + (map.editToken.endsWith('A') ? 'B' : 'A'))).toBe(401);
    expect(await upgradeStatus(server.port, newRoomId('unknown'), map.ownerToken)).toBe(401);
    // another map's token opens only that map
    const other = await registerMap(server.port);
    expect(await upgradeStatus(server.port, map.id, other.ownerToken)).toBe(401);
    for (const token of [map.ownerToken, map.editToken, map.commentToken, map.viewToken]) {
      expect(await upgradeStatus(server.port, map.id, token)).toBe(101);
      expect(await upgradeStatus(server.port, `${map.id}/feedback`, token)).toBe(101);
    }
    expect(await upgradeStatus(server.port, `${map.id}/other`, map.ownerToken)).toBe(404);
  });

  it('refuses browsers from origins outside ALLOWED_ORIGINS with 403', async () => {
    const map = await registerMap(server.port);
    expect(await upgradeStatus(server.port, map.id, map.editToken, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(server.port, map.id, map.editToken, { Origin: 'https://waymark.example' })).toBe(101);
    expect(await upgradeStatus(server.port, map.id, map.editToken, { Origin: 'http://localhost:5173' })).toBe(101);
  });
});

describe('rotating and revoking links', () => {
  it('rotating a link closes its open connections with 4401 "link revoked"; the old token gets 401, the new one works', async () => {
    const map = await registerMap(server.port);
    const editor = connect(server.port, map.id, map.editToken);
    const feedbackEditor = rawSocket(server.port, `${map.id}/feedback`, map.editToken);
    const viewer = connect(server.port, map.id, map.viewToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer), opened(feedbackEditor)]);
    const feedbackClosed = closeOf(feedbackEditor);

    const res = await api(`/api/maps/${map.id}/links/edit/rotate`, { method: 'POST', headers: bearer(map.ownerToken) });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(token).not.toBe(map.editToken);

    await waitFor(() => editor.closes.length > 0, 'the editor to be closed');
    expect(editor.closes[0]).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await feedbackClosed).toEqual({ code: 4401, reason: 'link revoked' });
    // y-websocket does not retry 44xx
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.closes).toHaveLength(1);
    expect(editor.provider.shouldConnect).toBe(false);
    // other roles are untouched
    expect(viewer.closes).toEqual([]);

    expect(await upgradeStatus(server.port, map.id, map.editToken)).toBe(401);
    expect(await upgradeStatus(server.port, map.id, token)).toBe(101);
    expect(await (await api(`/api/maps/${map.id}/access`, { headers: bearer(token) })).json()).toEqual({ role: 'edit', locked: false });
    editor.destroy();
    viewer.destroy();
  });

  it('revoking a link leaves its role without a token until it is rotated again', async () => {
    const map = await registerMap(server.port);
    const viewer = rawSocket(server.port, map.id, map.viewToken);
    await opened(viewer);
    const closed = closeOf(viewer);
    const res = await api(`/api/maps/${map.id}/links/view`, { method: 'DELETE', headers: bearer(map.ownerToken) });
    expect(res.status).toBe(204);
    expect(await closed).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await upgradeStatus(server.port, map.id, map.viewToken)).toBe(401);
    expect((await api(`/api/maps/${map.id}/access`, { headers: bearer(map.viewToken) })).status).toBe(401);
    const rotated = await api(`/api/maps/${map.id}/links/view/rotate`, { method: 'POST', headers: bearer(map.ownerToken) });
    const { token } = (await rotated.json()) as { token: string };
    expect(await upgradeStatus(server.port, map.id, token)).toBe(101);
  });

  it('only the owner may rotate or revoke: no token 401, an edit token 403, an unknown role 400', async () => {
    const map = await registerMap(server.port);
    const rotate = (role: string, headers: Record<string, string> = {}) => api(`/api/maps/${map.id}/links/${role}/rotate`, { method: 'POST', headers });
    expect((await rotate('edit')).status).toBe(401);
    expect((await rotate('edit', bearer('nonsense'))).status).toBe(401);
    expect((await rotate('view', bearer(map.editToken))).status).toBe(403);
    expect((await api(`/api/maps/${map.id}/links/edit`, { method: 'DELETE', headers: bearer(map.viewToken) })).status).toBe(403);
    expect((await rotate('owner', bearer(map.ownerToken))).status).toBe(400);
    expect((await rotate('admin', bearer(map.ownerToken))).status).toBe(400);
    // nothing changed
    expect(await upgradeStatus(server.port, map.id, map.editToken)).toBe(101);
  });
});

describe('the token store', () => {
  it('keeps tokens only as SHA-256 hashes, and they survive a restart', async () => {
    const dataDir = tempDataDir();
    // looks into LevelDB's files itself: stays on LevelDB when the suite runs against PostgreSQL
    const first = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir, ...STAYS_ON_LEVELDB });
    const map = await registerMap(first.port);
    const rotated = await fetch(httpUrl(first.port, `/api/maps/${map.id}/links/view/rotate`), { method: 'POST', headers: bearer(map.ownerToken) });
    const { token: viewToken } = (await rotated.json()) as { token: string };
    await first.close();

    const store = new LevelDbStore(dataDir);
    // the registration's record is stored under its access key, <mapId>~<registration id>
    const key = accessKey(map.id, map.ownerToken)!;
    expect(key).toBe(`${map.id}~${map.ownerToken.slice(0, 12)}`);
    const record = await store.getAccess(key);
    expect(await store.getAccess(map.id)).toBeUndefined();
    await store.close();
    expect(record).toMatchObject({
      owner: hashToken(map.ownerToken),
      edit: hashToken(map.editToken),
      comment: hashToken(map.commentToken),
      view: hashToken(viewToken),
      locked: false,
    });
    expect(record!.owner).toMatch(/^[0-9a-f]{64}$/);
    // not one byte of the store holds a token in clear
    const files = readdirSync(dataDir).map((f) => path.join(dataDir, f)).filter((f) => statSync(f).isFile());
    const everything = Buffer.concat(files.map((f) => readFileSync(f)));
    // (no positive control on the raw bytes: LevelDB compresses its tables, which can break up
    // even a stored hash; the store API above proves what is stored)
    for (const token of [map.ownerToken, map.editToken, map.commentToken, map.viewToken, viewToken]) {
      expect(everything.includes(Buffer.from(token))).toBe(false);
    }

    const second = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir, ...STAYS_ON_LEVELDB });
    expect(await upgradeStatus(second.port, map.id, map.ownerToken)).toBe(101);
    expect(await upgradeStatus(second.port, map.id, viewToken)).toBe(101);
    expect(await upgradeStatus(second.port, map.id, map.viewToken)).toBe(401);
    await second.close();
  });
});
