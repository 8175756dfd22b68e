import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTION_MAX, EMOTION_MIN } from '../../model/types';

const SCORES: number[] = [];
for (let s = EMOTION_MIN; s <= EMOTION_MAX; s++) SCORES.push(s);

/** '+2', '0', '−3' (a real minus sign). */
export function formatScore(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

/** A small face whose mouth bends with the score: a frown at −3, a wide smile at +3. */
export function EmotionFace({ score, size = 18 }: { score: number | null; size?: number }) {
  const bend = (score ?? 0) * 1.6;
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="pn-face">
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeDasharray={score === null ? '3 2.6' : undefined} />
      {score !== null && (
        <>
          <circle cx="8.8" cy="9.6" r="1.3" fill="currentColor" />
          <circle cx="15.2" cy="9.6" r="1.3" fill="currentColor" />
          <path d={`M7.6 ${15 - bend / 3} Q12 ${15 + bend} 16.4 ${15 - bend / 3}`} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

/** "Not set" plus −3…+3 as one radio group; arrow keys move between the faces. */
export function EmotionField({ value, onChange }: { value: number | null; onChange(score: number | null): void }) {
  const { t } = useTranslation();
  const name = useId();
  const labelFor = (score: number | null) =>
    score === null ? t('panels.inspector.emotionNotSet') : t('panels.inspector.emotionValue', { value: formatScore(score), label: t(`canvas.emotions.${score}`) });
  return (
    <fieldset className="pn-field pn-fieldset">
      <legend className="pn-label">{t('panels.inspector.emotion')}</legend>
      <div className="pn-segmented pn-emotion">
        {[null, ...SCORES].map((score) => (
          <label key={String(score)} className="pn-segment" data-score={score ?? 'none'} title={labelFor(score)}>
            <input type="radio" name={name} checked={value === score} onChange={() => onChange(score)} aria-label={labelFor(score)} />
            <span aria-hidden="true">
              <EmotionFace score={score} />
              <small>{score === null ? '–' : formatScore(score)}</small>
            </span>
          </label>
        ))}
      </div>
      <p className="pn-hint" aria-hidden="true">
        {labelFor(value)}
      </p>
    </fieldset>
  );
}
