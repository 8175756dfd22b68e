import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENCE_LEVELS, shownConfidence, type Confidence } from '../../model/confidence';

const CHOICES: readonly (Confidence | null)[] = [null, ...CONFIDENCE_LEVELS];

/**
 * How sure the team is of the card: not stated, observed, assumed, proposed — one choice, as
 * radio buttons in a row. A hint says what the canvas shows when that differs from the choice
 * (nothing chosen but evidence attached shows "observed"; "observed" with nothing attached).
 */
export function ConfidenceField({ value, evidenceCount, onChange }: { value: Confidence | null; evidenceCount: number; onChange(value: Confidence | null): void }) {
  const { t } = useTranslation();
  const name = useId();
  const hintId = useId();
  const shown = shownConfidence(value, evidenceCount);
  const note = value === null && shown === 'observed' ? t('evidence.confidence.implied') : value === 'observed' && evidenceCount === 0 ? t('evidence.confidence.observedEmpty') : null;
  return (
    <fieldset className="pn-field pn-fieldset" aria-describedby={hintId}>
      <legend className="pn-label">{t('evidence.confidence.label')}</legend>
      <div className="pn-segmented ev-confidence" role="radiogroup" aria-label={t('evidence.confidence.label')}>
        {CHOICES.map((level) => (
          <label key={level ?? 'none'} className="pn-segment" data-confidence={level ?? 'none'}>
            <input type="radio" name={name} checked={value === level} onChange={() => onChange(level)} />
            <span>{level === null ? t('evidence.confidence.none') : t(`evidence.confidence.${level}`)}</span>
          </label>
        ))}
      </div>
      <p className="pn-hint" id={hintId}>
        {note ?? t('evidence.confidence.hint')}
      </p>
    </fieldset>
  );
}
