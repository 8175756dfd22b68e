import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  closeOf,
  connect,
  craftPlantedList,
  craftQuadraticUpdate,
  metricsText,
  opened,
  rawSocket,
  registerMap,
  startRelay,
  updateFrame,
  waitFor,
  whenSynced,
  type Server,
} from '../support/relay';

/**
 * What a busy room costs the relay: a burst of changes goes to each peer as one message, and the
 * update checker's copy of a room (a second copy of the map in memory) exists only while the room
 * takes larger updates one after another.
 */
const COPY_IDLE_MS = 400;
let server: Server;
beforeAll(async () => {
  server = await startRelay({ UPDATE_CHECK_COPY_IDLE_MS: String(COPY_IDLE_MS), UPDATE_CHECK_TIMEOUT_MS: '150', MESSAGE_BURST: '1000', MAX_MESSAGES_PER_SECOND: '1000' });
});
afterAll(() => server.close());

/** update messages (sync type 0, step 2 = update) a raw socket receives */
function countUpdates(ws: WebSocket): { count: number } {
  const seen = { count: 0 };
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 2) seen.count++;
  });
  return seen;
}

/** Sends every frame in one write, as one TCP read on the relay's side. */
function sendTogether(ws: WebSocket, frames: Uint8Array[]): void {
  const socket = (ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
  socket.cork();
  for (const frame of frames) ws.send(frame);
  socket.uncork();
}

/** A Yjs update that sets `key` to a string of `bytes` characters in map 'm', from a fresh client. */
function bigUpdate(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

const copies = async () => Number(/^waymark_update_check_copies (\d+)/m.exec(await metricsText(server.port))?.[1]);

describe('a busy room costs one message per peer per burst', () => {
  it('fifty edits sent at once reach another peer as a few messages, with every edit in them', async () => {
    const map = await registerMap(server.port);
    const writer = rawSocket(server.port, map.id, map.editToken);
    const reader = rawSocket(server.port, map.id, map.viewToken);
    await Promise.all([opened(writer), opened(reader)]);
    const received = countUpdates(reader);
    const watcher = connect(server.port, map.id, map.viewToken);
    await whenSynced(watcher);

    const source = new Y.Doc();
    const frames: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
    for (let i = 0; i < 50; i++) source.getMap('m').set(`edit-${i}`, i);
    sendTogether(writer, frames);

    await waitFor(() => watcher.doc.getMap('m').size === 50, 'every edit at the watcher');
    expect(watcher.doc.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON());
    await waitFor(() => received.count > 0, 'the raw reader to hear of them');
    // one message per store write, not one per edit
    expect(received.count).toBeLessThanOrEqual(5);
    expect(writer.readyState).toBe(writer.OPEN);
    writer.close();
    reader.close();
    watcher.destroy();
  });
});

describe("the update checker's copy of a room", () => {
  it('a single larger update leaves no copy behind; two in a row keep one until the room has been quiet', async () => {
    const map = await registerMap(server.port);
    const writer = rawSocket(server.port, map.id, map.editToken);
    await opened(writer);
    const watcher = connect(server.port, map.id, map.viewToken);
    await whenSynced(watcher);
    await waitFor(async () => (await copies()) === 0, 'no copies from earlier tests', 5000);

    // the first upload of a map: checked in a worker, then the copy goes at once
    writer.send(updateFrame(bigUpdate('first', 20_000)));
    await waitFor(() => watcher.doc.getMap('m').has('first'), 'the first larger update at the watcher');
    await waitFor(async () => (await copies()) === 0, 'the copy to go right after its check', 2000);

    // a paste right after another: the copy is kept for the next one …
    writer.send(updateFrame(bigUpdate('second', 20_000)));
    await waitFor(() => watcher.doc.getMap('m').has('second'), 'the second larger update at the watcher');
    expect(await copies()).toBe(1);
    // … and dropped once the room has gone UPDATE_CHECK_COPY_IDLE_MS without a check
    await waitFor(async () => (await copies()) === 0, 'the idle copy to be dropped', COPY_IDLE_MS * 10);
    expect(Object.keys(watcher.doc.getMap('m').toJSON()).sort()).toEqual(['first', 'second']);
    writer.close();
    watcher.destroy();
  });

  it('an update crafted to take seconds against what the room holds is refused after its copy was dropped, and the room keeps what it had', async () => {
    const map = await registerMap(server.port);
    const attacker = rawSocket(server.port, map.id, map.editToken);
    await opened(attacker);
    const attackerClosed = closeOf(attacker);
    const watcher = connect(server.port, map.id, map.viewToken);
    await whenSynced(watcher);
    // a long list planted in small updates (applied inline), then a larger one that makes a copy
    const length = 2500;
    for (let from = 0; from < length; from += 50) attacker.send(updateFrame(craftPlantedList(from + 50, from)));
    attacker.send(updateFrame(bigUpdate('paste', 20_000)));
    await waitFor(() => watcher.doc.getArray('a').length === length && watcher.doc.getMap('m').has('paste'), 'the planted list and the paste at the watcher');
    await waitFor(async () => (await copies()) === 0, 'the copy to be dropped', COPY_IDLE_MS * 10);

    // cheap against an empty document, quadratic against this room: the copy built afresh from
    // the room's snapshot still holds the planted list, so the check still costs what it would
    attacker.send(updateFrame(craftQuadraticUpdate(length, length)));
    expect(await attackerClosed).toEqual({ code: 1007, reason: 'update too expensive to apply' });
    expect(watcher.doc.getArray('a').length).toBe(length);
    const late = connect(server.port, map.id, map.viewToken);
    await whenSynced(late);
    expect(late.doc.getArray('a').length).toBe(length);
    expect(watcher.closes).toEqual([]);
    late.destroy();
    watcher.destroy();
  });
});
