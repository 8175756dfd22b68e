import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IDENTITY_ID, IDENTITY_SECRET, identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { useEditor } from '../../src/store/editorStore';
import { en } from '../../src/i18n/en/index';
import { de } from '../../src/i18n/de/index';
import { GUEST_WORDS, guestWords, loadIdentity, onIdentityStored, publicIdentity, saveIdentity, withoutFormerGuestName, withProfile, type DeviceIdentity, type Identity } from '../../src/sync/identity';
import * as awarenessProtocol from 'y-protocols/awareness';
import { SyncSession } from '../../src/sync/session';
import { installFakeBrowser, type FakeBrowser } from '../support/browserStorage';

const KEY = 'waymark.identity';
let browser: FakeBrowser;

beforeEach(() => {
  browser = installFakeBrowser();
});
afterEach(() => browser.uninstall());

const stored = () => JSON.parse(browser.storage.getItem(KEY)!) as Record<string, unknown>;

/** A WebSocket that never connects: the session is built, nothing goes over the wire. */
class SilentSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readonly readyState = 0;
  binaryType = 'arraybuffer';
  onopen: unknown = null;
  onclose: unknown = null;
  onerror: unknown = null;
  onmessage: unknown = null;
  constructor(readonly url: string) {}
  send(): void {}
  close(): void {}
}

function session(device: DeviceIdentity, presence = true): SyncSession {
  return new SyncSession(new Y.Doc(), 'map-1', { token: 'link-token-0123456789', identitySecret: device.secret }, device.identity, {
    serverUrl: 'ws://relay.invalid/sync',
    WebSocketPolyfill: SilentSocket as unknown as typeof WebSocket,
    presence,
  });
}

