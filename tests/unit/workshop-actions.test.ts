import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildActionContext, isEnabled, runAction } from '../../src/actions/context';
import { findAction, type ActionId } from '../../src/actions/registry';
import { countedDots, myDots, placeDot, readDots, readPresenter, readRound, readTimer, setPresenter, setTimerDuration, startRound, type StartRoundArgs } from '../../src/model';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Card, LaneKind } from '../../src/model/types';
import { createUndoManager } from '../../src/model/undo';
import { useEditor, type Target } from '../../src/store/editorStore';
import { FeedbackView } from '../../src/store/feedbackView';
import type { Identity } from '../../src/sync/identity';
import type { Role } from '../../src/access/roles';
import { OWNER, participant } from '../support/actors';

/* ---------- helpers: a retail map open in the editor, workshop actions run as a user would ---------- */

const editor = () => useEditor.getState();
const journey = () => editor().journey!;
const feedbackDoc = () => editor().session!.feedback;

const ME: Identity = { id: 'participant-ana', name: 'Ana', color: '#2563eb' };
const FACILITATOR: Identity = { id: 'facilitator-fay', name: 'Fay', color: '#c026d3' };

const noNavigation = () => {};

function openRetail(as: Identity = ME, role: Role | null = 'comment') {
  const doc = createMapFromTemplate('retail', 'en');
  editor().closeSession();
  editor().setCollab(null);
  editor().setContentLocked(false);
  editor().setIdentity(as);
  editor().openSession({ mapId: 'map-under-test', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
  if (role) editor().setCollab({ status: 'synced', role, peers: [] });
  return doc;
}

const run = (id: ActionId, target: Target | null = null) => runAction(id, { target, navigate: noNavigation });
const enabled = (id: ActionId, target: Target | null = null) => isEnabled(findAction(id)!, buildActionContext({ target, navigate: noNavigation }));

const laneOf = (kind: LaneKind) => journey().lanes.find((l) => l.kind === kind)!;
const cardIn = (kind: LaneKind, nth = 0): Card => journey().cards.filter((c) => c.laneId === laneOf(kind).id)[nth]!;
const select = (...cards: Card[]) => editor().selectCards(cards.map((c) => c.id), 'replace');
const onCard = (card: Card): Target => ({ kind: 'card', id: card.id });

/** A round started by the facilitator, straight in the feedback doc (the panel's form does this). */
function beginRound(args: Partial<StartRoundArgs> = {}): string {
  return startRound(feedbackDoc(), OWNER, {
    title: 'Biggest pains',
    votesPerPerson: 3,
    laneIds: [],
    anonymous: false,
    durationMs: null,
    startedBy: FACILITATOR.name,
    ...args,
  });
}

const myDotsNow = (roundId: string) => myDots(feedbackDoc(), roundId, ME.id);

/** Two feedback docs that exchange every update, as two browsers in the feedback room do. */
function connect(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), a);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), b);
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
}

beforeEach(() => {
  openRetail();
});

/* ---------- dot voting ---------- */

