import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions/context';
import { cardIsVotable } from '../../model';
import { useEditor } from '../../store/editorStore';

/**
 * A card's dot-voting marks: during a round, my own dots (each a button that takes it back) and
 * a hint that the card is votable; after a reveal, the card's total. Others' dots stay hidden
 * until the facilitator reveals them. Reads O(1) from the store, whatever the map's size.
 */
export const CardVotes = memo(function CardVotes({ cardId, laneId }: { cardId: string; laneId: string }) {
  const state = useEditor((s) => {
    const round = s.feedback.currentRound;
    if (round?.status === 'open' && cardIsVotable(round, laneId)) {
      const mine = s.feedback.perVoter.get(round.id)?.get(s.identity?.id ?? '')?.get(cardId) ?? 0;
      return `open:${mine}`;
    }
    const latest = s.feedback.rounds[s.feedback.rounds.length - 1];
    if (latest?.status === 'revealed') return `revealed:${s.feedback.totals.get(latest.id)?.get(cardId) ?? 0}`;
    return 'none';
  });
  const [phase, count] = state.split(':') as [string, string | undefined];
  const n = Number(count ?? 0);
  // most cards most of the time: nothing to draw, and no translation hook per card
  if (phase === 'none' || (phase === 'revealed' && n === 0)) return null;
  return <VoteMarks cardId={cardId} revealed={phase === 'revealed'} n={n} />;
});

function VoteMarks({ cardId, revealed, n }: { cardId: string; revealed: boolean; n: number }) {
  const { t } = useTranslation();
  const color = useEditor((s) => s.identity?.color ?? '#6d28d9');
  const canVote = useEditor((s) => s.canGiveFeedback);
  if (revealed) {
    return (
      <span className="card-vote-total" title={t('workshop.vote.cardVotes', { count: n })}>
        <span className="card-vote-dot" aria-hidden="true" />
        {n}
        <span className="sr-only">{t('workshop.vote.cardVotes', { count: n })}</span>
      </span>
    );
  }
  return (
    <span className="card-votes" data-votable="true">
      {Array.from({ length: n }, (_, i) => (
        <button
          key={i}
          type="button"
          className="card-my-dot nodrag"
          style={{ background: color }}
          aria-label={t('workshop.vote.myDot')}
          title={t('workshop.vote.myDot')}
          onClick={(e) => {
            e.stopPropagation();
            runAction('workshop.unvote', { target: { kind: 'card', id: cardId } });
          }}
        />
      ))}
      {canVote && n === 0 && <span className="card-vote-slot" aria-hidden="true" title={t('workshop.vote.votable')} />}
    </span>
  );
}
