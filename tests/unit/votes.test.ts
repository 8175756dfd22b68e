import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../src/model/limits';
import { addComment, readComments } from '../../src/model/feedback';
import { createFeedbackUndoManager } from '../../src/model/undo';
import {
  cardIsVotable,
  closeRound,
  countedDots,
  deleteRound,
  dotsMap,
  finishedRoundResults,
  myDots,
  openRound,
  placeDot,
  readDots,
  readRound,
  readRounds,
  revealRound,
  roundAcceptsVotes,
  roundsMap,
  startRound,
  takeBackDot,
  tally,
} from '../../src/model/votes';
import { startTimer } from '../../src/model/workshop';
import { OWNER } from '../support/actors';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function withRound(options: { votesPerPerson?: number; anonymous?: boolean; durationMs?: number | null; laneIds?: string[] } = {}) {
  const feedback = new Y.Doc();
  const roundId = startRound(feedback, OWNER, {
    id: 'r1',
    title: 'Biggest pain',
    votesPerPerson: options.votesPerPerson ?? 3,
    laneIds: options.laneIds ?? [],
    anonymous: options.anonymous ?? false,
    durationMs: options.durationMs ?? null,
    startedBy: 'Fay',
    now: T0,
  });
  return { feedback, roundId };
}

function vote(feedback: Y.Doc, roundId: string, voterId: string, cardId: string, seconds = 1) {
  return placeDot(feedback, OWNER, { roundId, cardId, voterId, voterName: voterId.toUpperCase(), now: at(seconds) });
}

describe('starting a round', () => {
  it('records the round as open, with its settings and time limit', () => {
    const { feedback, roundId } = withRound({ votesPerPerson: 5, durationMs: 120_000, laneIds: ['l1', 'l2'] });
    expect(readRound(feedback, roundId)).toEqual({
      id: 'r1',
      title: 'Biggest pain',
      votesPerPerson: 5,
      laneIds: ['l1', 'l2'],
      anonymous: false,
      startedAt: T0.toISOString(),
      startedBy: 'Fay',
      endsAt: at(120).toISOString(),
      status: 'open',
    });
  });

  it('keeps votes per person between 1 and the limit and cuts an over-long title', () => {
    const feedback = new Y.Doc();
    const a = startRound(feedback, OWNER, { title: 't'.repeat(LIMITS.roundTitle + 5), votesPerPerson: 0, laneIds: [], anonymous: false, durationMs: null, startedBy: 'F', now: T0 });
    expect(readRound(feedback, a)).toMatchObject({ votesPerPerson: 1, title: 't'.repeat(LIMITS.roundTitle) });
    const b = startRound(feedback, OWNER, { title: 'x', votesPerPerson: 999, laneIds: [], anonymous: false, durationMs: null, startedBy: 'F', now: at(1) });
    expect(readRound(feedback, b)!.votesPerPerson).toBe(LIMITS.votesPerPerson);
  });

  it('closes the round that was open: one open round at a time', () => {
    const { feedback } = withRound();
    const second = startRound(feedback, OWNER, { id: 'r2', title: 'Quick wins', votesPerPerson: 2, laneIds: [], anonymous: true, durationMs: null, startedBy: 'Fay', now: at(60) });
    expect(readRounds(feedback).map((r) => [r.id, r.status])).toEqual([
      ['r1', 'closed'],
      ['r2', 'open'],
    ]);
    expect(openRound(feedback)!.id).toBe(second);
  });

  it('shows only the newest round as open when two were started at once on different replicas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    startRound(a, OWNER, { id: 'ra', title: 'A', votesPerPerson: 1, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Ann', now: at(1) });
    startRound(b, OWNER, { id: 'rb', title: 'B', votesPerPerson: 1, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Bo', now: at(2) });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readRounds(doc).map((r) => [r.id, r.status])).toEqual([['ra', 'closed'], ['rb', 'open']]);
    expect(placeDot(a, OWNER, { roundId: 'ra', cardId: 'c1', voterId: 'v1', voterName: 'V', now: at(3) })).toBeNull();
  });
});

