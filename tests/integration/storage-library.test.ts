import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney, readMeta } from '../../src/model/doc';
import { newMapId } from '../../src/model/ids';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import {
  duplicateMap,
  getMapEntry,
  listDeletedMaps,
  listMaps,
  loadMapDoc,
  MapPersistence,
  markDeleted,
  openDatabase,
  purgeDeleted,
  renameMap,
  restoreMap,
  saveNewMap,
  updateMapEntry,
  type WaymarkDB,
} from '../../src/storage';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freshDb(): { db: WaymarkDB; reopen: () => WaymarkDB } {
  const indexedDB = new IDBFactory();
  const reopen = () => {
    const db = openDatabase({ name: 'waymark-test', indexedDB, IDBKeyRange });
    cleanups.push(() => db.close());
    return db;
  };
  return { db: reopen(), reopen };
}

function persist(db: WaymarkDB, mapId: string, doc: Y.Doc) {
  const p = new MapPersistence(db, mapId, doc, { channelName: false });
  cleanups.push(() => p.destroy());
  return p;
}

const journeyWithoutMeta = (doc: Y.Doc) => {
  const { id: _id, title: _title, createdAt: _createdAt, ...rest } = toJSON(doc).journey;
  return rest;
};

describe('the map library', () => {
  it('lists maps newest first, and a map moves to the top when it is edited', async () => {
    const { db } = freshDb();
    const retail = await saveNewMap(db, createMapFromTemplate('retail', 'en'), { now: 1_000 });
    const saas = await saveNewMap(db, createMapFromTemplate('saas', 'en'), { now: 2_000, thumbnail: '<svg/>' });
    const blank = await saveNewMap(db, createMapFromTemplate('blank', 'de'), { now: 3_000 });
    expect((await listMaps(db)).map((m) => m.id)).toEqual([blank.id, saas.id, retail.id]);
    expect((await getMapEntry(db, saas.id))?.thumbnail).toBe('<svg/>');
    expect(retail.title).toBe(readMeta(createMapFromTemplate('retail', 'en')).title);

    const doc = (await loadMapDoc(db, retail.id))!;
    const p = persist(db, retail.id, doc);
    await p.whenLoaded;
    ops.updateMeta(doc, { description: 'edited' });
    await p.flush();
    expect((await listMaps(db)).map((m) => m.id)).toEqual([retail.id, blank.id, saas.id]);

    expect(await updateMapEntry(db, saas.id, { updatedAt: Date.now() + 60_000, thumbnail: '<svg id="new"/>' })).toBe(true);
    expect((await listMaps(db))[0]).toMatchObject({ id: saas.id, thumbnail: '<svg id="new"/>' });
    expect(await updateMapEntry(db, 'no-such-map', { title: 'x' })).toBe(false);
  });

  it('a map cannot be saved twice under the same id, and a map without an id is refused', async () => {
    const { db } = freshDb();
    const doc = createMapFromTemplate('retail', 'en');
    await saveNewMap(db, doc);
    await expect(saveNewMap(db, doc)).rejects.toMatchObject({ name: 'ConstraintError' });
    await expect(saveNewMap(db, new Y.Doc())).rejects.toThrow(/no id/);
    expect(await listMaps(db)).toHaveLength(1);
    expect(await db.updates.count()).toBe(1);
  });

  it('renaming an open map with the updateMeta op renames its library entry', async () => {
    const { db, reopen } = freshDb();
    const doc = createMapFromTemplate('retail', 'en');
    const { id } = await saveNewMap(db, doc);
    const p = persist(db, id, doc);
    await p.whenLoaded;
    ops.updateMeta(doc, { title: 'Store visit, 2026' });
    await p.flush();
    expect((await getMapEntry(reopen(), id))?.title).toBe('Store visit, 2026');
    expect(readMeta((await loadMapDoc(reopen(), id))!).title).toBe('Store visit, 2026');
  });

  it('renaming a closed map from the library changes its entry and its doc', async () => {
    const { db, reopen } = freshDb();
    const { id } = await saveNewMap(db, createMapFromTemplate('saas', 'en'));
    expect(await renameMap(db, id, 'Trial to paid', 5_000)).toBe(true);
    expect(await getMapEntry(reopen(), id)).toMatchObject({ title: 'Trial to paid', updatedAt: 5_000 });
    expect(readMeta((await loadMapDoc(reopen(), id))!).title).toBe('Trial to paid');
    expect(await renameMap(db, 'no-such-map', 'x')).toBe(false);

    // the next time the map is opened and edited, the entry keeps the new title
    const doc = new Y.Doc();
    const p = persist(db, id, doc);
    await p.whenLoaded;
    ops.updateMeta(doc, { description: 'more' });
    await p.flush();
    expect((await getMapEntry(db, id))?.title).toBe('Trial to paid');
  });

  it('a duplicate is an independent copy with a new id: edits to one do not affect the other', async () => {
    const { db, reopen } = freshDb();
    const original = createMapFromTemplate('retail', 'en');
    const { id } = await saveNewMap(db, original, { thumbnail: '<svg>retail</svg>' });
    const copyId = newMapId();
    const copy = await duplicateMap(db, id, { newId: copyId, title: 'Retail (copy)', now: 9_000 });

    expect(copy).toEqual({ id: copyId, title: 'Retail (copy)', createdAt: 9_000, updatedAt: 9_000, thumbnail: '<svg>retail</svg>', deletedAt: null });
    const copyDoc = (await loadMapDoc(db, copyId))!;
    expect(readMeta(copyDoc)).toMatchObject({ id: copyId, title: 'Retail (copy)' });
    expect(journeyWithoutMeta(copyDoc)).toEqual(journeyWithoutMeta(original));
    expect((await listMaps(db)).map((m) => m.id).sort()).toEqual([id, copyId].sort());

    // edit the copy: the original does not change
    const originalBefore = toJSON(original);
    const pc = persist(db, copyId, copyDoc);
    await pc.whenLoaded;
    const cardId = readJourney(copyDoc).cards[0]!.id;
    ops.setCardBody(copyDoc, cardId, 'Only in the copy');
    ops.deleteCard(copyDoc, readJourney(copyDoc).cards[1]!.id);
    await pc.flush();
    expect(toJSON((await loadMapDoc(reopen(), id))!)).toEqual(originalBefore);

    // edit the original: the copy does not change
    const copyBefore = toJSON(copyDoc);
    const po = persist(db, id, original);
    await po.whenLoaded;
    ops.updateCard(original, cardId, { title: 'Only in the original' });
    await po.flush();
    const copyAgain = (await loadMapDoc(reopen(), copyId))!;
    expect(toJSON(copyAgain)).toEqual(copyBefore);
    expect(ops.cardBody(copyAgain, cardId)!.toString()).toBe('Only in the copy');
    await expect(duplicateMap(db, 'no-such-map', { newId: newMapId(), title: 'x' })).rejects.toThrow(/no map/);
  });

  it('a deleted map can be restored within the undo window and is then listed again', async () => {
    const { db } = freshDb();
    const keep = await saveNewMap(db, createMapFromTemplate('saas', 'en'), { now: 1_000 });
    const gone = await saveNewMap(db, createMapFromTemplate('retail', 'en'), { now: 2_000 });
    const content = toJSON((await loadMapDoc(db, gone.id))!);

    expect(await markDeleted(db, gone.id, 10_000)).toBe(true);
    expect((await listMaps(db)).map((m) => m.id)).toEqual([keep.id]);
    expect((await listDeletedMaps(db)).map((m) => m.id)).toEqual([gone.id]);

    // the library purges old deletions in the background; this one is still inside its window
    expect(await purgeDeleted(db, 5_000, 12_000)).toEqual([]);
    expect(await restoreMap(db, gone.id)).toBe(true);
    expect((await listMaps(db)).map((m) => m.id)).toEqual([gone.id, keep.id]);
    expect(await listDeletedMaps(db)).toEqual([]);
    expect(toJSON((await loadMapDoc(db, gone.id))!)).toEqual(content);
    expect(await markDeleted(db, 'no-such-map')).toBe(false);
  });

  it('purging removes a deleted map’s entry and all its updates, and leaves other maps alone', async () => {
    const { db, reopen } = freshDb();
    const keep = await saveNewMap(db, createMapFromTemplate('saas', 'en'));
    const keepContent = toJSON((await loadMapDoc(db, keep.id))!);
    const goneDoc = createMapFromTemplate('retail', 'en');
    const gone = await saveNewMap(db, goneDoc);
    const p = persist(db, gone.id, goneDoc);
    await p.whenLoaded;
    for (let i = 0; i < 5; i++) {
      ops.updateMeta(goneDoc, { description: `edit ${i}` });
      await p.flush();
    }
    await p.destroy();
    expect(await db.updates.where('mapId').equals(gone.id).count()).toBe(6);

    await markDeleted(db, gone.id, 1_000);
    expect(await purgeDeleted(db, 5_000, 10_000)).toEqual([gone.id]);

    const after = reopen();
    expect(await getMapEntry(after, gone.id)).toBeNull();
    expect(await after.updates.where('mapId').equals(gone.id).count()).toBe(0);
    expect(await loadMapDoc(after, gone.id)).toBeNull();
    expect((await listMaps(after)).map((m) => m.id)).toEqual([keep.id]);
    expect(toJSON((await loadMapDoc(after, keep.id))!)).toEqual(keepContent);
  });
});
