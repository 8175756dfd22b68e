import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { tracksStatus } from '../model/laneKindLookup';
import { LIMITS } from '../model/limits';
import { updateCard } from '../model/ops';
import { isOpportunityStatus } from '../model/opportunityStatus';
import { OPPORTUNITY_STATUSES, type Card, type OpportunityStatus } from '../model/types';
import { useEditor } from '../store/editorStore';
import { sharedValue, useTextDraft } from './fields';

/** Whether the card's lane is of a kind whose cards carry a status and an owner (laneKinds.ts, `tracksStatus`). */
function useTracksStatus(card: Card): boolean {
  const kind = useEditor((s) => s.journey?.lanes.find((l) => l.id === card.laneId)?.kind);
  return kind !== undefined && tracksStatus(kind);
}

/**
 * What a pain point or an opportunity adds to the inspector: where the team stands on acting on
 * it (idea, planned, in progress, done) and who owns that — what the space's opportunity board
 * lists. Cards of other lanes keep whatever they hold but show neither.
 */
export function OpportunityFields({ doc, card }: { doc: Y.Doc; card: Card }) {
  const { t } = useTranslation();
  const ids = { status: useId(), owner: useId(), hint: useId() };
  const owner = useTextDraft(card.owner, (value) => updateCard(doc, card.id, { owner: value }));
  if (!useTracksStatus(card)) return null;
  return (
    <>
      <div className="pn-field" data-testid="opportunity-status">
        <label className="pn-label" htmlFor={ids.status}>
          {t('panels.opportunity.status')}
        </label>
        <select
          id={ids.status}
          className="pn-input pn-select"
          value={card.status ?? ''}
          onChange={(e) => updateCard(doc, card.id, { status: isOpportunityStatus(e.target.value) ? e.target.value : null })}
        >
          <option value="">{t('panels.opportunity.statusNone')}</option>
          {OPPORTUNITY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`panels.opportunity.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.owner}>
          {t('panels.opportunity.owner')}
        </label>
        <input
          id={ids.owner}
          className="pn-input"
          value={owner.text}
          maxLength={LIMITS.owner}
          placeholder={t('panels.opportunity.ownerPlaceholder')}
          aria-describedby={ids.hint}
          onChange={(e) => owner.onChange(e.target.value)}
          onBlur={owner.onBlur}
        />
        <p className="pn-hint" id={ids.hint}>
          {t('panels.opportunity.hint')}
        </p>
      </div>
    </>
  );
}

/** The same two facts for someone who may not change them (CardReadView): as text, in a definition list. */
export function OpportunityReadFacts({ card }: { card: Card }) {
  const { t } = useTranslation();
  if (!useTracksStatus(card)) return null;
  const none = <span className="pn-read-none">{t('panels.read.none')}</span>;
  return (
    <>
      <div>
        <dt>{t('panels.opportunity.status')}</dt>
        <dd data-status={card.status ?? 'none'}>{card.status ? t(`panels.opportunity.statuses.${card.status}`) : none}</dd>
      </div>
      <div>
        <dt>{t('panels.opportunity.owner')}</dt>
        <dd>{card.owner || none}</dd>
      </div>
    </>
  );
}

/**
 * The status of several selected cards at once (triage after a workshop), when every one of them
 * is a pain point or an opportunity: the status they share, or "Mixed" until one is chosen.
 */
export function BulkStatusField({ cards, onChange }: { cards: readonly Card[]; onChange(status: OpportunityStatus | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  const lanes = useEditor((s) => s.journey?.lanes);
  if (!lanes || cards.length === 0) return null;
  const kindOf = new Map(lanes.map((l) => [l.id, l.kind]));
  const tracked = (card: Card) => {
    const kind = kindOf.get(card.laneId);
    return kind !== undefined && tracksStatus(kind);
  };
  if (!cards.every(tracked)) return null;
  const shared = sharedValue(cards, (c) => c.status);
  return (
    <div className="pn-field">
      <label className="pn-label" htmlFor={id}>
        {t('panels.opportunity.status')}
      </label>
      <select
        id={id}
        className="pn-input pn-select"
        value={shared === undefined ? MIXED : (shared ?? '')}
        onChange={(e) => {
          if (e.target.value !== MIXED) onChange(isOpportunityStatus(e.target.value) ? e.target.value : null);
        }}
      >
        {shared === undefined && (
          <option value={MIXED} disabled>
            {t('panels.inspector.mixed')}
          </option>
        )}
        <option value="">{t('panels.opportunity.statusNone')}</option>
        {OPPORTUNITY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`panels.opportunity.statuses.${status}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

const MIXED = '__mixed';
