import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addComment,
  closeRound,
  countedDots,
  deleteRound,
  placeDot,
  revealRound,
  setCommentResolved,
  setPresentedStage,
  setPresenter,
  startRound,
  startTimer,
  writeDots,
  writeRounds,
  type VoteDot,
  type VoteRound,
} from '../../src/model';
import { FeedbackView, type FeedbackSnapshot } from '../../src/store/feedbackView';
import { OWNER } from '../support/actors';

/* The workshop UI's plain-data view of a map's feedback doc. */

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function round(feedback: Y.Doc, seconds: number, args: { votesPerPerson?: number; id?: string } = {}): string {
  return startRound(feedback, OWNER, {
    id: args.id,
    title: `round at ${seconds}s`,
    votesPerPerson: args.votesPerPerson ?? 3,
    laneIds: [],
    anonymous: false,
    durationMs: null,
    startedBy: 'Fay',
    now: at(seconds),
  });
}

/** Totals and per-voter counts as plain objects, for comparing. */
function totalsOf(snapshot: FeedbackSnapshot, roundId: string): Record<string, number> {
  return Object.fromEntries(snapshot.totals.get(roundId) ?? []);
}
function perVoterOf(snapshot: FeedbackSnapshot, roundId: string): Record<string, Record<string, number>> {
  return Object.fromEntries([...(snapshot.perVoter.get(roundId) ?? [])].map(([voter, cards]) => [voter, Object.fromEntries(cards)]));
}

/** What countedDots says, counted the slow way. */
function expectedCounts(dots: readonly VoteDot[]) {
  const totals: Record<string, number> = {};
  const perVoter: Record<string, Record<string, number>> = {};
  for (const d of dots) {
    totals[d.cardId] = (totals[d.cardId] ?? 0) + 1;
    const mine = (perVoter[d.voterId] ??= {});
    mine[d.cardId] = (mine[d.cardId] ?? 0) + 1;
  }
  return { totals, perVoter };
}

describe('vote counts in the snapshot', () => {
  it('a fresh feedback doc has no rounds, no dots, an idle timer and nobody presenting', () => {
    const view = new FeedbackView(new Y.Doc());
    const s = view.current;
    expect(s.rounds).toEqual([]);
    expect(s.currentRound).toBeNull();
    expect(s.totals.size).toBe(0);
    expect(s.perVoter.size).toBe(0);
    expect(s.cardThreads.size).toBe(0);
    expect(s.timer.status).toBe('idle');
    expect(s.presenter).toBeNull();
    expect(s.presenterEpoch).toBe(0);
    view.destroy();
  });

  it('each card shows the dots it got and each voter finds their own', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const id = round(feedback, 0);
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ana', voterName: 'Ana', now: at(1) });
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ana', voterName: 'Ana', now: at(2) });
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c2', voterId: 'ben', voterName: 'Ben', now: at(3) });
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ben', voterName: 'Ben', now: at(4) });

    const s = view.current;
    expect(totalsOf(s, id)).toEqual({ c1: 3, c2: 1 });
    expect(perVoterOf(s, id)).toEqual({ ana: { c1: 2 }, ben: { c2: 1, c1: 1 } });
    expect(s.dots.get(id)).toEqual(countedDots(feedback, id));
    view.destroy();
  });

  it('dots over a voter’s allowance (two tabs voting at once) are not counted', () => {
    const feedback = new Y.Doc();
    const tab2 = new Y.Doc();
    const id = round(feedback, 0, { votesPerPerson: 1 });
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(feedback));
    // each tab places "the last" dot before hearing of the other's
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ana', voterName: 'Ana', now: at(1) });
    placeDot(tab2, OWNER, { roundId: id, cardId: 'c2', voterId: 'ana', voterName: 'Ana', now: at(2) });
    Y.applyUpdate(feedback, Y.encodeStateAsUpdate(tab2));

    const s = new FeedbackView(feedback).current;
    expect(totalsOf(s, id)).toEqual({ c1: 1 });
    expect(perVoterOf(s, id)).toEqual({ ana: { c1: 1 } });
  });

  it('totals and per-voter counts always match the dots that count', () => {
    const dotArb = fc.record({
      roundId: fc.constantFrom('r1', 'r2'),
      cardId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
      voterId: fc.constantFrom('ana', 'ben', 'cy', ''),
      at: fc.integer({ min: 0, max: 50 }).map((s) => at(s).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(dotArb, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (raw, v1, v2) => {
        const feedback = new Y.Doc();
        const rounds: VoteRound[] = [
          { id: 'r1', title: 'one', votesPerPerson: v1, laneIds: [], anonymous: false, startedAt: at(0).toISOString(), startedBy: 'Fay', endsAt: null, status: 'revealed' },
          { id: 'r2', title: 'two', votesPerPerson: v2, laneIds: [], anonymous: true, startedAt: at(1).toISOString(), startedBy: 'Fay', endsAt: null, status: 'open' },
        ];
        writeRounds(feedback, rounds);
        writeDots(feedback, raw.map((d, i) => ({ ...d, id: `d${i}`, voterName: d.voterId })));
        const s = new FeedbackView(feedback).current;
        for (const r of rounds) {
          const counted = countedDots(feedback, r.id);
          const expected = expectedCounts(counted);
          expect(totalsOf(s, r.id)).toEqual(expected.totals);
          expect(perVoterOf(s, r.id)).toEqual(expected.perVoter);
          expect(s.dots.get(r.id)).toEqual(counted);
          for (const voter of Object.values(expected.perVoter)) {
            expect(Object.values(voter).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(r.votesPerPerson);
          }
        }
      }),
    );
  });

  it('a dot someone else places shows up as soon as their update arrives', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const view = new FeedbackView(mine);
    const id = round(theirs, 0);
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    placeDot(theirs, OWNER, { roundId: id, cardId: 'c9', voterId: 'ben', voterName: 'Ben', now: at(1) });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    expect(totalsOf(view.current, id)).toEqual({ c9: 1 });
    view.destroy();
  });

  it('a deleted round’s counts are gone', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const id = round(feedback, 0);
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ana', voterName: 'Ana', now: at(1) });
    deleteRound(feedback, OWNER, id);
    expect(view.current.totals.has(id)).toBe(false);
    expect(view.current.rounds).toEqual([]);
    view.destroy();
  });
});

