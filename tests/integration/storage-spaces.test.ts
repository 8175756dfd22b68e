import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapFromTemplate } from '../../src/model/templates';
import { leaveSpace, listMaps, listSpaces, MapPersistence, openDatabase, saveNewMap, saveSpace, spaceDocKey, type WaymarkDB } from '../../src/storage';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(indexedDB: IDBFactory): WaymarkDB {
  const db = openDatabase({ name: 'waymark-test', indexedDB, IDBKeyRange });
  cleanups.push(() => db.close());
  return db;
}

const space = (id: string, joinedAt: number) => ({ id, name: `Team ${id}`, token: `s.${id}${'x'.repeat(32)}`, role: 'edit' as const, joinedAt });

describe('spaces on the device', () => {
  it('a device that had the version-2 database keeps every map and gains the spaces table', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('waymark-test', { indexedDB, IDBKeyRange });
    old.version(1).stores({ maps: 'id, updatedAt, deletedAt', updates: '++seq, mapId, [mapId+seq]' });
    old.version(2).stores({ versions: '[mapId+id], mapId', versionSnapshots: '[mapId+id], mapId' });
    await old.table('maps').put({ id: 'kept-map', title: 'Kept', createdAt: 1, updatedAt: 1, thumbnail: null, deletedAt: null });
    old.close();
    const db = open(indexedDB);
    expect((await listMaps(db)).map((m) => m.id)).toEqual(['kept-map']);
    await saveSpace(db, space('AAAAAAAAAAAA', 5));
    expect(await listSpaces(db)).toHaveLength(1);
  });

  it('lists joined spaces in the order they were joined, and leaving one forgets its index but no map', async () => {
    const db = open(new IDBFactory());
    const doc = createMapFromTemplate('retail', 'en');
    await saveNewMap(db, doc);
    await saveSpace(db, space('BBBBBBBBBBBB', 20));
    await saveSpace(db, space('AAAAAAAAAAAA', 10));
    expect((await listSpaces(db)).map((s) => s.id)).toEqual(['AAAAAAAAAAAA', 'BBBBBBBBBBBB']);

    const index = new Y.Doc();
    const persistence = new MapPersistence(db, spaceDocKey('AAAAAAAAAAAA'), index, { libraryEntry: false, channelName: false });
    await persistence.whenLoaded;
    index.getMap('meta').set('name', 'Team A');
    await persistence.flush();
    await persistence.destroy();
    expect(await db.updates.where('mapId').equals(spaceDocKey('AAAAAAAAAAAA')).count()).toBeGreaterThan(0);
    // the index document is no map of the library
    expect((await listMaps(db)).map((m) => m.title)).toEqual([doc.getMap('meta').get('title')]);

    const reloaded = new Y.Doc();
    const again = new MapPersistence(db, spaceDocKey('AAAAAAAAAAAA'), reloaded, { libraryEntry: false, channelName: false });
    await again.whenLoaded;
    expect(reloaded.getMap('meta').get('name')).toBe('Team A');
    await again.destroy();

    await leaveSpace(db, 'AAAAAAAAAAAA');
    expect((await listSpaces(db)).map((s) => s.id)).toEqual(['BBBBBBBBBBBB']);
    expect(await db.updates.where('mapId').equals(spaceDocKey('AAAAAAAAAAAA')).count()).toBe(0);
    expect(await listMaps(db)).toHaveLength(1);
  });
});
