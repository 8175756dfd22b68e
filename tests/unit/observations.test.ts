import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, readComments, setCommentResolved } from '../../src/model/feedback';
import { keepObservation, observationsByCard } from '../../src/model/observations';
import { deleteEvidence } from '../../src/model/ops/evidence';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { LIMITS } from '../../src/model/limits';
import { addEvidence } from '../../src/model/ops/evidence';
import { participant } from '../support/actors';

const PIA = participant('pia-identity-00000001');

function workshop() {
  const doc = createMapFromTemplate('retail', 'en');
  const feedback = new Y.Doc();
  const [till, app] = readJourney(doc).cards;
  return { doc, feedback, till: till!, app: app! };
}

describe('an observation is a comment flagged as one', () => {
  it('a participant posts one under their own name; a plain comment is not one and stores no flag', () => {
    const { feedback, till } = workshop();
    const seen = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'Two people left the queue', observation: true })!;
    const plain = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'Is that normal?' })!;
    const byId = new Map(readComments(feedback).map((c) => [c.id, c]));
    expect(byId.get(seen)?.observation).toBe(true);
    expect(byId.get(plain)?.observation).toBe(false);
    // left out at its default, as every default is: comments from before observations read the same
    expect(feedback.getMap<Y.Map<unknown>>('comments').get(plain)!.has('observation')).toBe(false);
  });

  it('reads a flag a peer wrote as anything but true as no observation', () => {
    const { feedback, till } = workshop();
    const id = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'seen' })!;
    feedback.getMap<Y.Map<unknown>>('comments').get(id)!.set('observation', 'yes');
    expect(readComments(feedback)[0]!.observation).toBe(false);
  });
});

describe('observationsByCard', () => {
  it('lists each card’s open observations, oldest first, and leaves out plain, resolved and empty ones', () => {
    const { feedback, till, app } = workshop();
    addComment(feedback, PIA, { id: 'b', cardId: till.id, author: 'Pia', text: 'second', at: '2026-05-01T10:02:00.000Z', observation: true });
    addComment(feedback, PIA, { id: 'a', cardId: till.id, author: 'Pia', text: 'first', at: '2026-05-01T10:01:00.000Z', observation: true });
    addComment(feedback, PIA, { id: 'c', cardId: app.id, author: 'Pia', text: 'on the app', at: '2026-05-01T10:03:00.000Z', observation: true });
    addComment(feedback, PIA, { id: 'plain', cardId: app.id, author: 'Pia', text: 'just a question', at: '2026-05-01T10:04:00.000Z' });
    addComment(feedback, PIA, { id: 'done', cardId: app.id, author: 'Pia', text: 'kept already', at: '2026-05-01T10:05:00.000Z', observation: true });
    addComment(feedback, PIA, { id: 'blank', cardId: app.id, author: 'Pia', text: '   ', at: '2026-05-01T10:06:00.000Z', observation: true });
    setCommentResolved(feedback, 'done', true);
    const byCard = observationsByCard(readComments(feedback));
    expect([...byCard.keys()].sort()).toEqual([till.id, app.id].sort());
    expect(byCard.get(till.id)!.map((c) => c.id)).toEqual(['a', 'b']);
    expect(byCard.get(app.id)!.map((c) => c.id)).toEqual(['c']);
  });
});

describe('keeping an observation as evidence', () => {
  it('adds a workshop evidence item on its card (its text, day and author) and resolves it, so it counts once', () => {
    const { doc, feedback, till } = workshop();
    const id = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'Two people left the queue', at: '2026-05-01T10:01:00.000Z', observation: true })!;
    expect(keepObservation(doc, feedback, id)).toBe('kept');
    const kept = readJourney(doc).evidence.filter((e) => e.source === 'workshop');
    expect(kept).toEqual([
      expect.objectContaining({ cardId: till.id, text: 'Two people left the queue', source: 'workshop', date: '2026-05-01', addedBy: 'Pia', count: 1 }),
    ]);
    expect(readComments(feedback)[0]!.resolved).toBe(true);
    expect(observationsByCard(readComments(feedback)).size).toBe(0);
  });

  it('keeping it twice, or after someone reopened it, adds no second item', () => {
    const { doc, feedback, till } = workshop();
    const id = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'seen', at: '2026-05-01T10:01:00.000Z', observation: true })!;
    const before = readJourney(doc).evidence.length;
    keepObservation(doc, feedback, id);
    setCommentResolved(feedback, id, false);
    // reopened: still not counted twice where the map's evidence is known
    expect(observationsByCard(readComments(feedback), readJourney(doc).evidence).size).toBe(0);
    expect(keepObservation(doc, feedback, id)).toBe('already');
    expect(readJourney(doc).evidence.length).toBe(before + 1);
    expect(readComments(feedback)[0]!.resolved).toBe(true);
  });

  it('one undo in the map takes the item back; the observation can then be kept again', () => {
    const { doc, feedback, till } = workshop();
    const undo = createUndoManager(doc);
    const id = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'seen', at: '2026-05-01T10:01:00.000Z', observation: true })!;
    const before = readJourney(doc).evidence.length;
    keepObservation(doc, feedback, id);
    undo.undo();
    expect(readJourney(doc).evidence.length).toBe(before);
    setCommentResolved(feedback, id, false);
    expect(keepObservation(doc, feedback, id)).toBe('kept');
  });

  it('an observation longer than an evidence item keeps its first part, and still counts once', () => {
    const { doc, feedback, till } = workshop();
    const long = 'x'.repeat(LIMITS.commentText);
    const id = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: long, observation: true })!;
    expect(keepObservation(doc, feedback, id)).toBe('kept');
    const kept = readJourney(doc).evidence.filter((e) => e.source === 'workshop');
    expect(kept.map((e) => e.text.length)).toEqual([LIMITS.evidenceText]);
    setCommentResolved(feedback, id, false);
    expect(observationsByCard(readComments(feedback), readJourney(doc).evidence).size).toBe(0);
    expect(keepObservation(doc, feedback, id)).toBe('already');
  });

  it('keeps nothing from a plain comment, one deleted meanwhile, or into a map at its evidence limit', () => {
    const { doc, feedback, till } = workshop();
    const plain = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'a question' })!;
    expect(keepObservation(doc, feedback, plain)).toBe('gone');
    expect(keepObservation(doc, feedback, 'no-such-comment')).toBe('gone');
    const full = createMapFromTemplate('blank', 'en');
    deleteEvidence(full, readJourney(full).evidence.map((e) => e.id));
    addEvidence(full, Array.from({ length: LIMITS.evidence }, (_, i) => ({ text: `row ${i}` })));
    const seen = addComment(feedback, PIA, { cardId: till.id, author: 'Pia', text: 'seen', observation: true })!;
    expect(keepObservation(full, feedback, seen)).toBe('full');
    expect(readComments(feedback).find((c) => c.id === seen)?.resolved).toBe(false);
  });
});
