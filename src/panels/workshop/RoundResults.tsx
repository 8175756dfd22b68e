import { Trophy } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { laneKindDescriptor, tally, type VoteRound } from '../../model';
import { useEditor } from '../../store/editorStore';

/** A revealed round's cards, most votes first, each a way back to its card. */
export function RoundResults({ round }: { round: VoteRound }) {
  const { t } = useTranslation();
  const session = useEditor((s) => s.session);
  const journey = useEditor((s) => s.journey);
  const dots = useEditor((s) => s.feedback.dots.get(round.id));
  const entries = useMemo(
    () => (session && journey ? tally(session.feedback, round.id, journey.cards.map((c) => c.id)) : []),
    // the dots' identity changes whenever the round's votes do
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, journey, round.id, dots],
  );
  if (!journey) return null;
  const cards = new Map(journey.cards.map((c) => [c.id, c]));
  const stages = new Map(journey.stages.map((s) => [s.id, s.name]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l.name || t(laneKindDescriptor(l.kind).labelKey)]));
  const shown = entries.filter((e) => cards.has(e.cardId));
  if (shown.length === 0) return <p className="workshop-hint">{t('workshop.vote.noVotes')}</p>;
  let rank = 0;
  let previous = -1;
  return (
    <ol className="round-results" aria-label={t('workshop.vote.results', { title: round.title })}>
      {shown.map((entry, i) => {
        // cards with equal votes share a rank (1, 2, 2, 4)
        if (entry.votes !== previous) rank = i + 1;
        previous = entry.votes;
        const card = cards.get(entry.cardId)!;
        return (
          <li key={entry.cardId} className={rank === 1 ? 'is-top' : undefined}>
            <button
              type="button"
              className="round-result"
              onClick={() => {
                const editor = useEditor.getState();
                editor.selectCards([card.id]);
                editor.viewport?.revealCard(card.id);
              }}
            >
              <span className="round-rank" aria-hidden="true">
                {rank === 1 ? <Trophy size={14} /> : rank}
              </span>
              <span className="round-card">
                <span className="round-card-title">{card.title || t('canvas.untitledCard')}</span>
                <span className="round-card-place">
                  {stages.get(card.stageId) || t('canvas.untitledStage')} · {lanes.get(card.laneId) || ''}
                </span>
                {!round.anonymous && entry.voters.length > 0 && <span className="round-card-voters">{t('workshop.vote.by', { names: [...new Set(entry.voters)].join(', ') })}</span>}
              </span>
              <span className="round-votes">{t('workshop.vote.votes', { count: entry.votes })}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
