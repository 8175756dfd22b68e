import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { diffJourneys, isSameJourney } from '../../src/model/journeyDiff';
import { restoreVersion } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { toJSON } from '../../src/schema';
import { ReplicaNetwork } from '../support/replicas';
import { applyRandomOp, randomOp } from '../support/randomOps';

/** Fixed seeds keep CI deterministic; FC_SEED explores others locally. */
const seed = (fallback: number) => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fallback);

const base = () => createMapFromTemplate('retail', 'en', { createdAt: new Date('2026-01-01T00:00:00Z') });
const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
const edits = fc.array(randomOp, { maxLength: 25 });

/** Two histories of the same map: what it was when the version was taken, and what it is today. */
function twoMoments(then: Parameters<typeof applyRandomOp>[1][], since: Parameters<typeof applyRandomOp>[1][]) {
  const version = base();
  for (const op of then) applyRandomOp(version, op);
  const today = copyOf(version);
  for (const op of since) applyRandomOp(today, op);
  return { version, today };
}

describe('restoring a version', () => {
  it('makes the map read exactly as the version did, whatever happened since (diff empty afterwards)', () => {
    fc.assert(
      fc.property(edits, edits, (then, since) => {
        const { version, today } = twoMoments(then, since);
        restoreVersion(today, version);
        expect(toJSON(today)).toEqual(toJSON(version));
        expect(isSameJourney(diffJourneys(readJourney(version), readJourney(today)))).toBe(true);
      }),
      { seed: seed(15001), numRuns: 120 },
    );
  });

  it('is one undo step: a single Undo gives back the map as it was before the restore', () => {
    fc.assert(
      fc.property(edits, edits, (then, since) => {
        const { version, today } = twoMoments(then, since);
        const undo = createUndoManager(today, { captureTimeout: 0 });
        const before = toJSON(today);
        restoreVersion(today, version);
        undo.undo();
        expect(toJSON(today)).toEqual(before);
      }),
      { seed: seed(15002), numRuns: 120 },
    );
  });

  it('converges with a colleague who keeps editing while it lands: both end with the same map', () => {
    fc.assert(
      fc.property(edits, edits, edits, fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), (then, since, concurrent, deliveries) => {
        const { version, today } = twoMoments(then, since);
        const net = new ReplicaNetwork(2, today);
        const [restorer, colleague] = net.docs as [Y.Doc, Y.Doc];
        restoreVersion(restorer, version);
        for (const op of concurrent) applyRandomOp(colleague, op);
        for (const pick of deliveries) net.deliver(pick % 2, 1 - (pick % 2), pick);
        net.flush();
        expect(toJSON(colleague)).toEqual(toJSON(restorer));
      }),
      { seed: seed(15003), numRuns: 100 },
    );
  });

  it('restored and then compared with the version it came from, shows no difference even across an offline merge', () => {
    // a restore written on one replica and merged into another that never saw it is still exact
    const { version, today } = twoMoments([], [{ kind: 'deleteStage', pick: 0 }, { kind: 'deleteCard', pick: 3 }, { kind: 'setBody', pick: 1, body: 'rewritten' }]);
    const offline = copyOf(today);
    expect(readJourney(offline).cards.length).toBeLessThan(readJourney(version).cards.length);
    restoreVersion(today, version);
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(today));
    expect(isSameJourney(diffJourneys(readJourney(version), readJourney(offline)))).toBe(true);
  });
});
