import { CircleDashed, Lightbulb, Quote } from 'lucide-react';
import { shownConfidence, type Confidence } from '../../model/confidence';
import type { CanvasLabels } from '../labels';

/**
 * A card's confidence, quietly (confidence.ts, `shownConfidence`): observed is a small filled
 * badge with the number of evidence items behind the card, assumed a hollow dashed "assumed",
 * proposed a lightbulb "idea". A card nobody judged and nothing backs shows nothing. Its
 * accessible name says the whole thing ("Observed: 3 pieces of evidence").
 */
export function ConfidenceMark({ confidence, evidenceCount, labels }: { confidence: Confidence | null; evidenceCount: number; labels: CanvasLabels }) {
  const shown = shownConfidence(confidence, evidenceCount);
  if (shown === null) return null;
  const { t } = labels;
  if (shown === 'observed') {
    const name = evidenceCount > 0 ? t('evidence.mark.observed', { count: evidenceCount }) : t('evidence.mark.observedNone');
    return (
      <span className={`confidence-mark is-observed${evidenceCount === 0 ? ' is-unbacked' : ''}`} role="img" aria-label={name} title={name} data-confidence="observed">
        <Quote size={10} aria-hidden="true" fill="currentColor" strokeWidth={0} />
        <span aria-hidden="true">{evidenceCount}</span>
      </span>
    );
  }
  if (shown === 'assumed') {
    const name = t('evidence.mark.assumed');
    return (
      <span className="confidence-mark is-assumed" role="img" aria-label={name} title={name} data-confidence="assumed">
        <CircleDashed size={10} aria-hidden="true" />
        <span aria-hidden="true">{t('evidence.mark.assumedShort')}</span>
      </span>
    );
  }
  const name = t('evidence.mark.proposed');
  return (
    <span className="confidence-mark is-proposed" role="img" aria-label={name} title={name} data-confidence="proposed">
      <Lightbulb size={10} aria-hidden="true" />
      <span aria-hidden="true">{t('evidence.mark.proposedShort')}</span>
    </span>
  );
}
