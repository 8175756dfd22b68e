import { Pause, Play, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { setTimerDuration, timerRemainingMs } from '../../model';
import { feedbackActor, useEditor } from '../../store/editorStore';
import { formatCountdown, useNow } from '../index';

const DURATIONS_MIN = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

/** The facilitator's timer controls; everyone else sees the countdown. */
export function TimerSection() {
  const { t } = useTranslation();
  const timer = useEditor((s) => s.feedback.timer);
  const facilitator = useEditor((s) => s.facilitator);
  const now = useNow(timer.status === 'running');
  const left = timerRemainingMs(timer, now);
  const minutes = Math.round(timer.durationMs / 60_000);
  const options = DURATIONS_MIN.includes(minutes) ? DURATIONS_MIN : [...DURATIONS_MIN, minutes].sort((a, b) => a - b);

  return (
    <section className="workshop-section" aria-labelledby="workshop-timer-title">
      <h3 id="workshop-timer-title">{t('workshop.timer.title')}</h3>
      <p className={`workshop-countdown is-${timer.status}${timer.status === 'running' && left <= 0 ? ' is-up' : ''}`} role="timer" aria-live="off">
        {timer.status === 'running' && left <= 0 ? t('workshop.timer.up') : formatCountdown(timer.status === 'idle' ? timer.durationMs : left)}
      </p>
      {facilitator && (
        <div className="workshop-row">
          <label className="workshop-inline-field">
            <span>{t('workshop.timer.duration')}</span>
            <select
              value={minutes}
              disabled={timer.status === 'running'}
              onChange={(e) => {
                const state = useEditor.getState();
                const me = feedbackActor(state);
                if (state.session && me) setTimerDuration(state.session.feedback, me, Number(e.target.value) * 60_000);
              }}
            >
              {options.map((m) => (
                <option key={m} value={m}>
                  {t('workshop.timer.minutes', { count: m })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button-primary" onClick={() => runAction('workshop.toggleTimer')}>
            {timer.status === 'running' ? <Pause size={15} aria-hidden="true" /> : <Play size={15} aria-hidden="true" />}
            {t(timer.status === 'running' ? 'workshop.timer.pause' : timer.status === 'paused' ? 'workshop.timer.resume' : 'workshop.timer.start')}
          </button>
          <button type="button" className="button-secondary" disabled={timer.status === 'idle'} onClick={() => runAction('workshop.resetTimer')}>
            <RotateCcw size={15} aria-hidden="true" />
            {t('workshop.timer.reset')}
          </button>
        </div>
      )}
    </section>
  );
}
