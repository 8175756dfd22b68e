import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import {
  addCard,
  addLane,
  addLink,
  addPersona,
  addStage,
  cardBody,
  deleteCard,
  deleteCards,
  moveCard,
  moveCards,
  reorderCard,
  setCardBody,
  updateCard,
} from '../../src/model/ops';
import { createUndoManager } from '../../src/model/undo';

const REMOTE = 'remote';

/**
 * Two stages and two lanes. Cell (s1, l1) holds a, b, c, d in that order; cell (s2, l1) holds
 * x and y. Links: a→b, c→x, y→a. The undo history starts empty.
 */
function seeded() {
  const doc = new Y.Doc();
  const um = createUndoManager(doc, { captureTimeout: 0 });
  addStage(doc, { id: 's1', name: 'Discover', phase: 'pre-purchase' });
  addStage(doc, { id: 's2', name: 'Buy', phase: 'purchase' });
  addLane(doc, { id: 'l1', name: 'Actions', kind: 'actions' });
  addLane(doc, { id: 'l2', name: 'Feelings', kind: 'emotions' });
  for (const id of ['a', 'b', 'c', 'd']) addCard(doc, { id, stageId: 's1', laneId: 'l1', title: id.toUpperCase(), body: `body of ${id}` });
  for (const id of ['x', 'y']) addCard(doc, { id, stageId: 's2', laneId: 'l1', title: id.toUpperCase() });
  addLink(doc, { id: 'ab', fromCardId: 'a', toCardId: 'b' });
  addLink(doc, { id: 'cx', fromCardId: 'c', toCardId: 'x' });
  addLink(doc, { id: 'ya', fromCardId: 'y', toCardId: 'a' });
  um.clear();
  return { doc, um };
}

function expectUndoRedo(doc: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readJourney>) {
  const after = readJourney(doc);
  expect(after).not.toEqual(before);
  expect(um.undoStack).toHaveLength(1);
  um.undo();
  expect(readJourney(doc)).toEqual(before);
  um.redo();
  expect(readJourney(doc)).toEqual(after);
}

const card = (doc: Y.Doc, id: string) => readJourney(doc).cards.find((c) => c.id === id);
const cell = (doc: Y.Doc, stageId: string, laneId: string) =>
  readJourney(doc)
    .cards.filter((c) => c.stageId === stageId && c.laneId === laneId)
    .map((c) => c.id);

