import { Layers } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { emotionColor } from '../../model/emotionScale';
import { useDetailMapChoices, type DetailMapSummary } from '../../store/detailMapChoices';
import { emotionFace } from '../icons';

/*
 * Journey hierarchy (issue 16) on the canvas: a stage that drills down to a detailed map shows
 * it in its header — the detailed map's title, card count and how it feels on average (the emotion
 * scale's face and colour, the word in the accessible name and tooltip) — and a card that does
 * shows a small mark. Both open the map (click, or Enter on the focused control) through the
 * action `navigate.openDetailMap`. The figures come from the space's index
 * (src/store/detailMapChoices.ts); a link to a map the space does not hold says so and opens
 * nothing. Titles are a peer's text and render as text.
 */

/** as a card's emotion chip writes a score */
const signed = (score: number) => (score > 0 ? `+${score}` : String(score));

/** The detailed map's figures, or null while the open map's space does not hold it. */
function useSummary(mapId: string): DetailMapSummary | null {
  return useDetailMapChoices((s) => s.summaries.get(mapId) ?? null);
}

export function StageDrillDown({ stageId, mapId }: { stageId: string; mapId: string }) {
  const { t } = useTranslation();
  const summary = useSummary(mapId);
  if (!summary) {
    return (
      <span className="stage-drill is-missing" title={t('hierarchy.stage.missingHint')} data-testid="stage-drill-down">
        <Layers size={12} aria-hidden="true" />
        <span className="stage-drill-title">{t('hierarchy.stage.missing')}</span>
      </span>
    );
  }
  const title = summary.title || t('hierarchy.untitled');
  const cards = t('canvas.cards', { count: summary.cardCount });
  const score = summary.emotion;
  const feeling = score === null ? t('hierarchy.stage.noFeeling') : t('hierarchy.stage.feeling', { label: t(`canvas.emotions.${Math.round(score) || 0}`), score: signed(score) });
  const label = t('hierarchy.stage.open', { title, cards, feeling });
  const Face = score === null ? null : emotionFace(score);
  return (
    <button
      type="button"
      className="stage-drill nodrag"
      data-testid="stage-drill-down"
      data-map-id={mapId}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        runAction('navigate.openDetailMap', { target: { kind: 'stage', id: stageId }, t });
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <Layers size={12} aria-hidden="true" className="stage-drill-icon" />
      <span className="stage-drill-title">{title}</span>
      <span className="stage-drill-count" data-testid="stage-drill-cards">
        {cards}
      </span>
      {Face && score !== null && (
        <span className="stage-drill-emotion" style={{ color: emotionColor(score) }} data-testid="stage-drill-emotion" data-score={score}>
          <Face size={12} aria-hidden="true" />
          {signed(score)}
        </span>
      )}
    </button>
  );
}

/** A card's mark: a small button with the detailed map's title on hover. */
export function CardDrillDown({ cardId, mapId }: { cardId: string; mapId: string }) {
  const { t } = useTranslation();
  const summary = useSummary(mapId);
  if (!summary) {
    return (
      <span className="card-drill is-missing" title={t('hierarchy.card.missing')} data-testid="card-drill-down">
        <Layers size={11} aria-hidden="true" />
      </span>
    );
  }
  const label = t('hierarchy.card.open', { title: summary.title || t('hierarchy.untitled') });
  return (
    <button
      type="button"
      className="card-drill nodrag"
      data-testid="card-drill-down"
      data-map-id={mapId}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        runAction('navigate.openDetailMap', { target: { kind: 'card', id: cardId }, t });
      }}
      onDoubleClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <Layers size={11} aria-hidden="true" />
    </button>
  );
}
