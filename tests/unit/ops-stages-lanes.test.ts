import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import {
  addCard,
  addLane,
  addLink,
  addStage,
  cardsInLane,
  cardsInStage,
  deleteLane,
  deleteStage,
  moveLane,
  moveStage,
  setCardBody,
  updateCard,
  updateLane,
  updateStage,
} from '../../src/model/ops';
import { createUndoManager } from '../../src/model/undo';

const REMOTE = 'remote';

/** A fresh map with an undo manager that makes every transaction its own undo step. */
function fresh() {
  const doc = new Y.Doc();
  const um = createUndoManager(doc, { captureTimeout: 0 });
  return { doc, um };
}

/** Two stages, two lanes, cards in three cells and links between them; the undo history starts empty. */
function seeded() {
  const { doc, um } = fresh();
  const s1 = addStage(doc, { id: 's1', name: 'Discover', phase: 'pre-purchase' });
  const s2 = addStage(doc, { id: 's2', name: 'Buy', phase: 'purchase' });
  const l1 = addLane(doc, { id: 'l1', name: 'Actions', kind: 'actions' });
  const l2 = addLane(doc, { id: 'l2', name: 'Feelings', kind: 'emotions' });
  const a = addCard(doc, { id: 'a', stageId: s1, laneId: l1, title: 'Search', body: 'Looks online for options' })!;
  const b = addCard(doc, { id: 'b', stageId: s1, laneId: l2, title: 'Curious', emotion: 2 })!;
  const c = addCard(doc, { id: 'c', stageId: s2, laneId: l1, title: 'Pay', body: 'Card payment' })!;
  const d = addCard(doc, { id: 'd', stageId: s2, laneId: l2, title: 'Relieved', emotion: 1 })!;
  addLink(doc, { id: 'ab', fromCardId: a, toCardId: b, label: 'feels' });
  addLink(doc, { id: 'ac', fromCardId: a, toCardId: c, label: 'leads to' });
  addLink(doc, { id: 'cd', fromCardId: c, toCardId: d });
  um.clear();
  return { doc, um, s1, s2, l1, l2, a, b, c, d };
}

/** Undo puts the map back exactly as it was before the edit; redo brings the edit back. */
function expectUndoRedo(doc: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readJourney>) {
  const after = readJourney(doc);
  expect(after).not.toEqual(before);
  expect(um.undoStack).toHaveLength(1);
  um.undo();
  expect(readJourney(doc)).toEqual(before);
  um.redo();
  expect(readJourney(doc)).toEqual(after);
}

const stageNames = (doc: Y.Doc) => readJourney(doc).stages.map((s) => s.name);
const laneNames = (doc: Y.Doc) => readJourney(doc).lanes.map((l) => l.name);