describe('placing dots', () => {
  it('a view-only peer cannot place a dot', () => {
    openRetail(ME, 'view');
    beginRound();
    const card = cardIn('pains');
    select(card);
    expect(enabled('workshop.vote')).toBe(false);
    expect(run('workshop.vote')).toBe(false);
    expect(run('workshop.vote', onCard(card))).toBe(false);
    expect(readDots(feedbackDoc())).toEqual([]);
  });

  it('a participant with a comment link places dots on cards of votable lanes only', () => {
    const roundId = beginRound({ laneIds: [laneOf('pains').id, laneOf('opportunities').id] });
    const pain = cardIn('pains');
    const opportunity = cardIn('opportunities');
    const action = cardIn('actions');

    expect(run('workshop.vote', onCard(pain))).toBe(true);
    select(opportunity);
    expect(run('workshop.vote')).toBe(true);
    expect(run('workshop.vote', onCard(action))).toBe(false);
    expect(enabled('workshop.vote', onCard(action))).toBe(false);

    expect(myDotsNow(roundId).byCard).toEqual({ [pain.id]: 1, [opportunity.id]: 1 });
    const dots = countedDots(feedbackDoc(), roundId);
    expect(dots.map((d) => [d.voterId, d.voterName])).toEqual([
      [ME.id, ME.name],
      [ME.id, ME.name],
    ]);
  });

  it('a round open to every lane takes dots on a card of any lane', () => {
    const roundId = beginRound({ laneIds: [] });
    for (const kind of ['actions', 'thoughts', 'metrics'] as const) expect(run('workshop.vote', onCard(cardIn(kind)))).toBe(true);
    expect(myDotsNow(roundId).used).toBe(3);
  });

  it('a participant cannot place more dots than the round allows, and takes one back with workshop.unvote', () => {
    const roundId = beginRound({ votesPerPerson: 2 });
    const first = cardIn('pains', 0);
    const second = cardIn('pains', 1);

    expect(run('workshop.vote', onCard(first))).toBe(true);
    expect(run('workshop.vote', onCard(first))).toBe(true);
    expect(myDotsNow(roundId)).toEqual({ byCard: { [first.id]: 2 }, used: 2, left: 0 });

    // out of dots: neither the same card nor another takes a third
    expect(enabled('workshop.vote', onCard(first))).toBe(false);
    expect(run('workshop.vote', onCard(second))).toBe(false);
    expect(readDots(feedbackDoc(), roundId)).toHaveLength(2);

    // nothing to take back from a card I did not vote on
    expect(run('workshop.unvote', onCard(second))).toBe(false);

    expect(run('workshop.unvote', onCard(first))).toBe(true);
    expect(myDotsNow(roundId)).toEqual({ byCard: { [first.id]: 1 }, used: 1, left: 1 });

    // the dot taken back can be spent elsewhere
    expect(run('workshop.vote', onCard(second))).toBe(true);
    expect(myDotsNow(roundId)).toEqual({ byCard: { [first.id]: 1, [second.id]: 1 }, used: 2, left: 0 });
  });

  it('taking back dots stops once none of mine are left on the card', () => {
    beginRound({ votesPerPerson: 2 });
    const card = cardIn('pains');
    run('workshop.vote', onCard(card));
    expect(run('workshop.unvote', onCard(card))).toBe(true);
    expect(enabled('workshop.unvote', onCard(card))).toBe(false);
    expect(run('workshop.unvote', onCard(card))).toBe(false);
  });

  it('taking back a dot never removes someone else’s dot on the same card', () => {
    const roundId = beginRound();
    const card = cardIn('pains');
    run('workshop.vote', onCard(card));
    editor().setIdentity({ id: 'participant-ben', name: 'Ben', color: '#059669' });
    run('workshop.vote', onCard(card));
    expect(run('workshop.unvote', onCard(card))).toBe(true);
    expect(run('workshop.unvote', onCard(card))).toBe(false);
    expect(countedDots(feedbackDoc(), roundId).map((d) => d.voterId)).toEqual([ME.id]);
  });

  // Regression: take-back used to remove my newest dot on the card even when it did not count
  // (placed over my allowance from a second tab), so "take back" ran and nothing visible changed.
  it('taking back a dot after voting from two tabs at once removes a dot I can see', () => {
    const roundId = beginRound({ votesPerPerson: 2 });
    const first = cardIn('pains', 0);
    const second = cardIn('pains', 1);
    const otherTab = new Y.Doc();
    Y.applyUpdate(otherTab, Y.encodeStateAsUpdate(feedbackDoc()));
    expect(run('workshop.vote', onCard(first))).toBe(true);
    // the other tab has not heard of that dot yet and spends both of mine
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
    placeDot(otherTab, participant(ME.id), { roundId, cardId: second.id, voterName: ME.name, now: later(1) });
    placeDot(otherTab, participant(ME.id), { roundId, cardId: first.id, voterName: ME.name, now: later(2) });
    Y.applyUpdate(feedbackDoc(), Y.encodeStateAsUpdate(otherTab));
    expect(myDotsNow(roundId).byCard).toEqual({ [first.id]: 1, [second.id]: 1 });

    expect(run('workshop.unvote', onCard(first))).toBe(true);
    expect(myDotsNow(roundId).byCard[first.id] ?? 0).toBe(0);
  });

  it('nobody can vote before a round starts or after it is revealed', () => {
    const card = cardIn('pains');
    select(card);
    expect(editor().feedback.currentRound).toBeNull();
    expect(run('workshop.vote')).toBe(false);

    const roundId = beginRound();
    expect(run('workshop.vote')).toBe(true);

    openRetailKeepingFeedback(FACILITATOR, 'owner');
    select(card);
    expect(run('workshop.revealRound')).toBe(true);
    expect(readRound(feedbackDoc(), roundId)!.status).toBe('revealed');
    expect(editor().feedback.currentRound).toBeNull();
    // not even the facilitator
    expect(run('workshop.vote')).toBe(false);
    expect(run('workshop.unvote')).toBe(false);
    expect(readDots(feedbackDoc(), roundId)).toHaveLength(1);
  });

  it('a closed round takes no more dots, and takes none back, before it is revealed', () => {
    const roundId = beginRound();
    const card = cardIn('pains');
    run('workshop.vote', onCard(card));
    openRetailKeepingFeedback(FACILITATOR, 'owner');
    expect(run('workshop.closeRound')).toBe(true);
    expect(editor().feedback.currentRound?.status).toBe('closed');
    openRetailKeepingFeedback(ME, 'comment');
    expect(run('workshop.vote', onCard(card))).toBe(false);
    expect(run('workshop.unvote', onCard(card))).toBe(false);
    expect(readDots(feedbackDoc(), roundId)).toHaveLength(1);
  });

  it('nobody can vote once the round’s time is up', () => {
    beginRound({ durationMs: 60_000, now: new Date(Date.now() - 120_000) });
    expect(editor().feedback.currentRound?.status).toBe('open');
    expect(run('workshop.vote', onCard(cardIn('pains')))).toBe(false);
  });

  it('a vote is about one card: with two cards selected nothing is voted', () => {
    beginRound();
    select(cardIn('pains', 0), cardIn('pains', 1));
    expect(enabled('workshop.vote')).toBe(false);
    expect(run('workshop.vote')).toBe(false);
    expect(readDots(feedbackDoc())).toEqual([]);
  });

  it('someone who has not said who they are cannot vote', () => {
    beginRound();
    useEditor.setState({ identity: null });
    expect(run('workshop.vote', onCard(cardIn('pains')))).toBe(false);
  });

  it('a new round gives everyone a fresh set of dots', () => {
    const first = beginRound({ votesPerPerson: 1 });
    const card = cardIn('pains');
    expect(run('workshop.vote', onCard(card))).toBe(true);
    expect(run('workshop.vote', onCard(card))).toBe(false);
    const second = beginRound({ votesPerPerson: 1, now: new Date(Date.now() + 1) });
    expect(editor().feedback.currentRound?.id).toBe(second);
    expect(run('workshop.vote', onCard(card))).toBe(true);
    expect(myDotsNow(first).used).toBe(1);
    expect(myDotsNow(second).used).toBe(1);
  });

  it('undo on the map does not take back a dot', () => {
    openRetail(FACILITATOR, 'owner');
    const roundId = beginRound();
    expect(run('workshop.vote', onCard(cardIn('pains')))).toBe(true);
    expect(editor().canUndo).toBe(false);
    run('edit.undo');
    expect(countedDots(feedbackDoc(), roundId)).toHaveLength(1);
  });
});