describe('addCard', () => {
  it('adds an empty card at the end of its cell with neutral defaults, and one undo removes it', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    const id = addCard(doc, { stageId: 's1', laneId: 'l1' });
    expect(id).toEqual(expect.any(String));
    expect(cell(doc, 's1', 'l1')).toEqual(['a', 'b', 'c', 'd', id]);
    expect(card(doc, id!)).toMatchObject({
      stageId: 's1',
      laneId: 'l1',
      title: '',
      body: '',
      channel: null,
      emotion: null,
      personaIds: [],
      tags: [],
      color: null,
      momentOfTruth: false,
      votes: 0,
    });
    expectUndoRedo(doc, um, before);
  });

  it('keeps every detail the card was created with', () => {
    const { doc } = seeded();
    const persona = addPersona(doc, { name: 'Alex' });
    const id = addCard(doc, {
      stageId: 's2',
      laneId: 'l2',
      title: 'Relieved',
      body: 'Payment went through',
      channel: 'app',
      emotion: -3,
      personaIds: [persona],
      tags: ['checkout', 'mobile'],
      color: '#fde68a',
      momentOfTruth: true,
    })!;
    expect(card(doc, id)).toMatchObject({
      title: 'Relieved',
      body: 'Payment went through',
      channel: 'app',
      emotion: -3,
      personaIds: [persona],
      tags: ['checkout', 'mobile'],
      color: '#fde68a',
      momentOfTruth: true,
      votes: 0,
    });
  });

  it('puts a card at the requested position in its cell', () => {
    const { doc } = seeded();
    const first = addCard(doc, { stageId: 's1', laneId: 'l1', index: 0 })!;
    const third = addCard(doc, { stageId: 's1', laneId: 'l1', index: 2 })!;
    expect(cell(doc, 's1', 'l1')).toEqual([first, 'a', third, 'b', 'c', 'd']);
  });

  it('refuses a card for a stage or lane that does not exist, changing nothing', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(addCard(doc, { stageId: 'missing', laneId: 'l1', title: 'Lost' })).toBeNull();
    expect(addCard(doc, { stageId: 's1', laneId: 'missing', title: 'Lost' })).toBeNull();
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });

  it.each([4, -4, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses an emotion score of %s with a RangeError, changing nothing', (emotion) => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(() => addCard(doc, { stageId: 's1', laneId: 'l2', emotion })).toThrow(RangeError);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });

  it('accepts every whole emotion score from -3 to +3', () => {
    const { doc } = seeded();
    for (let emotion = -3; emotion <= 3; emotion++) {
      const id = addCard(doc, { stageId: 's1', laneId: 'l2', emotion })!;
      expect(card(doc, id)!.emotion).toBe(emotion);
    }
  });

  it('cuts over-long text and over-long lists to the limits', () => {
    const { doc } = seeded();
    const personas = Array.from({ length: LIMITS.personasPerCard + 5 }, (_, i) => addPersona(doc, { name: `P${i}` }));
    const id = addCard(doc, {
      stageId: 's1',
      laneId: 'l1',
      title: 't'.repeat(LIMITS.cardTitle + 1),
      body: 'b'.repeat(LIMITS.cardBody + 100),
      tags: Array.from({ length: LIMITS.tagsPerCard + 3 }, (_, i) => `${i}`.padEnd(LIMITS.tag + 10, '#')),
      personaIds: personas,
    })!;
    const c = card(doc, id)!;
    expect(c.title).toBe('t'.repeat(LIMITS.cardTitle));
    expect(c.body).toBe('b'.repeat(LIMITS.cardBody));
    expect(c.tags).toHaveLength(LIMITS.tagsPerCard);
    expect(c.tags.every((t) => t.length === LIMITS.tag)).toBe(true);
    expect(c.tags[0]).toBe('0'.padEnd(LIMITS.tag, '#'));
    expect(c.personaIds).toEqual(personas.slice(0, LIMITS.personasPerCard));
  });
});

