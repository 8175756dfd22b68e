import type { AddressInfo } from 'node:net';
import * as encoding from 'lib0/encoding';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import { newIdentitySecret } from '../../src/access/identity';
import { combinedStatus } from '../../src/app/useCollaboration';
import { createI18n } from '../../src/i18n';
import { ConnectionBadge } from '../../src/panels/presence/ConnectionBadge';
import { useEditor } from '../../src/store/editorStore';
import { MAP_FULL, SyncSession, type ConnectionStatus } from '../../src/sync/session';

/*
 * The relay refuses writes to a map past its storage quota: a permission-denied `map-full`, then
 * close code 4413. The real relay enforces that in a change of its own; this stand-in does just
 * the two messages, so the session's reaction can be tested now.
 */

process.setMaxListeners(Math.max(process.getMaxListeners(), 200));

const MESSAGE_AUTH = 2;

function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

interface StandIn {
  url: string;
  /** the request URL of every connection, in order */
  connections: string[];
  close(): Promise<void>;
}

/** A relay stand-in that answers every connection with `map-full` and closes it with 4413. */
async function fullRelay(): Promise<StandIn> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const connections: string[] = [];
  server.on('connection', (socket, request) => {
    connections.push(request.url ?? '');
    // whatever the client sends first (its sync step 1, its changes), the map takes no more
    socket.once('message', () => {
      socket.send(permissionDenied('map-full'));
      socket.close(MAP_FULL, 'map too large');
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/sync`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  vi.restoreAllMocks();
});

function waitForStatus(session: SyncSession, status: ConnectionStatus): Promise<void> {
  return new Promise((resolve) => {
    if (session.status === status) return resolve();
    const off = session.onStatus((s) => {
      if (s === status) {
        off();
        resolve();
      }
    });
  });
}

describe('a map full on the relay', () => {
  it('a 4413 close makes the session `full` for good: no reconnect, the changes stay in the doc', async () => {
    const relay = await fullRelay();
    cleanup.push(relay.close);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = new Y.Doc();
    doc.getMap('cards').set('c1', 'a change made here');
    const secret = newIdentitySecret();
    const session = new SyncSession(doc, 'map-full-1', { token: 'link-token-0123456789', identitySecret: secret }, { id: 'x', name: 'Ana', color: '#2563eb' }, {
      serverUrl: relay.url,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    cleanup.push(() => session.destroy());
    const seen: ConnectionStatus[] = [];
    session.onStatus((s) => seen.push(s));

    await waitForStatus(session, 'full');
    // long enough for y-websocket's first reconnect (its backoff starts at 200 ms)
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(session.status).toBe('full');
    expect(seen.filter((s) => s !== 'full')).not.toContain('offline');
    expect(relay.connections).toHaveLength(1);
    expect(session.provider.shouldConnect).toBe(false);
    expect(doc.getMap('cards').get('c1')).toBe('a change made here');
    // the connection carried token and secret; the permission-denied message logged neither
    expect(relay.connections[0]).toContain(`identity=${secret}`);
    expect(relay.connections[0]).toContain('token=link-token-0123456789');
    for (const call of warn.mock.calls) expect(String(call)).not.toContain(secret);
  });

  it('a full feedback room shows as full too; a revoked link still reads as revoked', () => {
    expect(combinedStatus('synced', 'full')).toBe('full');
    expect(combinedStatus('full', 'synced')).toBe('full');
    expect(combinedStatus('offline', 'full')).toBe('full');
    expect(combinedStatus('denied', 'full')).toBe('denied');
    expect(combinedStatus('synced', 'offline')).toBe('synced');
    expect(combinedStatus('connecting', 'synced')).toBe('connecting');
  });

  it('the status badge says so in English and German, like a revoked link', () => {
    const render = (language: 'en' | 'de') => {
      const saved = { ...useEditor.getInitialState() };
      Object.assign(useEditor.getInitialState(), { collab: { status: 'full', role: 'comment', peers: [] } });
      try {
        return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(ConnectionBadge)));
      } finally {
        Object.assign(useEditor.getInitialState(), saved);
      }
    };
    const en = render('en');
    expect(en).toContain('is-full');
    expect(en).toContain('Map full — changes stay on this device');
    expect(en).toContain('Map is full on the server — changes stay on this device.');
    const de = render('de');
    expect(de).toContain('is-full');
    expect(de).toContain('Map voll – Änderungen bleiben auf diesem Gerät');
    expect(de).toContain('Die Map ist auf dem Server voll');
  });
});
