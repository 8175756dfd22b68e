import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { stageEmotionScores } from '../../src/model/emotionCurve';
import { layoutJourney } from '../../src/model/layout';
import { addCard, deleteCard, deleteLane, deleteStage, moveCard, reorderCard, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { createUndoManager } from '../../src/model/undo';
import { useEditor } from '../../src/store/editorStore';
import { cardRestorable, compareWithNow, withGhosts } from '../../src/store/versionCompare';
import { cardMarkOf, closeVersion, restoreOpenVersion, setComparing, setPreviewHistory, showVersion, useVersionPreview } from '../../src/store/versionPreview';
import { copyOf, memoryVersionHistory } from '../support/versionHistoryFake';
import { runAction } from '../../src/actions/context';

/**
 * "Compare with now" as the canvas draws it: today's map, with what the version had and today's
 * lacks put back as ghosts where it was, and a mark on everything that differs. And the preview
 * itself: read-only for everyone, following the live map, restored as one undo step after a
 * checkpoint.
 */

const retail = () => createMapFromTemplate('retail', 'en');
const emotionsLanes = (j: Journey) => new Set(j.lanes.filter((l) => l.kind === 'emotions').map((l) => l.id));

describe('compare with now', () => {
  it('marks cards added, removed, changed and moved, and leaves a card moved within its cell alone', () => {
    const doc = retail();
    const version = readJourney(doc);
    const [a, b, c, d, e] = version.cards;
    // a cell far from the cards above, holding two cards at least
    const last = version.stages[version.stages.length - 1]!.id;
    const laneId = version.lanes.find((l) => version.cards.filter((x) => x.stageId === last && x.laneId === l.id).length > 1)!.id;
    const cell = version.cards.filter((x) => x.stageId === last && x.laneId === laneId);
    deleteCard(doc, a!.id);
    updateCard(doc, b!.id, { title: 'Retitled since' });
    moveCard(doc, c!.id, { stageId: version.stages[3]!.id, laneId: c!.laneId });
    updateCard(doc, d!.id, { emotion: -3 });
    moveCard(doc, d!.id, { stageId: version.stages[4]!.id, laneId: d!.laneId });
    const added = addCard(doc, { stageId: version.stages[1]!.id, laneId: version.lanes[1]!.id, title: 'New since' })!;
    expect(cell.length).toBeGreaterThan(1);
    reorderCard(doc, cell[1]!.id, 0);

    const comparison = compareWithNow(version, readJourney(doc));
    expect(comparison.cards.get(a!.id)).toEqual({ status: 'removed', fields: [], moved: false });
    expect(comparison.cards.get(b!.id)).toEqual({ status: 'changed', fields: ['title'], moved: false });
    expect(comparison.cards.get(c!.id)).toEqual({ status: 'changed', fields: [], moved: true });
    expect(comparison.cards.get(d!.id)).toEqual({ status: 'changed', fields: ['emotion'], moved: true });
    expect(comparison.cards.get(added)).toEqual({ status: 'added', fields: [], moved: false });
    // a new place in the same cell is not news
    expect(comparison.cards.has(cell[1]!.id)).toBe(false);
    expect(comparison.cards.has(e!.id)).toBe(false);
    expect(cardRestorable(comparison, a!.id)).toBe(true);
    expect(cardRestorable(comparison, added)).toBe(false);
    expect(comparison.summary.cards).toEqual({ added: 1, removed: 1, changed: 2, moved: 2 });
  });

  it('draws a removed card as a ghost in its old cell and place, without counting it in today’s emotion curve', () => {
    const doc = retail();
    const version = readJourney(doc);
    const feelings = version.lanes.find((l) => l.kind === 'emotions')!;
    const gone = version.cards.find((c) => c.laneId === feelings.id && c.emotion !== null)!;
    deleteCard(doc, gone.id);
    const now = readJourney(doc);

    const { journey } = compareWithNow(version, now);
    const ghost = journey.cards.find((c) => c.id === gone.id)!;
    expect({ ...ghost, emotion: gone.emotion }).toEqual(gone);
    expect(ghost.emotion).toBeNull();
    // in the layout it sits where it sat in the version
    expect(layoutJourney(journey).cards.get(gone.id)).toEqual(layoutJourney(version).cards.get(gone.id));
    expect(stageEmotionScores(journey.cards, emotionsLanes(journey))).toEqual(stageEmotionScores(now.cards, emotionsLanes(now)));
  });

  it('puts a removed stage and a removed lane back as ghosts between their old neighbours, with their cards', () => {
    const doc = retail();
    const version = readJourney(doc);
    const stage = version.stages[2]!;
    const lane = version.lanes[3]!;
    const stageCards = version.cards.filter((c) => c.stageId === stage.id).map((c) => c.id);
    deleteStage(doc, stage.id);
    deleteLane(doc, lane.id);

    const comparison = compareWithNow(version, readJourney(doc));
    expect(comparison.journey.stages.map((s) => s.id)).toEqual(version.stages.map((s) => s.id));
    expect(comparison.journey.lanes.map((l) => l.id)).toEqual(version.lanes.map((l) => l.id));
    expect(comparison.stages.get(stage.id)).toBe('removed');
    expect(comparison.lanes.get(lane.id)).toBe('removed');
    for (const id of stageCards) expect(comparison.cards.get(id)?.status).toBe('removed');
    expect(comparison.journey.cards.length).toBe(version.cards.length);
  });

  it('keeps today’s order and slots each ghost after the record that preceded it in the version', () => {
    const r = (id: string) => ({ id });
    expect(withGhosts([r('b'), r('d')], [r('a'), r('b'), r('c'), r('d'), r('e')]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // moved since: today's order wins, the ghost follows its old neighbour
    expect(withGhosts([r('d'), r('b')], [r('b'), r('c'), r('d')]).map((x) => x.id)).toEqual(['d', 'b', 'c']);
    expect(withGhosts([], [r('a'), r('b')]).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('a version on the canvas', () => {
  afterEach(() => {
    closeVersion();
    useEditor.getState().closeSession();
    useEditor.getState().setCollab(null);
  });

  function openMap() {
    const doc = retail();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    useEditor.getState().openSession({ mapId: 'm', doc, undo, feedback: new Y.Doc() });
    const history = memoryVersionHistory(doc);
    setPreviewHistory(history);
    return { doc, undo, history };
  }
  const entry = (id: string) => ({ id, name: 'Before the workshop', kind: 'named' as const, reason: null, createdAt: new Date().toISOString(), by: 'Ana', counts: { stages: 0, cards: 0, pains: 0, opportunities: 0 }, place: 'device' as const });

  it('shows the version read-only, even to the owner, and the live map again on close', () => {
    const { doc } = openMap();
    const version = copyOf(doc);
    const card = readJourney(doc).cards[0]!;
    deleteCard(doc, card.id);
    showVersion(entry('v1'), version);
    expect(useEditor.getState().readOnly).toBe(true);
    expect(useEditor.getState().canGiveFeedback).toBe(false);
    expect(useEditor.getState().journey!.cards.some((c) => c.id === card.id)).toBe(true);
    closeVersion();
    expect(useEditor.getState().readOnly).toBe(false);
    expect(useEditor.getState().journey!.cards.some((c) => c.id === card.id)).toBe(false);
    expect(useVersionPreview.getState().open).toBeNull();
  });

  it('follows the live map while comparing: a card deleted by a colleague becomes a ghost at once', () => {
    const { doc } = openMap();
    showVersion(entry('v1'), copyOf(doc));
    setComparing(true);
    const card = readJourney(doc).cards[5]!;
    expect(cardMarkOf(useVersionPreview.getState(), card.id)).toBeNull();
    deleteCard(doc, card.id, 'remote peer');
    expect(cardMarkOf(useVersionPreview.getState(), card.id)).toBe('removed');
    expect(useEditor.getState().journey!.cards.some((c) => c.id === card.id)).toBe(true);
  });

  it('restores after a checkpoint of the map as it is, as one step that Undo takes back', async () => {
    const { doc, undo, history } = openMap();
    const before = readJourney(doc);
    showVersion(entry('v1'), copyOf(doc));
    const removed = before.cards.slice(0, 3).map((c) => c.id);
    for (const id of removed) deleteCard(doc, id, 'remote peer');
    const damaged = readJourney(doc);

    expect(await restoreOpenVersion()).toBe(true);
    expect(history.entries.map((e) => [e.kind, e.reason])).toEqual([['auto', 'restore']]);
    expect(history.entries[0]!.counts.cards).toBe(damaged.cards.length);
    expect(readJourney(doc)).toEqual(before);
    expect(useVersionPreview.getState().open).toBeNull();
    expect(useEditor.getState().readOnly).toBe(false);
    undo.undo();
    expect(readJourney(doc)).toEqual(damaged);
  });

  it('restores one card, then one stage, from the version while comparing, each after a checkpoint and each one undo step, the comparison following', async () => {
    const { doc, undo, history } = openMap();
    const before = readJourney(doc);
    const stage = before.stages[1]!;
    const [card, other] = before.cards.filter((c) => c.stageId === stage.id);
    showVersion(entry('v1'), copyOf(doc));
    setComparing(true);
    deleteCard(doc, card!.id, 'remote peer');
    updateCard(doc, other!.id, { title: 'Reworded by a colleague' }, 'remote peer');
    const damaged = readJourney(doc);

    useEditor.getState().selectCards([card!.id]);
    expect(runAction('card.restoreFromVersion')).toBe(true);
    // the restore waits for its checkpoint of the map as it is now
    await expect.poll(() => readJourney(doc).cards.find((c) => c.id === card!.id)).toEqual(card);
    expect(cardMarkOf(useVersionPreview.getState(), card!.id)).toBeNull();
    expect(cardMarkOf(useVersionPreview.getState(), other!.id)).toBe('changed');
    // nothing left to restore for that card
    expect(runAction('card.restoreFromVersion')).toBe(false);

    useEditor.getState().clearSelection();
    useEditor.getState().setFocus({ kind: 'stage', id: stage.id });
    expect(runAction('structure.restoreStageFromVersion')).toBe(true);
    await expect.poll(() => readJourney(doc)).toEqual(before);
    expect(history.entries.filter((e) => e.reason === 'restore')).toHaveLength(2);
    undo.undo();
    expect(readJourney(doc).cards.find((c) => c.id === other!.id)!.title).toBe('Reworded by a colleague');
    undo.undo();
    expect(readJourney(doc)).toEqual(damaged);
  });

  it('does not restore for a view link', async () => {
    const { doc } = openMap();
    useEditor.getState().setCollab({ status: 'synced', role: 'view', peers: [] });
    showVersion(entry('v1'), copyOf(doc));
    deleteCard(doc, readJourney(doc).cards[0]!.id, 'remote peer');
    const now = readJourney(doc);
    expect(await restoreOpenVersion()).toBe(false);
    expect(readJourney(doc)).toEqual(now);
  });

  it('closes with the map', () => {
    const { doc } = openMap();
    const version = copyOf(doc);
    showVersion(entry('v1'), version);
    useEditor.getState().closeSession();
    expect(useVersionPreview.getState().open).toBeNull();
    // the preview's copy is let go of
    expect(version.isDestroyed).toBe(true);
  });
});

