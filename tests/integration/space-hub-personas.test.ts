import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { SpaceHub } from '../../src/app/spaceHub';
import { readJourney } from '../../src/model/doc';
import { addPersonaFromLibrary } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { loadMapDoc, openDatabase, saveNewMap } from '../../src/storage';
import { useSpaces } from '../../src/store/spaces';
import { ShareApiError } from '../../src/sync/api';
import { installFakeBrowser, type FakeBrowser } from '../support/browserStorage';
import { startRelay, type Server } from '../support/relay';

/*
 * The hub's persona library methods against a real relay (issue 16 item 4): the owner's changes
 * reach the space's index, an edit reaches a map of the space that is not open, and a view link
 * changes nothing.
 */

let relay: Server;
let browser: FakeBrowser;
const g = globalThis as Record<string, unknown>;
const saved = { location: g.location, WebSocket: g.WebSocket, fetch: g.fetch };

beforeAll(async () => {
  relay = await startRelay();
  browser = installFakeBrowser();
  const origin = `http://127.0.0.1:${relay.port}`;
  g.location = { protocol: 'http:', host: `127.0.0.1:${relay.port}`, origin, href: `${origin}/`, search: '' };
  g.WebSocket = WebSocket;
  const realFetch = saved.fetch as typeof fetch;
  g.fetch = (input: string | URL, init?: RequestInit) => realFetch(typeof input === 'string' && input.startsWith('/') ? origin + input : input, init);
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) g[name] = value;
  browser?.uninstall();
  await relay?.close();
});

function device(name: string) {
  const secret = newIdentitySecret();
  const identity = { id: identityIdOf(secret)!, name, color: '#0f766e' };
  return () => ({ identity, secret });
}

const state = (spaceId: string) => useSpaces.getState().spaces[spaceId];

describe('the persona library through the space hub', () => {
  it('the owner adds, renames, reorders and deletes library personas, and a rename reaches a map of the space that is not open', async () => {
    const db = openDatabase({ name: 'hub-personas', indexedDB: new IDBFactory(), IDBKeyRange });
    const hub = new SpaceHub(db, device('Anna Lind'));
    await hub.start();
    try {
      const spaceId = await hub.create('CX Team');
      const julia = hub.addLibraryPersona(spaceId, { name: 'Julia Berger', role: 'Parent', goals: ['One trip'], color: '#0f766e' })!;
      const malik = hub.addLibraryPersona(spaceId, { name: 'Malik Osei' })!;
      await expect.poll(() => state(spaceId)?.index.personas.map((p) => p.name)).toEqual(['Julia Berger', 'Malik Osei']);
      expect(hub.moveLibraryPersona(spaceId, malik, julia)).toBe(true);
      await expect.poll(() => state(spaceId)?.index.personas.map((p) => p.name)).toEqual(['Malik Osei', 'Julia Berger']);

      // a map of the space, on this device, using Julia — and not open in any editor
      const map = createMapFromTemplate('blank', 'en');
      const mapId = readJourney(map).id;
      addPersonaFromLibrary(map, { ...state(spaceId)!.index.personas.find((p) => p.id === julia)! });
      await saveNewMap(db, map);
      await hub.addNewMap(spaceId, map);

      expect(hub.updateLibraryPersona(spaceId, julia, { name: 'Julia Brandt' })).toBe(true);
      await hub.propagation;
      const stored = await loadMapDoc(db, mapId);
      expect(readJourney(stored!).personas.map((p) => p.name)).toEqual(['Julia Brandt']);
      stored!.destroy();

      expect(hub.deleteLibraryPersona(spaceId, malik)).toBe(true);
      await expect.poll(() => state(spaceId)?.index.personas.map((p) => p.name)).toEqual(['Julia Brandt']);
      expect(hub.linkUrl(spaceId, 'view')).toContain('#token=');
    } finally {
      hub.destroy();
      db.close();
    }
  });

  it('a view link sees the library but every change is refused before anything is written', async () => {
    const ownerDb = openDatabase({ name: 'hub-owner', indexedDB: new IDBFactory(), IDBKeyRange });
    const owner = new SpaceHub(ownerDb, device('Anna Lind'));
    await owner.start();
    const spaceId = await owner.create('Read only');
    const julia = owner.addLibraryPersona(spaceId, { name: 'Julia Berger' })!;
    await expect.poll(() => state(spaceId)?.status).toBe('synced');
    const viewToken = decodeURIComponent(owner.linkUrl(spaceId, 'view')!.split('#token=')[1]!);
    owner.destroy();
    ownerDb.close();

    const db = openDatabase({ name: 'hub-viewer', indexedDB: new IDBFactory(), IDBKeyRange });
    const viewer = new SpaceHub(db, device('Chris Meyer'));
    await viewer.start();
    try {
      expect(await viewer.join(spaceId, viewToken)).toBe('joined');
      await expect.poll(() => state(spaceId)?.index.personas.map((p) => p.name), { timeout: 10_000 }).toEqual(['Julia Berger']);
      const refused = (action: () => unknown) => {
        try {
          action();
        } catch (error) {
          return error instanceof ShareApiError && error.status === 403;
        }
        return false;
      };
      expect(refused(() => viewer.addLibraryPersona(spaceId, { name: 'Intruder' }))).toBe(true);
      expect(refused(() => viewer.updateLibraryPersona(spaceId, julia, { name: 'Hacked' }))).toBe(true);
      expect(refused(() => viewer.moveLibraryPersona(spaceId, julia, null))).toBe(true);
      expect(refused(() => viewer.deleteLibraryPersona(spaceId, julia))).toBe(true);
      expect(state(spaceId)!.index.personas.map((p) => p.name)).toEqual(['Julia Berger']);
    } finally {
      viewer.destroy();
      db.close();
    }
  });
});
