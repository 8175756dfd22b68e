import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard, deleteCard, moveCard, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import { commentText, connect, connectAs, metricsText, registerMap, startRelay, tempDataDir, waitFor, whenSynced, writeComment, type Client, type Server } from '../support/relay';

const json = (doc: Y.Doc) => JSON.stringify(toJSON(doc));

let server: Server;
beforeAll(async () => {
  server = await startRelay();
});
afterAll(() => server.close());

describe('the relay syncs maps between stock y-websocket clients', () => {
  it('two editors converge, and a late joiner gets the whole map', async () => {
    const map = await registerMap(server.port);
    const alice = connect(server.port, map.id, map.ownerToken, createMapFromTemplate('retail', 'en'));
    const bob = connect(server.port, map.id, map.editToken);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    await waitFor(() => json(bob.doc) === json(alice.doc), 'bob to receive the template');

    const { stages, lanes, cards } = readJourney(alice.doc);
    const added = addCard(bob.doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, title: 'from bob' })!;
    moveCard(alice.doc, cards[0]!.id, { stageId: stages[1]!.id, laneId: lanes[1]!.id });
    await waitFor(() => json(alice.doc) === json(bob.doc) && readJourney(alice.doc).cards.some((c) => c.id === added), 'both edits on both sides');

    const late = connect(server.port, map.id, map.viewToken);
    await whenSynced(late);
    expect(json(late.doc)).toBe(json(alice.doc));
    expect(toJSON(late.doc).journey.cards).toHaveLength(cards.length + 1);
    for (const c of [alice, bob, late]) c.destroy();
  });

  it('a client joining a room with changes since its last snapshot has all of them the moment it says it is synced', async () => {
    const map = await registerMap(server.port);
    const editor = connect(server.port, map.id, map.editToken);
    await whenSynced(editor);
    editor.doc.getMap('m').set('before', 1);
    // an earlier joiner makes the relay keep a snapshot of the room as it was then …
    const first = connect(server.port, map.id, map.viewToken);
    await whenSynced(first);
    await waitFor(() => first.doc.getMap('m').get('before') === 1, 'the first joiner to have the first change');
    // … and later changes are kept as what came since
    for (let i = 0; i < 20; i++) editor.doc.getMap('m').set(`after-${i}`, i);
    await waitFor(() => first.doc.getMap('m').get('after-19') === 19, 'the first joiner to have the later changes');
    const late = connect(server.port, map.id, map.viewToken, new Y.Doc(), { connect: false });
    const atSynced = new Promise<Record<string, unknown>>((resolve) => late.provider.once('sync', () => resolve(late.doc.getMap('m').toJSON())));
    late.provider.connect();
    expect(await atSynced).toEqual(editor.doc.getMap('m').toJSON());
    for (const c of [editor, first, late]) c.destroy();
  });

  it('the feedback room is a separate document that takes the same tokens', async () => {
    const map = await registerMap(server.port);
    const mapDoc = connect(server.port, map.id, map.editToken);
    const feedback = connectAs(server.port, `${map.id}/feedback`, map.editToken);
    const feedbackViewer = connect(server.port, `${map.id}/feedback`, map.viewToken);
    await Promise.all([whenSynced(mapDoc), whenSynced(feedback), whenSynced(feedbackViewer)]);
    writeComment(feedback, 'c1', 'hello');
    await waitFor(() => commentText(feedbackViewer, 'c1') === 'hello', 'the comment in the feedback room');
    expect(mapDoc.doc.getMap('comments').size).toBe(0);
    for (const c of [mapDoc, feedback, feedbackViewer]) c.destroy();
  });
});