describe('this device’s identity', () => {
  it('an identity’s id is derived from its secret and survives a reload', () => {
    const first = loadIdentity('Guest 12');
    expect(first.secret).toMatch(IDENTITY_SECRET);
    expect(first.identity.id).toMatch(IDENTITY_ID);
    expect(first.identity.id).toBe(identityIdOf(first.secret));
    expect(first.identity.name).toBe('Guest 12');
    expect(stored()).toEqual({ secret: first.secret, id: first.identity.id, name: 'Guest 12', color: first.identity.color });

    // a reload: the same secret, so the same id, name and colour; the fallback name is not used
    const again = loadIdentity('Guest 99');
    expect(again).toEqual(first);
  });

  it('an identity stored before secrets existed gets a secret and a derived id, keeping its name and colour', () => {
    browser.storage.setItem(KEY, JSON.stringify({ id: '0123456789abcdef01234567', name: 'Ana', color: '#059669' }));
    const migrated = loadIdentity('Guest 1');
    expect(migrated.secret).toMatch(IDENTITY_SECRET);
    expect(migrated.identity).toEqual({ id: identityIdOf(migrated.secret), name: 'Ana', color: '#059669' });
    expect(migrated.identity.id).not.toBe('0123456789abcdef01234567');
    // remembered: the next load is the migrated identity, not yet another one
    expect(stored().secret).toBe(migrated.secret);
    expect(loadIdentity('Guest 2')).toEqual(migrated);
  });

  it('an id stored beside a secret is never believed: the id is the one the secret proves', () => {
    const secret = newIdentitySecret();
    browser.storage.setItem(KEY, JSON.stringify({ secret, id: 'someone-else-entirely', name: 'Ana', color: '#059669' }));
    const device = loadIdentity('Guest');
    expect(device.secret).toBe(secret);
    expect(device.identity.id).toBe(identityIdOf(secret));
    expect(stored().id).toBe(identityIdOf(secret));
  });

  it('a broken secret is replaced; a valid one survives a broken name or colour', () => {
    browser.storage.setItem(KEY, JSON.stringify({ secret: 'short', name: 'Ana', color: '#059669' }));
    const replaced = loadIdentity('Guest');
    expect(replaced.secret).not.toBe('short');
    expect(replaced.identity.id).toBe(identityIdOf(replaced.secret));

    const secret = newIdentitySecret();
    browser.storage.setItem(KEY, JSON.stringify({ secret, name: 42, color: 'red' }));
    const kept = loadIdentity('Guest 7');
    expect(kept.secret).toBe(secret);
    expect(kept.identity.name).toBe('Guest 7');
    expect(kept.identity.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('without storage a fresh identity still works for this visit', () => {
    browser.storage.refuse = true;
    const device = loadIdentity('Guest 3');
    expect(device.identity.id).toBe(identityIdOf(device.secret));
    expect(device.identity.name).toBe('Guest 3');
  });

  it('renaming or recolouring keeps the id and the secret', () => {
    const device = loadIdentity('Guest');
    const renamed = withProfile(device, { name: '  Ana  ', color: '#dc2626' });
    expect(renamed).toEqual({ secret: device.secret, identity: { id: device.identity.id, name: 'Ana', color: '#dc2626' } });
    // a spread public identity cannot smuggle another id in
    const spoofed = withProfile(device, { ...device.identity, id: 'someone-else' } as Identity);
    expect(spoofed.identity.id).toBe(device.identity.id);
    saveIdentity(renamed);
    expect(loadIdentity('Guest')).toEqual(renamed);
  });

  it('two tabs that start at once settle on the identity stored last', () => {
    const mine = loadIdentity('Guest');
    const seen: DeviceIdentity[] = [];
    const off = onIdentityStored((device) => seen.push(device));
    // the other tab migrated at the same moment and stored its own secret after ours
    const theirs = newIdentitySecret();
    browser.otherTabWrites(KEY, JSON.stringify({ secret: theirs, id: identityIdOf(theirs), name: 'Ana', color: '#2563eb' }));
    expect(seen).toEqual([{ secret: theirs, identity: { id: identityIdOf(theirs), name: 'Ana', color: '#2563eb' } }]);
    expect(seen[0]!.identity.id).not.toBe(mine.identity.id);
    // something that is not a complete identity is ignored
    browser.otherTabWrites(KEY, JSON.stringify({ id: 'no-secret', name: 'X', color: '#2563eb' }));
    browser.otherTabWrites('another.key', 'x');
    expect(seen).toHaveLength(1);
    off();
    browser.otherTabWrites(KEY, JSON.stringify({ secret: newIdentitySecret(), name: 'Ana', color: '#2563eb' }));
    expect(seen).toHaveLength(1);
  });
});

describe('the secret stays with the relay connection', () => {
  it('the secret never appears in awareness, whatever object the identity arrives in', () => {
    const device = loadIdentity('Guest');
    const s = session(device);
    try {
      expect(s.awareness.getLocalState()?.user).toEqual(device.identity);
      // an identity that carries more than it should (a spread of the device identity, say)
      s.setIdentity({ ...device.identity, name: 'Renamed', secret: device.secret } as Identity);
      expect(s.awareness.getLocalState()?.user).toEqual({ id: device.identity.id, name: 'Renamed', color: device.identity.color });
      expect(JSON.stringify(s.awareness.getLocalState())).not.toContain(device.secret);
    } finally {
      s.destroy();
    }
  });

  it('every connection sends the token and the secret as query parameters, the feedback room’s too', () => {
    const device = loadIdentity('Guest');
    for (const presence of [true, false]) {
      const s = session(device, presence);
      try {
        const url = new URL(s.provider.url);
        expect(url.searchParams.get('token')).toBe('link-token-0123456789');
        expect(url.searchParams.get('identity')).toBe(device.secret);
        expect(identityIdOf(url.searchParams.get('identity')!)).toBe(device.identity.id);
      } finally {
        s.destroy();
      }
    }
  });

  it('a new secret from another tab goes into the next connection', () => {
    const device = loadIdentity('Guest');
    const s = session(device);
    try {
      const next = newIdentitySecret();
      s.setIdentitySecret(next);
      expect(new URL(s.provider.url).searchParams.get('identity')).toBe(next);
      expect((s.provider.ws as unknown as SilentSocket).url).toContain(`identity=${next}`);
    } finally {
      s.destroy();
    }
  });

  it('the editor store keeps the public identity only', () => {
    const device = loadIdentity('Guest');
    useEditor.getState().setIdentity({ ...device.identity, secret: device.secret } as Identity);
    expect(useEditor.getState().identity).toEqual(device.identity);
    expect(JSON.stringify(useEditor.getState().identity)).not.toContain(device.secret);
    expect(publicIdentity({ ...device.identity, secret: 'x' } as Identity)).toEqual(device.identity);
  });
});

describe('guest names', () => {
  const nameOf = (id: string) => {
    const { adjective, animal } = guestWords(id);
    return `${en.sharing.guestAdjectives.split(' ')[adjective]} ${en.sharing.guestAnimals.split(' ')[animal]}`;
  };
  const initials = (name: string) => name.split(' ').map((w) => w[0]).join('');

  it('each word list has as many words as guestWords picks from, with different first letters, in English and German', () => {
    for (const list of [en.sharing.guestAdjectives, en.sharing.guestAnimals, de.sharing.guestAdjectives, de.sharing.guestAnimals]) {
      const words = list.split(' ');
      expect(words).toHaveLength(GUEST_WORDS);
      expect(new Set(words.map((w) => w[0])).size).toBe(GUEST_WORDS);
    }
  });

  it('a new identity is named from its id, and two names that differ differ in their initials', () => {
    const device = loadIdentity(nameOf);
    expect(device.identity.name).toBe(nameOf(device.identity.id));
    const names = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = identityIdOf(newIdentitySecret())!;
      names.add(nameOf(id));
    }
    // 256 possible names: 200 ids give many different ones, never two with the same initials
    expect(names.size).toBeGreaterThan(100);
    expect(new Set([...names].map(initials)).size).toBe(names.size);
  });

  it('an identity still called by the former default ("Guest 42") gets a name of its own; a chosen name stays', () => {
    const device = loadIdentity('Guest 42');
    expect(withoutFormerGuestName(device, nameOf).identity.name).toBe(nameOf(device.identity.id));
    const gast = withProfile(device, { name: 'Gast 17' });
    expect(withoutFormerGuestName(gast, nameOf).identity.name).toBe(nameOf(device.identity.id));
    const ana = withProfile(device, { name: 'Ana' });
    expect(withoutFormerGuestName(ana, nameOf)).toBe(ana);
  });
});

describe('peers', () => {
  it('my own identity under another client id is not a peer, and one identity shows once', () => {
    const me = loadIdentity('Me');
    const s = session(me);
    try {
      const other = identityIdOf(newIdentitySecret())!;
      const remote = (clientId: number, id: string, name: string) => {
        const doc = new Y.Doc();
        doc.clientID = clientId;
        const a = new awarenessProtocol.Awareness(doc);
        a.setLocalState({ user: { id, name, color: '#2563eb' }, cursor: null, selection: [], view: null });
        awarenessProtocol.applyAwarenessUpdate(s.awareness, awarenessProtocol.encodeAwarenessUpdate(a, [clientId]), 'relay');
        a.destroy();
      };
      remote(101, me.identity.id, me.identity.name); // this tab before a reload
      remote(102, other, 'Ana');
      remote(103, other, 'Ana'); // Ana's second tab
      const peers = s.peers();
      expect(peers.map((p) => p.id)).toEqual([other]);
    } finally {
      s.destroy();
    }
  });
});
