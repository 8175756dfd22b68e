import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isDetailMapId } from '../model/detailMap';
import { useEditor } from '../store/editorStore';
import { useDetailMapChoices } from '../store/detailMapChoices';

/**
 * Which map of the team space holds the detailed sub-journey of a stage or a card (drill-down,
 * issue 16): a choice among the space's other maps (`src/store/detailMapChoices.ts`, filled by
 * the app). A map in no space offers nothing to choose; a link it has already (from a file, or
 * made in the space) still shows, and can be removed. Titles are a peer's text and render as text.
 */
export function DetailMapField({ value, onChange }: { value: string | null; onChange(mapId: string | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const maps = useDetailMapChoices((s) => s.maps);
  // a link to a map archived since is not on offer, but still named (and opens from the canvas)
  const linked = useDetailMapChoices((s) => (value === null ? undefined : s.summaries.get(value)));
  const openMapId = useEditor((s) => s.session?.mapId ?? null);
  if (maps === null && value === null) return null;
  const choices = (maps ?? []).filter((m) => m.id !== openMapId && isDetailMapId(m.id));
  const known = value === null || choices.some((m) => m.id === value);
  return (
    <div className="pn-field" data-testid="detail-map">
      <label className="pn-label" htmlFor={id}>
        {t('panels.drillDown.label')}
      </label>
      <select id={id} className="pn-input pn-select" value={value ?? ''} aria-describedby={hintId} onChange={(e) => onChange(isDetailMapId(e.target.value) ? e.target.value : null)}>
        <option value="">{t('panels.drillDown.none')}</option>
        {!known && value !== null && (
          <option value={value}>{linked ? t('hierarchy.archived', { title: linked.title || t('panels.drillDown.untitled') }) : t('panels.drillDown.notInSpace')}</option>
        )}
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title || t('panels.drillDown.untitled')}
          </option>
        ))}
      </select>
      <p className="pn-hint" id={hintId}>
        {t('panels.drillDown.hint')}
      </p>
    </div>
  );
}

/** The same for someone who may not change it: the detail map's title as text, or nothing when there is none. */
export function DetailMapReadFact({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const maps = useDetailMapChoices((s) => s.maps);
  const summary = useDetailMapChoices((s) => (value === null ? undefined : s.summaries.get(value)));
  if (value === null) return null;
  const title = maps?.find((m) => m.id === value)?.title ?? summary?.title;
  return (
    <div>
      <dt>{t('panels.drillDown.label')}</dt>
      <dd>{title === undefined ? t('panels.drillDown.notInSpace') : title || t('panels.drillDown.untitled')}</dd>
    </div>
  );
}
