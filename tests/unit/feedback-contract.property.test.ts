import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  closeRound,
  deleteComment,
  deleteRound,
  editComment,
  moveComment,
  pauseTimer,
  placeDot,
  readComments,
  readDots,
  readRounds,
  resetTimer,
  revealRound,
  setCommentResolved,
  setPresentedStage,
  setPresenter,
  setTimerDuration,
  startRound,
  startTimer,
  takeBackDot,
  type FeedbackActor,
} from '../../src/model';
import { checkFeedbackUpdate } from '../support/feedbackContract';

/*
 * A workshop's feedback room with the relay in the middle: the facilitator (owner), Ana with two
 * tabs of one browser, and Ben. Each tab does what the app does — the model's feedback writes,
 * aimed at anything it can see, other people's comments and dots included — while updates travel
 * in a random order: to and from the relay (first in, first out per connection, as over a
 * socket), between Ana's tabs through the local channel (which forwards what the relay sent, and
 * each tab's connection sends on whatever it did not get from the relay, as y-websocket does),
 * and over reconnects after offline work (both sync steps). Every update a non-owner's
 * connection delivers must keep the relay's rules, checked against the relay's doc as it is when
 * the update arrives.
 */

const FAY: FeedbackActor = { id: 'fay-identity-0000000001', owner: true };
const ANA: FeedbackActor = { id: 'ana-identity-0000000002', owner: false };
const BEN: FeedbackActor = { id: 'ben-identity-0000000003', owner: false };

const RELAY = Symbol('relay');
const TAB = Symbol('other tab');
const CARDS = ['c1', 'c2', 'c3', 'c4'];
const T0 = Date.parse('2026-12-03T09:00:00.000Z');

interface Tab {
  name: string;
  who: FeedbackActor;
  doc: Y.Doc;
  connected: boolean;
  /** to the relay, in order */
  outbox: Uint8Array[];
  /** from the relay, in order */
  inbox: Uint8Array[];
  /** from a sibling tab of the same browser, in order */
  channel: Uint8Array[];
  siblings: Tab[];
}

type Step =
  | { kind: 'op'; tab: number; op: number; a: number; b: number; c: boolean }
  | { kind: 'toRelay' | 'fromRelay' | 'channel' | 'disconnect' | 'reconnect'; tab: number };

const OPS = 17;

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('op' as const), tab: fc.nat(3), op: fc.nat(OPS - 1), a: fc.nat(), b: fc.nat(), c: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('toRelay' as const), tab: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fromRelay' as const), tab: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('channel' as const), tab: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), tab: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), tab: fc.nat(3) }) },
);

class Workshop {
  readonly relay = new Y.Doc();
  readonly tabs: Tab[];
  /** what the relay would have refused */
  readonly violations: string[] = [];
  /** non-owner updates checked, and how many of them changed something */
  checked = 0;

  constructor() {
    const tab = (name: string, who: FeedbackActor): Tab => ({ name, who, doc: new Y.Doc(), connected: true, outbox: [], inbox: [], channel: [], siblings: [] });
    this.tabs = [tab('fay', FAY), tab('ana-1', ANA), tab('ana-2', ANA), tab('ben', BEN)];
    const [, ana1, ana2] = this.tabs;
    ana1!.siblings = [ana2!];
    ana2!.siblings = [ana1!];
    // the facilitator opened the room: a question on a card and a round open for votes
    addComment(this.relay, FAY, { cardId: 'c1', author: 'fay', text: 'What hurts most here?', at: new Date(T0 - 60_000).toISOString() });
    startRound(this.relay, FAY, { title: 'Pains', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'fay', now: new Date(T0 - 60_000) });
    for (const t of this.tabs) Y.applyUpdate(t.doc, Y.encodeStateAsUpdate(this.relay), RELAY);
    for (const t of this.tabs) {
      t.doc.on('update', (update: Uint8Array, origin: unknown) => {
        // y-websocket sends every update it did not receive itself, while connected
        if (origin !== RELAY && t.connected) t.outbox.push(update);
        // the local channel carries every update but those from another tab
        if (origin !== TAB) for (const s of t.siblings) s.channel.push(update);
      });
    }
  }

  /** The relay takes an update from a tab's connection: checked, applied, passed to the other connections. */
  private arrive(from: Tab, update: Uint8Array, what: string): void {
    if (!from.who.owner) {
      this.checked++;
      const verdict = checkFeedbackUpdate(this.relay, update, from.who);
      for (const v of verdict.violations) this.violations.push(`${from.name} (${what}): ${v}`);
    }
    Y.applyUpdate(this.relay, update, from);
    for (const t of this.tabs) if (t !== from && t.connected) t.inbox.push(update);
  }

  run(s: Step, i: number): void {
    const t = this.tabs[s.tab]!;
    switch (s.kind) {
      case 'op':
        return this.op(t, s, T0 + i * 1000);
      case 'toRelay': {
        const update = t.connected ? t.outbox.shift() : undefined;
        if (update) this.arrive(t, update, 'update');
        return;
      }
      case 'fromRelay': {
        const update = t.inbox.shift();
        if (update) Y.applyUpdate(t.doc, update, RELAY);
        return;
      }
      case 'channel': {
        const update = t.channel.shift();
        if (update) Y.applyUpdate(t.doc, update, TAB);
        return;
      }
      case 'disconnect':
        // what was in flight is lost; the next sync makes up for it
        t.connected = false;
        t.outbox = [];
        t.inbox = [];
        return;
      case 'reconnect':
        return this.reconnect(t);
    }
  }

