import Dexie, { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../src/model/doc';
import {
  getMapEntry,
  listMaps,
  loadMapDoc,
  markDeleted,
  openDatabase,
  restoreMap,
  saveNewMap,
  updateMapEntry,
  type MapEntry,
  type WaymarkDB,
} from '../../src/storage';
import { drawMissingThumbnail } from '../../src/panels/library/mapActions';
import { createMapInMemory, createStoredMap } from '../../src/panels/library/newMap';
import { purgeMap } from '../../src/storage';
import { foldForSearch, matchesQuery, relativeTime } from '../../src/panels/library/text';
import { createMapFromTemplate } from '../../src/model/templates';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function freshDb(): { db: WaymarkDB; another: () => WaymarkDB } {
  const indexedDB = new IDBFactory();
  const open = () => {
    const db = openDatabase({ name: 'waymark-library-test', indexedDB, IDBKeyRange });
    cleanups.push(() => db.close());
    return db;
  };
  return { db: open(), another: open };
}

async function updateRows(db: WaymarkDB, mapId: string): Promise<number> {
  return db.updates.where('mapId').equals(mapId).count();
}

describe('creating maps from the library', () => {
  it('stores a map from a template with its thumbnail, ready to open by its id', async () => {
    const { db } = freshDb();
    const doc = await createStoredMap(db, 'retail', 'de');
    const id = readMeta(doc).id;
    const entry = await getMapEntry(db, id);
    expect(entry?.title).toBe('Omnichannel-Kauf im Handel');
    expect(entry?.thumbnail?.startsWith('<svg')).toBe(true);
    const loaded = await loadMapDoc(db, id);
    expect(loaded && readMeta(loaded).locale).toBe('de');
  });

  it('makes a map in memory only, touching no database', () => {
    const doc = createMapInMemory('saas', 'en');
    expect(readMeta(doc).id).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(readMeta(doc).title).toBe('SaaS: trial to renewal');
  });
});

describe('deleting with undo', () => {
  it('purges only the map whose undo window closed, not other maps in the bin', async () => {
    const { db } = freshDb();
    const a = readMeta(await createStoredMap(db, 'retail', 'en')).id;
    const b = readMeta(await createStoredMap(db, 'saas', 'en')).id;
    const c = readMeta(await createStoredMap(db, 'blank', 'en')).id;
    await markDeleted(db, a, 1_000);
    await markDeleted(db, b, 2_000);

    expect(await purgeMap(db, b)).toBe(true);
    expect(await getMapEntry(db, b)).toBeNull();
    expect(await updateRows(db, b)).toBe(0);

    // a is still in the bin (another tab may still offer its undo); c is untouched
    expect((await getMapEntry(db, a))?.deletedAt).toBe(1_000);
    expect(await updateRows(db, a)).toBeGreaterThan(0);
    expect((await listMaps(db)).map((e) => e.id)).toEqual([c]);
  });

  it('does not purge a map that was restored meanwhile', async () => {
    const { db } = freshDb();
    const id = readMeta(await createStoredMap(db, 'service', 'en')).id;
    await markDeleted(db, id);
    await restoreMap(db, id);
    expect(await purgeMap(db, id)).toBe(false);
    expect((await listMaps(db)).map((e) => e.id)).toEqual([id]);
  });
});

describe('thumbnails for maps stored without one', () => {
  it('draws the thumbnail from the stored map, leaving "last changed" as it was', async () => {
    const { db } = freshDb();
    const doc = createMapFromTemplate('retail', 'en');
    const entry = await saveNewMap(db, doc, { now: 5_000 });
    expect(entry.thumbnail).toBeNull();
    expect(await drawMissingThumbnail(db, entry.id)).toBe(true);
    const after = await getMapEntry(db, entry.id);
    expect(after?.thumbnail).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(after?.updatedAt).toBe(5_000);
  });

  it('reports a map with nothing stored', async () => {
    const { db } = freshDb();
    expect(await drawMissingThumbnail(db, 'nope')).toBe(false);
  });
});

describe('live list', () => {
  it('sees a map added through another connection (as from another tab)', async () => {
    const { db, another } = freshDb();
    // liveQuery runs only where Dexie sees an indexedDB global (a browser); give it the fake one
    const dependencies = Dexie.dependencies as { indexedDB?: IDBFactory };
    const previous = dependencies.indexedDB;
    dependencies.indexedDB = new IDBFactory();
    cleanups.push(() => {
      dependencies.indexedDB = previous;
    });
    const seen: MapEntry[][] = [];
    const subscription = liveQuery(() => listMaps(db)).subscribe({ next: (maps) => seen.push(maps) });
    cleanups.push(() => subscription.unsubscribe());
    await waitFor(() => seen.length >= 1);
    expect(seen.at(-1)).toEqual([]);

    const other = another();
    const id = readMeta(await createStoredMap(other, 'saas', 'en')).id;
    await waitFor(() => seen.at(-1)?.some((e) => e.id === id) ?? false);

    await updateMapEntry(other, id, { title: 'Renamed elsewhere' });
    await waitFor(() => seen.at(-1)?.[0]?.title === 'Renamed elsewhere');
  });
});

describe('search', () => {
  it('ignores case and accents, and folds ß to ss', () => {
    expect(foldForSearch('Kundenreise ÜBER Straße')).toBe('kundenreise uber strasse');
    expect(matchesQuery('Kundenreise Über Straße', 'uber STRASSE')).toBe(true);
    expect(matchesQuery('Café Crème', 'cafe creme')).toBe(true);
    expect(matchesQuery('Omnichannel retail purchase', 'OMNI')).toBe(true);
  });

  it('needs every word, in any order; an empty query matches everything', () => {
    expect(matchesQuery('SaaS trial to renewal', 'renewal saas')).toBe(true);
    expect(matchesQuery('SaaS trial to renewal', 'renewal retail')).toBe(false);
    expect(matchesQuery('Anything', '   ')).toBe(true);
  });
});

describe('"last changed" as relative time', () => {
  const now = Date.UTC(2025, 2, 10, 12, 0, 0);
  const minute = 60_000;

  it('speaks English and German', () => {
    expect(relativeTime(now - 5 * minute, now, 'en', 'just now')).toBe('5 minutes ago');
    expect(relativeTime(now - 5 * minute, now, 'de', 'gerade eben')).toBe('vor 5 Minuten');
    expect(relativeTime(now - 3 * 60 * minute, now, 'en', 'just now')).toBe('3 hours ago');
    expect(relativeTime(now - 26 * 60 * minute, now, 'de', 'gerade eben')).toBe('gestern');
    expect(relativeTime(now - 400 * 24 * 60 * minute, now, 'en', 'just now')).toBe('last year');
  });

  it('says "just now" for under 45 seconds, and for times in the future', () => {
    expect(relativeTime(now - 10_000, now, 'en', 'just now')).toBe('just now');
    expect(relativeTime(now + 60 * minute, now, 'de', 'gerade eben')).toBe('gerade eben');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
