import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LevelDbStore, MemoryStore, type AccessRecord, type RelayStore, type SpaceRecord, type VersionEntry } from '../../server/store';
import type { StoreContents } from '../../server/store/types';
import { PostgresStore } from '../../server/store/postgres';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { tempDataDir } from '../support/relay';

/**
 * One contract, three stores: what the relay relies on from memory, LevelDB and PostgreSQL alike.
 * PostgreSQL is shared by several relay processes, so it also answers for two store instances
 * appending to and compacting one room at once.
 */
let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.close();
});

const openPostgres = async (url?: string) => PostgresStore.open({ url: url ?? (await postgres.createSchema()), poolSize: 4 });

/**
 * Each store, and what a second relay process would hold on the same data: another PostgreSQL
 * store on the same database; for memory and LevelDB the same store again (one process is their
 * only writer, so changes from "two processes" are changes from two callers at once).
 */
const stores: Array<[string, () => Promise<[RelayStore, RelayStore]>]> = [
  ['memory', async () => {
    const store = new MemoryStore();
    return [store, store];
  }],
  ['LevelDB', async () => {
    const store = new LevelDbStore(tempDataDir());
    return [store, store];
  }],
  ['PostgreSQL', async () => {
    const url = await postgres.createSchema();
    return [await openPostgres(url), await openPostgres(url)];
  }],
];

/** updates of a doc that sets key → value one at a time, as a client would send them */
function updatesSetting(entries: Array<[string, number]>, clientID = 1): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const [k, v] of entries) doc.getMap('m').set(k, v);
  doc.destroy();
  return updates;
}

function mapOf(update: Uint8Array): Record<string, unknown> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const json = doc.getMap('m').toJSON();
  doc.destroy();
  return json;
}

const access = (n: number): AccessRecord => ({ owner: 'o'.repeat(64), edit: `${n}`.padStart(64, 'e'), comment: null, view: null, locked: n % 2 === 0, createdAt: '2026-12-05T00:00:00.000Z' });
const entry = (id: string, bytes: number): VersionEntry => ({ info: { id, name: `version ${id}`, kind: 'named', createdAt: '2026-12-05T00:00:00.000Z', counts: { cards: 1 } } as unknown as VersionEntry['info'], bytes });