  private reconnect(t: Tab): void {
    t.connected = true;
    t.outbox = [];
    t.inbox = [];
    // the relay's sync step 2 to the tab, then the tab's to the relay
    Y.applyUpdate(t.doc, Y.encodeStateAsUpdate(this.relay, Y.encodeStateVector(t.doc)), RELAY);
    this.arrive(t, Y.encodeStateAsUpdate(t.doc, Y.encodeStateVector(this.relay)), 'sync step 2');
  }

  /** One of the app's feedback writes, by tab `t`, on whatever `s` picks from what the tab sees. */
  private op(t: Tab, s: Extract<Step, { kind: 'op' }>, time: number): void {
    const { doc, who } = t;
    const now = new Date(time);
    const comments = readComments(doc);
    const rounds = readRounds(doc);
    const pick = <T,>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
    const comment = pick(comments, s.a);
    const round = s.c ? rounds.find((r) => r.status === 'open') : pick(rounds, s.a);
    const card = pick(CARDS, s.b)!;
    const name = t.name;
    switch (s.op) {
      case 0:
        // half of them workshop observations, offered as evidence
        addComment(doc, who, { cardId: card, author: name, text: `note ${time}`, at: now.toISOString(), observation: s.c });
        return;
      case 1:
        if (comment) addComment(doc, who, { cardId: comment.cardId, parentId: comment.id, author: name, text: `reply ${time}`, mentions: [BEN.id], at: now.toISOString() });
        return;
      case 2:
        if (comment) editComment(doc, who, comment.id, `edited ${time}`);
        return;
      case 3:
        if (comment) deleteComment(doc, who, comment.id);
        return;
      case 4:
        if (comment) setCommentResolved(doc, comment.id, !comment.resolved);
        return;
      case 5:
        if (comment) moveComment(doc, who, comment.id, card);
        return;
      case 6:
      case 7:
        if (round) placeDot(doc, who, { roundId: round.id, cardId: card, voterName: name, now });
        return;
      case 8:
        if (round) takeBackDot(doc, who, { roundId: round.id, cardId: card, now });
        return;
      case 9:
        startRound(doc, who, { title: `Round ${time}`, votesPerPerson: 1 + (s.b % 3), laneIds: [], anonymous: s.c, durationMs: s.c ? null : 60_000, startedBy: name, now });
        return;
      case 10:
        if (round) closeRound(doc, who, round.id);
        return;
      case 11:
        if (round) revealRound(doc, who, round.id);
        return;
      case 12:
        if (round) deleteRound(doc, who, round.id);
        return;
      case 13:
        setTimerDuration(doc, who, 60_000 * (1 + (s.b % 5)));
        return;
      case 14:
        void (s.c ? startTimer(doc, who, now) : pauseTimer(doc, who, now));
        return;
      case 15:
        resetTimer(doc, who);
        return;
      default:
        setPresenter(doc, who, s.c ? { id: who.id, name } : null);
        setPresentedStage(doc, who, s.c ? `stage-${s.b % 4}` : null);
    }
  }

  /** Everyone back online and every message delivered. */
  settle(): void {
    for (const t of this.tabs) {
      if (!t.connected) this.reconnect(t);
    }
    for (let round = 0; round < 4; round++) {
      for (const t of this.tabs) {
        while (t.channel.length) Y.applyUpdate(t.doc, t.channel.shift()!, TAB);
        while (t.outbox.length) this.arrive(t, t.outbox.shift()!, 'update');
      }
      for (const t of this.tabs) while (t.inbox.length) Y.applyUpdate(t.doc, t.inbox.shift()!, RELAY);
    }
  }
}

describe('the feedback room’s rules, under any interleaving', () => {
  it('every update a non-owner’s client sends keeps the relay’s rules, and everyone ends up with the relay’s doc', () => {
    let checked = 0;
    let dotsSeen = 0;
    let commentsSeen = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 120, size: 'max' }), (steps) => {
        const workshop = new Workshop();
        steps.forEach((s, i) => workshop.run(s, i));
        workshop.settle();
        expect(workshop.violations).toEqual([]);
        const want = { comments: readComments(workshop.relay), dots: readDots(workshop.relay) };
        for (const t of workshop.tabs) expect({ comments: readComments(t.doc), dots: readDots(t.doc) }).toEqual(want);
        checked += workshop.checked;
        dotsSeen += want.dots.length;
        commentsSeen += want.comments.length;
      }),
      { seed: 20261203, numRuns: 250 },
    );
    // the runs did exercise the rules: many participant updates, comments and dots among them
    expect(checked).toBeGreaterThan(1000);
    expect(commentsSeen).toBeGreaterThan(200);
    expect(dotsSeen).toBeGreaterThan(50);
  });
});