describe('the current round', () => {
  it('is the open round while it takes votes, and still the round once closed until it is revealed', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const id = round(feedback, 0);
    expect(view.current.currentRound).toMatchObject({ id, status: 'open' });
    closeRound(feedback, OWNER, id);
    expect(view.current.currentRound).toMatchObject({ id, status: 'closed' });
    revealRound(feedback, OWNER, id);
    expect(view.current.currentRound).toBeNull();
    expect(view.current.rounds.map((r) => r.status)).toEqual(['revealed']);
    view.destroy();
  });

  it('currentRound is null after reveal, even straight from open', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const id = round(feedback, 0);
    revealRound(feedback, OWNER, id);
    expect(view.current.currentRound).toBeNull();
    view.destroy();
  });

  it('a new round becomes the current one and the rounds list stays oldest first', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const first = round(feedback, 0);
    revealRound(feedback, OWNER, first);
    const second = round(feedback, 60);
    expect(view.current.currentRound?.id).toBe(second);
    expect(view.current.rounds.map((r) => r.id)).toEqual([first, second]);
    const third = round(feedback, 120);
    expect(view.current.currentRound).toMatchObject({ id: third, status: 'open' });
    expect(view.current.rounds.map((r) => r.status)).toEqual(['revealed', 'closed', 'open']);
    view.destroy();
  });

  // Regression: currentRound used to be the round with the latest startedAt, not the open one, so
  // a round started from a device whose clock is behind was open but nobody could vote in it.
  it('a round opened after the last one was revealed is current, even when its starter’s clock is behind', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const first = round(feedback, 0);
    revealRound(feedback, OWNER, first);
    // the owner's second device, two minutes behind, starts the next round
    const second = round(feedback, -120);
    expect(view.current.rounds.find((r) => r.id === second)?.status).toBe('open');
    expect(view.current.currentRound?.id).toBe(second);
    view.destroy();
  });

  it('when two facilitators start rounds at once, everyone sees the newer one as current', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    round(a, 0, { id: 'older' });
    round(b, 5, { id: 'newer' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const s = new FeedbackView(doc).current;
      expect(s.currentRound).toMatchObject({ id: 'newer', status: 'open' });
      expect(s.rounds.map((r) => [r.id, r.status])).toEqual([
        ['older', 'closed'],
        ['newer', 'open'],
      ]);
    }
  });
});