describe.each(stores)('the %s store', (_kind, open) => {
  let store: RelayStore;
  let other: RelayStore;
  beforeAll(async () => {
    [store, other] = await open();
  });
  afterAll(async () => {
    await store?.close();
    if (other !== store) await other?.close();
  });

  it('says what it holds, kind by kind (what waymark store copy moves)', async () => {
    const contents = store as RelayStore & StoreContents;
    for (const u of updatesSetting([['x', 1]], 77)) await store.storeUpdate('listed-room', u);
    await store.putAccess('listed-map~abc', access(3));
    await store.putSpace('listed-space', { owner: 'o', edit: null, comment: null, view: null, name: 'Listed', createdAt: '2026-12-05T00:00:00.000Z', maps: {} });
    await store.putVersion('listed-versions', entry('v1', 1), Uint8Array.of(1));
    const all = async <T>(items: AsyncIterable<T>) => {
      const list: T[] = [];
      for await (const item of items) list.push(item);
      return list;
    };
    expect(await all(contents.roomNames())).toContain('listed-room');
    expect(await all(contents.accessRecords())).toContainEqual(['listed-map~abc', access(3)]);
    expect((await all(contents.spaceRecords())).map(([id, r]) => [id, r.name])).toContainEqual(['listed-space', 'Listed']);
    expect(await all(contents.versionRooms())).toContain('listed-versions');
    // nothing of the other kinds leaks into a list
    expect(await all(contents.roomNames())).not.toContain('listed-versions');
    expect((await all(contents.accessRecords())).map(([id]) => id)).not.toContain('listed-space');
  });

  it('an unknown room loads as an empty document, and nothing is stored for unknown records', async () => {
    expect(mapOf(await store.loadDoc('nobody-here'))).toEqual({});
    expect(mapOf(await store.readDoc('nobody-here'))).toEqual({});
    expect(await store.getAccess('nobody')).toBeUndefined();
    expect(await store.getSpace('nobody')).toBeUndefined();
    expect(await store.listVersions('nobody')).toEqual([]);
    expect(await store.getVersion('nobody', 'v')).toBeUndefined();
    expect(await store.health()).toMatchObject({ ok: true });
  });

  it('every update appended to many rooms at once is read back, before and after compaction', async () => {
    const rooms = Array.from({ length: 20 }, (_, r) => ({ name: `room-${r}`, updates: updatesSetting(Array.from({ length: 10 }, (_, i) => [`k${i}`, r * 100 + i]), r + 1) }));
    // all at once: the stores batch appends of many rooms into one write
    await Promise.all(rooms.flatMap((room) => room.updates.map((u) => store.storeUpdate(room.name, u))));
    for (const room of rooms) {
      const expected = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, Number(room.name.slice(5)) * 100 + i]));
      expect(mapOf(await store.readDoc(room.name))).toEqual(expected);
      await store.compact(room.name);
      expect(mapOf(await store.loadDoc(room.name))).toEqual(expected);
    }
  });

  it('a compaction keeps deletions deleted and later appends', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('kept', 1);
    doc.getMap('m').set('gone', 'x'.repeat(1000));
    doc.getMap('m').delete('gone');
    for (const u of updates.splice(0)) await store.storeUpdate('deletions', u);
    await store.compact('deletions');
    doc.getMap('m').set('later', 2);
    for (const u of updates.splice(0)) await store.storeUpdate('deletions', u);
    const stored = await store.loadDoc('deletions');
    expect(mapOf(stored)).toEqual({ kept: 1, later: 2 });
    await store.compact('deletions');
    // the deleted text is dropped by compaction, not carried along
    expect((await store.loadDoc('deletions')).length).toBeLessThan(200);
  });

  it('an append queued just before a compaction, and the appends after it, all survive', async () => {
    const updates = updatesSetting([['a', 1], ['b', 2], ['c', 3], ['d', 4]], 31);
    await store.storeUpdate('queued', updates[0]!);
    // queued, not awaited: the compaction is queued behind it
    const queued = store.storeUpdate('queued', updates[1]!);
    await Promise.all([queued, store.compact('queued')]);
    await store.storeUpdate('queued', updates[2]!);
    await store.storeUpdate('queued', updates[3]!);
    expect(mapOf(await store.loadDoc('queued'))).toEqual({ a: 1, b: 2, c: 3, d: 4 });
  });

  it('a compaction given the room\'s document keeps everything stored, drops deleted content, and keeps the appends after it', async () => {
    // the room: every change is applied to its document first, then stored
    const room = new Y.Doc();
    const pending: Uint8Array[] = [];
    room.on('update', (u: Uint8Array) => pending.push(u));
    room.getMap('m').set('kept', 1);
    room.getMap('m').set('gone', 'x'.repeat(1000));
    room.getMap('m').delete('gone');
    for (const u of pending.splice(0)) await store.storeUpdate('compact-current', u);
    // one change applied to the room and not yet stored when the compaction runs (its store write queued behind it)
    room.getMap('m').set('in-flight', 2);
    let asked = 0;
    const compacted = store.compact('compact-current', () => {
      asked++;
      return Y.encodeStateAsUpdate(room);
    });
    const inFlight = Promise.all(pending.splice(0).map((u) => store.storeUpdate('compact-current', u)));
    await Promise.all([compacted, inFlight]);
    room.getMap('m').set('later', 3);
    for (const u of pending.splice(0)) await store.storeUpdate('compact-current', u);
    expect(mapOf(await store.loadDoc('compact-current'))).toEqual({ kept: 1, 'in-flight': 2, later: 3 });
    await store.compact('compact-current', () => Y.encodeStateAsUpdate(room));
    expect(mapOf(await store.loadDoc('compact-current'))).toEqual({ kept: 1, 'in-flight': 2, later: 3 });
    expect((await store.loadDoc('compact-current')).length).toBeLessThan(200);
    // a store shared with other processes merges what it holds (the document may lack their changes)
    if (other !== store) expect(asked).toBe(0);
  });

  it('a compaction given one process\'s document loses no change another process stored that the document lacks', async () => {
    const room = new Y.Doc();
    const mine: Uint8Array[] = [];
    room.on('update', (u: Uint8Array) => mine.push(u));
    room.getMap('m').set('mine', 1);
    for (const u of mine.splice(0)) await store.storeUpdate('compact-theirs', u);
    // for memory and LevelDB, "another process" is another caller of the same store, whose
    // change reaches the room before it is stored (rooms.ts): the document has it too
    for (const u of updatesSetting([['theirs', 2]], 4242)) {
      if (other === store) Y.applyUpdate(room, u);
      await other.storeUpdate('compact-theirs', u);
    }
    await store.compact('compact-theirs', () => Y.encodeStateAsUpdate(room));
    expect(mapOf(await store.loadDoc('compact-theirs'))).toEqual({ mine: 1, theirs: 2 });
  });

  it('access and space records read back as stored, and a caller cannot change the stored copy', async () => {
    await store.putAccess('map-1~abc', access(1));
    await store.putAccess('map-1~abc', access(2));
    const read = await store.getAccess('map-1~abc');
    expect(read).toEqual(access(2));
    read!.locked = false;
    expect((await store.getAccess('map-1~abc'))!.locked).toBe(true);
    // a hostile name: NUL and lone surrogates are kept as they are
    const space: SpaceRecord = { owner: 'o', edit: null, comment: null, view: 'v', name: 'Team \u0000 \ud800 ✓', createdAt: '2026-12-05T00:00:00.000Z', maps: { m1: { key: 'm1~x', addedAt: '2026-12-05T00:00:00.000Z' } } };
    await store.putSpace('space-1', space);
    expect(await store.getSpace('space-1')).toEqual(space);
  });

  it('a record change sees the stored record and writes what it answers; null leaves it as it is', async () => {
    expect(await store.updateAccess('upd~abc', (current) => (current ? null : access(1)))).toEqual(access(1));
    expect(await store.updateAccess('upd~abc', (current) => (current ? null : access(2)))).toBeNull();
    expect(await store.getAccess('upd~abc')).toEqual(access(1));
    expect(await other.updateAccess('upd~abc', (current) => ({ ...current!, locked: !current!.locked }))).toEqual({ ...access(1), locked: true });
    expect(await store.getAccess('upd~abc')).toEqual({ ...access(1), locked: true });
    expect(await store.updateSpace('nobody-space', () => null)).toBeNull();
    expect(await store.getSpace('nobody-space')).toBeUndefined();
  });

  it('changes of one access and one space record made at once from two processes all survive (seeded)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // each change: which process makes it, and how long after the start
        fc.array(fc.record({ process: fc.integer({ min: 0, max: 1 }), delayMs: fc.integer({ min: 0, max: 2 }) }), { minLength: 2, maxLength: 16 }),
        async (changes) => {
          const id = `contended-${++run}`;
          await store.putAccess(id, { ...access(0), sealedLinks: '' });
          await store.putSpace(id, { owner: 'o', edit: null, comment: null, view: null, name: 'Contended', createdAt: '2026-12-05T00:00:00.000Z', maps: {} });
          await Promise.all(
            changes.map(async (change, i) => {
              const by = change.process === 0 ? store : other;
              await new Promise((resolve) => setTimeout(resolve, change.delayMs));
              // each change adds its own mark to what is there (as a revocation keeps the other links)
              await Promise.all([
                by.updateAccess(id, (current) => ({ ...current!, sealedLinks: `${current!.sealedLinks ?? ''}<${i}>` })),
                by.updateSpace(id, (current) => ({ ...current!, maps: { ...current!.maps, [`m${i}`]: { key: `m${i}~k`, addedAt: `${i}` } } })),
              ]);
            }),
          );
          const marks = (await other.getAccess(id))!.sealedLinks!.match(/<\d+>/g) ?? [];
          expect(marks.sort()).toEqual(changes.map((_, i) => `<${i}>`).sort());
          expect(Object.keys((await store.getSpace(id))!.maps).sort()).toEqual(changes.map((_, i) => `m${i}`).sort());
        },
      ),
      { seed: 1705, numRuns: 15 },
    );
  });

  it('two processes creating one record at once: exactly one creates it, the other sees it', async () => {
    for (let i = 0; i < 5; i++) {
      const id = `created-${i}`;
      const answers = await Promise.all([store, other, store, other].map((by, n) => by.updateAccess(id, (current) => (current ? null : access(10 + n)))));
      const created = answers.filter((answer) => answer !== null);
      expect(created).toHaveLength(1);
      expect(await other.getAccess(id)).toEqual(created[0]);
    }
  });

  it('versions are listed in the order stored, stored again moves one to the end, and deleting drops snapshot and entry together', async () => {
    await store.putVersion('room-v', entry('a', 3), Uint8Array.of(1, 2, 3));
    await store.putVersion('room-v', entry('b', 2), Uint8Array.of(4, 5));
    await store.putVersion('room-v', entry('c', 1), Uint8Array.of(6));
    await store.putVersion('other-room', entry('a', 1), Uint8Array.of(9));
    expect((await store.listVersions('room-v')).map((e) => e.info.id)).toEqual(['a', 'b', 'c']);
    await store.putVersion('room-v', entry('a', 4), Uint8Array.of(7, 7, 7, 7));
    expect(await store.listVersions('room-v')).toEqual([entry('b', 2), entry('c', 1), entry('a', 4)]);
    expect([...(await store.getVersion('room-v', 'a'))!]).toEqual([7, 7, 7, 7]);
    await store.deleteVersions('room-v', ['a', 'c', 'unknown']);
    expect((await store.listVersions('room-v')).map((e) => e.info.id)).toEqual(['b']);
    expect(await store.getVersion('room-v', 'a')).toBeUndefined();
    expect([...(await store.getVersion('other-room', 'a'))!]).toEqual([9]);
  });
});

