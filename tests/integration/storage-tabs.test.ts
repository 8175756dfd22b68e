import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readJourney, readMeta } from '../../src/model/doc';
import { newId } from '../../src/model/ids';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import { loadMapDoc, MapPersistence, openDatabase, saveNewMap, TAB_ORIGIN, type WaymarkDB } from '../../src/storage';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One browser profile: every tab opens its own handle on the same IndexedDB. */
function browserProfile() {
  const indexedDB = new IDBFactory();
  return (): WaymarkDB => {
    const db = openDatabase({ name: 'waymark-test', indexedDB, IDBKeyRange });
    cleanups.push(() => db.close());
    return db;
  };
}

function openTab(db: WaymarkDB | null, mapId: string, options?: ConstructorParameters<typeof MapPersistence>[3]) {
  const doc = new Y.Doc();
  const persistence = new MapPersistence(db, mapId, doc, options);
  cleanups.push(() => persistence.destroy());
  return { doc, persistence };
}

async function savedRetailMap(db: WaymarkDB) {
  const doc = createMapFromTemplate('retail', 'en');
  const entry = await saveNewMap(db, doc);
  return entry.id;
}

function firstCell(doc: Y.Doc) {
  const j = readJourney(doc);
  return { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id };
}

const cardTitles = (doc: Y.Doc) => new Set(readJourney(doc).cards.map((c) => c.title));

describe('two tabs with the same map open', () => {
  it('two tabs see each other’s edits without a server', async () => {
    const openDb = browserProfile();
    const mapId = await savedRetailMap(openDb());
    const a = openTab(openDb(), mapId);
    const b = openTab(openDb(), mapId);
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);

    const fromA = ops.addCard(a.doc, { ...firstCell(a.doc), title: 'Added in tab A' })!;
    await vi.waitFor(() => expect(cardTitles(b.doc)).toContain('Added in tab A'));

    ops.setCardBody(b.doc, fromA, 'Typed in tab B');
    ops.updateMeta(b.doc, { title: 'Renamed in tab B' });
    await vi.waitFor(() => expect(readMeta(a.doc).title).toBe('Renamed in tab B'));
    expect(ops.cardBody(a.doc, fromA)!.toString()).toBe('Typed in tab B');
    expect(toJSON(a.doc)).toEqual(toJSON(b.doc));

    await Promise.all([a.persistence.flush(), b.persistence.flush()]);
    expect(toJSON((await loadMapDoc(openDb(), mapId))!)).toEqual(toJSON(a.doc));
  });

  it('an update received from the other tab is applied with TAB_ORIGIN and not stored twice', async () => {
    const openDb = browserProfile();
    const db = openDb();
    const mapId = await savedRetailMap(db);
    const a = openTab(openDb(), mapId);
    const b = openTab(openDb(), mapId);
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    const origins: unknown[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const rowsBefore = await db.updates.count();

    ops.updateMeta(a.doc, { description: 'once' });
    await vi.waitFor(() => expect(readMeta(b.doc).description).toBe('once'));
    await Promise.all([a.persistence.flush(), b.persistence.flush()]);
    expect(origins).toEqual([TAB_ORIGIN]);
    expect(await db.updates.count()).toBe(rowsBefore + 1);
  });

  it.each([
    ['over the channel', undefined],
    ['with no channel between them', false as const],
  ])('compaction in one tab while the other writes loses nothing (%s)', async (_label, channelName) => {
    const openDb = browserProfile();
    const mapId = await savedRetailMap(openDb());
    const a = openTab(openDb(), mapId, { compactEvery: 5, channelName });
    const b = openTab(openDb(), mapId, { compactEvery: 100_000, channelName });
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    const cell = firstCell(a.doc);
    let compactions = 0;

    const writeInA = async () => {
      for (let i = 0; i < 60; i++) {
        ops.addCard(a.doc, { ...cell, id: `a${i}-${newId(4)}`, title: `A ${i}` });
        if (i % 2 === 0) await a.persistence.flush();
        if (i % 7 === 0 && (await a.persistence.compact()) > 0) compactions++;
      }
    };
    const writeInB = async () => {
      for (let i = 0; i < 60; i++) {
        ops.addCard(b.doc, { ...cell, id: `b${i}-${newId(4)}`, title: `B ${i}`, body: `written by B ${i}` });
        await b.persistence.flush();
      }
    };
    await Promise.all([writeInA(), writeInB()]);
    await Promise.all([a.persistence.destroy(), b.persistence.destroy()]);
    expect(compactions).toBeGreaterThan(0);

    const reopened = (await loadMapDoc(openDb(), mapId))!;
    const titles = cardTitles(reopened);
    for (let i = 0; i < 60; i++) {
      expect(titles).toContain(`A ${i}`);
      expect(titles).toContain(`B ${i}`);
    }
    // the reopened map is both tabs' work merged
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(b.doc));
    expect(toJSON(reopened)).toEqual(toJSON(merged));
    // and far fewer rows than were written
    expect(await openDb().updates.where('mapId').equals(mapId).count()).toBeLessThan(60);
  });

  it('a tab opened later catches up on edits the first tab holds only in memory', async () => {
    const openDb = browserProfile();
    const mapId = await savedRetailMap(openDb());
    const channelName = `waymark:test:${newId()}`;
    // the first tab was refused storage, so its edits exist only in its memory
    const a = openTab(null, mapId, { channelName });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate((await loadMapDoc(openDb(), mapId))!));
    ops.updateMeta(a.doc, { title: 'Only in tab A' });
    expect(a.persistence.status).toBe('unavailable');

    const b = openTab(openDb(), mapId, { channelName });
    await b.persistence.whenLoaded;
    await vi.waitFor(() => expect(readMeta(b.doc).title).toBe('Only in tab A'));
    expect(toJSON(b.doc)).toEqual(toJSON(a.doc));
  });
});
