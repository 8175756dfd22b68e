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
} from '../model';
import type { Card, VoteRound } from '../model/types';
import { targetCards } from './selection';
import type { Action, ActionContext } from './types';

/**
 * Workshop actions: comments, dot-voting, the timer and leading the room. Who may do what is
 * decided here from the editor's rights (a comment link may comment and vote; only the
 * facilitator runs rounds, the timer and the room), and, for writes, by the relay.
 */

const label = (id: string) => `actions.${id}`;

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
function voteOn(ctx: ActionContext): { round: VoteRound; card: Card; voterId: string; voterName: string } | null {
  const { identity, canGiveFeedback } = ctx.editor;
  const round = openRound(ctx);
  const card = oneCard(ctx);
  if (!canGiveFeedback || !identity || !round || !card) return null;
  const lane = ctx.journey.lanes.find((l) => l.id === card.laneId);
  if (!lane || !cardIsVotable(round, lane.id)) return null;
  return { round, card, voterId: identity.id, voterName: identity.name };
}

const facilitates = (ctx: ActionContext) => ctx.editor.facilitator;

export const workshopActions: Action[] = [
  {
    id: 'workshop.comment',
    labelKey: label('workshop.comment'),
    group: 'workshop',
    shortcuts: ['Mod+Alt+M'],
    contexts: ['card'],
    enabled: (ctx) => ctx.editor.canGiveFeedback && oneCard(ctx) !== null,
    perform: (ctx) => {
      const card = oneCard(ctx)!;
      ctx.editor.selectCards([card.id]);
      ctx.editor.setPanel('comments');
    },
  },
  {
    id: 'workshop.vote',
    labelKey: label('workshop.vote'),
    group: 'workshop',
    shortcuts: ['V'],
    contexts: ['card'],
    enabled: (ctx) => {
      const vote = voteOn(ctx);
      return vote !== null && myDots(ctx.feedback, vote.round.id, vote.voterId).left > 0;
    },
    perform: (ctx) => {
      const vote = voteOn(ctx)!;
      placeDot(ctx.feedback, { roundId: vote.round.id, cardId: vote.card.id, voterId: vote.voterId, voterName: vote.voterName });
    },
  },
  {
    id: 'workshop.unvote',
    labelKey: label('workshop.unvote'),
    group: 'workshop',
    shortcuts: ['Shift+V'],
    contexts: ['card'],
    enabled: (ctx) => {
      const vote = voteOn(ctx);
      return vote !== null && (myDots(ctx.feedback, vote.round.id, vote.voterId).byCard[vote.card.id] ?? 0) > 0;
    },
    perform: (ctx) => {
      const vote = voteOn(ctx)!;
      takeBackDot(ctx.feedback, { roundId: vote.round.id, cardId: vote.card.id, voterId: vote.voterId });
    },
  },
  {
    id: 'workshop.newRound',
    labelKey: label('workshop.newRound'),
    group: 'workshop',
    enabled: facilitates,
    // the workshop panel holds the round's form
    perform: (ctx) => ctx.editor.setPanel('workshop'),
  },
  {
    id: 'workshop.closeRound',
    labelKey: label('workshop.closeRound'),
    group: 'workshop',
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.currentRound?.status === 'open',
    perform: (ctx) => closeRound(ctx.feedback, ctx.editor.feedback.currentRound!.id),
  },
  {
    id: 'workshop.revealRound',
    labelKey: label('workshop.revealRound'),
    group: 'workshop',
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.currentRound !== null,
    perform: (ctx) => revealRound(ctx.feedback, ctx.editor.feedback.currentRound!.id),
  },
  {
    id: 'workshop.toggleTimer',
    labelKey: label('workshop.toggleTimer'),
    group: 'workshop',
    shortcuts: ['Mod+Alt+T'],
    enabled: facilitates,
    perform: (ctx) => (readTimer(ctx.feedback).status === 'running' ? pauseTimer(ctx.feedback) : startTimer(ctx.feedback)),
  },
  {
    id: 'workshop.resetTimer',
    labelKey: label('workshop.resetTimer'),
    group: 'workshop',
    enabled: (ctx) => facilitates(ctx) && readTimer(ctx.feedback).status !== 'idle',
    perform: (ctx) => resetTimer(ctx.feedback),
  },
  {
    id: 'workshop.bringEveryone',
    labelKey: label('workshop.bringEveryone'),
    group: 'workshop',
    enabled: (ctx) => facilitates(ctx) && ctx.editor.identity !== null,
    perform: (ctx) => {
      const { id, name } = ctx.editor.identity!;
      // set again even when I already present: everyone who wandered off follows once more
      setPresenter(ctx.feedback, { id, name });
    },
  },
  {
    id: 'workshop.stopPresenting',
    labelKey: label('workshop.stopPresenting'),
    group: 'workshop',
    enabled: (ctx) => facilitates(ctx) && ctx.editor.feedback.presenter !== null,
    perform: (ctx) => setPresenter(ctx.feedback, null),
  },
  {
    id: 'workshop.follow',
    labelKey: label('workshop.follow'),
    group: 'workshop',
    enabled: (ctx) => {
      const { feedback, identity, following } = ctx.editor;
      return !following && feedback.presenter !== null && feedback.presenter.id !== identity?.id;
    },
    perform: (ctx) => ctx.editor.setFollowing(true),
  },
  {
    id: 'view.toggleComments',
    labelKey: label('view.toggleComments'),
    group: 'view',
    shortcuts: ['Mod+Alt+C'],
    enabled: () => true,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'comments' ? null : 'comments'),
  },
  {
    id: 'view.toggleWorkshop',
    labelKey: label('view.toggleWorkshop'),
    group: 'view',
    shortcuts: ['Mod+Alt+W'],
    enabled: () => true,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'workshop' ? null : 'workshop'),
  },
];
