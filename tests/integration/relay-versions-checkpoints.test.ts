import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { serializeMap } from '../../src/schema/file';
import { perTest } from '../support/perTest';
import { LevelDbStore } from '../../server/store';
import { metricValue } from '../support/cluster';
import { STAYS_ON_LEVELDB, connect, connectAs, metricsText, registerMap, storedRoomName, waitFor, whenSynced, writeComment, type RelayProcess } from '../support/relay';
import { cardTitles, createVersion, docTitles, fetchVersion, kill, listVersions, spawnVersionRelay } from '../support/versions';

/*
 * Automatic checkpoints (issue 15): the relay, as a child process with a LevelDB store, takes
 * them by itself when a shared map goes quiet, during long sessions, and before a room leaves
 * memory; versions outlive a SIGKILL.
 */

const { track, relay: inProcessRelay } = perTest();
const relays: RelayProcess[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map(kill));
});
async function start(env: Record<string, string>, dataDir?: string) {
  const relay = await spawnVersionRelay(env, dataDir);
  relays.push(relay);
  return relay;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openMap(port: number) {
  const map = await registerMap(port);
  const editor = track(connect(port, map.id, map.editToken, createMapFromTemplate('saas', 'en')));
  const watcher = track(connect(port, map.id, map.viewToken));
  await Promise.all([whenSynced(editor), whenSynced(watcher)]);
  const cell = () => {
    const { stages, lanes } = readJourney(editor.doc);
    return { stageId: stages[0]!.id, laneId: lanes[0]!.id };
  };
  const seen = () => waitFor(() => JSON.stringify(docTitles(watcher.doc)) === JSON.stringify(docTitles(editor.doc)), 'the relay to pass the edit on');
  await seen();
  return { map, editor, watcher, cell, seen };
}

describe('automatic checkpoints', () => {
  it('a map that goes quiet after changes gets a checkpoint (auto, idle) holding them; a quiet map gets no more', async () => {
    const relay = await start({ CHECKPOINT_IDLE_MS: '400', ROOM_IDLE_MS: '60000' });
    const { map, editor, cell, seen } = await openMap(relay.port);
    addCard(editor.doc, { ...cell(), title: 'Sign-up form too long' });
    await seen();
    const expected = serializeMap(editor.doc);
    const newest = async () => (await listVersions(relay.port, map.id, map.viewToken)).body.versions[0];
    await waitFor(async () => (await newest()) !== undefined && (await fetchVersion(relay.port, map.id, map.viewToken, (await newest())!.id)).text === expected, 'a checkpoint with the new card');
    const versions = (await listVersions(relay.port, map.id, map.viewToken)).body.versions;
    for (const v of versions) expect(v).toMatchObject({ kind: 'auto', reason: 'idle', name: '', by: '' });
    const file = await fetchVersion(relay.port, map.id, map.viewToken, versions[0]!.id);
    expect(cardTitles(file.body.journey.cards)).toContain('Sign-up form too long');

    await pause(1500); // three more quiet spells, nothing changed
    expect((await listVersions(relay.port, map.id, map.viewToken)).body.versions).toHaveLength(versions.length);
  });

  it('comments and votes (the feedback room) take no checkpoint, of the map or of the feedback', async () => {
    // reads the versions back from LevelDB itself: stays on LevelDB when the suite runs against PostgreSQL
    const relay = await start({ CHECKPOINT_IDLE_MS: '200', ROOM_IDLE_MS: '0', ...STAYS_ON_LEVELDB });
    const map = await registerMap(relay.port);
    const commenter = track(connectAs(relay.port, `${map.id}/feedback`, map.commentToken));
    await whenSynced(commenter);
    writeComment(commenter, 'c1', 'The form asks for a fax number');
    await pause(1000);
    commenter.destroy(); // the feedback room leaves memory too
    await pause(300);
    expect((await listVersions(relay.port, map.id, map.viewToken)).body.versions).toEqual([]);
    await kill(relay);
    const store = new LevelDbStore(relay.dataDir);
    try {
      expect(await store.listVersions(storedRoomName(map, 'feedback'))).toEqual([]);
      expect(await store.listVersions(storedRoomName(map))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a version named right after the last change is not repeated by the quiet spell\'s checkpoint; the next change still gets one', async () => {
    const relay = await start({ CHECKPOINT_IDLE_MS: '1000', ROOM_IDLE_MS: '60000' });
    const { map, editor, cell, seen } = await openMap(relay.port);
    const auto = async (result: string) => metricValue(await metricsText(relay.port), 'waymark_versions_total', `kind="auto",result="${result}"`);
    addCard(editor.doc, { ...cell(), title: 'Sign-up form too long' });
    await seen();
    expect((await createVersion(relay.port, map.id, map.editToken, { name: 'Before the workshop' })).status).toBe(201);
    // the quiet spell ends with the map as the named version holds it: nothing to add
    await waitFor(async () => (await auto('unchanged')) === 1, 'the quiet spell\'s checkpoint to be found unchanged');
    expect((await listVersions(relay.port, map.id, map.viewToken)).body.versions.map((v) => v.name || v.reason)).toEqual(['Before the workshop']);
    expect(await auto('stored')).toBe(0);

    addCard(editor.doc, { ...cell(), title: 'No price on the page' });
    await seen();
    const expected = serializeMap(editor.doc);
    await waitFor(async () => (await auto('stored')) === 1, 'a checkpoint of the new card');
    const versions = (await listVersions(relay.port, map.id, map.viewToken)).body.versions;
    expect(versions.map((v) => v.name || v.reason)).toEqual(['idle', 'Before the workshop']);
    expect((await fetchVersion(relay.port, map.id, map.viewToken, versions[0]!.id)).text).toBe(expected);
  });

  it('a long busy session takes a checkpoint every CHECKPOINT_INTERVAL_MS, though it never goes quiet', async () => {
    const relay = await start({ CHECKPOINT_IDLE_MS: '60000', CHECKPOINT_INTERVAL_MS: '500', ROOM_IDLE_MS: '60000' });
    const { map, editor, cell, seen } = await openMap(relay.port);
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < 1800) {
      addCard(editor.doc, { ...cell(), title: `busy ${i++}` });
      await pause(50);
    }
    await seen();
    const versions = (await listVersions(relay.port, map.id, map.viewToken)).body.versions;
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions.length).toBeLessThanOrEqual(4);
    for (const v of versions) expect(v).toMatchObject({ kind: 'auto', reason: 'interval' });
  });

  it('a room leaving memory with changes no checkpoint holds takes one first; later versions come from the store', async () => {
    const relay = await start({ CHECKPOINT_IDLE_MS: '600000', ROOM_IDLE_MS: '0' });
    const { map, editor, watcher, cell, seen } = await openMap(relay.port);
    addCard(editor.doc, { ...cell(), title: 'Left behind on Friday' });
    await seen();
    const expected = serializeMap(editor.doc);
    editor.destroy();
    watcher.destroy();
    let versions = (await listVersions(relay.port, map.id, map.ownerToken)).body.versions;
    await waitFor(async () => (versions = (await listVersions(relay.port, map.id, map.ownerToken)).body.versions).length > 0, 'the checkpoint on eviction');
    expect(versions[0]).toMatchObject({ kind: 'auto', reason: 'idle' });
    expect((await fetchVersion(relay.port, map.id, map.ownerToken, versions[0]!.id)).text).toBe(expected);

    // with nobody connected the room is not in memory: a named version is read from the store
    const named = await createVersion(relay.port, map.id, map.ownerToken, { name: 'Nobody here' });
    expect(named.status).toBe(201);
    expect((await fetchVersion(relay.port, map.id, map.ownerToken, named.body.id)).text).toBe(expected);
  });

  it('versions survive SIGKILL: after a restart the list and every file are as before', async () => {
    const relay = await start({ CHECKPOINT_IDLE_MS: '300', ROOM_IDLE_MS: '60000' });
    const { map, editor, cell, seen } = await openMap(relay.port);
    const named = await createVersion(relay.port, map.id, map.editToken, { name: 'Before the workshop', by: 'Cleo' });
    expect(named.status).toBe(201);
    const atNamed = new Y.Doc();
    Y.applyUpdate(atNamed, Y.encodeStateAsUpdate(editor.doc));
    addCard(editor.doc, { ...cell(), title: 'After the workshop' });
    await seen();
    // the checkpoint that holds the new card (on a slow machine the map's first content may take an
    // idle checkpoint of its own before the named version: then there are three)
    const cards = named.body.counts.cards + 1;
    await waitFor(async () => (await listVersions(relay.port, map.id, map.viewToken)).body.versions.some((v) => v.kind === 'auto' && v.counts.cards === cards), 'the idle checkpoint');
    const before = (await listVersions(relay.port, map.id, map.viewToken)).body;
    const files = await Promise.all(before.versions.map(async (v) => (await fetchVersion(relay.port, map.id, map.viewToken, v.id)).text));

    await kill(relay);
    const again = await start({ PORT: String(relay.port), CHECKPOINT_IDLE_MS: '300', ROOM_IDLE_MS: '60000' }, relay.dataDir);
    expect((await listVersions(again.port, map.id, map.viewToken)).body).toEqual(before);
    for (const [i, v] of before.versions.entries()) expect((await fetchVersion(again.port, map.id, map.commentToken, v.id)).text).toBe(files[i]);
    const namedFile = await fetchVersion(again.port, map.id, map.viewToken, named.body.id);
    expect(namedFile.text).toBe(serializeMap(atNamed));
    expect(cardTitles(namedFile.body.journey.cards)).not.toContain('After the workshop');
  });

  it('when the store refuses a checkpoint, the room goes on syncing, the API answers 500, and the next quiet spell tries again', async () => {
    // in this process, to make its store fail (as relay-durability.test.ts does for updates)
    const server = await inProcessRelay({ CHECKPOINT_IDLE_MS: '150', ROOM_IDLE_MS: '60000' });
    const putVersion = server.store.putVersion.bind(server.store);
    let refusals = 0;
    let diskFull = true;
    server.store.putVersion = async (room, entry, snapshot) => {
      if (diskFull) {
        refusals++;
        throw new Error('disk full');
      }
      return putVersion(room, entry, snapshot);
    };
    const { map, editor, cell, seen } = await openMap(server.port);
    await waitFor(() => refusals >= 1, 'a checkpoint to be refused');
    expect((await createVersion(server.port, map.id, map.ownerToken, { name: 'While the disk is full' })).status).toBe(500);
    addCard(editor.doc, { ...cell(), title: 'Still syncing' });
    await seen(); // the room was not closed: edits still pass
    expect(editor.closes).toEqual([]);
    await waitFor(() => refusals >= 3, 'the checkpoint to be tried again');
    diskFull = false;
    let versions = (await listVersions(server.port, map.id, map.viewToken)).body.versions;
    await waitFor(async () => (versions = (await listVersions(server.port, map.id, map.viewToken)).body.versions).length > 0, 'the checkpoint, tried again');
    expect(versions[0]).toMatchObject({ kind: 'auto', reason: 'idle' });
    await waitFor(async () => cardTitles((await fetchVersion(server.port, map.id, map.viewToken, (await listVersions(server.port, map.id, map.viewToken)).body.versions[0]!.id)).body.journey.cards).includes('Still syncing'), 'a checkpoint with the later card');
  });
});
