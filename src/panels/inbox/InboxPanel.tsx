import { ClipboardPaste, FileUp, Search } from 'lucide-react';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { inboxItems } from '../../model/evidence';
import { useEditor } from '../../store/editorStore';
import { assignTargets, filterInbox, useInbox } from '../../store/evidenceInbox';
import { InboxList } from './InboxList';
import { useSuggestions, useSuggestionStore } from './suggestions';
import '../panels.css';
import './inbox.css';

/**
 * The side panel's evidence inbox (issue 18): the map's customer feedback that is on no card
 * yet, with how many of all items that is, a filter, and per item its source, date, score and
 * count and the cards its words suggest. Editors import a feedback CSV or paste lines here and
 * assign items by dragging them onto a card, by a suggestion, or with "Assign to card…";
 * a read-only session sees the same list without any of those.
 */
export function InboxPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const filterId = useId();
  const evidence = useEditor((s) => s.journey?.evidence);
  const readOnly = useEditor((s) => s.readOnly);
  const filter = useInbox((s) => s.filter);
  const selected = useInbox((s) => s.selected);
  const active = useInbox((s) => s.active);
  const notice = useInbox((s) => s.notice);
  const running = useSuggestionStore((s) => s.running);
  const done = useSuggestionStore((s) => s.done);
  const todo = useSuggestionStore((s) => s.total);
  useSuggestions();

  const waiting = useMemo(() => inboxItems(evidence ?? []), [evidence]);
  const shown = useMemo(() => filterInbox(waiting, filter), [waiting, filter]);
  const total = evidence?.length ?? 0;

  // an item assigned (here, by a peer, or by undo) leaves the selection
  useEffect(() => {
    useInbox.getState().prune(new Set(waiting.map((item) => item.id)));
  }, [waiting]);

  const targets = assignTargets({ selected, active });

  return (
    <section className="pn-panel ib-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{t('inbox.title')}</h2>
        <span className="ib-counts">{t('inbox.counts', { count: waiting.length, total })}</span>
      </header>
      <div className="ib-top">
        {readOnly ? (
          <p className="pn-hint">{t('inbox.readOnly')}</p>
        ) : (
          <div className="ib-add">
            <button type="button" className="pn-button" title={t('inbox.importCsvHint')} onClick={() => runAction('map.importFeedback', { t })}>
              <FileUp size={15} aria-hidden="true" />
              {t('inbox.importCsv')}
            </button>
            <button type="button" className="pn-button" title={t('inbox.pasteLinesHint')} onClick={() => runAction('map.pasteFeedback', { t })}>
              <ClipboardPaste size={15} aria-hidden="true" />
              {t('inbox.pasteLines')}
            </button>
          </div>
        )}
        {waiting.length > 0 && (
          <div className="ib-filter">
            <Search size={14} aria-hidden="true" className="ib-filter-icon" />
            <label htmlFor={filterId} className="sr-only">
              {t('inbox.filter')}
            </label>
            <input
              id={filterId}
              type="search"
              className="pn-input ib-filter-input"
              placeholder={t('inbox.filterPlaceholder')}
              value={filter}
              onChange={(e) => useInbox.getState().setFilter(e.target.value)}
            />
          </div>
        )}
        {filter.trim() !== '' && waiting.length > 0 && (
          <p className="pn-hint" role="status">
            {t('inbox.matching', { count: shown.length, total: waiting.length })}
          </p>
        )}
        {!readOnly && selected.length > 0 && (
          <div className="ib-selection">
            <span>{t('inbox.selected', { count: selected.length })}</span>
            <button type="button" className="pn-button pn-button-primary" disabled={targets.length === 0} onClick={() => runAction('edit.assignEvidence', { t })}>
              {t('inbox.assignSelected', { count: targets.length })}
            </button>
            <button type="button" className="pn-button" onClick={() => useInbox.getState().setPicked([])}>
              {t('inbox.clearSelection')}
            </button>
          </div>
        )}
        {running && todo > 200 && (
          <p className="pn-hint ib-progress" role="status">
            {t('inbox.suggesting', { done, total: todo })}
          </p>
        )}
      </div>
      {waiting.length === 0 ? (
        <p className="pn-hint ib-empty">{total > 0 ? t('inbox.allAssigned', { count: total }) : readOnly ? t('inbox.emptyReadOnly') : t('inbox.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="pn-hint ib-empty">{t('inbox.noMatch', { query: filter.trim() })}</p>
      ) : (
        <InboxList items={shown} readOnly={readOnly} />
      )}
      {!readOnly && waiting.length > 0 && <p className="pn-hint ib-footer">{t('inbox.howTo')}</p>}
      <div className="sr-only" aria-live="polite">
        {notice?.text}
      </div>
      {notice && <Notice key={notice.id} text={notice.text} />}
    </section>
  );
}

/** The last outcome, on screen for a few seconds (screen readers hear it from the live region). */
function Notice({ text }: { text: string }) {
  const id = useInbox((s) => s.notice?.id);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (useInbox.getState().notice?.id === id) useInbox.setState({ notice: null });
    }, 6000);
    return () => clearTimeout(timer);
  }, [id]);
  return (
    <p className="ib-notice" aria-hidden="true">
      {text}
    </p>
  );
}
