import { RotateCcw } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { runAction } from '../../actions';
import type { CardField } from '../../model/journeyDiff';
import type { Card, Journey } from '../../model/types';
import { mayEditLiveMap, useEditor } from '../../store/editorStore';
import { inspectedStageId } from '../../store/panelFollow';
import { cardRestorable, type CardMark, type Comparison } from '../../store/versionCompare';
import { useVersionPreview } from '../../store/versionPreview';
import { signedScore } from '../../export/diffText';
import '../panels.css';
import './versions.css';

/**
 * The inspector while comparing a version with now. A card that differs shows what became of it:
 * added, removed (a ghost on the canvas), or field by field then → now, and where it moved from;
 * with "Restore this card". A stage that differs says so above its details, with "Restore this
 * stage". Anything else shows as the inspector would (`children`).
 */
export function CompareInspector({ children }: { children: ReactNode }) {
  const comparison = useVersionPreview((s) => s.comparison);
  const version = useVersionPreview((s) => s.open?.journey ?? null);
  const cardId = useEditor((s) => (s.selectedCardIds.length === 1 ? s.selectedCardIds[0]! : null));
  const stageId = useEditor(inspectedStageId);
  if (!comparison || !version) return <>{children}</>;
  const mark = cardId ? comparison.cards.get(cardId) : undefined;
  if (cardId && mark) return <CardDiffView cardId={cardId} mark={mark} comparison={comparison} version={version} />;
  if (stageId && stageDiffers(comparison, stageId)) {
    return (
      <div className="pn-stack">
        <StageDiffView stageId={stageId} comparison={comparison} />
        {children}
      </div>
    );
  }
  return <>{children}</>;
}

function stageDiffers(comparison: Comparison, stageId: string): boolean {
  return comparison.stages.has(stageId) || changedCardsOfStage(comparison, stageId) > 0;
}

function changedCardsOfStage(comparison: Comparison, stageId: string): number {
  return comparison.diff.cards.filter((d) => comparison.cards.has(d.id) && (d.before?.stageId === stageId || d.after?.stageId === stageId)).length;
}

