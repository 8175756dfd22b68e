import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney, readMeta } from '../../src/model/doc';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import {
  getMapEntry,
  loadMapDoc,
  MapPersistence,
  openDatabase,
  PERSISTENCE_ORIGIN,
  saveNewMap,
  type PersistenceStatus,
  type WaymarkDB,
} from '../../src/storage';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh IndexedDB per test, and a way to open more handles on it (a reload, another tab). */
function freshStorage() {
  const indexedDB = new IDBFactory();
  const open = (): WaymarkDB => {
    const db = openDatabase({ name: 'waymark-test', indexedDB, IDBKeyRange });
    cleanups.push(() => db.close());
    return db;
  };
  return { open };
}

function persist(db: WaymarkDB | null, mapId: string, doc: Y.Doc, options?: ConstructorParameters<typeof MapPersistence>[3]) {
  const p = new MapPersistence(db, mapId, doc, { channelName: false, ...options });
  cleanups.push(() => p.destroy());
  return p;
}

async function newRetailMap(db: WaymarkDB) {
  const doc = createMapFromTemplate('retail', 'en');
  const entry = await saveNewMap(db, doc);
  return { doc, id: entry.id };
}

/** A small deterministic PRNG, so a failing run can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

/** One user edit of many kinds, picked by `rand`. */
function randomEdit(doc: Y.Doc, rand: (n: number) => number, i: number): void {
  const j = readJourney(doc);
  const card = j.cards[rand(Math.max(1, j.cards.length))];
  const stage = j.stages[rand(j.stages.length)]!;
  const lane = j.lanes[rand(j.lanes.length)]!;
  switch (rand(7)) {
    case 0:
      ops.addCard(doc, { stageId: stage.id, laneId: lane.id, title: `card ${i}`, body: `body ${i}` });
      break;
    case 1:
      if (card) ops.updateCard(doc, card.id, { title: `title ${i}`, emotion: (i % 7) - 3, tags: [`t${i % 5}`] });
      break;
    case 2:
      if (card) ops.moveCard(doc, card.id, { stageId: stage.id, laneId: lane.id, index: rand(3) });
      break;
    case 3:
      if (card) ops.setCardBody(doc, card.id, `${card.body.slice(0, 20)} typed ${i}`);
      break;
    case 4:
      if (card && j.cards.length > 10) ops.deleteCard(doc, card.id);
      break;
    case 5:
      ops.updateMeta(doc, { title: `Retail journey v${i}` });
      break;
    default:
      ops.updateStage(doc, stage.id, { name: `Stage ${i}` });
  }
}

