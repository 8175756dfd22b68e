import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createVersionHistory, DEVICE_CHECKPOINTS, type AppVersionHistory, type VersionClock, type VersionHistoryOptions } from '../../src/app/versionHistory';
import { readJourney, readMeta } from '../../src/model/doc';
import { imageKey, readImages, setCardImage, type CardImage } from '../../src/model/images';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { VersionInfo } from '../../src/model/versions';
import {
  DEVICE_NAMED_VERSION_LIMIT,
  DEVICE_VERSION_LIMIT,
  markDeleted,
  openDatabase,
  PERSISTENCE_ORIGIN,
  purgeMap,
  putStoredVersion,
  saveNewMap,
  TAB_ORIGIN,
  thinStoredVersions,
  listStoredVersions,
  VersionStorageError,
  type WaymarkDB,
} from '../../src/storage';
import type { MapShare } from '../../src/sync/shares';
import { startVersionRelay, type VersionRelay } from '../support/versionRelay';

/*
 * Version history on the device (issue 15, points 2 and 5): a private map's versions live in
 * IndexedDB and this device checkpoints it itself; a shared map's live on the relay, cached here
 * so history browses offline, and a version named offline goes up once the relay is back.
 * The relay here is a small real HTTP server answering the version routes (tests/support/versionRelay.ts).
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Time that moves only when the test says so; timers fire in order as it passes. */
class ManualClock implements VersionClock {
  time = Date.parse('2026-03-02T09:00:00Z');
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now() {
    return this.time;
  }
  setTimeout(run: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }
}

function database(factory: IDBFactory = new IDBFactory()): WaymarkDB {
  const db = openDatabase({ name: 'waymark-versions-test', indexedDB: factory, IDBKeyRange });
  cleanups.push(() => db.close());
  return db;
}

function history(options: Partial<VersionHistoryOptions> & Pick<VersionHistoryOptions, 'db' | 'doc'>): AppVersionHistory {
  const made = createVersionHistory({ mapId: readMeta(options.doc).id, share: () => null, onOnline: () => () => undefined, ...options });
  cleanups.push(() => made.destroy());
  return made;
}

function mapDoc(): Y.Doc {
  const doc = createMapFromTemplate('retail', 'en');
  cleanups.push(() => doc.destroy());
  return doc;
}

function addCard(doc: Y.Doc, title: string, origin?: unknown): string {
  const j = readJourney(doc);
  return ops.addCard(doc, { stageId: j.stages[0]!.id, laneId: j.lanes[1]!.id, title }, origin)!;
}

const titles = (doc: Y.Doc) => readJourney(doc).cards.map((c) => c.title);

async function titlesOf(h: AppVersionHistory, id: string): Promise<string[] | null> {
  const opened = await h.open(id);
  if (!opened) return null;
  try {
    return titles(opened);
  } finally {
    opened.destroy();
  }
}

function checkpointAt(id: string, at: number, kind: VersionInfo['kind'] = 'auto'): VersionInfo {
  return {
    id,
    name: kind === 'named' ? `named ${id}` : '',
    kind,
    reason: kind === 'named' ? null : 'device',
    createdAt: new Date(at).toISOString(),
    by: '',
    counts: { stages: 0, cards: 0, pains: 0, opportunities: 0 },
  };
}