describe('comment badges on cards', () => {
  it('a card counts its threads and how many are still open; replies are not threads', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const first = addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'Why here?', at: at(1).toISOString() });
    addComment(feedback, OWNER, { cardId: 'c1', parentId: first, author: 'Ben', text: 'Because.', at: at(2).toISOString() });
    const second = addComment(feedback, OWNER, { cardId: 'c1', author: 'Cy', text: 'Split this card', at: at(3).toISOString() });
    addComment(feedback, OWNER, { cardId: 'c2', author: 'Ana', text: 'Love it', at: at(4).toISOString() });
    expect(Object.fromEntries(view.current.cardThreads)).toEqual({ c1: { open: 2, total: 2 }, c2: { open: 1, total: 1 } });

    setCommentResolved(feedback, second, true);
    expect(view.current.cardThreads.get('c1')).toEqual({ open: 1, total: 2 });
    setCommentResolved(feedback, first, true);
    expect(view.current.cardThreads.get('c1')).toEqual({ open: 0, total: 2 });
    setCommentResolved(feedback, first, false);
    expect(view.current.cardThreads.get('c1')).toEqual({ open: 1, total: 2 });
    view.destroy();
  });

  it('a card nobody commented on has no badge', () => {
    const feedback = new Y.Doc();
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'hi' });
    expect(new FeedbackView(feedback).current.cardThreads.has('c2')).toBe(false);
  });
});

describe('who presents, and bringing everyone back', () => {
  it('presenterEpoch grows each time a presenter is set, also to the same person', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    setPresenter(feedback, OWNER, { id: 'fay', name: 'Fay' });
    expect(view.current.presenter).toEqual({ id: 'fay', name: 'Fay' });
    const once = view.current.presenterEpoch;
    expect(once).toBeGreaterThan(0);
    setPresenter(feedback, OWNER, { id: 'fay', name: 'Fay' });
    const twice = view.current.presenterEpoch;
    expect(twice).toBeGreaterThan(once);
    setPresenter(feedback, OWNER, { id: 'gus', name: 'Gus' });
    expect(view.current.presenterEpoch).toBeGreaterThan(twice);
    expect(view.current.presenter).toEqual({ id: 'gus', name: 'Gus' });
    view.destroy();
  });

  it('presenterEpoch stays put when only the timer, the presented stage, a round or a comment change', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    setPresenter(feedback, OWNER, { id: 'fay', name: 'Fay' });
    const epoch = view.current.presenterEpoch;
    startTimer(feedback, OWNER, T0);
    setPresentedStage(feedback, OWNER, 'stage-2');
    round(feedback, 0);
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'hi' });
    expect(view.current.presenterEpoch).toBe(epoch);
    expect(view.current.timer.status).toBe('running');
    view.destroy();
  });

  it('a presenter set by someone else grows my epoch when their update arrives', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const view = new FeedbackView(mine);
    setPresenter(theirs, OWNER, { id: 'fay', name: 'Fay' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    const epoch = view.current.presenterEpoch;
    expect(epoch).toBeGreaterThan(0);
    setPresenter(theirs, OWNER, { id: 'fay', name: 'Fay' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    expect(view.current.presenterEpoch).toBeGreaterThan(epoch);
    view.destroy();
  });

  it('removing a presenter who is not there changes nothing', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const seen: FeedbackSnapshot[] = [];
    view.subscribe((s) => seen.push(s));
    setPresenter(feedback, OWNER, null);
    expect(seen).toEqual([]);
    expect(view.current.presenterEpoch).toBe(0);
    view.destroy();
  });
});

describe('listening to the feedback doc', () => {
  it('every change reaches the subscribers with a fresh snapshot, and a view that is destroyed stops listening', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const seen: FeedbackSnapshot[] = [];
    const unsubscribe = view.subscribe((s) => seen.push(s));
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'one' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(view.current);
    expect(seen[0]!.threads).toHaveLength(1);

    unsubscribe();
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'two' });
    expect(seen).toHaveLength(1);
    expect(view.current.threads).toHaveLength(2);

    view.destroy();
    addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', text: 'three' });
    expect(view.current.threads).toHaveLength(2);
  });

  it('a snapshot already handed out is never changed afterwards', () => {
    const feedback = new Y.Doc();
    const view = new FeedbackView(feedback);
    const id = round(feedback, 0);
    const before = view.current;
    placeDot(feedback, OWNER, { roundId: id, cardId: 'c1', voterId: 'ana', voterName: 'Ana', now: at(1) });
    expect(before.totals.get(id)?.size ?? 0).toBe(0);
    expect(view.current).not.toBe(before);
    view.destroy();
  });
});
