import { ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { mapPath } from '../access/routes';
import { useDetailMapChoices } from '../store/detailMapChoices';
import { useDrillTrail } from '../store/drillTrail';
import { useSpaces } from '../store/spaces';
import { navigate } from './router';

/**
 * The way back up a journey hierarchy (issue 16), before the map's title in the top bar:
 * "Parent › This map", the parent a link back to it. Only the map one level up is named, to keep
 * the top bar within a 1024 px screen; deeper levels are counted in its tooltip and reached one
 * step at a time. Shown only while the map was opened by drilling down (src/store/drillTrail.ts).
 * The parent's title is the space index's current one when known, else as it was when left; a
 * peer's text, rendered as text.
 */
export function Breadcrumb() {
  const { t } = useTranslation();
  const trail = useDrillTrail((s) => s.trail);
  const parent = trail?.parents[trail.parents.length - 1];
  const known = useDetailMapChoices((s) => (parent ? s.summaries.get(parent.id)?.title : undefined));
  const spaceId = useDetailMapChoices((s) => s.spaceId);
  if (!trail || !parent) return null;
  const title = (known ?? parent.title) || t('hierarchy.untitled');
  const above = trail.parents.length - 1;
  const back = t('hierarchy.trail.back', { title });
  return (
    <nav className="map-trail" aria-label={t('hierarchy.trail.label')} data-testid="map-trail">
      <a
        className="map-trail-link"
        href={mapPath(parent.id)}
        title={above > 0 ? `${back} · ${t('hierarchy.trail.levels', { count: above })}` : back}
        aria-label={back}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          if (spaceId) useSpaces.getState().service?.prepareMap(spaceId, parent.id);
          navigate(mapPath(parent.id));
        }}
      >
        {above > 0 && <span className="map-trail-more" aria-hidden="true">… › </span>}
        <span className="map-trail-title">{title}</span>
      </a>
      <ChevronRight size={14} aria-hidden="true" className="map-trail-sep" />
    </nav>
  );
}
