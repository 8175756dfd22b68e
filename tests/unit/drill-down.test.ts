import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMapId } from '../../src/access/mapId';
import { detailMapLinks, isDetailMapId } from '../../src/model/detailMap';
import { readJourney } from '../../src/model/doc';
import { newId, newMapId } from '../../src/model/ids';
import { statusTrackingLaneKinds, tracksStatus } from '../../src/model/laneKindLookup';
import { LANE_KINDS } from '../../src/model/laneKinds';
import { LIMITS } from '../../src/model/limits';
import { clearDetailMapLinks, setStageDetailMap, updateCard } from '../../src/model/ops';
import { opportunityStatusFromWords } from '../../src/model/opportunityStatus';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';

/*
 * Drill-down (issue 16): a stage or a card opens another map of the space. And a card's status
 * and owner, which the opportunity board lists for the lanes that track them.
 */

function map() {
  const doc = createMapFromTemplate('retail', 'en', { createdAt: new Date('2026-06-01T00:00:00Z') });
  return { doc, journey: readJourney(doc) };
}

describe('a detail map id', () => {
  it('is what the access contract calls a map id, no more and no less', () => {
    for (const id of [newMapId(), newId(), 'retail-2024_v2', 'x'.repeat(64)]) expect(isDetailMapId(id)).toBe(true);
    for (const id of ['', 'x'.repeat(65), 'a/b', 'a~b', '../etc', 'a b', 'javascript:x', 42, null, undefined, ['abc']]) expect(isDetailMapId(id)).toBe(isMapId(id));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9_~/ -]{0,70}$/)), (id) => {
        expect(isDetailMapId(id)).toBe(isMapId(id));
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});

describe('a stage drilling down to another map', () => {
  it('is set and cleared as one undo step each, and a second set to the same map writes nothing', () => {
    const { doc, journey } = map();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const stage = journey.stages[2]!.id;
    expect(setStageDetailMap(doc, stage, 'checkout-detail')).toBe(true);
    expect(readJourney(doc).stages[2]!.detailMapId).toBe('checkout-detail');
    expect(setStageDetailMap(doc, stage, 'checkout-detail')).toBe(true);
    expect(undo.undoStack).toHaveLength(1);
    setStageDetailMap(doc, stage, null);
    expect(readJourney(doc).stages[2]!.detailMapId).toBeNull();
    undo.undo();
    expect(readJourney(doc).stages[2]!.detailMapId).toBe('checkout-detail');
  });

  it('refuses what cannot be a map id and says false for a stage that is gone', () => {
    const { doc, journey } = map();
    expect(() => setStageDetailMap(doc, journey.stages[0]!.id, 'a/b')).toThrow(RangeError);
    expect(() => setStageDetailMap(doc, journey.stages[0]!.id, '')).toThrow(RangeError);
    expect(setStageDetailMap(doc, 'no-such-stage', 'checkout-detail')).toBe(false);
    expect(readJourney(doc).stages.every((s) => s.detailMapId === null)).toBe(true);
  });
});

describe('a card drilling down to another map', () => {
  it('is a card field written with updateCard; a value that cannot be a map id is refused', () => {
    const { doc, journey } = map();
    const card = journey.cards[5]!.id;
    updateCard(doc, card, { detailMapId: 'returns-flow' });
    expect(readJourney(doc).cards.find((c) => c.id === card)!.detailMapId).toBe('returns-flow');
    expect(() => updateCard(doc, card, { detailMapId: '<script>' })).toThrow(RangeError);
    updateCard(doc, card, { detailMapId: null });
    expect(readJourney(doc).cards.find((c) => c.id === card)!.detailMapId).toBeNull();
  });

  it('lists every drill-down of a map, stages first, and a map taken out of the space is unlinked everywhere in one step', () => {
    const { doc, journey } = map();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    setStageDetailMap(doc, journey.stages[1]!.id, 'gone-map');
    setStageDetailMap(doc, journey.stages[3]!.id, 'kept-map');
    updateCard(doc, journey.cards[7]!.id, { detailMapId: 'gone-map' });
    expect(detailMapLinks(readJourney(doc))).toEqual([
      { kind: 'stage', id: journey.stages[1]!.id, stageId: journey.stages[1]!.id, mapId: 'gone-map' },
      { kind: 'stage', id: journey.stages[3]!.id, stageId: journey.stages[3]!.id, mapId: 'kept-map' },
      { kind: 'card', id: journey.cards[7]!.id, stageId: journey.cards[7]!.stageId, mapId: 'gone-map' },
    ]);
    const steps = undo.undoStack.length;
    expect(clearDetailMapLinks(doc, 'gone-map')).toBe(2);
    expect(undo.undoStack).toHaveLength(steps + 1);
    expect(detailMapLinks(readJourney(doc)).map((l) => l.mapId)).toEqual(['kept-map']);
    expect(clearDetailMapLinks(doc, 'gone-map')).toBe(0);
    expect(undo.undoStack).toHaveLength(steps + 1);
  });
});

describe('a card’s status and owner', () => {
  it('are tracked on pain points and opportunities, and only there, as the lane kinds say', () => {
    expect([...statusTrackingLaneKinds()].sort()).toEqual(['opportunities', 'pains']);
    expect(LANE_KINDS.filter(tracksStatus)).toEqual(['pains', 'opportunities']);
  });

  it('are written with updateCard: the owner cut at its limit, a status the app does not know refused', () => {
    const { doc, journey } = map();
    const pain = journey.cards.find((c) => journey.lanes.find((l) => l.id === c.laneId)!.kind === 'pains')!;
    updateCard(doc, pain.id, { status: 'planned', owner: `Team ${'x'.repeat(200)}` });
    const read = readJourney(doc).cards.find((c) => c.id === pain.id)!;
    expect(read.status).toBe('planned');
    expect(read.owner).toHaveLength(LIMITS.owner);
    expect(() => updateCard(doc, pain.id, { status: 'urgent' as never })).toThrow(RangeError);
    updateCard(doc, pain.id, { status: null, owner: '' });
    expect(readJourney(doc).cards.find((c) => c.id === pain.id)).toMatchObject({ status: null, owner: '' });
  });

  it('read from the words a team types in a sheet, English or German', () => {
    expect(['Idee', 'idea', 'Geplant', 'planned', 'In Arbeit', 'in progress', 'inProgress', 'Erledigt', 'DONE'].map(opportunityStatusFromWords)).toEqual([
      'idea',
      'idea',
      'planned',
      'planned',
      'inProgress',
      'inProgress',
      'inProgress',
      'done',
      'done',
    ]);
    expect(opportunityStatusFromWords('soon')).toBeNull();
  });
});
