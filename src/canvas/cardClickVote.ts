import { create } from 'zustand';
import { runAction } from '../actions';
import { cardIsVotable, roundAcceptsVotes } from '../model';
import { useEditor, type EditorState } from '../store/editorStore';

/**
 * What a plain click on a card means while a vote round takes dots. Participants (edit and
 * comment links) vote with a click on the card; the facilitator, who also edits during the
 * workshop, votes by click once they have placed a dot of their own in the round. A click that
 * could have been meant as a vote but places none says why, so no vote is silently lost.
 */
export type ClickVote =
  /** no round takes dots from me: the click selects as always */
  | 'select'
  | 'voted'
  | 'noDotsLeft'
  | 'notVotable';

/** My dots in the round taking votes now, or null when there is none or I cannot vote. */
export function myRoundDots(state: Pick<EditorState, 'feedback' | 'identity' | 'canGiveFeedback'>, now = new Date()): { used: number; left: number } | null {
  const round = state.feedback.currentRound;
  if (!round || !state.canGiveFeedback || !state.identity || !roundAcceptsVotes(round, now)) return null;
  let used = 0;
  for (const count of state.feedback.perVoter.get(round.id)?.get(state.identity.id)?.values() ?? []) used += count;
  return { used, left: Math.max(0, round.votesPerPerson - used) };
}

export function clickVote(cardId: string, laneId: string): ClickVote {
  const state = useEditor.getState();
  const round = state.feedback.currentRound;
  const dots = myRoundDots(state);
  if (!round || !dots) return 'select';
  // the facilitator's clicks keep selecting until they vote themselves
  if (state.facilitator && dots.used === 0) return 'select';
  if (!cardIsVotable(round, laneId)) return 'notVotable';
  if (dots.left === 0) return 'noDotsLeft';
  runAction('workshop.vote', { target: { kind: 'card', id: cardId } });
  return 'voted';
}

/** The last click that placed no dot, and why: the vote banner says it for a few seconds. */
export const useVoteNotice = create<{ notice: { reason: 'noDotsLeft' | 'notVotable'; at: number } | null; say(reason: 'noDotsLeft' | 'notVotable'): void; clear(): void }>()((set) => ({
  notice: null,
  say: (reason) => set({ notice: { reason, at: Date.now() } }),
  clear: () => set({ notice: null }),
}));