describe('versions of a private map on this device', () => {
  it('are listed newest first with their counts, and open as they were after the database is reopened', async () => {
    const factory = new IDBFactory();
    const clock = new ManualClock();
    const doc = mapDoc();
    const first = history({ db: database(factory), doc, clock });

    const before = await first.create('  Before the Q3\nworkshop  ', 'Olga');
    clock.advance(10_000);
    addCard(doc, 'Queue at the till');
    const checkpoint = await first.checkpoint('import', 'Olga').then(() => first.list());
    clock.advance(10_000);
    addCard(doc, 'Lost receipt');
    const after = await first.create('After the workshop', 'Olga');
    first.destroy();

    // another session, another database handle: what IndexedDB holds, not what memory did
    const second = history({ db: database(factory), doc, clock });
    const listed = await second.list();
    expect(listed.map((v) => [v.name, v.kind, v.reason, v.place])).toEqual([
      ['After the workshop', 'named', null, 'device'],
      ['', 'auto', 'import', 'device'],
      ['Before the Q3 workshop', 'named', null, 'device'],
    ]);
    expect(listed[0]!.by).toBe('Olga');
    expect(listed[0]!.counts.cards).toBe(before.counts.cards + 2);
    expect(await titlesOf(second, before.id)).not.toContain('Queue at the till');
    expect(await titlesOf(second, checkpoint[0]!.id)).toContain('Queue at the till');
    expect(await titlesOf(second, after.id)).toEqual(expect.arrayContaining(['Queue at the till', 'Lost receipt']));
    // an opened version is a copy: editing it leaves the live map alone
    const opened = (await second.open(before.id))!;
    addCard(opened, 'Only in the copy');
    expect(titles(doc)).not.toContain('Only in the copy');
    opened.destroy();
  });

  it('thins checkpoints to one an hour for a day and one a day for a month, oldest first over the limit, and never a named version', async () => {
    const db = database();
    const now = Date.parse('2026-03-31T12:00:00Z');
    const rows: VersionInfo[] = [
      checkpointAt('recent1', now - 10 * 60_000),
      checkpointAt('recent2', now - 20 * 60_000),
      checkpointAt('hourA1', now - 5 * HOUR - 10 * 60_000),
      checkpointAt('hourA2', now - 5 * HOUR - 20 * 60_000),
      checkpointAt('dayB1', now - 3 * DAY),
      checkpointAt('dayB2', now - 3 * DAY - HOUR),
      checkpointAt('ancient', now - 40 * DAY),
      checkpointAt('namedOld', now - 90 * DAY, 'named'),
    ];
    for (const info of rows) await putStoredVersion(db, 'map-a', info, 'device', new Uint8Array([1]));
    // the relay's own versions are the relay's to thin
    await putStoredVersion(db, 'map-a', checkpointAt('relayOld', now - 60 * DAY), 'server');

    const dropped = await thinStoredVersions(db, 'map-a', now);
    expect(dropped.sort()).toEqual(['ancient', 'hourA2', 'dayB2'].sort());
    const kept = (await listStoredVersions(db, 'map-a')).map((r) => r.id);
    expect(kept).toEqual(['recent1', 'recent2', 'hourA1', 'dayB1', 'relayOld', 'namedOld']);
    expect(await db.versionSnapshots.where('mapId').equals('map-a').count()).toBe(5);

    expect(await thinStoredVersions(db, 'map-a', now, { max: 3 })).toEqual(['dayB1', 'hourA1']);
    expect((await listStoredVersions(db, 'map-a')).map((r) => r.id)).toEqual(['recent1', 'recent2', 'relayOld', 'namedOld']);
  });

  it('refuses a named version once named ones fill the map’s share, and a checkpoint before a restore is still kept', async () => {
    const db = database();
    const clock = new ManualClock();
    const doc = mapDoc();
    const mapId = readMeta(doc).id;
    for (let i = 0; i < DEVICE_NAMED_VERSION_LIMIT; i++) await putStoredVersion(db, mapId, checkpointAt(`named${i}`, clock.now() - DAY - i * 60_000, 'named'), 'device', new Uint8Array([1]));
    for (let i = 0; i < DEVICE_VERSION_LIMIT; i++) await putStoredVersion(db, mapId, checkpointAt(`auto${i}`, clock.now() - 60_000 - i * 1_000), 'device', new Uint8Array([1]));
    const h = history({ db, doc, clock });
    await expect(h.create('One too many', 'Olga')).rejects.toMatchObject({ status: 409 });
    await h.checkpoint('restore', 'Olga');
    const listed = await h.list();
    expect(listed).toHaveLength(DEVICE_VERSION_LIMIT);
    expect(listed[0]!.reason).toBe('restore');
    expect(listed.filter((v) => v.kind === 'named')).toHaveLength(DEVICE_NAMED_VERSION_LIMIT);
  });

  it('are erased with the map when it is purged, and another map keeps its own', async () => {
    const db = database();
    const gone = mapDoc();
    const kept = createMapFromTemplate('saas', 'en');
    cleanups.push(() => kept.destroy());
    await saveNewMap(db, gone);
    await saveNewMap(db, kept);
    await history({ db, doc: gone }).create('Gone soon', 'Olga');
    await history({ db, doc: gone }).checkpoint('restore', 'Olga');
    await history({ db, doc: kept }).create('Stays', 'Olga');

    const goneId = readMeta(gone).id;
    await markDeleted(db, goneId);
    expect(await purgeMap(db, goneId)).toBe(true);
    expect(await db.versions.where('mapId').equals(goneId).count()).toBe(0);
    expect(await db.versionSnapshots.where('mapId').equals(goneId).count()).toBe(0);
    expect((await listStoredVersions(db, readMeta(kept).id)).map((r) => r.info.name)).toEqual(['Stays']);
  });

  it('a device that had the database before version history opens it with every map and adds the history', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('waymark-versions-test', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ maps: 'id, updatedAt, deletedAt', updates: '++seq, mapId, [mapId+seq]' });
    await old.table('maps').add({ id: 'old-map', title: 'From before', createdAt: 1, updatedAt: 1, thumbnail: null, deletedAt: null });
    old.close();

    const db = database(factory);
    expect((await db.maps.get('old-map'))?.title).toBe('From before');
    await putStoredVersion(db, 'old-map', checkpointAt('v1', Date.now()), 'device', new Uint8Array([1]));
    expect(await db.versions.count()).toBe(1);
  });
});

