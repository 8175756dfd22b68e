import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../model/limits';
import { updateCard, type CardPatch } from '../model/ops';
import { LOCAL_ORIGIN } from '../model/origin';
import { CHANNELS, isOnlineChannel, type Card, type Channel, type Persona } from '../model/types';
import { selectedCards, useEditor } from '../store/editorStore';
import { BlueprintFields } from './BlueprintFields';
import { CardImageField } from './CardImageField';
import { CardReadView } from './CardReadView';
import { DetailMapField } from './DetailMapField';
import { BulkStatusField, OpportunityFields } from './OpportunityFields';
import { ConfidenceField, EvidenceSection, useCardEvidence } from './evidence';
import { BodyField, ColorField, EmotionField, useShortcutLabel, coverage, sharedValue, LinksField, TagsField, TriCheckbox, useTextDraft } from './fields';
import './panels.css';

const NO_PERSONAS: Persona[] = [];
const ONLINE = CHANNELS.filter(isOnlineChannel);
const OFFLINE = CHANNELS.filter((c) => !isOnlineChannel(c));

/**
 * The side panel for the selection: every field of one card, the bulk fields of several, or a
 * short guide when nothing is selected. Edits go straight to the Y.Doc through the model's
 * operations; the panel re-renders from the store's derived view. On a read-only map (view or
 * comment link, locked map) it shows the card as text instead (CardReadView).
 */
export function Inspector() {
  const { t } = useTranslation();
  const doc = useEditor((s) => s.session?.doc ?? null);
  const count = useEditor((s) => (s.journey ? s.selectedCardIds.length : 0));
  const readOnly = useEditor((s) => s.readOnly);
  const headingId = useId();
  const heading = count === 0 ? t('panels.inspector.emptyHeading') : count === 1 ? t('panels.inspector.heading') : t('panels.inspector.manySelected', { count });
  return (
    <section className="pn-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{heading}</h2>
      </header>
      {!doc || count === 0 ? <NothingSelected /> : count === 1 ? <SingleCard doc={doc} /> : readOnly ? <ManyCardsRead /> : <ManyCards doc={doc} />}
    </section>
  );
}

