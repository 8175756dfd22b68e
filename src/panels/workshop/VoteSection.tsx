import { Eye, Plus, Square, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { deleteRound, myDots, roundAcceptsVotes, type VoteRound } from '../../model';
import { feedbackActor, useEditor } from '../../store/editorStore';
import { RoundForm } from './RoundForm';
import { RoundResults } from './RoundResults';
import { formatCountdown, useNow } from '../index';

/** Dot-voting: the round in progress, its results once revealed, and the rounds before. */
export function VoteSection() {
  const { t } = useTranslation();
  const rounds = useEditor((s) => s.feedback.rounds);
  const current = useEditor((s) => s.feedback.currentRound);
  const facilitator = useEditor((s) => s.facilitator);
  const revealed = rounds.filter((r) => r.status === 'revealed').reverse();
  const [latest, ...earlier] = revealed;
  // after a reveal the results come first; the next round's form waits behind a button
  const [formOpen, setFormOpen] = useState(false);
  const showForm = facilitator && !current && (formOpen || rounds.length === 0);

  return (
    <section className="workshop-section" aria-labelledby="workshop-vote-title">
      <h3 id="workshop-vote-title">{t('workshop.vote.title')}</h3>
      {current && <CurrentRound round={current} />}
      {latest && !current && (
        <div className="round-block">
          <RoundHeading round={latest} facilitator={facilitator} />
          <RoundResults round={latest} />
        </div>
      )}
      {showForm ? (
        <RoundForm onStarted={() => setFormOpen(false)} />
      ) : (
        facilitator &&
        !current && (
          <button type="button" className="button-secondary workshop-new-round" onClick={() => setFormOpen(true)}>
            <Plus size={15} aria-hidden="true" />
            {t('workshop.vote.newRound')}
          </button>
        )
      )}
      {(current ? revealed : earlier).length > 0 && (
        <details className="round-history">
          <summary>{t('workshop.vote.earlier')}</summary>
          {(current ? revealed : earlier).map((round) => (
            <div key={round.id} className="round-block">
              <RoundHeading round={round} facilitator={facilitator} />
              <RoundResults round={round} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}

function RoundHeading({ round, facilitator }: { round: VoteRound; facilitator: boolean }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(round.startedAt));
  return (
    <div className="round-heading">
      <h4>{t('workshop.vote.results', { title: round.title })}</h4>
      <span className="round-meta">
        {date}
        {round.anonymous ? ` · ${t('workshop.vote.anonymousRound')}` : ''}
      </span>
      {facilitator && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('workshop.vote.remove')}
          title={t('workshop.vote.remove')}
          onClick={() => {
            const state = useEditor.getState();
            const me = feedbackActor(state);
            if (state.session && me?.owner && window.confirm(t('workshop.vote.removeConfirm', { title: round.title }))) deleteRound(state.session.feedback, me, round.id);
          }}
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}

function CurrentRound({ round }: { round: VoteRound }) {
  const { t } = useTranslation();
  const facilitator = useEditor((s) => s.facilitator);
  const canVote = useEditor((s) => s.canGiveFeedback && s.identity !== null);
  const dots = useEditor((s) => s.feedback.dots.get(round.id));
  const me = useEditor((s) => s.identity?.id ?? '');
  const session = useEditor((s) => s.session);
  const now = useNow(round.status === 'open' && round.endsAt !== null);
  const accepting = roundAcceptsVotes(round, now);
  const mine = session && dots ? myDots(session.feedback, round.id, me) : null;
  const voters = new Set((dots ?? []).map((d) => d.voterId)).size;

  return (
    <div className="round-current">
      <p className="workshop-status" aria-live="polite">
        {t(round.status === 'open' ? 'workshop.vote.open' : 'workshop.vote.closed', { title: round.title })}
      </p>
      {round.status === 'open' && round.endsAt && (
        <p className="workshop-hint">{accepting ? t('workshop.vote.endsIn', { time: formatCountdown(new Date(round.endsAt).getTime() - now.getTime()) }) : t('workshop.vote.ended')}</p>
      )}
      {accepting && canVote && mine && (
        <>
          <p className="workshop-dots-left" aria-live="polite">
            {mine.left > 0 ? t('workshop.vote.dotsLeft', { count: mine.left, total: round.votesPerPerson }) : t('workshop.vote.noDotsLeft', { total: round.votesPerPerson })}
          </p>
          {/* the facilitator's clicks select until they place a dot of their own (canvas/cardClickVote.ts) */}
          <p className="workshop-hint">{t(facilitator && mine.used === 0 ? 'workshop.vote.hintFacilitator' : 'workshop.vote.hint')}</p>
        </>
      )}
      <p className="workshop-hint">
        {t('workshop.vote.voters', { count: voters })} {t('workshop.vote.hidden')}
      </p>
      {facilitator && (
        <div className="workshop-row">
          {round.status === 'open' && (
            <button type="button" className="button-secondary" onClick={() => runAction('workshop.closeRound')}>
              <Square size={14} aria-hidden="true" />
              {t('workshop.vote.stop')}
            </button>
          )}
          <button type="button" className="button-primary" onClick={() => runAction('workshop.revealRound')}>
            <Eye size={15} aria-hidden="true" />
            {t('workshop.vote.reveal')}
          </button>
        </div>
      )}
    </div>
  );
}
