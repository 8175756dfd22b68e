import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { cardIsVotable } from '../../model';
import { useEditor } from '../../store/editorStore';

/** Nothing to draw; otherwise my dots on the card during a round, or its total after a reveal. */
const NONE = -1;
const REVEALED = 100_000;

/**
 * A card's dot-voting marks: during a round, my own dots (each a button that takes it back) and
 * a button that places one; after a reveal, the card's total. Others' dots stay hidden until the
 * facilitator reveals them. The selector returns a number, O(1) from the store, so a 5,000-card
 * map pays almost nothing for it on every store change.
 */
export const CardVotes = memo(function CardVotes({ cardId, laneId, title }: { cardId: string; laneId: string; title: string }) {
  const state = useEditor((s) => {
    const round = s.feedback.currentRound;
    if (round?.status === 'open' && cardIsVotable(round, laneId)) return s.feedback.perVoter.get(round.id)?.get(s.identity?.id ?? '')?.get(cardId) ?? 0;
    const latest = s.feedback.rounds[s.feedback.rounds.length - 1];
    if (latest?.status === 'revealed') return REVEALED + (s.feedback.totals.get(latest.id)?.get(cardId) ?? 0);
    return NONE;
  });
  // most cards most of the time: nothing to draw, and no translation hook per card
  if (state === NONE || state === REVEALED) return null;
  return state > REVEALED ? <VoteTotal n={state - REVEALED} /> : <MyDots cardId={cardId} title={title} n={state} />;
});

function VoteTotal({ n }: { n: number }) {
  const { t } = useTranslation();
  return (
    <span className="card-vote-total" title={t('workshop.vote.cardVotes', { count: n })}>
      <span className="card-vote-dot" aria-hidden="true" />
      {n}
      <span className="sr-only">{t('workshop.vote.cardVotes', { count: n })}</span>
    </span>
  );
}

function MyDots({ cardId, title, n }: { cardId: string; title: string; n: number }) {
  const { t } = useTranslation();
  const color = useEditor((s) => s.identity?.color ?? '#6d28d9');
  // the place-a-dot button shows while I have dots left (a count of my own few dots, not of the map)
  const canVote = useEditor((s) => {
    const round = s.feedback.currentRound;
    if (!s.canGiveFeedback || !s.identity || !round) return false;
    let used = 0;
    for (const count of s.feedback.perVoter.get(round.id)?.get(s.identity.id)?.values() ?? []) used += count;
    return used < round.votesPerPerson;
  });
  const target = { target: { kind: 'card' as const, id: cardId } };
  return (
    <span className="card-votes">
      {Array.from({ length: n }, (_, i) => (
        <button
          key={i}
          type="button"
          className="card-my-dot nodrag"
          style={{ background: color }}
          aria-label={t('workshop.vote.myDotOn', { title })}
          title={t('workshop.vote.myDot')}
          onClick={(e) => {
            e.stopPropagation();
            runAction('workshop.unvote', target);
          }}
        />
      ))}
      {canVote && (
        <button
          type="button"
          className="card-vote-slot nodrag"
          aria-label={t('workshop.vote.placeOn', { title })}
          title={t('workshop.vote.place')}
          onClick={(e) => {
            e.stopPropagation();
            runAction('workshop.vote', target);
          }}
        />
      )}
    </span>
  );
}