function NothingSelected() {
  const { t } = useTranslation();
  const readOnly = useEditor((s) => s.readOnly);
  const shortcutLabel = useShortcutLabel();
  if (readOnly) {
    return (
      <div className="pn-body pn-empty">
        <p>{t('panels.inspector.emptyIntroReadOnly')}</p>
      </div>
    );
  }
  const shortcuts = [
    { key: 'N', text: t('panels.inspector.emptyAdd') },
    { key: 'L', text: t('panels.inspector.emptyLink') },
    { key: shortcutLabel('Mod+K'), text: t('panels.inspector.emptyPalette') },
  ];
  return (
    <div className="pn-body pn-empty">
      <p>{t('panels.inspector.emptyIntro')}</p>
      <p className="pn-hint">{t('panels.inspector.emptySelect')}</p>
      <ul className="pn-shortcuts">
        {shortcuts.map((s) => (
          <li key={s.key}>
            <kbd>{s.key}</kbd>
            <span>{s.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function usePersonas(): Persona[] {
  return useEditor(useShallow((s) => s.journey?.personas ?? NO_PERSONAS));
}

function SingleCard({ doc }: { doc: Y.Doc }) {
  const card = useEditor((s) => {
    const id = s.selectedCardIds[0];
    return s.journey?.cards.find((c) => c.id === id);
  });
  const readOnly = useEditor((s) => s.readOnly);
  if (!card) return null;
  if (readOnly) return <CardReadView card={card} />;
  // a fresh set of fields per card, so no draft text leaks from one card into the next
  return <CardFields key={card.id} doc={doc} card={card} />;
}

function CardFields({ doc, card }: { doc: Y.Doc; card: Card }) {
  const { t } = useTranslation();
  const shortcutLabel = useShortcutLabel();
  const personas = usePersonas();
  const stageName = useEditor((s) => s.journey?.stages.find((x) => x.id === card.stageId)?.name);
  const laneName = useEditor((s) => s.journey?.lanes.find((x) => x.id === card.laneId)?.name);
  const update = (patch: CardPatch) => updateCard(doc, card.id, patch);
  const title = useTextDraft(card.title, (value) => update({ title: value }));
  const evidenceCount = useCardEvidence(card.id).length;
  const ids = { title: useId(), body: useId(), channel: useId(), mot: useId(), motHint: useId() };

  return (
    <div className="pn-body">
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.title}>
          {t('panels.inspector.title')}
        </label>
        <input
          id={ids.title}
          className="pn-input pn-input-title"
          value={title.text}
          maxLength={LIMITS.cardTitle}
          placeholder={t('panels.inspector.titlePlaceholder')}
          onChange={(e) => title.onChange(e.target.value)}
          onBlur={title.onBlur}
        />
      </div>

      <BlueprintFields doc={doc} card={card} />

      <OpportunityFields doc={doc} card={card} />

      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.body}>
          {t('panels.inspector.body')}
        </label>
        <BodyField id={ids.body} className="pn-input pn-textarea pn-notes" rows={5} doc={doc} cardId={card.id} body={card.body} placeholder={t('panels.inspector.bodyPlaceholder')} />
      </div>

      <CardImageField card={card} />

      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.channel}>
          {t('panels.inspector.channel')}
        </label>
        <div className="pn-row">
          <select
            id={ids.channel}
            className="pn-input pn-select"
            value={card.channel ?? ''}
            onChange={(e) => update({ channel: (e.target.value || null) as Channel | null })}
          >
            <option value="">{t('panels.inspector.channelNone')}</option>
            <optgroup label={t('panels.inspector.online')}>
              {ONLINE.map((c) => (
                <option key={c} value={c}>
                  {t(`canvas.channels.${c}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('panels.inspector.offline')}>
              {OFFLINE.map((c) => (
                <option key={c} value={c}>
                  {t(`canvas.channels.${c}`)}
                </option>
              ))}
            </optgroup>
          </select>
          {card.channel && (
            <span className={`pn-badge ${isOnlineChannel(card.channel) ? 'is-online' : 'is-offline'}`}>
              {isOnlineChannel(card.channel) ? t('panels.inspector.online') : t('panels.inspector.offline')}
            </span>
          )}
        </div>
      </div>

      <EmotionField value={card.emotion} onChange={(emotion) => update({ emotion })} />

      <PersonaChecks
        personas={personas}
        state={(p) => card.personaIds.includes(p.id)}
        onToggle={(p, on) => update({ personaIds: on ? [...card.personaIds, p.id] : card.personaIds.filter((id) => id !== p.id) })}
      />

      <TagsField tags={card.tags} onChange={(tags) => update({ tags })} />

      <ColorField legend={t('panels.inspector.color')} value={card.color} allowDefault onChange={(color) => update({ color })} />

      <div className="pn-field">
        <label className="pn-switch" htmlFor={ids.mot}>
          <input
            id={ids.mot}
            type="checkbox"
            role="switch"
            checked={card.momentOfTruth}
            aria-describedby={ids.motHint}
            onChange={(e) => update({ momentOfTruth: e.target.checked })}
          />
          <span className="pn-switch-text">{t('panels.inspector.momentOfTruth')}</span>
        </label>
        <p className="pn-hint" id={ids.motHint}>
          {t('panels.inspector.momentOfTruthHint')}
        </p>
      </div>

      <ConfidenceField value={card.confidence} evidenceCount={evidenceCount} onChange={(confidence) => update({ confidence })} />

      <EvidenceSection doc={doc} cardId={card.id} />

      <LinksField cardId={card.id} />

      <DetailMapField value={card.detailMapId} onChange={(detailMapId) => update({ detailMapId })} />

      <section className="pn-section" aria-label={t('panels.inspector.details')}>
        <dl className="pn-meta">
          <div>
            <dt>{t('panels.inspector.stage')}</dt>
            <dd>{stageName || t('canvas.untitledStage')}</dd>
          </div>
          <div>
            <dt>{t('panels.inspector.lane')}</dt>
            <dd>{laneName || t('canvas.untitledLane')}</dd>
          </div>
          <div>
            <dt>{t('panels.inspector.votes')}</dt>
            <dd>{card.votes}</dd>
          </div>
        </dl>
        <p className="pn-hint">
          <Trans i18nKey="panels.inspector.deleteHintOne" values={{ key: shortcutLabel('Delete'), undo: shortcutLabel('Mod+Z') }} components={{ kbd: <kbd /> }} />
        </p>
      </section>
    </div>
  );
}

function ManyCards({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const shortcutLabel = useShortcutLabel();
  const cards = useEditor(useShallow(selectedCards));
  const personas = usePersonas();
  const mot = coverage(cards, (c) => c.momentOfTruth);
  const motId = useId();
  // one transaction for the whole selection: one undo step, one update to peers
  const updateAll = (patchFor: (card: Card) => CardPatch) =>
    doc.transact(() => {
      for (const card of cards) updateCard(doc, card.id, patchFor(card));
    }, LOCAL_ORIGIN);

  return (
    <div className="pn-body">
      <p className="pn-hint">{t('panels.inspector.manyIntro')}</p>

      <ColorField
        legend={t('panels.inspector.color')}
        value={sharedValue(cards, (c) => c.color)}
        allowDefault
        onChange={(color) => updateAll(() => ({ color }))}
      />

      <div className="pn-field">
        <label className="pn-check" htmlFor={motId}>
          <TriCheckbox
            id={motId}
            checked={mot === 'all' ? true : mot === 'some' ? 'mixed' : false}
            onChange={() => updateAll(() => ({ momentOfTruth: mot !== 'all' }))}
          />
          <span>{t('panels.inspector.momentOfTruth')}</span>
        </label>
      </div>

      <BulkStatusField cards={cards} onChange={(status) => updateAll(() => ({ status }))} />

      <PersonaChecks
        personas={personas}
        state={(p) => {
          const c = coverage(cards, (card) => card.personaIds.includes(p.id));
          return c === 'all' ? true : c === 'some' ? 'mixed' : false;
        }}
        onToggle={(p, on) =>
          updateAll((card) => ({
            personaIds: on ? (card.personaIds.includes(p.id) ? card.personaIds : [...card.personaIds, p.id]) : card.personaIds.filter((id) => id !== p.id),
          }))
        }
      />

      <div className="pn-section">
        <p className="pn-hint">
          <Trans i18nKey="panels.inspector.deleteHint" values={{ key: shortcutLabel('Delete'), undo: shortcutLabel('Mod+Z') }} components={{ kbd: <kbd /> }} />
        </p>
      </div>
    </div>
  );
}

/** Several cards for someone who may not change them: their titles. */
function ManyCardsRead() {
  const { t } = useTranslation();
  const cards = useEditor(useShallow(selectedCards));
  return (
    <div className="pn-body pn-read">
      <p className="pn-hint">{t('panels.inspector.manyIntroReadOnly')}</p>
      <ul className="pn-read-links">
        {cards.map((c) => (
          <li key={c.id}>{c.title || t('canvas.untitledCard')}</li>
        ))}
      </ul>
    </div>
  );
}

function PersonaChecks({
  personas,
  state,
  onToggle,
}: {
  personas: readonly Persona[];
  state(persona: Persona): boolean | 'mixed';
  onToggle(persona: Persona, on: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="pn-field pn-fieldset">
      <legend className="pn-label">{t('panels.inspector.personas')}</legend>
      {personas.length === 0 ? (
        <p className="pn-hint">{t('panels.inspector.noPersonas')}</p>
      ) : (
        <ul className="pn-checklist">
          {personas.map((p) => {
            const checked = state(p);
            return (
              <li key={p.id}>
                <label className="pn-check">
                  <TriCheckbox checked={checked} onChange={() => onToggle(p, checked !== true)} />
                  <span className="pn-dot" style={{ background: p.color }} aria-hidden="true" />
                  <span className="pn-check-name">{p.name || t('panels.personas.unnamed')}</span>
                  {p.role && <span className="pn-check-role">{p.role}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
