import {
  cardIsVotable,
  myDots,
  pauseTimer,
  placeDot,
  readTimer,
  resetTimer,
  revealRound,
  closeRound,
  roundAcceptsVotes,
  setPresenter,
  startTimer,
  takeBackDot,
} from '../../model';
import type { FeedbackActor } from '../../model/actor';
import type { Card, VoteRound } from '../../model/types';
import { feedbackActor } from '../../store/editorStore';
import { defineActions } from '../define';
import { targetCards } from '../selection';
import type { ActionContext } from '../types';
import { useObservationRequest } from '../../store/observationRequest';

/**
 * Workshop actions: comments, dot-voting, the timer and leading the room. Who may do what is
 * decided here from the editor's rights (a comment link may comment and vote; only the
 * facilitator runs rounds, the timer and the room), and again by the model, which every write
 * tells who writes (model/actor.ts): a write the relay would refuse is never made. They write only
 * the feedback doc, so each is allowed on a read-only map, where those checks still hold.
 */

/** The one card an action is about: the context menu's, else the single selected card. */
function oneCard(ctx: ActionContext): Card | null {
  const cards = targetCards(ctx);
  return cards.length === 1 ? cards[0]! : null;
}

function openRound(ctx: ActionContext): VoteRound | null {
  const round = ctx.editor.feedback.currentRound;
  return round && roundAcceptsVotes(round, new Date()) ? round : null;
}

/** The round, the card and me, when I may place or take back a dot on that card now. */
function voteOn(ctx: ActionContext): { round: VoteRound; card: Card; me: FeedbackActor; voterName: string } | null {
  const { identity, canGiveFeedback } = ctx.editor;
  const me = feedbackActor(ctx.editor);
  const round = openRound(ctx);
  const card = oneCard(ctx);
  if (!canGiveFeedback || !identity || !me || !round || !card) return null;
  const lane = ctx.journey.lanes.find((l) => l.id === card.laneId);
  if (!lane || !cardIsVotable(round, lane.id)) return null;
  return { round, card, me, voterName: identity.name };
}

/** Me, when I run the workshop (the map's owner): rounds, timer and presenter are mine alone to write. */
function facilitator(ctx: ActionContext): FeedbackActor | null {
  const me = feedbackActor(ctx.editor);
  return me?.owner ? me : null;
}

const facilitates = (ctx: ActionContext) => facilitator(ctx) !== null;

export const workshopActions = defineActions([
  {
    id: 'workshop.comment',
    group: 'workshop',
    allowedReadOnly: true,
    shortcuts: ['Mod+Alt+M'],
    menu: { on: ['card'], rank: 90 },
    enabled: (ctx) => ctx.editor.canGiveFeedback && oneCard(ctx) !== null,
    perform: (ctx) => {
      const card = oneCard(ctx)!;
      ctx.editor.selectCards([card.id]);
      ctx.editor.setPanel('comments');
      // the comment box takes the focus, so what the user types next is the comment, not shortcuts
      ctx.editor.setComposeFor(card.id);
    },
  },
  {
    id: 'workshop.observe',
    group: 'workshop',
    allowedReadOnly: true,
    menu: { on: ['card'], rank: 95 },
    enabled: (ctx) => ctx.editor.canGiveFeedback && ctx.editor.preview === null && oneCard(ctx) !== null,
    perform: (ctx) => {
      const card = oneCard(ctx)!;
      ctx.editor.selectCards([card.id]);
      ctx.editor.setPanel('comments');
      // the comments panel opens its box as an observation (a comment offered as evidence) and focuses it
      useObservationRequest.getState().request(card.id);
      ctx.editor.setComposeFor(card.id);
    },
  },
  {
    id: 'workshop.vote',
    group: 'workshop',
    allowedReadOnly: true,
    shortcuts: ['V'],
    menu: { on: ['card'], rank: 100 },
    enabled: (ctx) => {
      const vote = voteOn(ctx);
      return vote !== null && myDots(ctx.feedback, vote.round.id, vote.me.id).left > 0;
    },
    perform: (ctx) => {
      const vote = voteOn(ctx);
      if (vote) placeDot(ctx.feedback, vote.me, { roundId: vote.round.id, cardId: vote.card.id, voterName: vote.voterName });
    },
  },
  {
    id: 'workshop.unvote',
    group: 'workshop',
    allowedReadOnly: true,
    shortcuts: ['Shift+V'],
    menu: { on: ['card'], rank: 110 },
    enabled: (ctx) => {
      const vote = voteOn(ctx);
      return vote !== null && (myDots(ctx.feedback, vote.round.id, vote.me.id).byCard[vote.card.id] ?? 0) > 0;
    },
    perform: (ctx) => {
      const vote = voteOn(ctx);
      if (vote) takeBackDot(ctx.feedback, vote.me, { roundId: vote.round.id, cardId: vote.card.id });
    },
  },
  {
    id: 'workshop.newRound',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: facilitates,
    // the workshop panel holds the round's form
    perform: (ctx) => ctx.editor.setPanel('workshop'),
  },
  {
    id: 'workshop.closeRound',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.currentRound?.status === 'open',
    perform: (ctx) => {
      const me = facilitator(ctx);
      const round = ctx.editor.feedback.currentRound;
      if (me && round) closeRound(ctx.feedback, me, round.id);
    },
  },
  {
    id: 'workshop.revealRound',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.currentRound !== null,
    perform: (ctx) => {
      const me = facilitator(ctx);
      const round = ctx.editor.feedback.currentRound;
      if (me && round) revealRound(ctx.feedback, me, round.id);
    },
  },
  {
    id: 'workshop.toggleTimer',
    group: 'workshop',
    allowedReadOnly: true,
    shortcuts: ['Mod+Alt+T'],
    enabled: facilitates,
    perform: (ctx) => {
      const me = facilitator(ctx);
      if (me) void (readTimer(ctx.feedback).status === 'running' ? pauseTimer(ctx.feedback, me) : startTimer(ctx.feedback, me));
    },
  },
  {
    id: 'workshop.resetTimer',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => facilitates(ctx) && readTimer(ctx.feedback).status !== 'idle',
    perform: (ctx) => {
      const me = facilitator(ctx);
      if (me) resetTimer(ctx.feedback, me);
    },
  },
  {
    id: 'workshop.bringEveryone',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => facilitates(ctx) && ctx.editor.identity !== null,
    perform: (ctx) => {
      const me = facilitator(ctx);
      const identity = ctx.editor.identity;
      // set again even when I already present: everyone who wandered off follows once more
      if (me && identity) setPresenter(ctx.feedback, me, { id: identity.id, name: identity.name });
    },
  },
  {
    id: 'workshop.stopPresenting',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.presenter !== null,
    perform: (ctx) => {
      const me = facilitator(ctx);
      if (me) setPresenter(ctx.feedback, me, null);
    },
  },
  {
    id: 'workshop.follow',
    group: 'workshop',
    allowedReadOnly: true,
    enabled: (ctx) => {
      const { feedback, identity, following } = ctx.editor;
      return !following && feedback.presenter !== null && feedback.presenter.id !== identity?.id;
    },
    perform: (ctx) => ctx.editor.setFollowing(true),
  },
  {
    id: 'view.toggleComments',
    group: 'view',
    allowedReadOnly: true,
    shortcuts: ['Mod+Alt+C'],
    enabled: () => true,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'comments' ? null : 'comments'),
  },
  {
    id: 'view.toggleWorkshop',
    group: 'view',
    allowedReadOnly: true,
    shortcuts: ['Mod+Alt+W'],
    enabled: () => true,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'workshop' ? null : 'workshop'),
  },
]);
