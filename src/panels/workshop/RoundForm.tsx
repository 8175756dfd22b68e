import { Vote } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startRound } from '../../model';
import { laneKindDescriptor, votableLaneKinds } from '../../model/laneKindLookup';
import { LIMITS } from '../../model/limits';
import { feedbackActor, useEditor } from '../../store/editorStore';

const TIME_LIMITS_MIN = [0, 1, 2, 3, 5, 10];

/** The facilitator's form for a new dot-voting round. */
export function RoundForm({ onStarted }: { onStarted?(): void }) {
  const { t } = useTranslation();
  const lanes = useEditor((s) => s.journey?.lanes ?? []);
  const roundCount = useEditor((s) => s.feedback.rounds.length);
  const [title, setTitle] = useState('');
  const [votesPerPerson, setVotesPerPerson] = useState(3);
  // ticked at first: the lanes of kinds people usually vote on (what hurts, what could be better)
  const [laneIds, setLaneIds] = useState<Set<string>>(() => {
    const votable = votableLaneKinds();
    return new Set(lanes.filter((l) => votable.has(l.kind)).map((l) => l.id));
  });
  const [anonymous, setAnonymous] = useState(false);
  const [limitMin, setLimitMin] = useState(0);

  const toggleLane = (id: string) =>
    setLaneIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    const state = useEditor.getState();
    const { session, identity } = state;
    const me = feedbackActor(state);
    // only the facilitator runs rounds; the model refuses anyone else too
    if (!session || !me?.owner) return;
    startRound(session.feedback, me, {
      title: title.trim() || t('workshop.vote.defaultTitle', { number: roundCount + 1 }),
      votesPerPerson,
      // every lane ticked is the same as "all lanes", which also covers lanes added later
      laneIds: laneIds.size === lanes.length ? [] : lanes.filter((l) => laneIds.has(l.id)).map((l) => l.id),
      anonymous,
      durationMs: limitMin > 0 ? limitMin * 60_000 : null,
      startedBy: identity?.name ?? '',
    });
    setTitle('');
    onStarted?.();
  };

  return (
    <form className="workshop-form" onSubmit={start} aria-label={t('workshop.vote.newRound')}>
      <label className="workshop-field">
        <span>{t('workshop.vote.roundTitle')}</span>
        <input
          id="workshop-round-title"
          type="text"
          value={title}
          maxLength={LIMITS.roundTitle}
          placeholder={t('workshop.vote.roundTitlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="workshop-row">
        <label className="workshop-inline-field">
          <span>{t('workshop.vote.votesPerPerson')}</span>
          <input type="number" min={1} max={20} value={votesPerPerson} onChange={(e) => setVotesPerPerson(Math.min(20, Math.max(1, Math.round(Number(e.target.value) || 1))))} />
        </label>
        <label className="workshop-inline-field">
          <span>{t('workshop.vote.timeLimit')}</span>
          <select value={limitMin} onChange={(e) => setLimitMin(Number(e.target.value))}>
            {TIME_LIMITS_MIN.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('workshop.vote.noLimit') : t('workshop.timer.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="workshop-lanes">
        <legend>{t('workshop.vote.lanes')}</legend>
        {lanes.map((lane) => (
          <label key={lane.id} className="workshop-check">
            <input type="checkbox" checked={laneIds.has(lane.id)} onChange={() => toggleLane(lane.id)} />
            <span>{lane.name || t(laneKindDescriptor(lane.kind).labelKey)}</span>
          </label>
        ))}
      </fieldset>
      <label className="workshop-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span>{t('workshop.vote.anonymous')}</span>
      </label>
      <button type="submit" className="button-primary" disabled={laneIds.size === 0}>
        <Vote size={15} aria-hidden="true" />
        {t('workshop.vote.start')}
      </button>
    </form>
  );
}