describe('two PostgreSQL stores on one database (two relay processes)', () => {
  it('appending and compacting one room from both at once loses no update (seeded)', async () => {
    const url = await postgres.createSchema();
    const [a, b] = [await openPostgres(url), await openPostgres(url)];
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          // each step: which store, and whether it appends its next update or compacts
          fc.array(fc.record({ store: fc.integer({ min: 0, max: 1 }), compact: fc.boolean(), delayMs: fc.integer({ min: 0, max: 3 }) }), { minLength: 10, maxLength: 60 }),
          async (steps) => {
            const room = `shared-${++run}`;
            // two clients, one per process, each with its own updates
            const updates = [updatesSetting(steps.map((_, i) => [`a${i}`, i]), 1), updatesSetting(steps.map((_, i) => [`b${i}`, i]), 2)];
            const sent = [0, 0];
            await Promise.all(
              steps.map(async (step) => {
                const store = step.store === 0 ? a : b;
                await new Promise((resolve) => setTimeout(resolve, step.delayMs));
                if (step.compact) return store.compact(room);
                const update = updates[step.store]![sent[step.store]!++]!;
                return store.storeUpdate(room, update);
              }),
            );
            const expected: Record<string, number> = {};
            for (const side of [0, 1]) for (let i = 0; i < sent[side]!; i++) expected[`${side ? 'b' : 'a'}${i}`] = i;
            expect(mapOf(await a.loadDoc(room))).toEqual(expected);
            await b.compact(room);
            expect(mapOf(await b.readDoc(room))).toEqual(expected);
            const rows = await a.pool.query('SELECT count(*)::int AS n FROM waymark_updates WHERE room = $1', [room]);
            expect(rows.rows[0].n).toBeLessThanOrEqual(1);
          },
        ),
        { seed: 1717, numRuns: 25 },
      );
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('two processes starting on an empty database at once migrate it once', async () => {
    const url = await postgres.createDatabase();
    const opened = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    const { rows } = await opened[0]!.pool.query<{ version: number }>('SELECT version FROM waymark_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1]);
    await Promise.all(opened.map((s) => s.close()));
    // and again: nothing left to do
    const again = await openPostgres(url);
    await again.close();
  });
});
