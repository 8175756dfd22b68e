import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { isBlueprintKind } from '../model/blueprint';
import { linkBetween, servesCandidates } from '../model/blueprintView';
import { laneKindDescriptor } from '../model/laneKindLookup';
import { LIMITS } from '../model/limits';
import { addLink, deleteLink, updateCard } from '../model/ops';
import type { Card } from '../model/types';
import { useEditor } from '../store/editorStore';
import { useTextDraft } from './fields';

/**
 * What a card on a service blueprint's rows adds to the inspector: who does it (on the staff
 * rows, whose descriptor says `actor`), and which of the customer's cards in its stage it serves
 * (a link between the two, drawn on the canvas as a short connector beside the column).
 */
export function BlueprintFields({ doc, card }: { doc: Y.Doc; card: Card }) {
  const kind = useEditor((s) => s.journey?.lanes.find((l) => l.id === card.laneId)?.kind);
  if (!kind || !isBlueprintKind(kind)) return null;
  return (
    <>
      {laneKindDescriptor(kind).actor && <ActorField doc={doc} card={card} />}
      <ServesField doc={doc} card={card} />
    </>
  );
}

function ActorField({ doc, card }: { doc: Y.Doc; card: Card }) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useTextDraft(card.actor, (actor) => updateCard(doc, card.id, { actor }));
  return (
    <div className="pn-field">
      <label className="pn-label" htmlFor={id}>
        {t('panels.blueprint.actor')}
      </label>
      <input
        id={id}
        className="pn-input"
        value={draft.text}
        maxLength={LIMITS.actor}
        placeholder={t('panels.blueprint.actorPlaceholder')}
        onChange={(e) => draft.onChange(e.target.value)}
        onBlur={draft.onBlur}
      />
    </div>
  );
}

function ServesField({ doc, card }: { doc: Y.Doc; card: Card }) {
  const { t } = useTranslation();
  const hintId = useId();
  const journey = useEditor((s) => s.journey);
  const candidates = useMemo(() => (journey ? servesCandidates(journey, card) : []), [journey, card]);
  const laneNames = useMemo(() => new Map(journey?.lanes.map((l) => [l.id, l.name || t(laneKindDescriptor(l.kind).labelKey)]) ?? []), [journey, t]);
  const links = journey?.links ?? [];
  return (
    <fieldset className="pn-field pn-fieldset" aria-describedby={hintId}>
      <legend className="pn-label">{t('panels.blueprint.serves')}</legend>
      <p className="pn-hint" id={hintId}>
        {t(candidates.length === 0 ? 'panels.blueprint.servesNone' : 'panels.blueprint.servesHint')}
      </p>
      {candidates.length > 0 && (
        <ul className="pn-checklist pn-serves">
          {candidates.map((other) => {
            const link = linkBetween(links, card.id, other.id);
            return (
              <li key={other.id}>
                <label className="pn-check">
                  <input
                    type="checkbox"
                    checked={link !== undefined}
                    onChange={(e) => {
                      // from the staff card to the customer's: the arrow on the canvas points at what is served
                      if (e.target.checked) addLink(doc, { fromCardId: card.id, toCardId: other.id });
                      else if (link) deleteLink(doc, link.id);
                    }}
                  />
                  <span className="pn-check-name">{other.title || t('canvas.untitledCard')}</span>
                  <span className="pn-check-role">{laneNames.get(other.laneId)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
