import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { JourneyView } from '../../src/store/journeyView';
import { ReplicaNetwork } from '../support/replicas';
import { applyRandomOp, randomOp } from '../support/randomOps';

describe('the editor’s live view of a map', () => {
  it('always shows exactly what the document holds, through local edits, undo and remote updates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ replica: fc.nat({ max: 1 }), op: randomOp, deliver: fc.boolean() }), { minLength: 1, maxLength: 50 }),
        (steps) => {
          const net = new ReplicaNetwork(2, createMapFromTemplate('blank', 'en'));
          const view = new JourneyView(net.docs[0]!);
          const undo = net.docs.map((d) => createUndoManager(d, { captureTimeout: 0 }));
          for (const s of steps) {
            applyRandomOp(net.docs[s.replica]!, s.op, undo[s.replica]);
            if (s.deliver) net.deliver(0, 1, 0);
            expect(view.journey).toEqual(readJourney(net.docs[0]!));
          }
          net.flush();
          expect(view.journey).toEqual(readJourney(net.docs[0]!));
        },
      ),
      { seed: 1123, numRuns: 120 },
    );
  });

  it('keeps the same object for cards that did not change, so their components skip re-rendering', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const view = new JourneyView(doc);
    const before = view.journey;
    const [first, second] = before.cards;
    updateCard(doc, first!.id, { title: 'Sees a friend’s new hiking boots' });
    const after = view.journey;
    expect(after).not.toBe(before);
    expect(after.cards.find((c) => c.id === second!.id)).toBe(second);
    expect(after.cards.find((c) => c.id === first!.id)!.title).toBe('Sees a friend’s new hiking boots');
  });

  it('tells its subscribers once per transaction, and not at all after it is destroyed', () => {
    const doc = createMapFromTemplate('saas', 'de');
    const view = new JourneyView(doc);
    let calls = 0;
    view.subscribe(() => calls++);
    const id = view.journey.cards[0]!.id;
    doc.transact(() => {
      updateCard(doc, id, { title: 'a' });
      updateCard(doc, id, { momentOfTruth: true });
    });
    expect(calls).toBe(1);
    view.destroy();
    updateCard(doc, id, { title: 'b' });
    expect(calls).toBe(1);
  });
});
