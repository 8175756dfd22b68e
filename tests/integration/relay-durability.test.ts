import { describe, expect, it } from 'vitest';
import { LeveldbPersistence, getCurrentUpdateClock, getLevelUpdates } from 'y-leveldb';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import {
  closeOf,
  connect,
  metricsText,
  opened,
  rawSocket,
  registerMap,
  spawnRelay,
  startRelay,
  storedRoomName,
  tempDataDir,
  waitFor,
  whenSynced,
  STAYS_ON_LEVELDB,
} from '../support/relay';
import { perTest } from '../support/perTest';

const json = (doc: Y.Doc) => JSON.stringify(toJSON(doc));

const { defer, track, trackProcess } = perTest();

async function storedUpdates(dataDir: string, name: string): Promise<{ count: number; doc: Y.Doc; stateVector: Uint8Array; listed: boolean }> {
  const ldb = new LeveldbPersistence(dataDir);
  try {
    const updates = await ldb._transact((db) => getLevelUpdates(db, name));
    // y-leveldb's own reading of the state vector record the compaction wrote: one that is not
    // current (its clock is not the last update's) is re-flushed, which moves the clock
    const clock = await ldb._transact((db) => getCurrentUpdateClock(db, name));
    const stateVector = await ldb.getStateVector(name);
    if ((await ldb._transact((db) => getCurrentUpdateClock(db, name))) !== clock) throw new Error('the state vector record was stale');
    const listed = (await ldb.getAllDocNames()).includes(name);
    const doc = await ldb.getYDoc(name);
    return { count: updates.length, doc, stateVector, listed };
  } finally {
    await ldb.destroy();
  }
}