describe('read-only peers, the Hocuspocus way', () => {
  it("a viewer's update is neither applied, broadcast nor stored, it is told so, and it still receives the editor's updates", async () => {
    const dataDir = tempDataDir();
    const first = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const map = await registerMap(first.port);
    const editor = connect(first.port, map.id, map.editToken, createMapFromTemplate('retail', 'en'));
    const viewer = connect(first.port, map.id, map.viewToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    await waitFor(() => json(viewer.doc) === json(editor.doc), 'the viewer to receive the map');
    const { stages, lanes } = readJourney(editor.doc);
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    viewer.provider.awareness.setLocalStateField('user', { name: 'viewer' });

    const sneaky = addCard(viewer.doc, { ...cell, title: 'written by a viewer' })!;
    await waitFor(() => viewer.denied.length > 0, 'a permission-denied auth message');
    expect(viewer.denied[0]).toBe('read-only');
    // the viewer stays connected: it is told, not thrown out (it would reconnect-loop otherwise)
    expect(viewer.closes).toEqual([]);
    expect(viewer.provider.wsconnected).toBe(true);

    const legit = addCard(editor.doc, { ...cell, title: 'written by the editor' })!;
    await waitFor(() => readJourney(viewer.doc).cards.some((c) => c.id === legit), "the editor's card at the viewer");
    // viewers have cursors: their awareness is relayed
    await waitFor(
      () => [...editor.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'viewer'),
      "the viewer's presence at the editor",
    );
    expect(readJourney(editor.doc).cards.some((c) => c.id === sneaky)).toBe(false);
    const lateInFirst = connect(first.port, map.id, map.ownerToken);
    await whenSynced(lateInFirst);
    expect(readJourney(lateInFirst.doc).cards.some((c) => c.id === sneaky)).toBe(false);
    expect(readJourney(lateInFirst.doc).cards.some((c) => c.id === legit)).toBe(true);
    const metrics = await metricsText(first.port);
    expect(metrics).toMatch(/^waymark_refused_writes_total [1-9]/m);
    for (const c of [editor, viewer, lateInFirst]) c.destroy();
    await first.close();

    // and after a restart, from the store
    const second = await startRelay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const reader = connect(second.port, map.id, map.ownerToken);
    await whenSynced(reader);
    const cards = readJourney(reader.doc).cards.map((c) => c.id);
    expect(cards).toContain(legit);
    expect(cards).not.toContain(sneaky);
    reader.destroy();
    await second.close();
  });
});

/** card operations a user makes, picked at random; targets are chosen modulo what the replica sees */
type CardOp =
  | { kind: 'add'; stage: number; lane: number; title: string }
  | { kind: 'move'; pick: number; stage: number; lane: number; index: number }
  | { kind: 'update'; pick: number; title: string; emotion: number | null }
  | { kind: 'delete'; pick: number };

const nat = fc.nat({ max: 1000 });
const cardOp: fc.Arbitrary<CardOp> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), stage: nat, lane: nat, title: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: nat, stage: nat, lane: nat, index: nat }),
  fc.record({ kind: fc.constant('update' as const), pick: nat, title: fc.string({ maxLength: 12 }), emotion: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: nat }),
);
/** a round: who goes offline, then edits by replica index; then everyone reconnects */
const round = fc.record({
  offline: fc.subarray([0, 1, 2], { minLength: 1 }),
  edits: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), cardOp), { minLength: 1, maxLength: 12 }),
});

describe('offline editing', () => {
  it('three peers editing offline at random reconnect to the same map, with no card lost or duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 3 }), async (rounds) => {
        const map = await registerMap(server.port);
        const peers: Client[] = [
          connect(server.port, map.id, map.ownerToken, createMapFromTemplate('service', 'en')),
          connect(server.port, map.id, map.editToken),
          connect(server.port, map.id, map.editToken),
        ];
        try {
          await Promise.all(peers.map((p) => whenSynced(p)));
          const converged = () => peers.every((p) => json(p.doc) === json(peers[0]!.doc));
          await waitFor(converged, 'the first sync');
          const expected = new Set(readJourney(peers[0]!.doc).cards.map((c) => c.id));
          const deleted = new Set<string>();
          for (const { offline, edits } of rounds) {
            for (const i of offline) peers[i]!.provider.disconnect();
            for (const [i, op] of edits) {
              const doc = peers[i]!.doc;
              const { stages, lanes, cards } = readJourney(doc);
              const card = cards.length ? cards[(op as { pick?: number }).pick! % cards.length] : undefined;
              switch (op.kind) {
                case 'add': {
                  const id = addCard(doc, { stageId: stages[op.stage % stages.length]!.id, laneId: lanes[op.lane % lanes.length]!.id, title: op.title });
                  if (id) expected.add(id);
                  break;
                }
                case 'move':
                  if (card) moveCard(doc, card.id, { stageId: stages[op.stage % stages.length]!.id, laneId: lanes[op.lane % lanes.length]!.id, index: op.index % 5 });
                  break;
                case 'update':
                  if (card) updateCard(doc, card.id, { title: op.title, emotion: op.emotion });
                  break;
                case 'delete':
                  if (card && deleteCard(doc, card.id)) deleted.add(card.id);
                  break;
              }
            }
            for (const i of offline) peers[i]!.provider.connect();
            await waitFor(converged, 'the peers to converge after reconnecting');
          }
          const cards = readJourney(peers[0]!.doc).cards.map((c) => c.id);
          expect(new Set(cards).size).toBe(cards.length); // nothing duplicated
          expect(new Set(cards)).toEqual(new Set([...expected].filter((id) => !deleted.has(id)))); // nothing lost
          // and the relay's own copy is that map too
          const late = connect(server.port, map.id, map.viewToken);
          peers.push(late);
          await whenSynced(late);
          expect(json(late.doc)).toBe(json(peers[0]!.doc));
        } finally {
          for (const p of peers) p.destroy();
        }
      }),
      { seed: 20261123, numRuns: 12 },
    );
  });
});