describe('a map in local storage', () => {
  it('a map saved and reopened from a fresh database handle is exactly the same', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);

    const reopened = await loadMapDoc(storage.open(), id);
    expect(reopened).not.toBeNull();
    expect(toJSON(reopened!)).toEqual(toJSON(doc));

    // and through MapPersistence, the way the editor opens a map
    const editorDoc = new Y.Doc();
    const p = persist(storage.open(), id, editorDoc);
    expect(p.status).toBe('loading');
    await p.whenLoaded;
    expect(p.status).toBe('saved');
    expect(toJSON(editorDoc)).toEqual(toJSON(doc));
  });

  it('edits are stored as they happen and a reload shows them, with the entry title following the meta', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const before = (await getMapEntry(db, id))!;
    const p = persist(db, id, doc);
    await p.whenLoaded;

    const j = readJourney(doc);
    ops.addCard(doc, { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, title: 'Find the store', body: 'Searches on the phone' });
    ops.updateMeta(doc, { title: 'Retail, second pass' });
    expect(p.status).toBe('saving');
    await p.flush();
    expect(p.status).toBe('saved');

    const entry = (await getMapEntry(storage.open(), id))!;
    expect(entry.title).toBe('Retail, second pass');
    expect(entry.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
    expect(toJSON((await loadMapDoc(storage.open(), id))!)).toEqual(toJSON(doc));
  });

  it('after 1,000+ edits and compaction, a reload is exactly the same and the rows shrank', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    let rowsWritten = 0;
    db.updates.hook('creating', () => {
      rowsWritten++;
    });
    const p = persist(db, id, doc, { compactEvery: 100 });
    await p.whenLoaded;

    const rand = prng(20260101);
    let mostRows = 0;
    for (let i = 0; i < 1200; i++) {
      randomEdit(doc, rand, i);
      // let most edits reach the database one by one, and some arrive in bursts (merged)
      if (i % 3 !== 2) await p.flush();
      if (i % 50 === 0) mostRows = Math.max(mostRows, await db.updates.where('mapId').equals(id).count());
    }
    await p.flush();
    const rowsNow = await db.updates.where('mapId').equals(id).count();

    expect(rowsWritten).toBeGreaterThan(800);
    expect(mostRows).toBeGreaterThan(rowsNow);
    expect(rowsNow).toBeLessThanOrEqual(101);
    expect(p.status).toBe('saved');

    const reopened = (await loadMapDoc(storage.open(), id))!;
    expect(toJSON(reopened)).toEqual(toJSON(doc));
    expect(readMeta(reopened).title).toBe(readMeta(doc).title);
  });

  it('card bodies typed character by character come back as the same text', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const p = persist(db, id, doc, { compactEvery: 20 });
    await p.whenLoaded;

    const cardId = readJourney(doc).cards[0]!.id;
    const body = ops.cardBody(doc, cardId)!;
    const typed = 'The customer compares prices on 3 sites 🛒 before visiting the store.';
    for (const ch of typed) {
      doc.transact(() => body.insert(body.length, ch), Symbol('keystroke'));
      await p.flush();
    }
    ops.setCardBody(doc, cardId, `${body.toString()} Then leaves.`);
    doc.transact(() => body.delete(0, 4), 'another-origin');
    await p.flush();

    const reopened = (await loadMapDoc(storage.open(), id))!;
    const reopenedBody = ops.cardBody(reopened, cardId)!;
    expect(reopenedBody).toBeInstanceOf(Y.Text);
    expect(reopenedBody.toString()).toBe(body.toString());
    expect(reopenedBody.toString()).toContain('🛒');
    expect(toJSON(reopened)).toEqual(toJSON(doc));
  });

  it('updates from the relay are stored, updates loaded from the database are not written again', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const rowsAfterSave = await db.updates.count();

    // the editor opens the map: loading writes nothing
    const editorDoc = new Y.Doc();
    const p = persist(db, id, editorDoc);
    await p.whenLoaded;
    await p.flush();
    expect(await db.updates.count()).toBe(rowsAfterSave);

    // a collaborator's edit arrives from the relay (any origin but ours)
    const relay = Symbol('relay');
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(remote);
    ops.updateMeta(remote, { title: 'Renamed by a collaborator' });
    Y.applyUpdate(editorDoc, Y.encodeStateAsUpdate(remote, sv), relay);
    await p.flush();
    expect(await db.updates.count()).toBe(rowsAfterSave + 1);
    expect(readMeta((await loadMapDoc(storage.open(), id))!).title).toBe('Renamed by a collaborator');

    // an update that carries the persistence origin is not stored again
    Y.applyUpdate(editorDoc, Y.encodeStateAsUpdate(remote), PERSISTENCE_ORIGIN);
    await p.flush();
    expect(await db.updates.count()).toBe(rowsAfterSave + 1);
  });

  it('status goes loading → saved → saving → saved and listeners can unsubscribe', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const p = persist(db, id, doc);
    const seen: PersistenceStatus[] = [];
    const stop = p.onStatus((s) => seen.push(s));
    await p.whenLoaded;
    ops.updateMeta(doc, { description: 'first' });
    await p.flush();
    expect(seen).toEqual(['saved', 'saving', 'saved']);

    stop();
    ops.updateMeta(doc, { description: 'second' });
    await p.flush();
    expect(seen).toHaveLength(3);
  });

  it('destroy writes what is queued and stops storing later edits', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const p = persist(db, id, doc);
    await p.whenLoaded;
    ops.updateMeta(doc, { title: 'Written on close' });
    await p.destroy();
    const rows = await db.updates.count();
    expect(readMeta((await loadMapDoc(storage.open(), id))!).title).toBe('Written on close');

    ops.updateMeta(doc, { title: 'After close' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await db.updates.count()).toBe(rows);
  });

  it('a map with more rows than compactEvery is compacted after it is opened', async () => {
    const storage = freshStorage();
    const db = storage.open();
    const { doc, id } = await newRetailMap(db);
    const writer = persist(db, id, doc, { compactEvery: 10_000 });
    await writer.whenLoaded;
    for (let i = 0; i < 40; i++) {
      ops.updateMeta(doc, { description: `draft ${i}` });
      await writer.flush();
    }
    await writer.destroy();
    expect(await db.updates.where('mapId').equals(id).count()).toBe(41);

    const editorDoc = new Y.Doc();
    const p = persist(storage.open(), id, editorDoc, { compactEvery: 20 });
    await p.whenLoaded;
    await p.flush();
    expect(await db.updates.where('mapId').equals(id).count()).toBe(1);
    expect(toJSON((await loadMapDoc(storage.open(), id))!)).toEqual(toJSON(doc));
  });
});
