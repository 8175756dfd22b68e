import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { diffJourneys, summarizeDiff } from '../../src/model/journeyDiff';
import { addStage, deleteCard, deleteStage, moveCard, restoreCard, restoreStage, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
const laneOf = (j: Journey, kind: string) => j.lanes.find((l) => l.kind === kind)!;
const stageNamed = (j: Journey, name: string) => j.stages.find((s) => s.name === name)!;

/** The retail template as the team left the Q3 workshop, and the map a week later. */
function workshopAndLater() {
  const version = createMapFromTemplate('retail', 'en');
  const today = copyOf(version);
  return { version, today, then: readJourney(version) };
}

describe('what changed in a journey between two moments', () => {
  it('counts removed pains, changed and moved cards, and names the stage whose feeling moved', () => {
    const { version, today, then } = workshopAndLater();
    const pains = then.cards.filter((c) => c.laneId === laneOf(then, 'pains').id);
    deleteCard(today, pains[0]!.id);
    deleteCard(today, pains[1]!.id);
    const delivery = stageNamed(then, 'Delivery / pick-up');
    const feeling = then.cards.find((c) => c.laneId === laneOf(then, 'emotions').id && c.stageId === delivery.id)!;
    updateCard(today, feeling.id, { emotion: 2, title: 'Relieved: it came a day early' });
    const action = then.cards.find((c) => c.laneId === laneOf(then, 'actions').id)!;
    moveCard(today, action.id, { stageId: then.stages[3]!.id, laneId: action.laneId });
    addStage(today, { name: 'Recommend', phase: 'post-purchase' });

    const now = readJourney(today);
    const diff = diffJourneys(then, now);
    const summary = summarizeDiff(diff, then, now);
    expect(summary.cards).toEqual({ added: 0, removed: 2, changed: 1, moved: 1 });
    expect(summary.byKind).toEqual([
      { kind: 'emotions', added: 0, removed: 0, changed: 1 },
      { kind: 'pains', added: 0, removed: 2, changed: 0 },
    ]);
    expect(summary.stages).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(summary.emotion).toEqual([{ stageId: delivery.id, stageName: 'Delivery / pick-up', before: feeling.emotion, after: 2 }]);
    const changed = diff.cards.find((d) => d.id === feeling.id)!;
    expect(changed.fields.sort()).toEqual(['emotion', 'title']);
    expect(changed.before!.title).toBe(feeling.title);
    expect(diff.cards.find((d) => d.id === pains[0]!.id)!.status).toBe('removed');
  });

  it('sees nothing between a map and an identical copy of it', () => {
    const { today, then } = workshopAndLater();
    const diff = diffJourneys(then, readJourney(today));
    expect(diff.cards).toEqual([]);
    expect(diff.emotion).toEqual([]);
  });
});

describe('restoring one card or one stage from a version', () => {
  it('a card deleted since comes back where it was, with its links, and nothing else changes', () => {
    const { version, today, then } = workshopAndLater();
    const linked = then.links[0]!;
    deleteCard(today, linked.fromCardId);
    const other = then.cards.find((c) => c.id !== linked.fromCardId && c.id !== linked.toCardId)!;
    updateCard(today, other.id, { title: 'Kept as edited since' });
    expect(restoreCard(today, version, linked.fromCardId)).toBe(true);
    const now = readJourney(today);
    expect(now.cards.find((c) => c.id === linked.fromCardId)).toEqual(then.cards.find((c) => c.id === linked.fromCardId));
    expect(now.links.map((l) => l.id)).toContain(linked.id);
    expect(now.cards.find((c) => c.id === other.id)!.title).toBe('Kept as edited since');
  });

  it('a stage deleted since comes back with all its cards; cards added to a stage since go when it is restored', () => {
    const { version, today, then } = workshopAndLater();
    const stage = then.stages[2]!;
    deleteStage(today, stage.id);
    expect(restoreStage(today, version, stage.id)).toBe(true);
    const now = readJourney(today);
    expect(now.cards.filter((c) => c.stageId === stage.id)).toEqual(then.cards.filter((c) => c.stageId === stage.id));

    const second = then.stages[4]!;
    const mover = then.cards.find((c) => c.stageId === second.id)!;
    moveCard(today, mover.id, { stageId: then.stages[0]!.id, laneId: mover.laneId });
    expect(restoreStage(today, version, second.id)).toBe(true);
    expect(readJourney(today).cards.find((c) => c.id === mover.id)!.stageId).toBe(second.id);
  });

  it('a card or stage the version never had is not restored', () => {
    const { version, today } = workshopAndLater();
    expect(restoreCard(today, version, 'nope')).toBe(false);
    expect(restoreStage(today, version, 'nope')).toBe(false);
  });
});

describe('what a version says about itself in the list', () => {
  it('counts stages, cards, pains and opportunities as the map reads, leaving out a card whose stage a peer deleted', async () => {
    const { docVersionCounts } = await import('../../src/model/versionSnapshot');
    const { versionCounts } = await import('../../src/model/versions');
    const { today, then } = workshopAndLater();
    const pain = then.cards.find((c) => c.laneId === laneOf(then, 'pains').id)!;
    // a card left in a stage that no longer exists (a concurrent delete) is not on the map
    today.getMap<Y.Map<unknown>>('stages').delete(pain.stageId);
    const now = readJourney(today);
    expect(docVersionCounts(today)).toEqual(versionCounts(now));
    expect(docVersionCounts(today).pains).toBeLessThan(versionCounts(then).pains);
  });
});
