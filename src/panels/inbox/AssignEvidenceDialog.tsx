import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import { inboxItems, type EvidenceItem } from '../../model/evidence';
import { buildSuggestionIndex, suggestCards } from '../../model/evidenceSuggest';
import { assignEvidence } from '../../model/ops/evidence';
import type { Card, Journey } from '../../model/types';
import { useEditor } from '../../store/editorStore';
import { filterWords, fold, useInbox } from '../../store/evidenceInbox';
import { cardName, suggestionWhy } from './itemText';
import './inbox.css';

/** Cards listed before the search narrows them: a big map's 5,000 cards would not help anyone pick. */
const LISTED = 200;
/** Suggestions worked out for at most this many items (more picked items: the first ones speak for all). */
const SUGGEST_FROM = 60;

interface Option {
  card: Card;
  /** why it is suggested, for a suggestion */
  why: string | null;
  key: string;
}

/**
 * "Assign to card…" (issue 18): the inbox items being assigned, the cards their words suggest
 * first (with why), then every card, narrowed by a search box. ↑/↓ choose, Enter assigns, and one
 * transaction moves all the items (one undo step).
 */
export function AssignEvidenceDialog() {
  const { t } = useTranslation();
  const journey = useEditor((s) => s.journey);
  const ids = useInbox((s) => s.assigning);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const close = () => {
    useInbox.getState().finishAssign();
    useEditor.getState().setDialog(null);
  };

  const items = useMemo(() => {
    const wanted = new Set(ids);
    return inboxItems(journey?.evidence ?? []).filter((item) => wanted.has(item.id));
  }, [journey?.evidence, ids]);

  const suggested = useMemo(() => (journey ? suggestionsFor(items, journey, t) : []), [items, journey, t]);

  const options = useMemo(() => {
    if (!journey) return { suggested: [] as Option[], all: [] as Option[], more: 0 };
    const words = filterWords(query);
    const matching = words.length === 0 ? journey.cards : journey.cards.filter((card) => cardMatches(card, words));
    const inOrder = cardsInMapOrder(matching, journey);
    const sugg = words.length === 0 ? suggested : suggested.filter((o) => cardMatches(o.card, words));
    return {
      suggested: sugg.map((o) => ({ ...o, key: `s-${o.card.id}` })),
      all: inOrder.slice(0, LISTED).map((card) => ({ card, why: null, key: `a-${card.id}` })),
      more: Math.max(0, inOrder.length - LISTED),
    };
  }, [journey, query, suggested]);

  const flat = [...options.suggested, ...options.all];
  useEffect(() => {
    document.getElementById(optionId(listId, activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, listId]);
  const current = flat[Math.min(activeIndex, flat.length - 1)] ?? null;

  const assign = (cardId: string) => {
    const { session, readOnly } = useEditor.getState();
    if (!session || readOnly || items.length === 0) return;
    const card = journey?.cards.find((c) => c.id === cardId);
    // its own undo step, not merged with an edit made just before
    session.undo.stopCapturing();
    const moved = assignEvidence(session.doc, items.map((item) => item.id), cardId);
    const inbox = useInbox.getState();
    if (moved > 0) {
      // the keyboard goes on with the next item still waiting
      const waiting = inboxItems(journey?.evidence ?? []);
      const gone = new Set(items.map((item) => item.id));
      const at = waiting.findIndex((item) => gone.has(item.id));
      const next = waiting.slice(at).find((item) => !gone.has(item.id)) ?? [...waiting].reverse().find((item) => !gone.has(item.id));
      inbox.setPicked(inbox.selected.filter((id) => !gone.has(id)));
      inbox.setActive(next?.id ?? null);
      inbox.say(t('inbox.assigned', { count: moved, card: card ? cardName(card, t) : t('inbox.untitledCard') }));
      inbox.requestRowFocus();
    }
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((i) => Math.max(0, Math.min(flat.length - 1, i + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) assign(current.card.id);
    }
  };

  const title = t('inbox.assignDialog.title', { count: items.length });
  const place = (card: Card) => {
    const stage = journey?.stages.find((s) => s.id === card.stageId);
    const lane = journey?.lanes.find((l) => l.id === card.laneId);
    return t('inbox.assignDialog.where', { stage: stage?.name.trim() || t('canvas.untitledStage'), lane: lane?.name.trim() || t('canvas.untitledLane') });
  };

  const renderOption = (option: Option, index: number) => (
    <li
      key={option.key}
      id={optionId(listId, index)}
      role="option"
      aria-selected={current?.key === option.key}
      className="ib-option"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => assign(option.card.id)}
      onMouseMove={() => index !== activeIndex && setActiveIndex(index)}
    >
      <span className="ib-option-title">{cardName(option.card, t)}</span>
      <span className="ib-option-where">{place(option.card)}</span>
      {option.why && <span className="ib-option-why">{option.why}</span>}
    </li>
  );

  return (
    <ModalDialog title={title} closeLabel={t('inbox.close')} onClose={close} className="ib-dialog ib-assign" initialFocus={input}>
      <div className="ib-dialog-body">
        {items.length === 0 ? (
          <p>{t('inbox.assignDialog.nothing')}</p>
        ) : (
          <div className="ib-assign-items">
            {items.length === 1 ? <p>{items[0]!.text}</p> : <p>{t('inbox.assignDialog.many', { count: items.length, first: items[0]!.text })}</p>}
          </div>
        )}
        <input
          ref={input}
          type="search"
          className="ib-assign-search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? optionId(listId, flat.indexOf(current)) : undefined}
          aria-label={t('inbox.assignDialog.search')}
          placeholder={t('inbox.assignDialog.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="ib-options" role="listbox" id={listId} aria-label={t('inbox.assignDialog.cards')}>
          {options.suggested.length > 0 && (
            <li role="presentation" className="ib-group">
              {t('inbox.assignDialog.suggested')}
            </li>
          )}
          {options.suggested.map((o, i) => renderOption(o, i))}
          <li role="presentation" className="ib-group">
            {t('inbox.assignDialog.allCards')}
          </li>
          {options.all.map((o, i) => renderOption(o, options.suggested.length + i))}
          {flat.length === 0 && (
            <li role="presentation" className="ib-none">
              {t('inbox.assignDialog.noCards')}
            </li>
          )}
          {options.more > 0 && (
            <li role="presentation" className="ib-none">
              {t('inbox.assignDialog.more', { count: options.more })}
            </li>
          )}
        </ul>
        <p className="pn-hint">{t('inbox.assignDialog.keys')}</p>
      </div>
      <div className="ib-dialog-foot">
        <button type="button" className="pn-button" onClick={close}>
          {t('inbox.cancel')}
        </button>
        <button type="button" className="pn-button pn-button-primary" disabled={!current || items.length === 0} onClick={() => current && assign(current.card.id)}>
          {current ? t('inbox.assignDialog.assignTo', { card: cardName(current.card, t) }) : t('inbox.assignDialog.assign')}
        </button>
      </div>
    </ModalDialog>
  );
}

const optionId = (listId: string, index: number) => `${listId}-o${index}`;

function cardMatches(card: Card, words: readonly string[]): boolean {
  const haystack = fold(`${card.title}\n${card.body}\n${card.tags.join(' ')}`);
  return words.every((w) => haystack.includes(w));
}

/** Stage by stage, lane by lane, as the canvas shows them. */
function cardsInMapOrder(cards: readonly Card[], journey: Journey): Card[] {
  const stage = new Map(journey.stages.map((s, i) => [s.id, i]));
  const lane = new Map(journey.lanes.map((l, i) => [l.id, i]));
  return cards
    .map((card, i) => ({ card, i }))
    .sort((a, b) => (stage.get(a.card.stageId) ?? 0) - (stage.get(b.card.stageId) ?? 0) || (lane.get(a.card.laneId) ?? 0) - (lane.get(b.card.laneId) ?? 0) || a.i - b.i)
    .map((x) => x.card);
}

/**
 * The cards suggested for the items: for one item its own suggestions with why; for several,
 * the cards suggested for most of them (by summed score), each saying for how many.
 */
function suggestionsFor(items: readonly EvidenceItem[], journey: Journey, t: TFunction): Omit<Option, 'key'>[] {
  if (items.length === 0 || journey.cards.length === 0) return [];
  const index = buildSuggestionIndex(journey);
  const cards = new Map(journey.cards.map((c) => [c.id, c]));
  if (items.length === 1) {
    return suggestCards(items[0]!, index, 5)
      .filter((s) => cards.has(s.cardId))
      .map((s) => ({ card: cards.get(s.cardId)!, why: suggestionWhy(s, t) }));
  }
  const totals = new Map<string, { score: number; items: number }>();
  const from = items.slice(0, SUGGEST_FROM);
  for (const item of from) {
    for (const s of suggestCards(item, index, 5)) {
      const sum = totals.get(s.cardId) ?? { score: 0, items: 0 };
      sum.score += s.score;
      sum.items += 1;
      totals.set(s.cardId, sum);
    }
  }
  return [...totals.entries()]
    .filter(([id]) => cards.has(id))
    .sort((a, b) => b[1].items - a[1].items || b[1].score - a[1].score)
    .slice(0, 5)
    .map(([id, sum]) => ({ card: cards.get(id)!, why: t('inbox.assignDialog.forItems', { count: sum.items, total: from.length }) }));
}