/** Switches who I am and my role on the same open map and feedback doc (another person at this screen). */
function openRetailKeepingFeedback(as: Identity, role: Role): void {
  editor().setIdentity(as);
  editor().setCollab({ status: 'synced', role, peers: [] });
}

/* ---------- running the workshop ---------- */

const FACILITATOR_ONLY = ['workshop.toggleTimer', 'workshop.revealRound', 'workshop.closeRound', 'workshop.newRound', 'workshop.bringEveryone'] as const;

describe('leading the workshop', () => {
  it('only the facilitator can start the timer, reveal a round or bring everyone to them', () => {
    for (const role of ['edit', 'comment', 'view'] as const) {
      openRetail(ME, role);
      const roundId = beginRound();
      for (const id of FACILITATOR_ONLY) expect({ role, id, enabled: enabled(id) }).toEqual({ role, id, enabled: false });
      expect(run('workshop.toggleTimer')).toBe(false);
      expect(run('workshop.revealRound')).toBe(false);
      expect(run('workshop.bringEveryone')).toBe(false);
      expect(readTimer(feedbackDoc()).status).toBe('idle');
      expect(readRound(feedbackDoc(), roundId)!.status).toBe('open');
      expect(readPresenter(feedbackDoc())).toBeNull();
    }

    openRetail(FACILITATOR, 'owner');
    const roundId = beginRound();
    expect(run('workshop.toggleTimer')).toBe(true);
    expect(readTimer(feedbackDoc()).status).toBe('running');
    expect(run('workshop.revealRound')).toBe(true);
    expect(readRound(feedbackDoc(), roundId)!.status).toBe('revealed');
    expect(run('workshop.bringEveryone')).toBe(true);
    expect(readPresenter(feedbackDoc())).toEqual({ id: FACILITATOR.id, name: FACILITATOR.name });
  });

  it('on a private map its owner leads the workshop', () => {
    openRetail(ME, null);
    expect(enabled('workshop.toggleTimer')).toBe(true);
    expect(run('workshop.bringEveryone')).toBe(true);
    expect(editor().feedback.presenter?.id).toBe(ME.id);
  });

  it('only the facilitator can stop presenting or reset the timer', () => {
    openRetail(FACILITATOR, 'owner');
    run('workshop.toggleTimer');
    run('workshop.bringEveryone');
    openRetailKeepingFeedback(ME, 'edit');
    expect(run('workshop.stopPresenting')).toBe(false);
    expect(run('workshop.resetTimer')).toBe(false);
    expect(readPresenter(feedbackDoc())?.id).toBe(FACILITATOR.id);
    expect(readTimer(feedbackDoc()).status).toBe('running');
  });

  it('the timer button starts, pauses and resumes the shared timer; reset brings it back to its full time', () => {
    openRetail(FACILITATOR, 'owner');
    setTimerDuration(feedbackDoc(), OWNER, 120_000);
    expect(enabled('workshop.resetTimer')).toBe(false);
    expect(run('workshop.toggleTimer')).toBe(true);
    expect(editor().feedback.timer.status).toBe('running');
    expect(run('workshop.toggleTimer')).toBe(true);
    expect(editor().feedback.timer.status).toBe('paused');
    expect(run('workshop.toggleTimer')).toBe(true);
    expect(editor().feedback.timer.status).toBe('running');
    expect(run('workshop.resetTimer')).toBe(true);
    expect(editor().feedback.timer).toEqual({ status: 'idle', durationMs: 120_000 });
  });

  it('a round can be revealed only while there is one to reveal; closing needs an open one', () => {
    openRetail(FACILITATOR, 'owner');
    expect(enabled('workshop.revealRound')).toBe(false);
    expect(enabled('workshop.closeRound')).toBe(false);
    const roundId = beginRound();
    expect(run('workshop.closeRound')).toBe(true);
    expect(readRound(feedbackDoc(), roundId)!.status).toBe('closed');
    expect(enabled('workshop.closeRound')).toBe(false);
    expect(run('workshop.revealRound')).toBe(true);
    expect(readRound(feedbackDoc(), roundId)!.status).toBe('revealed');
    expect(enabled('workshop.revealRound')).toBe(false);
  });

  it('bring everyone to me makes me the presenter and sets following again for those who stopped (presenterEpoch)', () => {
    openRetail(FACILITATOR, 'owner');
    const participant = new Y.Doc();
    connect(feedbackDoc(), participant);
    const participantView = new FeedbackView(participant);

    expect(run('workshop.bringEveryone')).toBe(true);
    expect(editor().feedback.presenter).toEqual({ id: FACILITATOR.id, name: FACILITATOR.name });
    expect(participantView.current.presenter).toEqual({ id: FACILITATOR.id, name: FACILITATOR.name });
    const myEpoch = editor().feedback.presenterEpoch;
    const theirEpoch = participantView.current.presenterEpoch;

    // the presenter wanders off themselves, then brings everyone again
    editor().setFollowing(false);
    expect(run('workshop.bringEveryone')).toBe(true);
    expect(editor().feedback.presenterEpoch).toBeGreaterThan(myEpoch);
    expect(participantView.current.presenterEpoch).toBeGreaterThan(theirEpoch);
    expect(editor().following).toBe(true);
    participantView.destroy();
  });

  it('a participant who panned away follows the presenter again when they bring everyone once more', () => {
    openRetail(ME, 'comment');
    const facilitator = new Y.Doc();
    connect(facilitator, feedbackDoc());

    setPresenter(facilitator, OWNER, { id: FACILITATOR.id, name: FACILITATOR.name });
    expect(editor().feedback.presenter?.id).toBe(FACILITATOR.id);
    expect(editor().following).toBe(true);
    expect(enabled('workshop.follow')).toBe(false);

    editor().setFollowing(false);
    expect(enabled('workshop.follow')).toBe(true);

    // the facilitator's timer or a round does not pull anyone back
    setTimerDuration(facilitator, OWNER, 60_000);
    startRound(facilitator, OWNER, { title: 'r', votesPerPerson: 1, laneIds: [], anonymous: false, durationMs: null, startedBy: FACILITATOR.name });
    expect(editor().following).toBe(false);

    // "bring everyone to me" again: same presenter, written again
    setPresenter(facilitator, OWNER, { id: FACILITATOR.id, name: FACILITATOR.name });
    expect(editor().following).toBe(true);
    expect(enabled('workshop.follow')).toBe(false);
  });

  it('someone who stopped following can follow the presenter again by hand; the presenter is never offered to follow themselves', () => {
    openRetail(FACILITATOR, 'owner');
    run('workshop.bringEveryone');
    editor().setFollowing(false);
    expect(enabled('workshop.follow')).toBe(false);

    openRetailKeepingFeedback(ME, 'view');
    expect(run('workshop.follow')).toBe(true);
    expect(editor().following).toBe(true);
    expect(enabled('workshop.follow')).toBe(false);
  });

  it('stop presenting leaves nobody presenting, and there is then nobody to follow', () => {
    openRetail(FACILITATOR, 'owner');
    run('workshop.bringEveryone');
    expect(run('workshop.stopPresenting')).toBe(true);
    expect(editor().feedback.presenter).toBeNull();
    expect(enabled('workshop.stopPresenting')).toBe(false);
    openRetailKeepingFeedback(ME, 'comment');
    editor().setFollowing(false);
    expect(enabled('workshop.follow')).toBe(false);
  });
});

