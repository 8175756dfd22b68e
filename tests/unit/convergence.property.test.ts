import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapFromTemplate } from '../../src/model/templates';
import { readJourney } from '../../src/model/doc';
import { moveCard, moveStage } from '../../src/model/ops';
import { createUndoManager } from '../../src/model/undo';
import { fromJSON, toJSON } from '../../src/schema';
import { ReplicaNetwork } from '../support/replicas';
import { applyRandomOp, randomOp } from '../support/randomOps';

/** Fixed seeds keep CI deterministic; FC_SEED explores others locally. */
const seed = (fallback: number) => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fallback);

function smallBase(): Y.Doc {
  return createMapFromTemplate('blank', 'en', { createdAt: new Date('2026-01-01T00:00:00Z') });
}

/** A step of a concurrent session: someone edits, or some update reaches another replica. */
const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), replica: fc.nat({ max: 2 }), op: randomOp }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('deliver' as const), to: fc.nat({ max: 2 }), from: fc.nat({ max: 2 }), pick: fc.nat({ max: 50 }) }) },
);

describe('three people editing one map concurrently', () => {
  it('end with the identical map, whatever they did and in whatever order their updates arrived', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const net = new ReplicaNetwork(3, smallBase());
        const undo = net.docs.map((d) => createUndoManager(d, { captureTimeout: 0 }));
        for (const s of steps) {
          if (s.type === 'edit') applyRandomOp(net.docs[s.replica]!, s.op, undo[s.replica]);
          else if (s.to !== s.from) net.deliver(s.to, s.from, s.pick);
        }
        net.flush();
        const [a, b, c] = net.docs.map((d) => toJSON(d));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        // and what they converged on is always a valid file that imports again
        const again = fromJSON(JSON.parse(JSON.stringify(a)));
        expect(again.ok ? [] : again.issues).toEqual([]);
      }),
      { seed: seed(20261123), numRuns: 150 },
    );
  });
});

describe('concurrent moves of the same card', () => {
  it('never duplicate or lose the card, and every replica puts it in the same cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stage: fc.nat({ max: 9 }), lane: fc.nat({ max: 9 }), index: fc.nat({ max: 5 }) }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 20 }),
        (moves, deliveries) => {
          const base = createMapFromTemplate('retail', 'en');
          const cardId = readJourney(base).cards[0]!.id;
          const net = new ReplicaNetwork(3, base);
          moves.forEach((m, i) => {
            const j = readJourney(net.docs[i]!);
            const stage = j.stages[m.stage % j.stages.length]!.id;
            const lane = j.lanes[m.lane % j.lanes.length]!.id;
            moveCard(net.docs[i]!, cardId, { stageId: stage, laneId: lane, index: m.index });
          });
          deliveries.forEach((d, k) => net.deliver(k % 3, (k + 1 + (d % 2)) % 3, d));
          net.flush();
          const cells = net.docs.map((doc) => {
            const copies = readJourney(doc).cards.filter((c) => c.id === cardId);
            expect(copies).toHaveLength(1);
            return [copies[0]!.stageId, copies[0]!.laneId, copies[0]!.order];
          });
          expect(cells[1]).toEqual(cells[0]);
          expect(cells[2]).toEqual(cells[0]);
          expect(readJourney(net.docs[0]!).cards).toHaveLength(readJourney(base).cards.length);
        },
      ),
      { seed: seed(7), numRuns: 200 },
    );
  });
});

describe('concurrent reorders of stages', () => {
  it('keep one total order: every stage exactly once, the same sequence on every replica', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ replica: fc.nat({ max: 2 }), pick: fc.nat({ max: 20 }), index: fc.nat({ max: 20 }) }), { minLength: 1, maxLength: 30 }),
        (moves) => {
          const base = createMapFromTemplate('retail', 'de');
          const original = readJourney(base).stages.map((s) => s.id);
          const net = new ReplicaNetwork(3, base);
          for (const m of moves) {
            const doc = net.docs[m.replica]!;
            const stages = readJourney(doc).stages;
            moveStage(doc, stages[m.pick % stages.length]!.id, m.index % stages.length);
          }
          net.flush();
          const orders = net.docs.map((d) => readJourney(d).stages.map((s) => s.id));
          expect(orders[1]).toEqual(orders[0]);
          expect(orders[2]).toEqual(orders[0]);
          expect([...orders[0]!].sort()).toEqual([...original].sort());
        },
      ),
      { seed: seed(42), numRuns: 200 },
    );
  });
});