describe('updateCard', () => {
  it('changes what the card shows, and one undo restores every field', () => {
    const { doc, um } = seeded();
    const persona = addPersona(doc, { name: 'Sam' });
    um.clear();
    const before = readJourney(doc);
    const patch = {
      title: 'Search the web',
      channel: 'web' as const,
      emotion: 2,
      personaIds: [persona],
      tags: ['seo'],
      color: '#bfdbfe',
      momentOfTruth: true,
      votes: 3,
    };
    expect(updateCard(doc, 'a', patch)).toBe(true);
    expect(card(doc, 'a')).toMatchObject(patch);
    expect(card(doc, 'a')!.body).toBe('body of a');
    expectUndoRedo(doc, um, before);
  });

  it('clears fields back to their defaults, and undo brings the values back', () => {
    const { doc, um } = seeded();
    updateCard(doc, 'a', { channel: 'phone', emotion: -1, tags: ['x'], color: '#000', momentOfTruth: true, votes: 2 });
    um.clear();
    const before = readJourney(doc);
    updateCard(doc, 'a', { channel: null, emotion: null, tags: [], color: null, momentOfTruth: false, votes: 0 });
    expect(card(doc, 'a')).toMatchObject({ channel: null, emotion: null, tags: [], color: null, momentOfTruth: false, votes: 0 });
    expectUndoRedo(doc, um, before);
  });

  it('leaves fields the patch does not mention alone', () => {
    const { doc } = seeded();
    updateCard(doc, 'a', { tags: ['keep'], emotion: 1 });
    updateCard(doc, 'a', { title: 'Only the title' });
    expect(card(doc, 'a')).toMatchObject({ title: 'Only the title', tags: ['keep'], emotion: 1 });
  });

  it.each([3.5, 7, -10])('refuses an emotion score of %s with a RangeError, changing nothing', (emotion) => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(() => updateCard(doc, 'a', { title: 'Should not stick', emotion })).toThrow(RangeError);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });

  it('cuts an over-long title and tags to the limits', () => {
    const { doc } = seeded();
    updateCard(doc, 'a', { title: 'T'.repeat(LIMITS.cardTitle * 2), tags: Array.from({ length: 40 }, () => 'g'.repeat(100)) });
    const c = card(doc, 'a')!;
    expect(c.title).toHaveLength(LIMITS.cardTitle);
    expect(c.tags).toHaveLength(LIMITS.tagsPerCard);
    expect(c.tags[0]).toHaveLength(LIMITS.tag);
  });

  it('reports false and changes nothing for a card that does not exist', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(updateCard(doc, 'missing', { title: 'Ghost' })).toBe(false);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('setCardBody', () => {
  it('replaces the body text, and undo restores the old text', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(setCardBody(doc, 'a', 'A brand new description')).toBe(true);
    expect(card(doc, 'a')!.body).toBe('A brand new description');
    expect(cardBody(doc, 'a')!.toString()).toBe('A brand new description');
    expectUndoRedo(doc, um, before);
  });

  it('can empty a body, and undo brings it back', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    setCardBody(doc, 'a', '');
    expect(card(doc, 'a')!.body).toBe('');
    expectUndoRedo(doc, um, before);
  });

  it('only rewrites the span that changed', () => {
    const { doc } = seeded();
    setCardBody(doc, 'a', 'The customer reads reviews');
    const deltas: unknown[] = [];
    cardBody(doc, 'a')!.observe((e) => deltas.push(e.delta));
    setCardBody(doc, 'a', 'The customer reads many reviews');
    expect(deltas).toEqual([[{ retain: 19 }, { insert: 'many ' }]]);
    setCardBody(doc, 'a', 'The customer skims many reviews');
    expect(deltas[1]).toEqual([{ retain: 13 }, { delete: 4 }, { insert: 'skim' }]);
  });

  it('two people editing the start and the end of the same body concurrently both keep their words', () => {
    const { doc: alice } = seeded();
    setCardBody(alice, 'a', 'the customer reads the reviews');
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    expect(card(bob, 'a')!.body).toBe('the customer reads the reviews');

    setCardBody(alice, 'a', 'Then the customer reads the reviews');
    setCardBody(bob, 'a', 'the customer reads the reviews carefully.');

    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(bob)));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice)));
    const expected = 'Then the customer reads the reviews carefully.';
    expect(card(alice, 'a')!.body).toBe(expected);
    expect(card(bob, 'a')!.body).toBe(expected);
  });

  it('setting the same text again is not an undo step', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(setCardBody(doc, 'a', 'body of a')).toBe(true);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });

  it('cuts an over-long body to the limit', () => {
    const { doc } = seeded();
    setCardBody(doc, 'a', 'q'.repeat(LIMITS.cardBody + 1));
    expect(card(doc, 'a')!.body).toBe('q'.repeat(LIMITS.cardBody));
  });

  it('reports false and changes nothing for a card that does not exist', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(setCardBody(doc, 'missing', 'text')).toBe(false);
    expect(cardBody(doc, 'missing')).toBeUndefined();
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('moveCard', () => {
  it('moves a card into another cell at a position, and undo puts it back', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(moveCard(doc, 'b', { stageId: 's2', laneId: 'l1', index: 1 })).toBe(true);
    expect(cell(doc, 's1', 'l1')).toEqual(['a', 'c', 'd']);
    expect(cell(doc, 's2', 'l1')).toEqual(['x', 'b', 'y']);
    expect(card(doc, 'b')).toMatchObject({ stageId: 's2', laneId: 'l1', body: 'body of b' });
    expectUndoRedo(doc, um, before);
  });

  it('moves a card to the end of the target cell by default, keeping its links', () => {
    const { doc } = seeded();
    moveCard(doc, 'a', { stageId: 's2', laneId: 'l2' });
    moveCard(doc, 'c', { stageId: 's2', laneId: 'l2' });
    expect(cell(doc, 's2', 'l2')).toEqual(['a', 'c']);
    expect(readJourney(doc).links.map((l) => l.id)).toEqual(['ab', 'cx', 'ya']);
  });

  it('moves a card within its own cell, counting the position without the card', () => {
    const { doc } = seeded();
    moveCard(doc, 'a', { stageId: 's1', laneId: 'l1', index: 2 });
    expect(cell(doc, 's1', 'l1')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('reports false and changes nothing for a missing card or a missing target cell', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(moveCard(doc, 'missing', { stageId: 's2', laneId: 'l1' })).toBe(false);
    expect(moveCard(doc, 'a', { stageId: 'missing', laneId: 'l1' })).toBe(false);
    expect(moveCard(doc, 'a', { stageId: 's1', laneId: 'missing' })).toBe(false);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('moveCards', () => {
  it('moves a multi-selection into one cell keeping its relative order, as one undo step', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(moveCards(doc, ['a', 'c', 'd'], { stageId: 's2', laneId: 'l1', index: 1 })).toBe(3);
    expect(cell(doc, 's2', 'l1')).toEqual(['x', 'a', 'c', 'd', 'y']);
    expect(cell(doc, 's1', 'l1')).toEqual(['b']);
    expectUndoRedo(doc, um, before);
  });

  it('appends the selection to the end of the cell by default', () => {
    const { doc } = seeded();
    moveCards(doc, ['b', 'd'], { stageId: 's2', laneId: 'l1' });
    expect(cell(doc, 's2', 'l1')).toEqual(['x', 'y', 'b', 'd']);
  });

  it('moves a selection within its own cell', () => {
    const { doc } = seeded();
    moveCards(doc, ['a', 'b'], { stageId: 's1', laneId: 'l1', index: 2 });
    expect(cell(doc, 's1', 'l1')).toEqual(['c', 'd', 'a', 'b']);
    moveCards(doc, ['a', 'b'], { stageId: 's1', laneId: 'l1', index: 0 });
    expect(cell(doc, 's1', 'l1')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips ids that no longer exist and moves the rest', () => {
    const { doc } = seeded();
    expect(moveCards(doc, ['a', 'missing', 'b'], { stageId: 's2', laneId: 'l2' })).toBe(2);
    expect(cell(doc, 's2', 'l2')).toEqual(['a', 'b']);
  });

  it('moves nothing when the target cell or all the cards are missing', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(moveCards(doc, ['a', 'b'], { stageId: 'missing', laneId: 'l1' })).toBe(0);
    expect(moveCards(doc, ['gone', 'lost'], { stageId: 's2', laneId: 'l1' })).toBe(0);
    expect(moveCards(doc, [], { stageId: 's2', laneId: 'l1' })).toBe(0);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('reorderCard', () => {
  it('moves a card up or down in its cell, and undo puts it back', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(reorderCard(doc, 'd', 0)).toBe(true);
    expect(cell(doc, 's1', 'l1')).toEqual(['d', 'a', 'b', 'c']);
    expectUndoRedo(doc, um, before);
  });

  it('counts the new position without the card itself and never leaves the cell', () => {
    const { doc } = seeded();
    reorderCard(doc, 'a', 3);
    expect(cell(doc, 's1', 'l1')).toEqual(['b', 'c', 'd', 'a']);
    reorderCard(doc, 'a', 1);
    expect(cell(doc, 's1', 'l1')).toEqual(['b', 'a', 'c', 'd']);
    expect(cell(doc, 's2', 'l1')).toEqual(['x', 'y']);
  });

  it('reports false and changes nothing for a card that does not exist', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(reorderCard(doc, 'missing', 0)).toBe(false);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('deleteCard', () => {
  it('deleting a card removes the links on both of its ends, and one undo brings card, body and links back', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(deleteCard(doc, 'a')).toBe(true);
    const after = readJourney(doc);
    expect(after.cards.some((c) => c.id === 'a')).toBe(false);
    expect(after.links.map((l) => l.id)).toEqual(['cx']);
    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(readJourney(doc)).toEqual(before);
    expect(card(doc, 'a')!.body).toBe('body of a');
    um.redo();
    expect(readJourney(doc)).toEqual(after);
  });

  it('reports false and changes nothing for a card that does not exist', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(deleteCard(doc, 'missing')).toBe(false);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe('deleteCards', () => {
  it('deletes a multi-selection with its links in one undo step', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(deleteCards(doc, ['b', 'x', 'missing'])).toBe(2);
    const after = readJourney(doc);
    expect(after.cards.map((c) => c.id)).toEqual(['a', 'c', 'd', 'y']);
    expect(after.links.map((l) => l.id)).toEqual(['ya']);
    expectUndoRedo(doc, um, before);
  });

  it('deletes nothing when none of the cards exist', () => {
    const { doc, um } = seeded();
    const before = readJourney(doc);
    expect(deleteCards(doc, ['gone', 'lost'])).toBe(0);
    expect(deleteCards(doc, [])).toBe(0);
    expect(readJourney(doc)).toEqual(before);
    expect(um.undoStack).toHaveLength(0);
  });
});

describe("undo only takes back this user's own card edits", () => {
  it("a collaborator's card edits survive undo, while the user's own edit is undone", () => {
    const { doc, um } = seeded();
    updateCard(doc, 'a', { title: 'Remote title' }, REMOTE);
    setCardBody(doc, 'b', 'Remote body', REMOTE);
    moveCard(doc, 'c', { stageId: 's2', laneId: 'l2' }, REMOTE);
    deleteCard(doc, 'd', REMOTE);
    addCard(doc, { id: 'r', stageId: 's1', laneId: 'l2', title: 'Remote card' }, REMOTE);
    expect(um.undoStack).toHaveLength(0);
    const afterRemote = readJourney(doc);

    updateCard(doc, 'x', { title: 'Local title' });
    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    expect(card(doc, 'a')!.title).toBe('Remote title');
    expect(card(doc, 'b')!.body).toBe('Remote body');
    expect(card(doc, 'd')).toBeUndefined();
    expect(card(doc, 'r')!.title).toBe('Remote card');
  });
});

describe('guards on card edits', () => {
  it('a vote count below zero or fractional is refused and nothing changes', () => {
    const { doc } = seeded();
    const before = readJourney(doc);
    expect(() => updateCard(doc, 'a', { votes: -2 })).toThrow(RangeError);
    expect(() => updateCard(doc, 'a', { votes: 1.5 })).toThrow(RangeError);
    expect(readJourney(doc)).toEqual(before);
    updateCard(doc, 'a', { votes: 3 });
    expect(readJourney(doc).cards.find((c) => c.id === 'a')!.votes).toBe(3);
  });

  it('a card selected twice is moved and deleted once', () => {
    const { doc } = seeded();
    expect(moveCards(doc, ['a', 'a'], { stageId: 's2', laneId: 'l1' })).toBe(1);
    expect(readJourney(doc).cards.filter((c) => c.id === 'a')).toHaveLength(1);
    expect(deleteCards(doc, ['b', 'b'])).toBe(1);
  });
});

describe('card bodies with emoji', () => {
  it('swapping one emoji for another reaches a collaborator intact', () => {
    const { doc } = seeded();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    setCardBody(doc, 'a', 'Mood 😀 after checkout');
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    // 😀 and 😃 share their first UTF-16 unit: a naive diff would split the pair
    setCardBody(doc, 'a', 'Mood 😃 after checkout');
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    expect(cardBody(peer, 'a')!.toString()).toBe('Mood 😃 after checkout');
    expect(cardBody(doc, 'a')!.toString()).toBe('Mood 😃 after checkout');
  });
});