/* ---------- feedback while the map's content is read-only ---------- */

describe('feedback on read-only content', () => {
  it('read-only content still allows the workshop actions (comment, vote) but not card edits', () => {
    openRetail(ME, 'edit');
    editor().setContentLocked(true);
    expect(editor().readOnly).toBe(true);
    const roundId = beginRound();
    const card = cardIn('pains');
    const before = journey().cards.length;
    const title = card.title;

    expect(run('workshop.comment', onCard(card))).toBe(true);
    expect(editor().panel).toBe('comments');
    expect(editor().selectedCardIds).toEqual([card.id]);
    expect(run('workshop.vote')).toBe(true);
    expect(myDotsNow(roundId).byCard).toEqual({ [card.id]: 1 });

    for (const id of ['card.add', 'card.edit', 'edit.delete', 'edit.duplicate', 'card.moveRight', 'card.toggleMomentOfTruth'] as const) {
      expect({ id, ran: run(id) }).toEqual({ id, ran: false });
    }
    expect(journey().cards).toHaveLength(before);
    expect(journey().cards.find((c) => c.id === card.id)?.title).toBe(title);
    expect(editor().editing).toBeNull();
  });

  it('a comment link may comment on a card and vote, but not change it', () => {
    openRetail(ME, 'comment');
    beginRound();
    const card = cardIn('thoughts');
    expect(run('workshop.comment', onCard(card))).toBe(true);
    expect(run('workshop.vote', onCard(card))).toBe(true);
    expect(run('edit.delete', onCard(card))).toBe(false);
    expect(journey().cards.some((c) => c.id === card.id)).toBe(true);
  });

  it('a view link cannot open a comment on a card', () => {
    openRetail(ME, 'view');
    const card = cardIn('pains');
    expect(run('workshop.comment', onCard(card))).toBe(false);
    expect(editor().panel).not.toBe('comments');
  });

  it('once the owner unlocks, an edit link can change cards again', () => {
    openRetail(ME, 'edit');
    editor().setContentLocked(true);
    select(cardIn('pains'));
    expect(enabled('edit.delete')).toBe(false);
    editor().setContentLocked(false);
    expect(enabled('edit.delete')).toBe(true);
  });
});