describe('placing dots', () => {
  it('a participant cannot place more dots than votesPerPerson', () => {
    const { feedback, roundId } = withRound({ votesPerPerson: 3 });
    expect(vote(feedback, roundId, 'ann', 'c1', 1)).not.toBeNull();
    expect(vote(feedback, roundId, 'ann', 'c1', 2)).not.toBeNull();
    expect(vote(feedback, roundId, 'ann', 'c2', 3)).not.toBeNull();
    expect(vote(feedback, roundId, 'ann', 'c3', 4)).toBeNull();
    expect(myDots(feedback, roundId, 'ann')).toEqual({ byCard: { c1: 2, c2: 1 }, used: 3, left: 0 });
    // someone else still has all of theirs
    expect(vote(feedback, roundId, 'ben', 'c3', 5)).not.toBeNull();
    expect(myDots(feedback, roundId, 'ben')).toEqual({ byCard: { c3: 1 }, used: 1, left: 2 });
  });

  it('counts only the first dots of a voter whose two tabs both placed "the last" one', () => {
    const { feedback, roundId } = withRound({ votesPerPerson: 1 });
    const tab2 = new Y.Doc();
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(feedback));
    vote(feedback, roundId, 'ann', 'c1', 10);
    vote(tab2, roundId, 'ann', 'c2', 5);
    Y.applyUpdate(feedback, Y.encodeStateAsUpdate(tab2));
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(feedback));
    expect(readDots(feedback, roundId)).toHaveLength(2);
    for (const doc of [feedback, tab2]) {
      expect(countedDots(doc, roundId).map((d) => d.cardId)).toEqual(['c2']);
      expect(myDots(doc, roundId, 'ann')).toEqual({ byCard: { c2: 1 }, used: 1, left: 0 });
      expect(tally(doc, roundId)).toEqual([{ cardId: 'c2', votes: 1, voters: ['ANN'] }]);
    }
  });

  it('a participant takes back a dot and can place it elsewhere', () => {
    const { feedback, roundId } = withRound({ votesPerPerson: 2 });
    vote(feedback, roundId, 'ann', 'c1', 1);
    const later = vote(feedback, roundId, 'ann', 'c1', 2);
    vote(feedback, roundId, 'ben', 'c1', 3);
    expect(takeBackDot(feedback, OWNER, { roundId, cardId: 'c1', voterId: 'ann', now: at(4) })).toBe(true);
    expect(readDots(feedback, roundId).map((d) => d.id)).not.toContain(later);
    expect(myDots(feedback, roundId, 'ann')).toEqual({ byCard: { c1: 1 }, used: 1, left: 1 });
    expect(vote(feedback, roundId, 'ann', 'c2', 5)).not.toBeNull();
    expect(myDots(feedback, roundId, 'ann').byCard).toEqual({ c1: 1, c2: 1 });
  });

  it('taking back reports false when the voter has no dot on that card', () => {
    const { feedback, roundId } = withRound();
    vote(feedback, roundId, 'ben', 'c1');
    expect(takeBackDot(feedback, OWNER, { roundId, cardId: 'c1', voterId: 'ann', now: at(2) })).toBe(false);
    expect(takeBackDot(feedback, OWNER, { roundId, cardId: 'c9', voterId: 'ben', now: at(2) })).toBe(false);
    expect(readDots(feedback, roundId)).toHaveLength(1);
  });

  it('an anonymous round stores no voter name, and its tally lists none', () => {
    const { feedback, roundId } = withRound({ anonymous: true });
    vote(feedback, roundId, 'ann', 'c1');
    vote(feedback, roundId, 'ben', 'c1');
    expect(readDots(feedback, roundId).map((d) => d.voterName)).toEqual(['', '']);
    dotsMap(feedback).forEach((record) => expect(record.has('voterName')).toBe(false));
    expect(tally(feedback, roundId)).toEqual([{ cardId: 'c1', votes: 2, voters: [] }]);
  });

  it('a closed round refuses dots and take-backs', () => {
    const { feedback, roundId } = withRound();
    vote(feedback, roundId, 'ann', 'c1');
    expect(closeRound(feedback, OWNER, roundId)).toBe(true);
    expect(roundAcceptsVotes(readRound(feedback, roundId)!, at(2))).toBe(false);
    expect(vote(feedback, roundId, 'ann', 'c2', 2)).toBeNull();
    expect(takeBackDot(feedback, OWNER, { roundId, cardId: 'c1', voterId: 'ann', now: at(2) })).toBe(false);
    expect(readDots(feedback, roundId)).toHaveLength(1);
  });

  it('a round whose time is up refuses dots, though nobody closed it', () => {
    const { feedback, roundId } = withRound({ durationMs: 60_000 });
    const round = readRound(feedback, roundId)!;
    expect(roundAcceptsVotes(round, at(59))).toBe(true);
    expect(roundAcceptsVotes(round, at(60))).toBe(false);
    expect(vote(feedback, roundId, 'ann', 'c1', 59)).not.toBeNull();
    expect(vote(feedback, roundId, 'ann', 'c1', 61)).toBeNull();
    expect(takeBackDot(feedback, OWNER, { roundId, cardId: 'c1', voterId: 'ann', now: at(61) })).toBe(false);
  });

  it('refuses a dot in a round that does not exist', () => {
    const feedback = new Y.Doc();
    expect(placeDot(feedback, OWNER, { roundId: 'nope', cardId: 'c1', voterId: 'ann', voterName: 'Ann', now: T0 })).toBeNull();
    expect(myDots(feedback, 'nope', 'ann')).toEqual({ byCard: {}, used: 0, left: 0 });
  });

  it('a card is votable when the round names its lane, or names none', () => {
    const { feedback, roundId } = withRound({ laneIds: ['pains'] });
    const round = readRound(feedback, roundId)!;
    expect(cardIsVotable(round, 'pains')).toBe(true);
    expect(cardIsVotable(round, 'actions')).toBe(false);
    expect(cardIsVotable({ ...round, laneIds: [] }, 'actions')).toBe(true);
  });
});

