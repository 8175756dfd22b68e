import { CircleDashed, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countAssumptions, useAssumptionFilter } from '../store/assumptionFilter';
import { useEditor } from '../store/editorStore';

/**
 * While "show assumptions" is on (the toolbar button, A, or the command palette): a pill over
 * the canvas that says so and how many cards rest on no evidence, with a way out (its button, or
 * Escape). The filter belongs to the open map: leaving it turns the filter off.
 */
export function AssumptionsBanner() {
  const { t } = useTranslation();
  const on = useAssumptionFilter((s) => s.on);
  const journey = useEditor((s) => s.journey);
  useEffect(() => () => useAssumptionFilter.getState().stop(), []);
  const count = useMemo(() => (on && journey ? countAssumptions(journey.cards, journey.evidence) : 0), [on, journey]);
  if (!on || !journey) return null;
  const total = journey.cards.length;
  return (
    <div className="assumptions-banner" role="status">
      <CircleDashed size={15} aria-hidden="true" />
      <span className="assumptions-banner-text">{count === 0 ? t('evidence.filter.bannerNone') : t('evidence.filter.banner', { count, total })}</span>
      <span className="assumptions-banner-hint">{t('evidence.filter.stopHint')}</span>
      <button type="button" aria-label={t('evidence.filter.stop')} title={t('evidence.filter.stop')} onClick={() => useAssumptionFilter.getState().stop()}>
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