describe('durability', () => {
  it('an update another client received survives SIGKILL of the relay, and the clients reconverge after it restarts', async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, STORE: 'leveldb', ROOM_IDLE_MS: '0' };
    const first = trackProcess(await spawnRelay({ ...env, PORT: '0' }));
    const port = first.port;
    const map = await registerMap(port);
    const writer = track(connect(port, map.id, map.editToken, createMapFromTemplate('retail', 'en')));
    const watcher = track(connect(port, map.id, map.viewToken));
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    await waitFor(() => json(watcher.doc) === json(writer.doc), 'the watcher to receive the map');
    const { stages, lanes } = readJourney(writer.doc);
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };

    // The writer adds cards as fast as it can; the moment the watcher has received 40 of them,
    // the relay is killed. Whatever the watcher has seen must be in the store.
    let seenAtKill: Uint8Array | null = null;
    watcher.doc.on('update', () => {
      if (seenAtKill) return;
      const burst = readJourney(watcher.doc).cards.filter((c) => c.title.startsWith('burst')).length;
      if (burst >= 40) {
        first.child.kill('SIGKILL');
        seenAtKill = Y.encodeStateAsUpdate(watcher.doc);
      }
    });
    const written: string[] = [];
    for (let i = 0; i < 2000 && !seenAtKill; i++) {
      written.push(addCard(writer.doc, { ...cell, title: `burst ${i}` })!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seenAtKill).not.toBeNull();
    expect(await first.exited).toBeNull(); // killed by the signal
    // the writer keeps working while the relay is down
    for (let i = 0; i < 5; i++) written.push(addCard(writer.doc, { ...cell, title: `offline ${i}` })!);

    trackProcess(await spawnRelay({ ...env, PORT: String(port) }));
    const fresh = track(connect(port, map.id, map.ownerToken));
    await whenSynced(fresh);
    // everything the watcher had received is there: merging it in changes nothing
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
    const before = json(merged);
    Y.applyUpdate(merged, seenAtKill!);
    expect(json(merged)).toBe(before);
    const watched = new Y.Doc();
    Y.applyUpdate(watched, seenAtKill!);
    const freshCards = new Set(readJourney(fresh.doc).cards.map((c) => c.id));
    for (const card of readJourney(watched).cards) expect(freshCards.has(card.id)).toBe(true);

    // the old clients reconnect by themselves and everyone converges, with every card written
    await waitFor(() => json(writer.doc) === json(fresh.doc) && json(watcher.doc) === json(fresh.doc), 'the clients to reconverge', 15_000);
    const cards = new Set(readJourney(fresh.doc).cards.map((c) => c.id));
    for (const id of written) expect(cards.has(id)).toBe(true);
  });

  it('SIGTERM closes every connection with 1001, stores and compacts what it has, and exits 0', async () => {
    const dataDir = tempDataDir();
    // reads the room back with y-leveldb itself: stays on LevelDB when the suite runs against PostgreSQL
    const relay = trackProcess(await spawnRelay({ DATA_DIR: dataDir, STORE: 'leveldb', PORT: '0', ROOM_IDLE_MS: '60000', ...STAYS_ON_LEVELDB }));
    const map = await registerMap(relay.port);
    const editor = track(connect(relay.port, map.id, map.editToken, createMapFromTemplate('saas', 'en')));
    const viewer = track(connect(relay.port, map.id, map.viewToken));
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    const { stages, lanes } = readJourney(editor.doc);
    for (let i = 0; i < 20; i++) addCard(editor.doc, { stageId: stages[0]!.id, laneId: lanes[i % lanes.length]!.id, title: `card ${i}` });
    await waitFor(() => json(viewer.doc) === json(editor.doc), 'the viewer to have every card');
    const raw = rawSocket(relay.port, `${map.id}/feedback`, map.viewToken);
    await opened(raw);
    const closed = closeOf(raw);

    relay.child.kill('SIGTERM');
    expect(await closed).toEqual({ code: 1001, reason: 'server shutting down' });
    expect(await relay.exited).toBe(0);
    await waitFor(() => editor.closes.length > 0, 'the editor to see the close');
    expect(editor.closes[0]!.code).toBe(1001);
    expect(relay.logs.some((l) => l.includes('"stopped"'))).toBe(true);
    editor.provider.disconnect();
    viewer.provider.disconnect();

    // the room went to the store as one compacted update, readable by y-leveldb itself
    const stored = await storedUpdates(dataDir, storedRoomName(map));
    expect(stored.count).toBe(1);
    expect(json(stored.doc)).toBe(json(editor.doc));
  });

  it('appended updates are read back by y-leveldb, compacted every COMPACT_AFTER_UPDATES and when the room leaves memory', async () => {
    const dataDir = tempDataDir();
    // y-leveldb's own layout: stays on LevelDB when the suite runs against PostgreSQL
    const server = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir, COMPACT_AFTER_UPDATES: '10', ROOM_IDLE_MS: '60000', ...STAYS_ON_LEVELDB });
    defer(() => server.close());
    const map = await registerMap(server.port);
    const editor = track(connect(server.port, map.id, map.editToken));
    const viewer = track(connect(server.port, map.id, map.viewToken));
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    for (let i = 0; i < 25; i++) {
      editor.doc.getArray('list').push([i]);
      await waitFor(() => viewer.doc.getArray('list').length === i + 1, `update ${i} at the viewer`);
    }
    const metrics = await metricsText(server.port);
    expect(Number(/^waymark_compactions_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    await server.close();
    const stored = await storedUpdates(dataDir, storedRoomName(map));
    expect(stored.count).toBe(1); // compacted once more on the way out
    expect(stored.doc.getArray('list').toArray()).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(stored.listed).toBe(true);
    expect(stored.stateVector).toEqual(Y.encodeStateVector(stored.doc));
  });

  it('many peers joining a stored room at once all get the same, whole map', async () => {
    const dataDir = tempDataDir();
    const first = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    const author = connect(first.port, map.id, map.ownerToken, createMapFromTemplate('retail', 'de'));
    await whenSynced(author);
    const reference = json(author.doc);
    const check = connect(first.port, map.id, map.viewToken);
    await waitFor(() => json(check.doc) === reference, 'the map to be stored');
    author.destroy();
    check.destroy();
    await first.close();

    const second = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir });
    defer(() => second.close());
    let loads = 0;
    const loadDoc = second.store.loadDoc.bind(second.store);
    second.store.loadDoc = (name) => {
      loads++;
      return loadDoc(name);
    };
    const joiners = Array.from({ length: 12 }, () => track(connect(second.port, map.id, map.viewToken)));
    await Promise.all(joiners.map((j) => whenSynced(j)));
    for (const j of joiners) expect(json(j.doc)).toBe(reference);
    expect(loads).toBe(1); // the joins shared one load
  });

  it('when the store refuses a write, nothing of it is broadcast: the room closes with 1011, reloads, and the clients resend', async () => {
    const server = await startRelay({ STORE: 'memory' });
    defer(() => server.close());
    const map = await registerMap(server.port);
    const editor = track(connect(server.port, map.id, map.editToken));
    const viewer = track(connect(server.port, map.id, map.viewToken));
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.doc.getMap('m').set('before', 1);
    await waitFor(() => viewer.doc.getMap('m').get('before') === 1, 'the first edit at the viewer');

    const storeUpdate = server.store.storeUpdate.bind(server.store);
    let refused = 0;
    server.store.storeUpdate = async (name, update) => {
      if (refused++ === 0) throw new Error('disk full');
      return storeUpdate(name, update);
    };
    editor.doc.getMap('m').set('during', 2);
    await waitFor(() => editor.closes.length > 0 && viewer.closes.length > 0, 'both peers to be closed');
    expect(editor.closes[0]).toEqual({ code: 1011, reason: 'store unavailable' });
    expect(viewer.closes[0]).toEqual({ code: 1011, reason: 'store unavailable' });
    expect(viewer.doc.getMap('m').has('during')).toBe(false); // never broadcast unstored

    // 1011 is worth retrying: the clients come back, the editor's sync step 2 brings the edit again
    await waitFor(() => viewer.doc.getMap('m').get('during') === 2, 'the edit to arrive after the reconnect');
    const late = track(connect(server.port, map.id, map.viewToken));
    await whenSynced(late);
    expect(late.doc.getMap('m').toJSON()).toEqual({ before: 1, during: 2 });
  });
});
