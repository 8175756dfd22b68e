import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney, readMeta } from '../../src/model/doc';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import {
  classifyStorageError,
  listMaps,
  loadMapDoc,
  MapPersistence,
  openDatabase,
  saveNewMap,
  type PersistenceStatus,
  type WaymarkDB,
} from '../../src/storage';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track<T extends { close(): void } | MapPersistence>(thing: T): T {
  cleanups.push(() => (thing instanceof MapPersistence ? thing.destroy() : thing.close()));
  return thing;
}

/** An IDBFactory that refuses to open anything, the way a locked-down browser does. */
function refusingFactory(how: 'throws' | 'errors'): IDBFactory {
  const real = new IDBFactory();
  const open = () => {
    if (how === 'throws') throw new DOMException('The operation is insecure.', 'SecurityError');
    const request = {
      error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
      result: undefined,
      readyState: 'done',
      transaction: null,
      onerror: null as ((event: unknown) => void) | null,
      onsuccess: null,
      onblocked: null,
      onupgradeneeded: null,
    };
    setTimeout(() => request.onerror?.({ target: request, type: 'error', preventDefault() {}, stopPropagation() {} }), 0);
    return request;
  };
  return new Proxy(real, {
    get(target, key) {
      if (key === 'open') return open;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A disk that can fill up: while `full`, every write to the database fails the way a browser
 * over its quota fails, with a QuotaExceededError. Reads keep working.
 */
function withFillableDisk(db: WaymarkDB) {
  const disk = { full: false, refused: 0 };
  db.use({
    stack: 'dbcore',
    name: 'fillable-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (disk.full && (req.type === 'add' || req.type === 'put')) {
              disk.refused++;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return disk;
}

function addCardTo(doc: Y.Doc, title: string): string {
  const j = readJourney(doc);
  return ops.addCard(doc, { stageId: j.stages[0]!.id, laneId: j.lanes[1]!.id, title, body: `${title}, body` })!;
}

describe('when IndexedDB is refused', () => {
  it.each(['throws', 'errors'] as const)(
    'a refused database (open %s) gives status unavailable and the doc still takes edits',
    async (how) => {
      const db = track(openDatabase({ name: 'waymark-test', indexedDB: refusingFactory(how), IDBKeyRange }));
      const doc = createMapFromTemplate('retail', 'en');
      const id = readMeta(doc).id;
      const statuses: PersistenceStatus[] = [];
      const p = track(new MapPersistence(db, id, doc, { channelName: false }));
      p.onStatus((s) => statuses.push(s));
      await p.whenLoaded;
      expect(p.status).toBe('unavailable');
      expect(statuses).toEqual(['unavailable']);

      const cardId = addCardTo(doc, 'Edited in memory');
      ops.setCardBody(doc, cardId, 'still works');
      expect(readJourney(doc).cards.find((c) => c.id === cardId)?.body).toBe('still works');
      await p.flush();
      await p.retry();
      expect(p.status).toBe('unavailable');

      // the library says why instead of throwing something unexpected
      const error = await listMaps(db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(classifyStorageError(error)).toBe('unavailable');
      await p.destroy();
    },
  );

  it('with no database at all (null) the status is unavailable and edits go on in memory', async () => {
    const doc = createMapFromTemplate('saas', 'de');
    const p = track(new MapPersistence(null, readMeta(doc).id, doc, { channelName: false }));
    expect(p.status).toBe('unavailable');
    await p.whenLoaded;
    addCardTo(doc, 'Nur im Speicher');
    await p.flush();
    await p.retry();
    expect(p.status).toBe('unavailable');
    expect(readJourney(doc).cards.some((c) => c.title === 'Nur im Speicher')).toBe(true);
    await p.destroy();
  });
});

describe('when the disk is full', () => {
  async function fullDiskSetup() {
    const indexedDB = new IDBFactory();
    const reopen = () => track(openDatabase({ name: 'waymark-test', indexedDB, IDBKeyRange }));
    const db = reopen();
    const disk = withFillableDisk(db);
    const doc = createMapFromTemplate('retail', 'en');
    const { id } = await saveNewMap(db, doc);
    const p = track(new MapPersistence(db, id, doc, { channelName: false, compactEvery: 3 }));
    await p.whenLoaded;
    for (let i = 0; i < 5; i++) {
      addCardTo(doc, `saved ${i}`);
      await p.flush();
    }
    expect(p.status).toBe('saved');
    return { db, reopen, disk, doc, id, p, lastSaved: toJSON(doc) };
  }

  it('a full disk gives status quota-exceeded, keeps what was stored, and saves everything once space frees up (retry)', async () => {
    const { db, reopen, disk, doc, id, p, lastSaved } = await fullDiskSetup();
    const rowsBefore = (await reopen().updates.where('mapId').equals(id).toArray()).map((r) => r.seq);

    disk.full = true;
    addCardTo(doc, 'while full 1');
    await p.flush();
    expect(p.status).toBe('quota-exceeded');
    // more edits retry, fail again, and are kept
    for (let i = 2; i <= 6; i++) {
      addCardTo(doc, `while full ${i}`);
      ops.updateMeta(doc, { title: `Title while full ${i}` });
      await p.flush();
      expect(p.status).toBe('quota-exceeded');
    }
    expect(disk.refused).toBeGreaterThan(5);

    // what was stored before is intact: same rows, same content, from a fresh handle
    const fresh = reopen();
    expect((await fresh.updates.where('mapId').equals(id).toArray()).map((r) => r.seq)).toEqual(rowsBefore);
    expect(toJSON((await loadMapDoc(fresh, id))!)).toEqual(lastSaved);

    disk.full = false;
    await p.retry();
    expect(p.status).toBe('saved');
    const after = (await loadMapDoc(reopen(), id))!;
    expect(toJSON(after)).toEqual(toJSON(doc));
    expect(readJourney(after).cards.filter((c) => c.title.startsWith('while full'))).toHaveLength(6);
    expect(readMeta(after).title).toBe('Title while full 6');
    expect((await db.maps.get(id))?.title).toBe('Title while full 6');
  });

  it('after space frees up, the next edit saves what was kept and the status returns to saved', async () => {
    const { reopen, disk, doc, id, p } = await fullDiskSetup();
    const statuses: PersistenceStatus[] = [];
    p.onStatus((s) => statuses.push(s));
    disk.full = true;
    const kept = addCardTo(doc, 'kept in memory');
    ops.setCardBody(doc, kept, 'typed while the disk was full');
    await p.flush();
    expect(p.status).toBe('quota-exceeded');

    disk.full = false;
    ops.updateCard(doc, kept, { emotion: -2 });
    await p.flush();
    expect(p.status).toBe('saved');
    expect(statuses).toEqual(['saving', 'quota-exceeded', 'saved']);
    expect(toJSON((await loadMapDoc(reopen(), id))!)).toEqual(toJSON(doc));
  });

  it('a compaction that fails on a full disk leaves the stored rows untouched', async () => {
    const { reopen, disk, doc, id, p, lastSaved } = await fullDiskSetup();
    const rows = await reopen().updates.where('mapId').equals(id).toArray();
    expect(rows.length).toBeGreaterThan(1);

    disk.full = true;
    expect(await p.compact()).toBe(0);
    const fresh = reopen();
    expect(await fresh.updates.where('mapId').equals(id).toArray()).toEqual(rows);
    expect(toJSON((await loadMapDoc(fresh, id))!)).toEqual(lastSaved);

    disk.full = false;
    expect(await p.compact()).toBe(rows.length);
    expect(await reopen().updates.where('mapId').equals(id).count()).toBe(1);
    expect(toJSON((await loadMapDoc(reopen(), id))!)).toEqual(toJSON(doc));
  });
});

describe('classifyStorageError', () => {
  const dom = (name: string) => new DOMException('x', name);

  it('maps a full disk, however it is wrapped, to quota', () => {
    expect(classifyStorageError(dom('QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError(new Dexie.QuotaExceededError('full'))).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('aborted', dom('QuotaExceededError')))).toBe('quota');
    expect(classifyStorageError(new Dexie.BulkError('bulk', { 0: dom('QuotaExceededError') }))).toBe('quota');
    expect(classifyStorageError(new Error('tx failed', { cause: dom('QuotaExceededError') }))).toBe('quota');
    expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('quota');
  });

  it('maps a missing, blocked or closed database to unavailable', () => {
    expect(classifyStorageError(dom('InvalidStateError'))).toBe('unavailable');
    expect(classifyStorageError(dom('SecurityError'))).toBe('unavailable');
    expect(classifyStorageError(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable');
    expect(classifyStorageError(new Dexie.OpenFailedError(dom('UnknownError')))).toBe('unavailable');
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed'))).toBe('unavailable');
    expect(classifyStorageError(new Dexie.VersionError('newer'))).toBe('unavailable');
  });

  it('maps anything else to failed', () => {
    expect(classifyStorageError(new Dexie.ConstraintError('duplicate key'))).toBe('failed');
    expect(classifyStorageError(dom('DataCloneError'))).toBe('failed');
    expect(classifyStorageError(new Error('boom'))).toBe('failed');
    expect(classifyStorageError('a string')).toBe('failed');
    expect(classifyStorageError(null)).toBe('failed');
    expect(classifyStorageError(undefined)).toBe('failed');
  });
});
