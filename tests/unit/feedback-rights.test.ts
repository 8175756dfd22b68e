import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildActionContext } from '../../src/actions/context';
import { findAction, type ActionId } from '../../src/actions/registry';
import {
  addComment,
  closeRound,
  countedDots,
  deleteComment,
  deleteRound,
  dotsMap,
  editComment,
  moveComment,
  newRecord,
  pauseTimer,
  placeDot,
  readComments,
  readDots,
  readPresenter,
  readThreads,
  resetTimer,
  revealRound,
  setCommentResolved,
  setPresentedStage,
  setPresenter,
  setTimerDuration,
  startRound,
  startTimer,
  takeBackDot,
  writeDots,
  type FeedbackActor,
} from '../../src/model';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { feedbackActor, useEditor } from '../../src/store/editorStore';
import type { Identity } from '../../src/sync/identity';
import type { Role } from '../../src/access/roles';
import { facilitator, OWNER, participant } from '../support/actors';
import { checkFeedbackUpdate, recordUpdates } from '../support/feedbackContract';

/*
 * What a participant's client writes to the feedback doc is what the relay will let it write:
 * the model refuses the rest itself, and the checker (tests/support/feedbackContract.ts) says so
 * for every update that does go out.
 */

const FAY = facilitator('fay-identity-00000001');
const ANA = participant('ana-identity-00000002');
const BEN = participant('ben-identity-00000003');
const T0 = new Date('2026-12-03T10:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

const state = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);
const roundArgs = { title: 'Pains', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fay', now: T0 };

/** Runs `write` on `doc` as `writer`; returns every update it produced and the checker's verdict on each. */
function written(doc: Y.Doc, writer: FeedbackActor, write: () => unknown) {
  const before = new Y.Doc();
  Y.applyUpdate(before, state(doc));
  const log = recordUpdates(doc);
  write();
  log.stop();
  const verdicts = log.updates.map((u) => checkFeedbackUpdate(before, u, writer));
  return { updates: log.updates, verdicts, ok: verdicts.every((v) => v.ok) };
}

describe('the contract checker', () => {
  it('accepts a participant’s own comments and dots, and resolving anyone’s comment', () => {
    const doc = new Y.Doc();
    const fays = addComment(doc, FAY, { cardId: 'c1', author: 'Fay', text: 'Why?' });
    const round = startRound(doc, FAY, roundArgs);
    expect(written(doc, ANA, () => addComment(doc, ANA, { cardId: 'c1', parentId: fays, author: 'Ana', text: 'Because' })).ok).toBe(true);
    expect(written(doc, ANA, () => placeDot(doc, ANA, { roundId: round, cardId: 'c1', voterName: 'Ana', now: at(1) })).ok).toBe(true);
    expect(written(doc, ANA, () => setCommentResolved(doc, fays, true)).ok).toBe(true);
    expect(written(doc, ANA, () => setCommentResolved(doc, fays, false)).ok).toBe(true);
  });

  it('accepts a participant’s observation under their own name, and resolving anyone’s (keeping it as evidence)', () => {
    const doc = new Y.Doc();
    let seen: string | null = null;
    expect(written(doc, ANA, () => (seen = addComment(doc, ANA, { cardId: 'c1', author: 'Ana', text: 'She gave up at the till', observation: true }))).ok).toBe(true);
    expect(readComments(doc).find((c) => c.id === seen)?.observation).toBe(true);
    expect(written(doc, BEN, () => setCommentResolved(doc, seen!, true)).ok).toBe(true);
  });

  it('refuses raw writes that break the rules, and says which', () => {
    const doc = new Y.Doc();
    const fays = addComment(doc, FAY, { cardId: 'c1', author: 'Fay', text: 'Why?' });
    const round = startRound(doc, FAY, roundArgs);
    const bens = placeDot(doc, BEN, { roundId: round, cardId: 'c1', voterName: 'Ben', now: at(1) })!;
    const anas = placeDot(doc, ANA, { roundId: round, cardId: 'c1', voterName: 'Ana', now: at(2) })!;
    const comment = (d: Y.Doc, id: string) => d.getMap('comments').get(id) as Y.Map<unknown>;
    const cases: [string, (d: Y.Doc) => void, RegExp][] = [
      ['a comment under Ben’s id', (d) => d.getMap('comments').set('x1', newRecord({ cardId: 'c1', author: 'Ben', authorId: BEN.id, text: 'hi' })), /a new comment carries its writer's identity/],
      ['a comment without an author id', (d) => d.getMap('comments').set('x2', newRecord({ cardId: 'c1', author: 'Ana', text: 'hi' })), /a new comment carries its writer's identity/],
      ['the facilitator’s text', (d) => comment(d, fays).set('text', 'changed'), /only its author changes a comment/],
      ['the facilitator’s comment moved', (d) => comment(d, fays).set('cardId', 'c2'), /only its author changes a comment/],
      ['the facilitator’s comment given away', (d) => comment(d, fays).set('authorId', ANA.id), /a comment keeps its author/],
      ['my comment given away', (d) => comment(d, d.getMap('comments').get('mine') ? 'mine' : fays).set('authorId', BEN.id), /a comment keeps its author/],
      ['the facilitator’s comment deleted', (d) => d.getMap('comments').delete(fays), /only its author removes or replaces a comment/],
      ['the facilitator’s comment replaced', (d) => d.getMap('comments').set(fays, newRecord({ cardId: 'c1', author: 'Ana', authorId: ANA.id, text: 'mine now' })), /only its author removes or replaces a comment/],
      ['Ben’s dot deleted', (d) => d.getMap('dots').delete(bens), /only its voter removes a dot/],
      ['my own dot changed', (d) => (d.getMap('dots').get(anas) as Y.Map<unknown>).set('cardId', 'c2'), /dots are never changed/],
      ['a dot under Ben’s id', (d) => d.getMap('dots').set('d9', newRecord({ roundId: round, cardId: 'c1', voterId: BEN.id })), /a new dot carries its writer's identity/],
      ['a round', (d) => d.getMap('rounds').set('r9', newRecord({ title: 'mine', status: 'open' })), /only the facilitator changes rounds/],
      ['a round closed', (d) => (d.getMap('rounds').get(round) as Y.Map<unknown>).set('status', 'closed'), /only the facilitator changes rounds/],
      ['the timer', (d) => d.getMap('workshop').set('timer', { status: 'idle', durationMs: 60_000 }), /only the facilitator changes workshop/],
      ['the presenter', (d) => d.getMap('workshop').set('presenter', { id: ANA.id, name: 'Ana' }), /only the facilitator changes workshop/],
      ['another root', (d) => d.getMap('elsewhere').set('k', 1), /unknown feedback data "elsewhere"/],
      ['an observation under Ben’s id', (d) => d.getMap('comments').set('x3', newRecord({ cardId: 'c1', author: 'Ben', authorId: BEN.id, text: 'seen', observation: true })), /a new comment carries its writer's identity/],
      ['an observation flag that is not true or false', (d) => d.getMap('comments').set('x4', newRecord({ cardId: 'c1', author: 'Ana', authorId: ANA.id, text: 'seen', observation: 'yes' })), /flags are true or false/],
      ['a resolved flag that is not true or false', (d) => d.getMap('comments').set('x5', newRecord({ cardId: 'c1', author: 'Ana', authorId: ANA.id, text: 'seen', resolved: 1 })), /flags are true or false/],
      ['the facilitator’s comment made an observation', (d) => comment(d, fays).set('observation', true), /only its author changes a comment/],
      ['the facilitator’s comment resolved with a non-flag', (d) => comment(d, fays).set('resolved', 'later'), /flags are true or false/],
    ];
    for (const [what, write, message] of cases) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state(doc));
      const result = written(copy, ANA, () => copy.transact(() => write(copy)));
      expect(result.updates.length, what).toBeGreaterThan(0);
      expect(result.ok, what).toBe(false);
      expect(result.verdicts.flatMap((v) => v.violations).join('\n'), what).toMatch(message);
    }

    // my own comment's fields are mine to change, resolved is anyone's; the owner may write any of it
    const mine = addComment(doc, ANA, { cardId: 'c1', author: 'Ana', text: 'mine' })!;
    expect(written(doc, ANA, () => doc.transact(() => comment(doc, mine).set('text', 'still mine'))).ok).toBe(true);
    expect(written(doc, BEN, () => doc.transact(() => comment(doc, mine).set('resolved', true))).ok).toBe(true);
    // my own comment I may offer as an observation (nobody else may), never with a flag that is not true or false
    expect(written(doc, ANA, () => doc.transact(() => comment(doc, mine).set('observation', true))).ok).toBe(true);
    expect(written(doc, BEN, () => doc.transact(() => comment(doc, mine).set('observation', false))).ok).toBe(false);
    expect(written(doc, ANA, () => doc.transact(() => comment(doc, mine).set('observation', 'very'))).ok).toBe(false);
    expect(written(doc, BEN, () => doc.transact(() => comment(doc, mine).set('text', 'Ben was here'))).ok).toBe(false);
    expect(written(doc, ANA, () => doc.transact(() => comment(doc, mine).set('authorId', BEN.id))).ok).toBe(false);
    const ownerWrite = written(doc, FAY, () => doc.transact(() => doc.getMap('comments').delete(mine)));
    expect(ownerWrite.updates.length).toBe(1);
    expect(ownerWrite.ok).toBe(true);
  });

  it('an update that repeats what the room has (a tab forwarding a peer’s change) changes nothing and conforms', () => {
    const room = new Y.Doc();
    const log = recordUpdates(room);
    startRound(room, FAY, roundArgs);
    addComment(room, FAY, { cardId: 'c1', author: 'Fay', text: 'Why?' });
    log.stop();
    for (const update of log.updates) expect(checkFeedbackUpdate(room, update, ANA)).toEqual({ ok: true, violations: [] });
    expect(checkFeedbackUpdate(room, state(room), ANA).ok).toBe(true);
  });
});

describe('what the model refuses a participant', () => {
  let doc: Y.Doc;
  let fays: string;
  let round: string;
  beforeEach(() => {
    doc = new Y.Doc();
    fays = addComment(doc, FAY, { cardId: 'c1', author: 'Fay', text: 'What hurts here?', at: T0.toISOString() });
    round = startRound(doc, FAY, roundArgs);
  });

  it('a comment-link participant cannot delete the facilitator’s comment (the op refuses and the doc is unchanged)', () => {
    const before = state(doc);
    const result = written(doc, ANA, () => expect(deleteComment(doc, ANA, fays)).toBe(false));
    expect(result.updates).toEqual([]);
    expect(state(doc)).toEqual(before);
    expect(readComments(doc).map((c) => c.id)).toEqual([fays]);
  });

  it('a participant cannot edit or move someone else’s comment, but resolves and reopens it', () => {
    const before = state(doc);
    const result = written(doc, ANA, () => {
      expect(editComment(doc, ANA, fays, 'rewritten')).toBe(false);
      expect(moveComment(doc, ANA, fays, 'c2')).toBe(false);
    });
    expect(result.updates).toEqual([]);
    expect(state(doc)).toEqual(before);
    expect(written(doc, ANA, () => expect(setCommentResolved(doc, fays, true)).toBe(true)).ok).toBe(true);
    expect(readThreads(doc)[0]!.root.resolved).toBe(true);
  });

  it('a participant edits, moves and deletes their own comment; a thread with someone else’s reply does not move', () => {
    const mine = addComment(doc, ANA, { cardId: 'c1', author: 'Ana', text: 'Login' })!;
    expect(written(doc, ANA, () => expect(editComment(doc, ANA, mine, 'Login and address')).toBe(true)).ok).toBe(true);
    expect(written(doc, ANA, () => expect(moveComment(doc, ANA, mine, 'c2')).toBe(true)).ok).toBe(true);
    addComment(doc, BEN, { cardId: 'c2', parentId: mine, author: 'Ben', text: 'Agreed' });
    const before = state(doc);
    expect(moveComment(doc, ANA, mine, 'c3')).toBe(false);
    expect(state(doc)).toEqual(before);
    expect(written(doc, ANA, () => expect(deleteComment(doc, ANA, mine)).toBe(true)).ok).toBe(true);
    // Ben's reply stays, now a thread of its own
    expect(readThreads(doc).map((t) => t.root.text)).toEqual(['What hurts here?', 'Agreed']);
  });

  it('a participant writes comments and dots under their own id only', () => {
    const before = state(doc);
    expect(addComment(doc, ANA, { cardId: 'c1', author: 'Ana', authorId: BEN.id, text: 'as Ben' })).toBeNull();
    expect(addComment(doc, ANA, { id: fays, cardId: 'c1', author: 'Ana', text: 'over Fay’s' })).toBeNull();
    expect(addComment(doc, participant(''), { cardId: 'c1', author: 'Nobody', text: 'no identity' })).toBeNull();
    expect(placeDot(doc, participant(''), { roundId: round, cardId: 'c1', voterName: 'Nobody', now: at(1) })).toBeNull();
    expect(placeDot(doc, ANA, { roundId: round, cardId: 'c1', voterId: BEN.id, voterName: 'Ben', now: at(1) })).toBeNull();
    expect(takeBackDot(doc, ANA, { roundId: round, cardId: 'c1', voterId: BEN.id, now: at(1) })).toBe(false);
    expect(state(doc)).toEqual(before);
    const id = addComment(doc, ANA, { cardId: 'c1', author: 'Ana', text: 'mine' });
    expect(readComments(doc).find((c) => c.id === id)?.authorId).toBe(ANA.id);
  });

  it('the owner still deletes a comment written under an identity from before secrets', () => {
    const old = addComment(doc, OWNER, { cardId: 'c1', author: 'Ana (old)', authorId: '0123456789abcdef01234567', text: 'from before' });
    expect(deleteComment(doc, ANA, old)).toBe(false);
    expect(editComment(doc, ANA, old, 'mine now?')).toBe(false);
    expect(written(doc, FAY, () => expect(deleteComment(doc, FAY, old)).toBe(true)).ok).toBe(true);
  });

  it('a non-owner’s client never writes rounds or workshop state', () => {
    startTimer(doc, FAY, T0);
    setPresenter(doc, FAY, { id: FAY.id, name: 'Fay' });
    for (const who of [ANA, participant(FAY.id)]) {
      const before = state(doc);
      const result = written(doc, who, () => {
        expect(startRound(doc, who, roundArgs)).toBeNull();
        expect(closeRound(doc, who, round)).toBe(false);
        expect(revealRound(doc, who, round)).toBe(false);
        expect(deleteRound(doc, who, round)).toBe(false);
        expect(setTimerDuration(doc, who, 60_000).status).toBe('running');
        expect(pauseTimer(doc, who, at(5)).status).toBe('running');
        expect(resetTimer(doc, who).status).toBe('running');
        expect(startTimer(doc, who, at(10_000)).status).toBe('running');
        expect(setPresenter(doc, who, { id: who.id, name: 'Ana' })).toBe(false);
        expect(setPresenter(doc, who, null)).toBe(false);
        expect(setPresentedStage(doc, who, 'stage-1')).toBe(false);
      });
      expect(result.updates).toEqual([]);
      expect(state(doc)).toEqual(before);
      expect(readPresenter(doc)?.id).toBe(FAY.id);
    }
  });
});

describe('dots after a race', () => {
  it('a participant’s take-back removes only their own dots even after two tabs raced', () => {
    // a 64-character id: the longest the model reads, so a longer stored id would read as it
    const ana = participant('a'.repeat(64));
    const room = new Y.Doc();
    const round = startRound(room, FAY, { ...roundArgs, votesPerPerson: 2 });
    const tab1 = new Y.Doc();
    const tab2 = new Y.Doc();
    const bens = new Y.Doc();
    for (const d of [tab1, tab2, bens]) Y.applyUpdate(d, state(room));
    // both of Ana's tabs spend "the last" dots before hearing of each other
    placeDot(tab1, ana, { roundId: round, cardId: 'c1', voterName: 'Ana', now: at(1) });
    placeDot(tab1, ana, { roundId: round, cardId: 'c1', voterName: 'Ana', now: at(2) });
    placeDot(tab2, ana, { roundId: round, cardId: 'c1', voterName: 'Ana', now: at(3) });
    placeDot(tab2, ana, { roundId: round, cardId: 'c2', voterName: 'Ana', now: at(4) });
    placeDot(bens, BEN, { roundId: round, cardId: 'c1', voterName: 'Ben', now: at(1.5) });
    // and the owner imported a dot whose voter id only starts like Ana's
    const lookalike = 'lookalike-dot';
    writeDots(room, [{ id: lookalike, roundId: round, cardId: 'c1', voterId: `${ana.id}b`, voterName: 'Not Ana', at: at(0.5).toISOString() }]);
    for (const d of [tab1, tab2, bens]) Y.applyUpdate(room, state(d));
    Y.applyUpdate(tab1, state(room));
    expect(readDots(tab1, round).find((d) => d.id === lookalike)?.voterId).toBe(ana.id);

    for (let i = 0; i < 4; i++) {
      const result = written(tab1, ana, () => takeBackDot(tab1, ana, { roundId: round, cardId: 'c1', now: at(10 + i) }));
      expect(result.ok, result.verdicts.flatMap((v) => v.violations).join('\n')).toBe(true);
      Y.applyUpdate(room, state(tab1));
    }
    const left = readDots(room, round);
    expect(left.filter((d) => d.voterName === 'Ben')).toHaveLength(1);
    expect(left.some((d) => d.id === lookalike)).toBe(true);
    expect(countedDots(room, round).filter((d) => dotsMap(room).get(d.id)?.get('voterId') === ana.id)).toEqual([]);
  });
});

/* ---------- the editor: actions and what editing the map does to the feedback doc ---------- */

const editor = () => useEditor.getState();
const ME: Identity = { id: ANA.id, name: 'Ana', color: '#2563eb' };

function openAs(role: Role): { doc: Y.Doc; feedback: Y.Doc } {
  const doc = createMapFromTemplate('retail', 'en');
  const feedback = new Y.Doc();
  editor().closeSession();
  editor().setCollab(null);
  editor().setContentLocked(false);
  editor().setIdentity(ME);
  editor().openSession({ mapId: 'map-rights', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback });
  editor().setCollab({ status: 'synced', role, peers: [] });
  return { doc, feedback };
}

describe('the editor as a participant', () => {
  it('knows who it writes as: the owner’s token makes the facilitator, any other link a participant', () => {
    openAs('comment');
    expect(feedbackActor(editor())).toEqual({ id: ME.id, owner: false });
    openAs('edit');
    expect(feedbackActor(editor())).toEqual({ id: ME.id, owner: false });
    openAs('owner');
    expect(feedbackActor(editor())).toEqual({ id: ME.id, owner: true });
  });

  it('facilitator-only actions are disabled for non-owners and write nothing even when performed directly', () => {
    for (const role of ['edit', 'comment'] as const) {
      const { feedback } = openAs(role);
      const round = startRound(feedback, FAY, roundArgs);
      startTimer(feedback, FAY);
      setPresenter(feedback, FAY, { id: FAY.id, name: 'Fay' });
      void round;
      const before = state(feedback);
      const log = recordUpdates(feedback);
      for (const id of ['workshop.closeRound', 'workshop.revealRound', 'workshop.toggleTimer', 'workshop.resetTimer', 'workshop.bringEveryone', 'workshop.stopPresenting'] as const) {
        const action = findAction(id)!;
        const ctx = buildActionContext({ navigate: () => undefined })!;
        expect(action.enabled(ctx), `${role}: ${id}`).toBe(false);
        action.perform(ctx);
      }
      log.stop();
      expect(log.updates, role).toEqual([]);
      expect(state(feedback)).toEqual(before);
    }
  });

  it('deleting, cutting, pasting, undoing and restructuring the map never writes the feedback doc, and comments on deleted cards still read', () => {
    const { doc, feedback } = openAs('edit');
    const round = startRound(feedback, FAY, roundArgs);
    const cards = editor().journey!.cards;
    const first = cards[0]!;
    const second = cards[1]!;
    addComment(feedback, FAY, { cardId: first.id, author: 'Fay', text: 'On the first card' });
    placeDot(feedback, BEN, { roundId: round, cardId: first.id, voterName: 'Ben' });
    const log = recordUpdates(feedback);
    const run = (id: ActionId) => {
      const action = findAction(id)!;
      const ctx = buildActionContext({ navigate: () => undefined })!;
      if (action.enabled(ctx)) action.perform(ctx);
    };
    editor().selectCards([first.id, second.id]);
    run('edit.copy');
    run('edit.delete');
    run('edit.paste');
    run('edit.undo');
    run('edit.redo');
    editor().selectCards([editor().journey!.cards[0]!.id]);
    run('edit.cut');
    run('edit.paste');
    run('edit.duplicate');
    editor().setFocus({ kind: 'stage', id: editor().journey!.stages[0]!.id });
    run('structure.deleteStage');
    editor().setFocus({ kind: 'lane', id: editor().journey!.lanes[0]!.id });
    run('structure.deleteLane');
    log.stop();
    expect(editor().journey!.cards.some((c) => c.id === first.id)).toBe(false);
    expect(log.updates).toEqual([]);
    // the comment and the dot on the deleted card are still there for everyone, and still read
    expect(readThreads(feedback).map((t) => [t.root.cardId, t.root.text])).toEqual([[first.id, 'On the first card']]);
    expect(editor().feedback.cardThreads.get(first.id)).toEqual({ open: 1, total: 1 });
    expect(readDots(feedback, round).map((d) => d.cardId)).toEqual([first.id]);
    void doc;
  });
});