describe('revealing and tallying', () => {
  it('reveal closes the round and marks its results as shown', () => {
    const { feedback, roundId } = withRound();
    vote(feedback, roundId, 'ann', 'c1');
    expect(revealRound(feedback, OWNER, roundId)).toBe(true);
    const round = readRound(feedback, roundId)!;
    expect(round.status).toBe('revealed');
    expect(roundAcceptsVotes(round, at(2))).toBe(false);
    expect(vote(feedback, roundId, 'ben', 'c1', 3)).toBeNull();
    expect(finishedRoundResults(feedback)).toEqual([{ round, tally: [{ cardId: 'c1', votes: 1, voters: ['ANN'] }] }]);
  });

  it('ranks cards by votes, breaks ties by map order (else card id) and leaves out cards without votes', () => {
    const { feedback, roundId } = withRound({ votesPerPerson: 5 });
    vote(feedback, roundId, 'ann', 'cB', 1);
    vote(feedback, roundId, 'ann', 'cA', 2);
    vote(feedback, roundId, 'ben', 'cC', 3);
    vote(feedback, roundId, 'ben', 'cC', 4);
    vote(feedback, roundId, 'cy', 'cC', 5);
    vote(feedback, roundId, 'cy', 'cA', 6);
    vote(feedback, roundId, 'cy', 'cB', 7);
    expect(tally(feedback, roundId)).toEqual([
      { cardId: 'cC', votes: 3, voters: ['BEN', 'BEN', 'CY'] },
      { cardId: 'cA', votes: 2, voters: ['ANN', 'CY'] },
      { cardId: 'cB', votes: 2, voters: ['ANN', 'CY'] },
    ]);
    expect(tally(feedback, roundId, ['cZ', 'cB', 'cC', 'cA']).map((e) => e.cardId)).toEqual(['cC', 'cB', 'cA']);
    expect(tally(feedback, 'missing')).toEqual([]);
  });

  it('leaves open rounds out of the finished results', () => {
    const { feedback } = withRound();
    expect(finishedRoundResults(feedback)).toEqual([]);
  });
});

