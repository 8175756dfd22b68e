import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { SyncSession, type ConnectionStatus } from '../../src/sync/session';
import { perTest } from '../support/perTest';
import { registerMap, syncUrl, waitFor } from '../support/relay';

/*
 * A browser with no network says `navigator.onLine === false`, yet a relay on the same machine
 * (a workshop laptop serving Waymark to itself) still answers. The session shows "offline" at
 * once on such a machine, but keeps trying, and goes live when the relay answers.
 */
const { relay, defer } = perTest();

describe('a session on a machine without a network', () => {
  it('still reaches a relay on the same machine and goes live, after saying offline first', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    defer(() => vi.unstubAllGlobals());
    const server = await relay();
    const map = await registerMap(server.port);
    const secret = newIdentitySecret();
    const doc = new Y.Doc();
    const session = new SyncSession(doc, map.id, { token: map.ownerToken, identitySecret: secret }, { id: identityIdOf(secret)!, name: 'Olga', color: '#2563eb' }, {
      serverUrl: syncUrl(server.port),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    defer(() => session.destroy());
    const seen: ConnectionStatus[] = [session.status];
    session.onStatus((status) => seen.push(status));
    await waitFor(() => session.status === 'synced', 'the session goes live');
    expect(seen[0]).toBe('offline');
    expect(seen.at(-1)).toBe('synced');
  });
});
