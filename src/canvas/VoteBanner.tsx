import { Vote } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, useNow } from '../panels';
import { roundAcceptsVotes } from '../model';
import { useEditor } from '../store/editorStore';
import { someoneElsePresents } from '../store/follow';
import { myRoundDots, useVoteNotice } from './cardClickVote';

/** How long a "why that click placed no dot" stays in the banner. */
const NOTICE_MS = 4000;

/**
 * A pill at the bottom of the canvas while a vote round is open, whatever tab the side panel shows: the
 * round's question, my dots left, its time left, how to vote, and a way to the Workshop tab.
 * A click on a card that placed no dot says why here.
 */
export function VoteBanner() {
  const { t } = useTranslation();
  const round = useEditor((s) => (s.feedback.currentRound?.status === 'open' ? s.feedback.currentRound : null));
  const now = useNow(round?.endsAt != null, 500);
  // a number, not an object: a fresh object from a selector would re-render forever
  const used = useEditor((s) => myRoundDots(s, now)?.used ?? -1);
  const facilitator = useEditor((s) => s.facilitator);
  const notice = useVoteNotice((s) => s.notice);
  // the follow banner has the bottom centre; this one sits just above it then
  const raised = useEditor((s) => someoneElsePresents(s.feedback.presenter, s.identity?.id ?? null));
  useEffect(() => {
    if (!notice) return;
    const id = setTimeout(() => useVoteNotice.getState().clear(), NOTICE_MS);
    return () => clearTimeout(id);
  }, [notice]);
  if (!round) return null;
  const accepting = roundAcceptsVotes(round, now);
  const dots = used < 0 ? null : { used, left: Math.max(0, round.votesPerPerson - used) };
  const how = facilitator && dots?.used === 0 ? t('workshop.banner.circleToVote') : t('workshop.banner.clickToVote');
  return (
    <div className={`vote-banner${notice ? ' has-notice' : ''}${raised ? ' is-raised' : ''}`} role="region" aria-label={t('workshop.banner.label')}>
      <Vote size={15} aria-hidden="true" />
      <strong className="vote-banner-title">{t('workshop.banner.open', { title: round.title })}</strong>
      {dots && (
        <span className={`vote-banner-dots${dots.left === 0 ? ' is-spent' : ''}`}>
          {dots.left > 0 ? t('workshop.banner.dotsLeft', { count: dots.left }) : t('workshop.banner.noDotsLeft')}
        </span>
      )}
      {round.endsAt && (
        <span className="vote-banner-time">
          {accepting ? t('workshop.banner.timeLeft', { time: formatCountdown(new Date(round.endsAt).getTime() - now.getTime()) }) : t('workshop.banner.timeUp')}
        </span>
      )}
      <span className={`vote-banner-hint${notice ? ' is-notice' : ''}`} role="status">
        {notice ? t(`workshop.banner.${notice.reason}Notice`) : dots && dots.left > 0 ? how : ''}
      </span>
      <button type="button" aria-label={t('workshop.banner.openWorkshopLabel')} onClick={() => useEditor.getState().setPanel('workshop')}>
        {t('workshop.banner.openWorkshop')}
      </button>
    </div>
  );
}