function CardDiffView({ cardId, mark, comparison, version }: { cardId: string; mark: CardMark; comparison: Comparison; version: Journey }) {
  const { t } = useTranslation();
  const headingId = useId();
  const mayRestore = useEditor(mayEditLiveMap);
  const diff = comparison.diff.cards.find((d) => d.id === cardId);
  if (!diff) return null;
  const now = comparison.journey;
  const card = (diff.after ?? diff.before)!;
  const place = (j: Journey, c: Card) => {
    const stage = j.stages.find((s) => s.id === c.stageId);
    const lane = j.lanes.find((l) => l.id === c.laneId);
    return `${stage?.name || t('canvas.untitledStage')} · ${lane?.name || t('canvas.untitledLane')}`;
  };
  const restorable = cardRestorable(comparison, cardId);
  return (
    <section className="pn-panel vh-diff" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{t('app.panels.subject.card')}</h2>
        <span className={`vh-mark is-${mark.status === 'changed' && mark.fields.length === 0 ? 'moved' : mark.status}`}>
          {t(`versions.marks.${mark.status === 'changed' && mark.fields.length === 0 ? 'moved' : mark.status}`)}
        </span>
      </header>
      <div className="pn-body">
        <p className="vh-diff-title">{card.title || t('canvas.untitledCard')}</p>
        {mark.status === 'added' && <p className="pn-hint">{t('versions.diff.added')}</p>}
        {mark.status === 'removed' && <p className="pn-hint">{t('versions.diff.removed')}</p>}
        {mark.moved && diff.before && diff.after && (
          <p className="vh-diff-moved">
            {t('versions.diff.moved', { from: place(version, diff.before), to: place(now, diff.after) })}
          </p>
        )}
        {mark.status === 'changed' && mark.fields.length > 0 && diff.before && diff.after && (
          <>
            <p className="pn-hint">{t('versions.diff.changed')}</p>
            <dl className="vh-diff-fields">
              {mark.fields.map((field) => (
                <div key={field} className="vh-diff-field" data-field={field}>
                  <dt>{t(`versions.diff.fields.${field}`)}</dt>
                  <dd className="is-before">
                    <span className="vh-diff-when">{t('versions.diff.before')}</span>
                    <span className="vh-diff-value">{fieldText(t, field, diff.before!, version)}</span>
                  </dd>
                  <dd className="is-after">
                    <span className="vh-diff-when">{t('versions.diff.after')}</span>
                    <span className="vh-diff-value">{fieldText(t, field, diff.after!, now)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {mark.status === 'removed' && diff.before && <RemovedCardFields card={diff.before} version={version} />}
        {mayRestore && restorable && (
          <div className="vh-restore">
            <button type="button" className="pn-button" onClick={() => runAction('card.restoreFromVersion', { t })}>
              <RotateCcw size={14} aria-hidden="true" />
              {t('versions.diff.restoreCard')}
            </button>
            <p className="pn-hint">{t('versions.diff.restoreCardHint')}</p>
          </div>
        )}
      </div>
    </section>
  );
}

/** What a removed card said, as the version had it (its ghost on the canvas shows less). */
function RemovedCardFields({ card, version }: { card: Card; version: Journey }) {
  const { t } = useTranslation();
  const fields = (['body', 'emotion', 'channel', 'personaIds', 'tags', 'actor'] as const).filter((f) => !isEmptyField(card, f));
  if (fields.length === 0) return null;
  return (
    <dl className="vh-diff-list">
      {fields.map((field) => (
        <div key={field}>
          <dt>{t(`versions.diff.fields.${field}`)}</dt>
          <dd>{fieldText(t, field, card, version)}</dd>
        </div>
      ))}
    </dl>
  );
}

function isEmptyField(card: Card, field: CardField): boolean {
  const value = card[field];
  return value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** A field's value as a person reads it: names for personas, words for a channel, a signed score. */
function fieldText(t: TFunction, field: CardField, card: Card, journey: Journey): string {
  const empty = t('versions.diff.empty');
  switch (field) {
    case 'emotion':
      return card.emotion === null ? empty : signedScore(card.emotion, t);
    case 'channel':
      return card.channel ? t(`canvas.channels.${card.channel}`) : empty;
    case 'personaIds': {
      const names = card.personaIds.map((id) => journey.personas.find((p) => p.id === id)?.name).filter(Boolean);
      return names.length ? names.join(', ') : empty;
    }
    case 'tags':
      return card.tags.length ? card.tags.join(', ') : empty;
    case 'momentOfTruth':
      return card.momentOfTruth ? t('versions.diff.yes') : t('versions.diff.no');
    case 'image':
      return card.image ? t('versions.diff.image') : empty;
    case 'votes':
      return String(card.votes);
    case 'color':
      return card.color ?? empty;
    case 'stageId':
    case 'laneId':
    case 'order':
      return String(card[field]);
    default:
      return card[field] === '' ? empty : String(card[field]);
  }
}

function StageDiffView({ stageId, comparison }: { stageId: string; comparison: Comparison }) {
  const { t } = useTranslation();
  const mayRestore = useEditor(mayEditLiveMap);
  const status = comparison.stages.get(stageId);
  const cards = changedCardsOfStage(comparison, stageId);
  return (
    <div className={`vh-stage-diff is-${status ?? 'cards'}`}>
      {status && <p>{t(`versions.diff.stage${status === 'added' ? 'Added' : status === 'removed' ? 'Removed' : 'Changed'}`)}</p>}
      {cards > 0 && <p>{t('versions.diff.stageCards', { count: cards })}</p>}
      {mayRestore && status !== 'added' && (
        <div className="vh-restore">
          <button type="button" className="pn-button" onClick={() => runAction('structure.restoreStageFromVersion', { t })}>
            <RotateCcw size={14} aria-hidden="true" />
            {t('versions.diff.restoreStage')}
          </button>
          <p className="pn-hint">{t('versions.diff.restoreStageHint')}</p>
        </div>
      )}
    </div>
  );
}
