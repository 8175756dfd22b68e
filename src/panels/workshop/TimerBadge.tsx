import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { timerRemainingMs } from '../../model';
import { useEditor } from '../../store/editorStore';
import { formatCountdown, useNow } from '../index';
import './workshop.css';

/**
 * The workshop timer as everyone sees it: in the editor's top bar and over the slides. The
 * time left is computed from the shared end time, so every screen counts down together.
 */
export function TimerBadge({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const timer = useEditor((s) => s.feedback.timer);
  const now = useNow(timer.status === 'running');
  if (timer.status === 'idle') return null;
  const left = timerRemainingMs(timer, now);
  const up = timer.status === 'running' && left <= 0;
  return (
    <div
      className={`timer-badge is-${up ? 'up' : timer.status} ${className}`}
      role="timer"
      aria-label={t('workshop.timer.label')}
      title={up ? t('workshop.timer.up') : t(timer.status === 'paused' ? 'workshop.timer.paused' : 'workshop.timer.running', { time: formatCountdown(left) })}
    >
      <Timer size={15} aria-hidden="true" />
      <span className="timer-badge-time">{up ? t('workshop.timer.up') : formatCountdown(left)}</span>
    </div>
  );
}