describe('checkpoints this device takes of a private map', () => {
  it('takes one once the map has been quiet for a minute after changes, and one every ten minutes in a long session', async () => {
    const clock = new ManualClock();
    const doc = mapDoc();
    const h = history({ db: database(), doc, clock });

    addCard(doc, 'First edit');
    clock.advance(DEVICE_CHECKPOINTS.quietMs - 1_000);
    await h.settled();
    expect(await h.list()).toEqual([]);
    clock.advance(1_000);
    await h.settled();
    const afterQuiet = await h.list();
    expect(afterQuiet.map((v) => [v.kind, v.reason, v.place])).toEqual([['auto', 'device', 'device']]);
    expect(await titlesOf(h, afterQuiet[0]!.id)).toContain('First edit');

    // an edit every 30 s never leaves a quiet minute: the interval takes one at ten minutes
    for (let i = 0; i < 25; i++) {
      addCard(doc, `Busy ${i}`);
      clock.advance(30_000);
    }
    await h.settled();
    const busy = await h.list();
    expect(busy).toHaveLength(2);
    expect(Date.parse(busy[0]!.createdAt) - Date.parse(afterQuiet[0]!.createdAt)).toBe(DEVICE_CHECKPOINTS.maxIntervalMs);
  });

  it('takes none without changes, nor for what was loaded from storage or edited in another tab', async () => {
    const clock = new ManualClock();
    const doc = mapDoc();
    const h = history({ db: database(), doc, clock });
    clock.advance(DEVICE_CHECKPOINTS.maxIntervalMs * 3);
    addCard(doc, 'Loaded from IndexedDB', PERSISTENCE_ORIGIN);
    addCard(doc, 'Made in another tab', TAB_ORIGIN);
    clock.advance(DEVICE_CHECKPOINTS.maxIntervalMs * 3);
    await h.settled();
    expect(await h.list()).toEqual([]);
  });

  it('keeps the changes of a map closed within the quiet minute as a checkpoint', async () => {
    const factory = new IDBFactory();
    const clock = new ManualClock();
    const doc = mapDoc();
    const h = history({ db: database(factory), doc, clock });
    addCard(doc, 'Edited just before closing');
    clock.advance(5_000);
    h.destroy();
    await h.settled();
    const reopened = history({ db: database(factory), doc, clock });
    const listed = await reopened.list();
    expect(listed.map((v) => v.reason)).toEqual(['device']);
    expect(await titlesOf(reopened, listed[0]!.id)).toContain('Edited just before closing');
  });
});

