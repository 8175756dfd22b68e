import { Search, X, ChevronDown } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isFilterActive, matchCard } from '../model/cardFilter';
import { EMOTION_MAX, EMOTION_MIN } from '../model/types';
import { useCardSearch } from '../store/cardSearch';
import { useEditor } from '../store/editorStore';
import './searchBar.css';

const EMOTIONS = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MIN + i);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
/** A select's value back to one id, or none for "all". */
const oneOrNone = (value: string) => (value === '' ? [] : [value]);
const scoreOrNull = (value: string) => (value === '' ? null : Number(value));

/**
 * The card search over the canvas (Ctrl/⌘+F): words, lane, persona, tag and an emotion range.
 * Cards that match stay bright, the others dim (CardNode reads the same store); Enter selects the
 * next match and scrolls it into view; Escape closes the bar and forgets the search.
 */
export function SearchBar() {
  const { t } = useTranslation();
  const open = useCardSearch((s) => s.open);
  const filter = useCardSearch((s) => s.filter);
  const focusRequest = useCardSearch((s) => s.focusRequest);
  const journey = useEditor((s) => s.journey);
  const layout = useEditor((s) => s.layout);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open, focusRequest]);
  // the search belongs to this map: leaving it must not dim the next map's cards
  useEffect(() => () => useCardSearch.getState().close(), []);

  const tags = useMemo(() => [...new Set(journey?.cards.flatMap((c) => c.tags) ?? [])].sort((a, b) => a.localeCompare(b)), [journey]);
  const matches = useMemo(() => {
    if (!journey || !open) return [];
    return journey.cards.filter((card) => matchCard(card, filter));
  }, [journey, filter, open]);
  // the jump order reads the map as a CX lead does: stage by stage, top to bottom in each
  const jumpOrder = useMemo(() => {
    if (!layout) return [];
    const placed = matches.flatMap((card) => {
      const rect = layout.cards.get(card.id);
      return rect ? [{ id: card.id, x: rect.x, y: rect.y }] : [];
    });
    return placed.sort((a, b) => a.x - b.x || a.y - b.y).map((p) => p.id);
  }, [matches, layout]);

  if (!open || !journey) return null;
  const active = isFilterActive(filter);
  const { setFilter, close } = useCardSearch.getState();

  const jumpToNext = () => {
    if (!active || jumpOrder.length === 0) return;
    const editor = useEditor.getState();
    const current = editor.selectedCardIds.length === 1 ? jumpOrder.indexOf(editor.selectedCardIds[0]!) : -1;
    const next = jumpOrder[(current + 1) % jumpOrder.length]!;
    editor.selectCards([next], 'replace');
    editor.viewport?.revealCard(next);
  };

  return (
    <div
      className="search-bar"
      role="search"
      aria-label={t('canvas.search.label')}
      onKeyDown={(event) => {
        // the bar's own keys: the editor's shortcuts (Escape clears the selection) must not see them
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        } else if (event.key === 'Enter' && event.target === input.current) {
          event.stopPropagation();
          event.preventDefault();
          jumpToNext();
        }
      }}
    >
      <div className="search-bar-row">
        <Search size={15} aria-hidden="true" />
        <input
          ref={input}
          type="search"
          className="search-bar-text"
          aria-label={t('canvas.search.text')}
          placeholder={t('canvas.search.placeholder')}
          value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })}
        />
        <span className="search-bar-count" role="status">
          {active ? t('canvas.search.count', { matched: matches.length, total: journey.cards.length }) : ''}
        </span>
        <button type="button" className="search-bar-icon" aria-label={t('canvas.search.next')} title={t('canvas.search.next')} disabled={!active || jumpOrder.length === 0} onClick={jumpToNext}>
          <ChevronDown size={15} aria-hidden="true" />
        </button>
        <button type="button" className="search-bar-icon" aria-label={t('canvas.search.close')} title={t('canvas.search.close')} onClick={close}>
          <X size={15} aria-hidden="true" />
        </button>
      </div>
      <div className="search-bar-row search-bar-filters">
        <select aria-label={t('canvas.search.lane')} value={filter.laneIds[0] ?? ''} className={filter.laneIds.length ? 'is-set' : ''} onChange={(e) => setFilter({ laneIds: oneOrNone(e.target.value) })}>
          <option value="">{t('canvas.search.anyLane')}</option>
          {journey.lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>{lane.name}</option>
          ))}
        </select>
        {journey.personas.length > 0 && (
          <select aria-label={t('canvas.search.persona')} value={filter.personaIds[0] ?? ''} className={filter.personaIds.length ? 'is-set' : ''} onChange={(e) => setFilter({ personaIds: oneOrNone(e.target.value) })}>
            <option value="">{t('canvas.search.anyPersona')}</option>
            {journey.personas.map((persona) => (
              <option key={persona.id} value={persona.id}>{persona.name}</option>
            ))}
          </select>
        )}
        {tags.length > 0 && (
          <select aria-label={t('canvas.search.tag')} value={filter.tags[0] ?? ''} className={filter.tags.length ? 'is-set' : ''} onChange={(e) => setFilter({ tags: oneOrNone(e.target.value) })}>
            <option value="">{t('canvas.search.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>{tag}</option>
            ))}
          </select>
        )}
        {/* one compact range: "Emotion [from] – [up to]" */}
        <span className="search-bar-emotion" role="group" aria-label={t('canvas.search.emotion')}>
          <span aria-hidden="true">{t('canvas.search.emotion')}</span>
          <select aria-label={t('canvas.search.emotionFrom')} value={filter.emotionMin ?? ''} className={filter.emotionMin !== null ? 'is-set' : ''} onChange={(e) => setFilter({ emotionMin: scoreOrNull(e.target.value) })}>
            <option value="">{t('canvas.search.anyEmotion')}</option>
            {EMOTIONS.map((n) => (
              <option key={n} value={n}>{signed(n)}</option>
            ))}
          </select>
          <span aria-hidden="true">–</span>
          <select aria-label={t('canvas.search.emotionTo')} value={filter.emotionMax ?? ''} className={filter.emotionMax !== null ? 'is-set' : ''} onChange={(e) => setFilter({ emotionMax: scoreOrNull(e.target.value) })}>
            <option value="">{t('canvas.search.anyEmotion')}</option>
            {EMOTIONS.map((n) => (
              <option key={n} value={n}>{signed(n)}</option>
            ))}
          </select>
        </span>
      </div>
    </div>
  );
}
