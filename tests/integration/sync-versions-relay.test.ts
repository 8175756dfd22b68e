import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createVersionHistory, type AppVersionHistory } from '../../src/app/versionHistory';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { openDatabase } from '../../src/storage';
import type { MapShare } from '../../src/sync/shares';
import { connect, registerMap, waitFor, whenSynced } from '../support/relay';
import { kill, spawnVersionRelay } from '../support/versions';

/*
 * The device's version history against the real relay in a child process (LevelDB store): named
 * versions and checkpoints go up, the list and opened versions come back, a view link is refused,
 * and a version named while the relay is down goes up once when it is back on the same store.
 */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const titles = (doc: Y.Doc) => readJourney(doc).cards.map((c) => c.title).sort();

describe('version history of a shared map against the relay', () => {
  it('names, lists, opens, refuses a view link, and sends a version named while the relay was down once it is back', async () => {
    const relay = await spawnVersionRelay();
    cleanups.push(() => kill(relay));
    const map = await registerMap(relay.port);
    const doc = createMapFromTemplate('retail', 'en');
    doc.getMap('meta').set('id', map.id);
    const client = connect(relay.port, map.id, map.ownerToken, doc);
    cleanups.push(() => client.destroy());
    await whenSynced(client);

    const api = { base: `http://127.0.0.1:${relay.port}` };
    const db = openDatabase({ name: 'relay-versions', indexedDB: new IDBFactory(), IDBKeyRange });
    cleanups.push(() => db.close());
    const make = (share: MapShare): AppVersionHistory => {
      const h = createVersionHistory({ db, mapId: map.id, doc, share: () => share, api, onOnline: () => () => undefined });
      cleanups.push(() => h.destroy());
      return h;
    };
    const owner = make({ role: 'owner', token: map.ownerToken });
    // the relay snapshots its room: wait until a second reader sees everything this client wrote
    const reader = connect(relay.port, map.id, map.viewToken!, new Y.Doc());
    cleanups.push(() => reader.destroy());
    await waitFor(() => readJourney(reader.doc).cards.length === readJourney(doc).cards.length, 'the relay to hold the whole map');
    reader.destroy();
    const named = await owner.create('Before the Q3 workshop', 'Olga');
    expect(named.place).toBe('server');
    await owner.checkpoint('restore', 'Olga');
    await owner.refresh();
    const listed = await owner.list();
    expect(listed.map((v) => [v.name, v.kind, v.reason, v.place])).toEqual([
      ['', 'auto', 'restore', 'server'],
      ['Before the Q3 workshop', 'named', null, 'server'],
    ]);
    expect(listed[1]!.counts.cards).toBe(readJourney(doc).cards.length);
    const opened = (await owner.open(named.id))!;
    expect(titles(opened)).toEqual(titles(doc));
    opened.destroy();

    await expect(make({ role: 'view', token: map.viewToken! }).create('Not mine', 'Vic')).rejects.toMatchObject({ status: 403 });

    client.destroy();
    await kill(relay);
    const pending = await owner.create('Named while the relay was down', 'Olga');
    expect(pending.place).toBe('pending');
    // offline, the opened version still opens from the device
    expect(await owner.open(named.id)).not.toBeNull();

    const again = await spawnVersionRelay({}, relay.dataDir);
    cleanups.push(() => kill(again));
    api.base = `http://127.0.0.1:${again.port}`;
    await Promise.all([owner.refresh(), owner.refresh()]);
    await owner.settled();
    await owner.refresh();
    await owner.settled();
    const after = await owner.list();
    expect(after.filter((v) => v.name === 'Named while the relay was down').map((v) => v.place).sort()).toEqual(['device', 'server']);
    const onRelay = (await (await fetch(`${api.base}/api/maps/${map.id}/versions`, { headers: { Authorization: `Bearer ${map.ownerToken}` } })).json()) as { versions: { name: string }[] };
    expect(onRelay.versions.filter((v) => v.name === 'Named while the relay was down')).toHaveLength(1);
  }, 60_000);
});
