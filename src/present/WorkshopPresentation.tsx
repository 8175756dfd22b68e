import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setPresenter } from '../model';
import { withoutBlueprint } from '../model/blueprintView';
import { feedbackActor, useEditor } from '../store/editorStore';
import { presenterPeer } from '../store/follow';
import { TimerBadge } from '../panels/workshop';
import { ObservationButton } from './ObservationForm';
import { Presentation } from './Presentation';

/**
 * Present mode over the editor's open map. The facilitator of a shared map who presents leads
 * the room: their current stage goes out through awareness and everyone following sees it (in
 * the editor, the stage's column; in present mode, the same slide). A participant who presents
 * while someone leads follows the leader's slides.
 */
export function WorkshopPresentation({ onLeave }: { onLeave(): void }) {
  const { t } = useTranslation();
  const fullJourney = useEditor((s) => s.journey);
  // the slides show what the canvas shows: without the blueprint lanes while this device hides them
  const blueprintHidden = useEditor((s) => s.blueprintHidden);
  const journey = useMemo(() => (fullJourney && blueprintHidden ? withoutBlueprint(fullJourney) : fullJourney), [fullJourney, blueprintHidden]);
  const shared = useEditor((s) => s.collab !== null);
  const facilitator = useEditor((s) => s.facilitator);
  const me = useEditor((s) => s.identity);
  const presenter = useEditor((s) => s.feedback.presenter);
  const following = useEditor((s) => s.following);
  const leaderStage = useEditor((s) => {
    const leader = s.feedback.presenter;
    if (!leader || leader.id === s.identity?.id || !s.following) return null;
    return presenterPeer(s.collab?.peers ?? [], leader)?.view?.stageId ?? null;
  });

  // a facilitator who presents a shared map leads the room (already leading: nobody is pulled back)
  useEffect(() => {
    const state = useEditor.getState();
    const { session, identity, feedback } = state;
    const me = feedbackActor(state);
    if (shared && me?.owner && session && identity && feedback.presenter?.id !== identity.id) {
      setPresenter(session.feedback, me, { id: identity.id, name: identity.name });
    }
  }, [shared, facilitator]);

  /** the stage on screen, whose cards an observation is offered for first */
  const [shownStage, setShownStage] = useState<string | null>(null);
  const onStageShown = useCallback((stageId: string) => {
    setShownStage(stageId);
    useEditor.getState().presence?.setView({ area: null, stageId, presenting: true });
  }, []);

  // leaving present mode: my view is the canvas again (the canvas publishes it when it moves)
  useEffect(() => () => useEditor.getState().presence?.setView({ area: null, stageId: null, presenting: false }), []);

  if (!journey) return null;
  if (journey.stages.length === 0) {
    return (
      <div className="screen-message">
        <h1>{t('present.noStages')}</h1>
        <button type="button" className="button-primary" onClick={onLeave}>
          {t('present.backToEditor')}
        </button>
      </div>
    );
  }
  const followingSomeone = presenter !== null && presenter.id !== me?.id;
  return (
    <Presentation journey={journey} onLeave={onLeave} followStageId={leaderStage} onStageShown={onStageShown}>
      <div className="present-workshop">
        <TimerBadge className="is-large" />
        {followingSomeone && (
          <button
            type="button"
            className={`present-follow${following ? ' is-following' : ''}`}
            aria-pressed={following}
            title={t(following ? 'workshop.leading.stopFollowing' : 'workshop.leading.follow')}
            onClick={() => useEditor.getState().setFollowing(!following)}
          >
            {t(following ? 'workshop.leading.following' : 'workshop.leading.notFollowing', { name: presenter.name })}
          </button>
        )}
        {/* for those following someone's slides: the presenter's own screen is the room's projector */}
        {shared && followingSomeone && <ObservationButton journey={journey} stageId={shownStage} />}
      </div>
    </Presentation>
  );
}