describe('stages', () => {
  describe('addStage', () => {
    it('adds a column at the end with the given name, no colour, and one undo removes it again', () => {
      const { doc, um } = fresh();
      addStage(doc, { name: 'Discover', phase: 'pre-purchase' });
      um.clear();
      const before = readJourney(doc);
      const id = addStage(doc, { name: 'Research', phase: 'purchase', color: '#ff0000' });
      const stages = readJourney(doc).stages;
      expect(stages.map((s) => s.name)).toEqual(['Discover', 'Research']);
      expect(stages[1]).toMatchObject({ id, name: 'Research', phase: 'purchase', color: '#ff0000' });
      expect(stages[0]!.color).toBeNull();
      expectUndoRedo(doc, um, before);
    });

    it('inserts a column at the requested position', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      addStage(doc, { name: 'Compare', index: 1 });
      expect(stageNames(doc)).toEqual(['Discover', 'Compare', 'Buy']);
      addStage(doc, { name: 'First', index: 0 });
      expect(stageNames(doc)).toEqual(['First', 'Discover', 'Compare', 'Buy']);
      addStage(doc, { name: 'Way past the end', index: 99 });
      expect(stageNames(doc).at(-1)).toBe('Way past the end');
      um.undo();
      um.undo();
      um.undo();
      expect(readJourney(doc)).toEqual(before);
    });

    it('gives a new column without a phase the phase of the column before it', () => {
      const { doc } = seeded(); // Discover (pre-purchase), Buy (purchase)
      const atEnd = addStage(doc, { name: 'Unbox' });
      const inMiddle = addStage(doc, { name: 'Compare', index: 1 });
      const byId = new Map(readJourney(doc).stages.map((s) => [s.id, s]));
      expect(byId.get(atEnd)!.phase).toBe('purchase');
      expect(byId.get(inMiddle)!.phase).toBe('pre-purchase');
    });

    it('uses an explicit phase over the inherited one, and pre-purchase for the very first column', () => {
      const { doc } = fresh();
      const first = addStage(doc, { name: 'First' });
      const explicit = addStage(doc, { name: 'After', phase: 'post-purchase' });
      const byId = new Map(readJourney(doc).stages.map((s) => [s.id, s]));
      expect(byId.get(first)!.phase).toBe('pre-purchase');
      expect(byId.get(explicit)!.phase).toBe('post-purchase');
    });

    it('cuts an over-long name and colour to the limits', () => {
      const { doc } = fresh();
      const id = addStage(doc, { name: 'n'.repeat(LIMITS.name + 50), color: 'c'.repeat(LIMITS.color + 5) });
      const stage = readJourney(doc).stages.find((s) => s.id === id)!;
      expect(stage.name).toBe('n'.repeat(LIMITS.name));
      expect(stage.color).toBe('c'.repeat(LIMITS.color));
    });
  });

  describe('updateStage', () => {
    it('renames a column, changes its phase and colour, and undo restores the old values', () => {
      const { doc, um, s1 } = seeded();
      const before = readJourney(doc);
      expect(updateStage(doc, s1, { name: 'Explore', phase: 'purchase', color: '#00ff00' })).toBe(true);
      expect(readJourney(doc).stages[0]).toMatchObject({ id: s1, name: 'Explore', phase: 'purchase', color: '#00ff00' });
      expectUndoRedo(doc, um, before);
    });

    it('clears a colour with null, and undo brings the colour back', () => {
      const { doc, um, s1 } = seeded();
      updateStage(doc, s1, { color: '#123456' });
      um.clear();
      const before = readJourney(doc);
      updateStage(doc, s1, { color: null });
      expect(readJourney(doc).stages[0]!.color).toBeNull();
      expectUndoRedo(doc, um, before);
    });

    it('leaves fields that the patch does not mention alone', () => {
      const { doc, s1 } = seeded();
      updateStage(doc, s1, { color: '#abcdef' });
      updateStage(doc, s1, { name: 'Renamed' });
      expect(readJourney(doc).stages[0]).toMatchObject({ name: 'Renamed', phase: 'pre-purchase', color: '#abcdef' });
    });

    it('cuts an over-long name to the limit', () => {
      const { doc, s1 } = seeded();
      updateStage(doc, s1, { name: 'x'.repeat(LIMITS.name * 2), color: 'y'.repeat(LIMITS.color * 2) });
      expect(readJourney(doc).stages[0]!.name).toHaveLength(LIMITS.name);
      expect(readJourney(doc).stages[0]!.color).toHaveLength(LIMITS.color);
    });

    it('reports false and changes nothing for a column that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(updateStage(doc, 'missing', { name: 'Ghost' })).toBe(false);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });

  describe('moveStage', () => {
    it('moves a column to a new position (counted without itself), and undo puts it back', () => {
      const { doc, um } = seeded();
      const s3 = addStage(doc, { id: 's3', name: 'Use' });
      um.clear();
      const before = readJourney(doc);
      expect(moveStage(doc, s3, 0)).toBe(true);
      expect(stageNames(doc)).toEqual(['Use', 'Discover', 'Buy']);
      expectUndoRedo(doc, um, before);
    });

    it('moves a column to the end, and to the middle', () => {
      const { doc, s1 } = seeded();
      addStage(doc, { name: 'Use' });
      moveStage(doc, s1, 2);
      expect(stageNames(doc)).toEqual(['Buy', 'Use', 'Discover']);
      moveStage(doc, s1, 1);
      expect(stageNames(doc)).toEqual(['Buy', 'Discover', 'Use']);
    });

    it('keeps the cards of a moved column in that column', () => {
      const { doc, s1 } = seeded();
      moveStage(doc, s1, 1);
      const cards = readJourney(doc).cards;
      expect(cards.filter((c) => c.stageId === s1).map((c) => c.title)).toEqual(['Search', 'Curious']);
      // cards follow the column order: Buy's cards first now
      expect(cards.map((c) => c.title)).toEqual(['Pay', 'Relieved', 'Search', 'Curious']);
    });

    it('reports false and changes nothing for a column that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(moveStage(doc, 'missing', 0)).toBe(false);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });

  describe('cardsInStage', () => {
    it('lists every card in a column, across all lanes, for the delete confirmation', () => {
      const { doc, s1, s2 } = seeded();
      expect(cardsInStage(doc, s1).sort()).toEqual(['a', 'b']);
      expect(cardsInStage(doc, s2).sort()).toEqual(['c', 'd']);
    });

    it('lists nothing for an empty or unknown column', () => {
      const { doc } = seeded();
      const empty = addStage(doc, { name: 'Empty' });
      expect(cardsInStage(doc, empty)).toEqual([]);
      expect(cardsInStage(doc, 'missing')).toEqual([]);
    });
  });

  describe('deleteStage', () => {
    it('deleting a stage takes its cards and their links with it, and one undo brings them all back', () => {
      const { doc, um, s1 } = seeded();
      const before = readJourney(doc);
      const gone = deleteStage(doc, s1);
      expect(gone.sort()).toEqual(['a', 'b']);

      const after = readJourney(doc);
      expect(after.stages.map((s) => s.id)).toEqual(['s2']);
      expect(after.cards.map((c) => c.id).sort()).toEqual(['c', 'd']);
      // 'ab' and 'ac' touched card a; 'cd' connects two surviving cards
      expect(after.links.map((l) => l.id)).toEqual(['cd']);

      expect(um.undoStack).toHaveLength(1);
      um.undo();
      const restored = readJourney(doc);
      expect(restored).toEqual(before);
      expect(restored.cards.find((c) => c.id === 'a')!.body).toBe('Looks online for options');
      expect(restored.links.map((l) => l.id)).toEqual(['ab', 'ac', 'cd']);

      um.redo();
      expect(readJourney(doc)).toEqual(after);
    });

    it('brings back a card body that was edited before the stage was deleted', () => {
      const { doc, um, s1, a } = seeded();
      setCardBody(doc, a, 'Looks online for good options, twice');
      updateCard(doc, a, { tags: ['web'], momentOfTruth: true });
      um.clear();
      const before = readJourney(doc);
      deleteStage(doc, s1);
      um.undo();
      expect(readJourney(doc)).toEqual(before);
      expect(readJourney(doc).cards.find((c) => c.id === a)).toMatchObject({
        body: 'Looks online for good options, twice',
        tags: ['web'],
        momentOfTruth: true,
      });
    });

    it('deletes an empty stage and returns no card ids', () => {
      const { doc, um } = seeded();
      const empty = addStage(doc, { name: 'Empty' });
      um.clear();
      const before = readJourney(doc);
      expect(deleteStage(doc, empty)).toEqual([]);
      expect(readJourney(doc).stages.some((s) => s.id === empty)).toBe(false);
      expectUndoRedo(doc, um, before);
    });

    it('returns nothing and changes nothing for a stage that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deleteStage(doc, 'missing')).toEqual([]);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });
});

describe('lanes', () => {
  describe('addLane', () => {
    it('adds an expanded row of the given kind at the end, and one undo removes it', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      const id = addLane(doc, { name: 'Pains', kind: 'pains' });
      const lanes = readJourney(doc).lanes;
      expect(lanes.map((l) => l.name)).toEqual(['Actions', 'Feelings', 'Pains']);
      expect(lanes[2]).toMatchObject({ id, name: 'Pains', kind: 'pains', collapsed: false });
      expectUndoRedo(doc, um, before);
    });

    it('inserts a row at the requested position', () => {
      const { doc } = seeded();
      addLane(doc, { name: 'Touchpoints', kind: 'touchpoints', index: 1 });
      expect(laneNames(doc)).toEqual(['Actions', 'Touchpoints', 'Feelings']);
      addLane(doc, { name: 'Top', kind: 'notes', index: 0 });
      expect(laneNames(doc)).toEqual(['Top', 'Actions', 'Touchpoints', 'Feelings']);
    });

    it('cuts an over-long name to the limit', () => {
      const { doc } = fresh();
      addLane(doc, { name: 'L'.repeat(LIMITS.name + 1), kind: 'notes' });
      expect(readJourney(doc).lanes[0]!.name).toBe('L'.repeat(LIMITS.name));
    });
  });

  describe('updateLane', () => {
    it('renames a row and changes its kind, and undo restores both', () => {
      const { doc, um, l1 } = seeded();
      const before = readJourney(doc);
      expect(updateLane(doc, l1, { name: 'Doing', kind: 'backstage' })).toBe(true);
      expect(readJourney(doc).lanes[0]).toMatchObject({ id: l1, name: 'Doing', kind: 'backstage', collapsed: false });
      expectUndoRedo(doc, um, before);
    });

    it('collapses and expands a row, each one undo step', () => {
      const { doc, um, l2 } = seeded();
      const expanded = readJourney(doc);
      updateLane(doc, l2, { collapsed: true });
      expect(readJourney(doc).lanes[1]!.collapsed).toBe(true);
      expectUndoRedo(doc, um, expanded);
      um.clear();
      const collapsed = readJourney(doc);
      updateLane(doc, l2, { collapsed: false });
      expect(readJourney(doc).lanes[1]!.collapsed).toBe(false);
      expectUndoRedo(doc, um, collapsed);
    });

    it('cuts an over-long name to the limit', () => {
      const { doc, l1 } = seeded();
      updateLane(doc, l1, { name: 'z'.repeat(LIMITS.name + 10) });
      expect(readJourney(doc).lanes[0]!.name).toBe('z'.repeat(LIMITS.name));
    });

    it('reports false and changes nothing for a row that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(updateLane(doc, 'missing', { collapsed: true })).toBe(false);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });

  describe('moveLane', () => {
    it('moves a row to a new position, and undo puts it back', () => {
      const { doc, um, l2 } = seeded();
      const before = readJourney(doc);
      expect(moveLane(doc, l2, 0)).toBe(true);
      expect(laneNames(doc)).toEqual(['Feelings', 'Actions']);
      // the cards follow their rows
      expect(readJourney(doc).cards.map((c) => c.id)).toEqual(['b', 'a', 'd', 'c']);
      expectUndoRedo(doc, um, before);
    });

    it('counts the target position without the moved row itself', () => {
      const { doc, l1 } = seeded();
      addLane(doc, { name: 'Pains', kind: 'pains' });
      moveLane(doc, l1, 1);
      expect(laneNames(doc)).toEqual(['Feelings', 'Actions', 'Pains']);
      moveLane(doc, l1, 2);
      expect(laneNames(doc)).toEqual(['Feelings', 'Pains', 'Actions']);
    });

    it('reports false and changes nothing for a row that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(moveLane(doc, 'missing', 0)).toBe(false);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });

  describe('deleteLane', () => {
    it('deleting a lane takes its cards and their links with it, and one undo brings them all back', () => {
      const { doc, um, l1 } = seeded();
      expect(cardsInLane(doc, l1).sort()).toEqual(['a', 'c']);
      const before = readJourney(doc);
      expect(deleteLane(doc, l1).sort()).toEqual(['a', 'c']);

      const after = readJourney(doc);
      expect(after.lanes.map((l) => l.id)).toEqual(['l2']);
      expect(after.cards.map((c) => c.id)).toEqual(['b', 'd']);
      expect(after.links).toEqual([]);

      expect(um.undoStack).toHaveLength(1);
      um.undo();
      const restored = readJourney(doc);
      expect(restored).toEqual(before);
      expect(restored.cards.find((c) => c.id === 'c')!.body).toBe('Card payment');
      um.redo();
      expect(readJourney(doc)).toEqual(after);
    });

    it('returns nothing and changes nothing for a lane that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deleteLane(doc, 'missing')).toEqual([]);
      expect(cardsInLane(doc, 'missing')).toEqual([]);
      expect(readJourney(doc)).toEqual(before);
      expect(um.undoStack).toHaveLength(0);
    });
  });
});

describe("undo only takes back this user's own edits", () => {
  it('a stage or lane change made by a collaborator is not undone', () => {
    const { doc, um, s1, l1 } = seeded();
    updateStage(doc, s1, { name: 'Renamed remotely' }, REMOTE);
    addLane(doc, { name: 'Remote lane', kind: 'notes' }, REMOTE);
    moveStage(doc, s1, 1, REMOTE);
    expect(um.undoStack).toHaveLength(0);
    const afterRemote = readJourney(doc);
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    expect(stageNames(doc)).toEqual(['Buy', 'Renamed remotely']);

    // a local edit on top is undone, the remote ones stay
    updateLane(doc, l1, { name: 'Local rename' });
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
  });

  it('a stage deleted by a collaborator stays deleted after undo', () => {
    const { doc, um, s1 } = seeded();
    deleteStage(doc, s1, REMOTE);
    const afterRemote = readJourney(doc);
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    expect(afterRemote.stages.map((s) => s.id)).toEqual(['s2']);
  });
});

describe('stage descriptions (the presenter’s notes)', () => {
  it('a description is kept, clamped, cleared by an empty text, and one undo step each', () => {
    const { doc, um } = seeded();
    const stageId = readJourney(doc).stages[0]!.id;
    const before = readJourney(doc);
    updateStage(doc, stageId, { description: 'Customers notice the need and start looking.' });
    expect(readJourney(doc).stages[0]!.description).toBe('Customers notice the need and start looking.');
    expectUndoRedo(doc, um, before);
    updateStage(doc, stageId, { description: 'x'.repeat(LIMITS.description + 10) });
    expect(readJourney(doc).stages[0]!.description).toHaveLength(LIMITS.description);
    updateStage(doc, stageId, { description: '' });
    expect(readJourney(doc).stages[0]!.description).toBe('');
  });
});