describe('versions of a shared map', () => {
  const OWNER = 'owner-token-0123456789';
  const VIEW = 'view-token-01234567890';

  async function sharedSetup(factory = new IDBFactory()) {
    const doc = mapDoc();
    const mapId = readMeta(doc).id;
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(doc));
    cleanups.push(() => room.destroy());
    const relay = await startVersionRelay(mapId, { [OWNER]: 'owner', [VIEW]: 'view' }, room);
    cleanups.push(() => relay.close());
    const online = new Set<() => void>();
    const open = (share: MapShare, clock = new ManualClock(), db = database(factory)) =>
      history({
        db,
        doc,
        clock,
        share: () => share,
        api: { base: relay.base },
        onOnline: (run) => {
          online.add(run);
          return () => online.delete(run);
        },
      });
    const backOnline = () => online.forEach((run) => run());
    return { doc, relay, open, backOnline, room };
  }

  it('a version named while the relay is out of reach stays on the device as pending and goes up exactly once when it is back', async () => {
    const { doc, relay, open, backOnline } = await sharedSetup();
    const clock = new ManualClock();
    const h = open({ role: 'owner', token: OWNER }, clock);
    relay.down = true;

    addCard(doc, 'Named offline');
    const made = await h.create('Before the offsite', 'Olga');
    expect(made.place).toBe('pending');
    expect((await h.list()).map((v) => [v.name, v.place])).toEqual([['Before the offsite', 'pending']]);
    // the exact state at naming time is on the device already
    expect(await titlesOf(h, made.id)).toContain('Named offline');

    // retries while the relay is still away send nothing and lose nothing
    clock.advance(DEVICE_CHECKPOINTS.uploadRetryMs);
    await h.refresh();
    await h.settled();
    expect(relay.posts).toEqual([]);

    relay.down = false;
    addCard(doc, 'Edited after naming');
    // every chance to go up at once: the retry timer, the browser's online event, a list refresh
    clock.advance(DEVICE_CHECKPOINTS.uploadRetryMs);
    backOnline();
    await Promise.all([h.refresh(), h.refresh()]);
    await h.settled();
    backOnline();
    clock.advance(DEVICE_CHECKPOINTS.uploadRetryMs * 4);
    await h.settled();
    expect(relay.posts).toEqual([{ name: 'Before the offsite', reason: null, by: 'Olga' }]);

    const listed = await h.list();
    expect(listed.map((v) => [v.name, v.place]).sort()).toEqual([
      ['Before the offsite', 'device'],
      ['Before the offsite', 'server'],
    ]);
    // the device keeps its exact offline copy under its own id
    expect(await titlesOf(h, made.id)).toContain('Named offline');
  });

  it('keeps the relay’s list and every version opened, so history browses offline', async () => {
    const factory = new IDBFactory();
    const { doc, relay, open, room } = await sharedSetup(factory);
    const share: MapShare = { role: 'owner', token: OWNER };
    const online = open(share);
    const first = await online.create('Kick-off', 'Olga');
    ops.addCard(room, { stageId: readJourney(room).stages[0]!.id, laneId: readJourney(room).lanes[1]!.id, title: 'Added on the relay' });
    const second = await online.create('Wrap-up', 'Ben');
    expect(first.place).toBe('server');
    await online.refresh();
    expect(await titlesOf(online, second.id)).toContain('Added on the relay');
    online.destroy();

    relay.down = true;
    const offline = open(share);
    const listed = await offline.list();
    expect(listed.map((v) => [v.name, v.by, v.place])).toEqual([
      ['Wrap-up', 'Ben', 'server'],
      ['Kick-off', 'Olga', 'server'],
    ]);
    expect(await titlesOf(offline, second.id)).toContain('Added on the relay');
    // never opened here and the relay away: it cannot be had, and nothing breaks
    expect(await offline.open(first.id)).toBeNull();
    expect(titles(doc)).not.toContain('Added on the relay');
  });

  it('a version from the relay keeps its card images', async () => {
    const { open, room } = await sharedSetup();
    const bytes = new Uint8Array(2048).map((_, i) => (i * 37) % 251);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    const image: CardImage = { key: imageKey(bytes), mime: 'image/jpeg', width: 640, height: 480, bytes };
    const cardId = readJourney(room).cards[0]!.id;
    expect(setCardImage(room, [cardId], image, null)).toBe(true);
    const h = open({ role: 'owner', token: OWNER });
    const made = await h.create('With a photo', 'Olga');
    const opened = (await h.open(made.id))!;
    cleanups.push(() => opened.destroy());
    expect(readJourney(opened).cards.find((c) => c.id === cardId)?.image).toBe(image.key);
    expect([...(readImages(opened).get(image.key)?.bytes ?? [])]).toEqual([...bytes]);
  });

  it('refusals reach whoever asked: a view link cannot name a version, not even offline, and a full map says so', async () => {
    const { relay, open } = await sharedSetup();
    const viewer = open({ role: 'view', token: VIEW });
    await expect(viewer.create('Not mine to make', 'Vic')).rejects.toMatchObject({ status: 403 });
    relay.down = true;
    await expect(viewer.create('Not offline either', 'Vic')).rejects.toMatchObject({ status: 403 });
    expect(await viewer.list()).toEqual([]);
    relay.down = false;
    relay.maxNamed = 0;
    const owner = open({ role: 'owner', token: OWNER });
    await expect(owner.create('One too many', 'Olga')).rejects.toMatchObject({ status: 409 });
    expect(await owner.list()).toEqual([]);
  });

  it('a relay answering nonsense in its list shows the entries that make sense, cut to length, and breaks nothing', async () => {
    const { relay, open } = await sharedSetup();
    const good = { ...checkpointAt('Good1', Date.now()), name: 'x'.repeat(5_000), by: 'y'.repeat(5_000), kind: 'named', reason: null };
    relay.rawList = { versions: [good, { id: '../../etc', name: 1 }, null, 'text', { ...good, id: 'Bad2', createdAt: 'yesterday' }] };
    const h = open({ role: 'owner', token: OWNER });
    await h.refresh();
    const listed = await h.list();
    expect(listed.map((v) => v.id)).toEqual(['Good1']);
    expect(listed[0]!.name).toHaveLength(120);
    expect(listed[0]!.by.length).toBeLessThanOrEqual(200);
    relay.rawList = '<html>proxy error</html>';
    await h.refresh();
    expect((await h.list()).map((v) => v.id)).toEqual(['Good1']);
  });

  it('a checkpoint before a restore is the relay’s when it answers, and kept on the device when it does not', async () => {
    const { relay, open } = await sharedSetup();
    const clock = new ManualClock();
    const h = open({ role: 'owner', token: OWNER }, clock);
    await h.checkpoint('restore', 'Olga');
    expect(relay.posts).toEqual([{ name: '', reason: 'restore', by: 'Olga' }]);
    relay.down = true;
    clock.time = Date.now() + 1_000;
    await h.checkpoint('import', 'Olga');
    expect((await h.list()).map((v) => [v.reason, v.place])).toEqual([
      ['import', 'device'],
      ['restore', 'server'],
    ]);
  });
});