describe('deleting a round', () => {
  it('removes the round and its dots, and leaves other rounds alone', () => {
    const { feedback, roundId } = withRound();
    vote(feedback, roundId, 'ann', 'c1');
    vote(feedback, roundId, 'ben', 'c2');
    const other = startRound(feedback, OWNER, { id: 'r2', title: 'Next', votesPerPerson: 1, laneIds: [], anonymous: false, durationMs: null, startedBy: 'F', now: at(10) });
    vote(feedback, other, 'ann', 'c1', 11);
    expect(deleteRound(feedback, OWNER, roundId)).toBe(true);
    expect(readRounds(feedback).map((r) => r.id)).toEqual(['r2']);
    expect(readDots(feedback).map((d) => d.roundId)).toEqual(['r2']);
    expect(deleteRound(feedback, OWNER, roundId)).toBe(false);
  });
});

describe('garbage from a peer', () => {
  it('reads a round and a dot of the wrong types with safe defaults', () => {
    const feedback = new Y.Doc();
    feedback.transact(() => {
      const r = new Y.Map<unknown>();
      roundsMap(feedback).set('junk', r);
      r.set('title', 42);
      r.set('votesPerPerson', 'many');
      r.set('laneIds', 'l1');
      r.set('status', 'voting');
      r.set('endsAt', 7);
      const d = new Y.Map<unknown>();
      dotsMap(feedback).set('d1', d);
      d.set('roundId', 'junk');
      d.set('cardId', ['c1']);
    });
    expect(readRound(feedback, 'junk')).toEqual({
      id: 'junk', title: '', votesPerPerson: 1, laneIds: [], anonymous: false, startedAt: '', startedBy: '', endsAt: null, status: 'closed',
    });
    expect(readDots(feedback)).toEqual([{ id: 'd1', roundId: 'junk', cardId: '', voterId: '', voterName: '', at: '' }]);
    // a dot without a voter never counts
    expect(countedDots(feedback, 'junk')).toEqual([]);
  });
});

describe('undo in a workshop', () => {
  it('Ctrl+Z undoes a comment but never a dot, a round or the timer', () => {
    const feedback = new Y.Doc();
    const um = createFeedbackUndoManager(feedback, { captureTimeout: 0 });
    const roundId = startRound(feedback, OWNER, { title: 'R', votesPerPerson: 2, laneIds: [], anonymous: false, durationMs: null, startedBy: 'F', now: T0 });
    placeDot(feedback, OWNER, { roundId, cardId: 'c1', voterId: 'ann', voterName: 'Ann', now: at(1) });
    startTimer(feedback, OWNER, at(2));
    expect(um.undoStack).toHaveLength(0);
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ann', text: 'hi', at: at(3).toISOString() });
    um.undo();
    expect(readComments(feedback)).toEqual([]);
    expect(readDots(feedback)).toHaveLength(1);
    expect(readRounds(feedback)).toHaveLength(1);
  });
});

describe('closing a revealed round', () => {
  it('keeps its results shown', () => {
    const { feedback, roundId } = withRound();
    revealRound(feedback, OWNER, roundId);
    expect(closeRound(feedback, OWNER, roundId)).toBe(true);
    expect(readRound(feedback, roundId)!.status).toBe('revealed');
    expect(closeRound(feedback, OWNER, 'missing')).toBe(false);
  });
});
