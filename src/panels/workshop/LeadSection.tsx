import { Crosshair, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { useEditor } from '../../store/editorStore';
import { presenterPeer } from '../../store/follow';

/** Who leads the room, and (for the facilitator) bringing everyone's view to theirs. */
export function LeadSection() {
  const { t } = useTranslation();
  const shared = useEditor((s) => s.collab !== null);
  return (
    <section className="workshop-section" aria-labelledby="workshop-lead-title">
      <h3 id="workshop-lead-title">{t('workshop.leading.title')}</h3>
      {/* a private map has nobody to lead: say how to get people in */}
      {shared ? <Leading /> : <p className="workshop-hint">{t('workshop.lock.privateHint')}</p>}
    </section>
  );
}

function Leading() {
  const { t } = useTranslation();
  const presenter = useEditor((s) => s.feedback.presenter);
  const me = useEditor((s) => s.identity?.id ?? null);
  const facilitator = useEditor((s) => s.facilitator);
  const following = useEditor((s) => s.following);
  const present = useEditor((s) => presenterPeer(s.collab?.peers ?? [], s.feedback.presenter) !== null);
  const mine = presenter !== null && presenter.id === me;
  const status = !presenter
    ? t(facilitator ? 'workshop.leading.none' : 'workshop.leading.noneParticipant')
    : mine
      ? t('workshop.leading.you')
      : t('workshop.leading.other', { name: presenter.name });

  return (
    <>
      <p className="workshop-status">{status}</p>
      {presenter && !mine && !present && <p className="workshop-hint">{t('workshop.leading.away', { name: presenter.name })}</p>}
      <div className="workshop-row">
        {facilitator && (
          <button type="button" className="button-primary" onClick={() => runAction('workshop.bringEveryone')}>
            <Users size={15} aria-hidden="true" />
            {t('actions.workshop.bringEveryone')}
          </button>
        )}
        {facilitator && presenter && (
          <button type="button" className="button-secondary" onClick={() => runAction('workshop.stopPresenting')}>
            {t('actions.workshop.stopPresenting')}
          </button>
        )}
        {presenter && !mine && (
          <button type="button" className="button-secondary" onClick={() => useEditor.getState().setFollowing(!following)} aria-pressed={following}>
            <Crosshair size={15} aria-hidden="true" />
            {t(following ? 'workshop.leading.stopFollowing' : 'workshop.leading.follow')}
          </button>
        )}
      </div>
    </>
  );
}
