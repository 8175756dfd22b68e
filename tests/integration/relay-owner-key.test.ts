import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAYS_ON_LEVELDB, closeOf, httpUrl, opened, rawSocket, registerMap, spawnRelay, tempDataDir, upgradeStatus, type RelayProcess } from '../support/relay';

/**
 * Owner recovery on the relay: the owner token is the owner key a user keeps (an owner link or a
 * key file). It can be replaced when it leaked, and it unseals the links' tokens on a device that
 * has only the key.
 */

/** The relay as production runs it, in a process of its own, logging at info level. */
async function relay(env: Record<string, string> = {}): Promise<RelayProcess> {
  return spawnRelay({ PORT: '0', STORE: 'memory', DATA_DIR: tempDataDir(), ...env });
}
async function stop(process: RelayProcess): Promise<void> {
  process.child.kill('SIGTERM');
  await process.exited;
}

let server: RelayProcess;
const seen: string[] = [];
beforeAll(async () => {
  server = await relay();
});
afterAll(async () => {
  await stop(server);
  // not one owner key, new or old, and no link token reached the logs
  const logs = server.logs.join('\n');
  expect(logs).toContain('owner key rotated');
  for (const secret of seen) expect(logs).not.toContain(secret);
});

const api = (p: string, init: RequestInit = {}) => fetch(httpUrl(server.port, p), init);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const links = (mapId: string, token: string) => api(`/api/maps/${mapId}/links`, { headers: bearer(token) });
const rotateOwner = (mapId: string, headers: Record<string, string> = {}) => api(`/api/maps/${mapId}/owner/rotate`, { method: 'POST', headers });

describe('the links, for the owner key', () => {
  it('gives the owner every link as it stands: a registration\'s tokens, then rotated and turned off ones', async () => {
    const map = await registerMap(server.port);
    seen.push(map.ownerToken, map.editToken, map.commentToken, map.viewToken);
    expect(await (await links(map.id, map.ownerToken)).json()).toEqual({ editToken: map.editToken, commentToken: map.commentToken, viewToken: map.viewToken });

    const rotated = await api(`/api/maps/${map.id}/links/edit/rotate`, { method: 'POST', headers: bearer(map.ownerToken) });
    const { token: editToken } = (await rotated.json()) as { token: string };
    expect((await api(`/api/maps/${map.id}/links/view`, { method: 'DELETE', headers: bearer(map.ownerToken) })).status).toBe(204);

    const res = await links(map.id, map.ownerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ editToken, commentToken: map.commentToken, viewToken: null });
  });

  it('shows the links to nobody but the owner: no token or a wrong one 401, another role 403, another method 405', async () => {
    const map = await registerMap(server.port);
    expect((await api(`/api/maps/${map.id}/links`)).status).toBe(401);
    expect((await links(map.id, 'nonsense-token-0123456789')).status).toBe(401);
    expect((await links(map.id, map.editToken)).status).toBe(403);
    expect((await links(map.id, map.viewToken)).status).toBe(403);
    // another registration's owner cannot read this one's
    const other = await registerMap(server.port, map.id);
    expect(await (await links(map.id, other.ownerToken)).json()).toEqual({ editToken: other.editToken, commentToken: other.commentToken, viewToken: other.viewToken });
    expect((await api(`/api/maps/${map.id}/links`, { method: 'POST', headers: bearer(map.ownerToken) })).status).toBe(405);
  });
});

describe('replacing the owner key', () => {
  it('gives the owner a new token: the old one gets 401 and its open connections close with 4401, the links keep working', async () => {
    const map = await registerMap(server.port);
    const owner = rawSocket(server.port, map.id, map.ownerToken);
    const ownerFeedback = rawSocket(server.port, `${map.id}/feedback`, map.ownerToken);
    const editor = rawSocket(server.port, map.id, map.editToken);
    await Promise.all([opened(owner), opened(ownerFeedback), opened(editor)]);
    const ownerClosed = closeOf(owner);
    const feedbackClosed = closeOf(ownerFeedback);
    let editorClosed = false;
    editor.on('close', () => (editorClosed = true));

    const res = await rotateOwner(map.id, bearer(map.ownerToken));
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    seen.push(map.ownerToken, token);
    expect(token).not.toBe(map.ownerToken);
    // still a token of the same registration
    expect(token.slice(0, 12)).toBe(map.ownerToken.slice(0, 12));

    expect(await ownerClosed).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await feedbackClosed).toEqual({ code: 4401, reason: 'link revoked' });
    expect(await upgradeStatus(server.port, map.id, map.ownerToken)).toBe(401);
    expect((await api(`/api/maps/${map.id}/access`, { headers: bearer(map.ownerToken) })).status).toBe(401);
    expect((await api(`/api/maps/${map.id}/lock`, { method: 'PUT', headers: { ...bearer(map.ownerToken), 'Content-Type': 'application/json' }, body: '{"locked":true}' })).status).toBe(401);

    expect(await (await api(`/api/maps/${map.id}/access`, { headers: bearer(token) })).json()).toEqual({ role: 'owner', locked: false });
    expect(await upgradeStatus(server.port, map.id, token)).toBe(101);
    // the new key opens the links, which did not change
    expect(await (await links(map.id, token)).json()).toEqual({ editToken: map.editToken, commentToken: map.commentToken, viewToken: map.viewToken });
    expect(await upgradeStatus(server.port, map.id, map.editToken)).toBe(101);
    expect(editorClosed).toBe(false);
    editor.close();
  });

  it('only the owner may replace the owner key: no token 401, a link token 403, GET 405; nothing changes', async () => {
    const map = await registerMap(server.port);
    expect((await rotateOwner(map.id)).status).toBe(401);
    expect((await rotateOwner(map.id, bearer('nonsense-token-0123456789'))).status).toBe(401);
    expect((await rotateOwner(map.id, bearer(map.editToken))).status).toBe(403);
    expect((await api(`/api/maps/${map.id}/owner/rotate`, { headers: bearer(map.ownerToken) })).status).toBe(405);
    expect(await upgradeStatus(server.port, map.id, map.ownerToken)).toBe(101);
  });

  it('survives a restart, and the store holds neither the owner key nor the links in clear', async () => {
    const dataDir = tempDataDir();
    // looks into LevelDB's files itself: stays on LevelDB when the suite runs against PostgreSQL
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir, ...STAYS_ON_LEVELDB });
    const map = await registerMap(first.port);
    const rotated = await fetch(httpUrl(first.port, `/api/maps/${map.id}/owner/rotate`), { method: 'POST', headers: bearer(map.ownerToken) });
    const { token } = (await rotated.json()) as { token: string };
    await stop(first);

    const files = readdirSync(dataDir).map((f) => path.join(dataDir, f)).filter((f) => statSync(f).isFile());
    const everything = Buffer.concat(files.map((f) => readFileSync(f)));
    for (const secret of [map.ownerToken, token, map.editToken, map.commentToken, map.viewToken]) {
      expect(everything.includes(Buffer.from(secret))).toBe(false);
    }

    const second = await relay({ STORE: 'leveldb', DATA_DIR: dataDir, ...STAYS_ON_LEVELDB });
    expect(await upgradeStatus(second.port, map.id, map.ownerToken)).toBe(401);
    expect(await upgradeStatus(second.port, map.id, token)).toBe(101);
    const res = await fetch(httpUrl(second.port, `/api/maps/${map.id}/links`), { headers: bearer(token) });
    expect(await res.json()).toEqual({ editToken: map.editToken, commentToken: map.commentToken, viewToken: map.viewToken });
    await stop(second);
  });
});