/** An IDBFactory whose open fails the way a locked-down browser's does. */
function refusingFactory(): IDBFactory {
  const real = new IDBFactory();
  return new Proxy(real, {
    get(target, key) {
      if (key === 'open')
        return () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** While `full`, every write fails as a browser over its quota fails. */
function fillDisk(db: WaymarkDB): { full: boolean } {
  const disk = { full: false };
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) =>
            disk.full && (req.type === 'add' || req.type === 'put') ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req),
        };
      },
    }),
  });
  return disk;
}

describe('when IndexedDB is refused or full', () => {
  it('naming a version of a private map rejects with a storage error that says why, and the editor goes on', async () => {
    const clock = new ManualClock();
    const doc = mapDoc();
    const h = history({ db: database(refusingFactory()), doc, clock });
    const refused = await h.create('Cannot be kept', 'Olga').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VersionStorageError);
    expect(refused).toMatchObject({ problem: 'unavailable', message: expect.stringContaining('not available') });
    await expect(h.list()).rejects.toBeInstanceOf(VersionStorageError);
    // a device checkpoint that cannot be written fails quietly (no unhandled rejection) and the map edits on
    addCard(doc, 'Still editable');
    clock.advance(DEVICE_CHECKPOINTS.quietMs);
    await h.settled();
    expect(titles(doc)).toContain('Still editable');
  });

  it('a full disk rejects with the quota problem, and the next quiet minute after space is freed keeps the checkpoint', async () => {
    const clock = new ManualClock();
    const doc = mapDoc();
    const db = database();
    const disk = fillDisk(db);
    const h = history({ db, doc, clock });
    disk.full = true;
    await expect(h.create('Too big for the disk', 'Olga')).rejects.toMatchObject({ problem: 'quota' });
    addCard(doc, 'Edited on a full disk');
    clock.advance(DEVICE_CHECKPOINTS.quietMs);
    await h.settled();
    disk.full = false;
    expect(await h.list()).toEqual([]);
    addCard(doc, 'Edited after freeing space');
    clock.advance(DEVICE_CHECKPOINTS.quietMs);
    await h.settled();
    const listed = await h.list();
    expect(listed).toHaveLength(1);
    expect(await titlesOf(h, listed[0]!.id)).toEqual(expect.arrayContaining(['Edited on a full disk', 'Edited after freeing space']));
  });

  it('a map kept only in memory (storage refused) still keeps its versions for the session', async () => {
    const doc = mapDoc();
    const h = history({ db: null, doc });
    const made = await h.create('In memory', 'Olga');
    expect((await h.list()).map((v) => v.name)).toEqual(['In memory']);
    expect(await titlesOf(h, made.id)).toEqual(titles(doc));
  });
});
