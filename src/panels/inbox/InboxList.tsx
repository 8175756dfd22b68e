import { ArrowRight, GripVertical } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import type { EvidenceItem } from '../../model/evidence';
import type { Suggestion } from '../../model/evidenceSuggest';
import { assignEvidence } from '../../model/ops/evidence';
import { useEditor } from '../../store/editorStore';
import { EVIDENCE_DRAG_TYPE, rowOffsets, useInbox, windowByOffsets } from '../../store/evidenceInbox';
import { cardName, itemFacts, suggestionWhy } from './itemText';
import { useSuggestionStore } from './suggestions';

/**
 * The inbox's items as a windowed list: each row's height is worked out from its text and its
 * suggestions (no measuring), and only the rows in view (and a few either side) are in the page,
 * so 10,000 items scroll and filter as smoothly as ten.
 * Keyboard: ↑/↓/Home/End move, Space picks, Enter opens "Assign to card…"; a row drags onto a
 * card (with the other picked rows when it is picked).
 */

/** suggestions shown under an item; the assign dialog lists more */
const SHOWN_SUGGESTIONS = 2;

/**
 * A row's height in pixels, from what it shows (inbox.css sets exactly these sizes): padding and
 * gaps, up to three 18 px lines of text (a line holds about 34 characters of the panel's width;
 * a guess on the long side, and the text is clamped to three lines anyway), the 16 px facts line,
 * and 34 px per suggestion or one 16 px line saying there is none (yet).
 */
export function rowHeight(text: string, suggestions: number | null): number {
  let lines = 0;
  for (const line of text.split('\n', 4)) {
    lines += Math.max(1, Math.ceil(line.length / 34));
    if (lines >= 3) break;
  }
  const textHeight = Math.min(3, Math.max(1, lines)) * 18;
  const shown = suggestions === null ? 0 : Math.min(SHOWN_SUGGESTIONS, suggestions);
  const suggestionHeight = shown === 0 ? 16 : shown * 34 + (shown - 1) * 4;
  return 17 + 10 + textHeight + 16 + suggestionHeight + 1;
}
/** what a page key moves by when the view's height is unknown */
const TYPICAL_ROW = 120;

