import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';
import { LeadSection } from './LeadSection';
import { LockSection } from './LockSection';
import { TimerSection } from './TimerSection';
import { VoteSection } from './VoteSection';
import './workshop.css';

/** The side panel's Workshop tab: who leads, the timer, dot-voting and (for the owner) the lock. */
export function WorkshopPanel() {
  const { t } = useTranslation();
  const facilitator = useEditor((s) => s.facilitator);
  return (
    <div className="workshop-panel">
      <LeadSection />
      <TimerSection />
      <VoteSection />
      {facilitator ? <LockSection /> : <p className="workshop-hint workshop-footnote">{t('workshop.facilitatorOnly')}</p>}
    </div>
  );
}