export function InboxList({ items, readOnly }: { items: readonly EvidenceItem[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const active = useInbox((s) => s.active);
  const selected = useInbox((s) => s.selected);
  const byItem = useSuggestionStore((s) => s.byItem);
  const focusActive = useRef(false);
  const focusRequest = useInbox((s) => s.focusRequest);
  // a dialog that assigned the row it was opened from hands the focus to the next row
  useEffect(() => {
    if (focusRequest > 0) focusActive.current = true;
  }, [focusRequest]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);

  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const activeIndex = active === null ? -1 : ids.indexOf(active);
  // the keyboard's row is the active one, or the first
  const tabRow = activeIndex >= 0 ? activeIndex : 0;
  const offsets = useMemo(() => rowOffsets(items.map((item) => rowHeight(item.text, byItem.get(item.id)?.length ?? null))), [items, byItem]);
  const { start, end } = windowByOffsets(offsets, view.top, view.height);

  // after a key moved the active row: bring it into view, then give it the focus
  useEffect(() => {
    if (!focusActive.current || activeIndex < 0) return;
    const el = scroller.current;
    if (!el) return;
    const top = offsets[activeIndex]!;
    const bottom = offsets[activeIndex + 1]!;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    const row = el.querySelector<HTMLElement>(`[data-item-index="${activeIndex}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusActive.current = false;
    }
  });

  const moveTo = (index: number) => {
    const next = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!next) return;
    focusActive.current = true;
    useInbox.getState().setActive(next.id);
    // the row may be outside the window yet: render it, then focus (the effect above)
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget && !(event.target as HTMLElement).matches('.ib-item')) return;
    const from = activeIndex >= 0 ? activeIndex : 0;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? TYPICAL_ROW) / TYPICAL_ROW));
    const id = items[from]?.id;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from + (activeIndex < 0 ? 0 : 1));
        break;
      case 'ArrowUp':
        moveTo(from - 1);
        break;
      case 'PageDown':
        moveTo(from + page);
        break;
      case 'PageUp':
        moveTo(from - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case ' ':
        if (!id) return;
        useInbox.getState().pick(id, event.shiftKey ? 'range' : 'toggle', ids);
        break;
      case 'Enter':
        if (!id || readOnly) return;
        if (activeIndex < 0) useInbox.getState().setActive(id);
        runAction('edit.assignEvidence', { t });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <InboxRow
        key={item.id}
        item={item}
        index={i}
        top={offsets[i]!}
        height={offsets[i + 1]! - offsets[i]!}
        setSize={items.length}
        tabbable={i === tabRow}
        active={item.id === active}
        picked={selected.includes(item.id)}
        suggestions={byItem.get(item.id)}
        readOnly={readOnly}
        order={ids}
      />,
    );
  }

  return (
    <div ref={scroller} className="ib-scroll" onScroll={onScroll} onKeyDown={onKeyDown}>
      <div className="ib-list" role="list" aria-label={t('inbox.listLabel', { count: items.length })} style={{ height: offsets[items.length] }}>
        {rows}
      </div>
    </div>
  );
}

interface RowProps {
  item: EvidenceItem;
  index: number;
  top: number;
  height: number;
  setSize: number;
  tabbable: boolean;
  active: boolean;
  picked: boolean;
  suggestions: readonly Suggestion[] | undefined;
  readOnly: boolean;
  /** the ids in list order, for a shift-click range */
  order: readonly string[];
}

const InboxRow = memo(function InboxRow({ item, index, top, height, setSize, tabbable, active, picked, suggestions, readOnly, order }: RowProps) {
  const { t, i18n } = useTranslation();
  const stages = useEditor((s) => s.journey?.stages);
  const cards = useEditor((s) => s.journey?.cards);
  const facts = itemFacts(item, stages ? { stages } : null, t, i18n.language);
  const shown = (suggestions ?? []).slice(0, SHOWN_SUGGESTIONS);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button, input')) return;
    useInbox.getState().pick(item.id, event.shiftKey ? 'range' : event.metaKey || event.ctrlKey ? 'toggle' : 'replace', order);
  };

  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    const { selected } = useInbox.getState();
    const ids = selected.includes(item.id) ? [...selected] : [item.id];
    event.dataTransfer.setData(EVIDENCE_DRAG_TYPE, JSON.stringify(ids));
    event.dataTransfer.setData('text/plain', item.text);
    event.dataTransfer.effectAllowed = 'move';
    if (ids.length > 1) {
      // several picked items travel together: the pointer says how many, not just the one grabbed
      const ghost = document.createElement('div');
      ghost.className = 'ib-drag-ghost';
      ghost.textContent = t('inbox.dragCount', { count: ids.length });
      document.body.appendChild(ghost);
      event.dataTransfer.setDragImage(ghost, 12, 12);
      setTimeout(() => ghost.remove(), 0);
    }
    useInbox.getState().setActive(item.id);
  };

  const assignTo = (cardId: string, title: string) => {
    const { session, readOnly: viewOnly } = useEditor.getState();
    if (!session || viewOnly) return;
    // its own undo step, not merged with an edit made just before
    session.undo.stopCapturing();
    const moved = assignEvidence(session.doc, [item.id], cardId);
    if (moved > 0) useInbox.getState().say(t('inbox.assigned', { count: moved, card: title }));
  };

  return (
    <div
      className={`ib-item${active ? ' is-active' : ''}${picked ? ' is-picked' : ''}`}
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-current={active || undefined}
      data-item-index={index}
      data-item-id={item.id}
      tabIndex={tabbable ? 0 : -1}
      style={{ top, height }}
      draggable={!readOnly}
      onDragStart={readOnly ? undefined : onDragStart}
      onClick={onClick}
      onFocus={(e) => {
        if (e.target === e.currentTarget) useInbox.getState().setActive(item.id);
      }}
    >
      <div className="ib-item-head">
        {!readOnly && <GripVertical size={14} aria-hidden="true" className="ib-grip" />}
        <input
          type="checkbox"
          className="ib-check"
          checked={picked}
          tabIndex={-1}
          aria-label={t('inbox.pick')}
          onChange={(e) => useInbox.getState().pick(item.id, (e.nativeEvent as globalThis.MouseEvent).shiftKey ? 'range' : 'toggle', order)}
        />
        <p className="ib-text" title={item.text}>
          {item.text}
        </p>
      </div>
      <p className="ib-facts" title={facts.join(' · ')}>
        {facts.join(' · ')}
      </p>
      <div className="ib-suggestions">
        {suggestions === undefined ? (
          <span className="ib-why">{t('inbox.findingSuggestions')}</span>
        ) : shown.length === 0 ? (
          <span className="ib-why">{t('inbox.noSuggestion')}</span>
        ) : (
          shown.map((s) => {
            const card = cards?.find((c) => c.id === s.cardId);
            if (!card) return null;
            const title = cardName(card, t);
            const why = suggestionWhy(s, t);
            return (
              <div key={s.cardId} className="ib-suggestion" title={`${title} — ${why}`}>
                {readOnly ? (
                  <span className="ib-suggestion-card">{title}</span>
                ) : (
                  <button type="button" className="ib-suggestion-card" tabIndex={tabbable ? 0 : -1} onClick={() => assignTo(card.id, title)} aria-label={t('inbox.assignTo', { card: title, why })}>
                    <ArrowRight size={12} aria-hidden="true" />
                    <span>{title}</span>
                  </button>
                )}
                <span className="ib-why" aria-hidden="true">
                  {why}
                </span>
              </div>
            );
          })
        )}
      </div>
    </div>
  );
});
