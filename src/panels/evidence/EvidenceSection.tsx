import { Inbox, Pencil, Plus, Trash2 } from 'lucide-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useShallow } from 'zustand/react/shallow';
import { EVIDENCE_SOURCES, SCORE_RANGE, SCORE_SCALES, SENTIMENTS, type EvidenceItem, type EvidenceSource, type ScoreScale, type Sentiment } from '../../model/evidence';
import { LIMITS } from '../../model/limits';
import { addEvidence, assignEvidence, deleteEvidence, updateEvidence } from '../../model/ops/evidence';
import { useEditor } from '../../store/editorStore';
import { EvidenceItemView } from './EvidenceItemView';
import { WorkshopObservations } from './WorkshopObservations';
import { EMPTY_FORM, formOf, pastedLines, readForm, shortQuote, type EvidenceForm, type FormProblem } from './logic';

const NONE: readonly EvidenceItem[] = [];

/** The evidence on one card, in order: the store's list, re-read only when it changes. */
export function useCardEvidence(cardId: string): readonly EvidenceItem[] {
  return useEditor(
    useShallow((s) => {
      const items = s.journey?.evidence;
      if (!items || items.length === 0) return NONE;
      const mine = items.filter((item) => item.cardId === cardId);
      return mine.length ? mine : NONE;
    }),
  );
}

/**
 * The inspector's "Evidence" section for a card someone may change: its items (each with edit,
 * back to the inbox, delete), and a form to add one — or, pasting several lines, one per line.
 * Every change is one model operation (src/model/ops/evidence.ts), so one Undo takes it back.
 */
export function EvidenceSection({ doc, cardId }: { doc: Y.Doc; cardId: string }) {
  const { t } = useTranslation();
  const items = useCardEvidence(cardId);
  const addedBy = useEditor((s) => s.identity?.name ?? '');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [status, setStatus] = useState('');
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(null);
    // back to where the form was opened from
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <section className="pn-section ev-section" aria-labelledby={headingId}>
      <h3 className="ev-heading" id={headingId}>
        {t('evidence.section.title')}
        {items.length > 0 && <span className="ev-heading-count">{t('evidence.section.count', { count: items.length })}</span>}
      </h3>
      {items.length === 0 && editing !== 'new' && <p className="pn-hint">{t('evidence.section.empty')}</p>}
      {items.length > 0 && (
        <ul className="ev-list" aria-label={t('evidence.section.listLabel')}>
          {items.map((item) =>
            editing === item.id ? (
              <li key={item.id}>
                <EvidenceFormView
                  title={t('evidence.form.editTitle')}
                  initial={formOf(item)}
                  submitLabel={t('evidence.form.save')}
                  onSubmit={(draft) => {
                    updateEvidence(doc, item.id, draft);
                    close();
                  }}
                  onCancel={close}
                />
              </li>
            ) : (
              <li key={item.id}>
                <EvidenceItemView
                  item={item}
                  actions={
                    <div className="ev-actions">
                      <button type="button" className="pn-icon-button" aria-label={t('evidence.item.editLabel', { text: shortQuote(item.text) })} title={t('evidence.item.edit')} onClick={() => setEditing(item.id)}>
                        <Pencil size={14} aria-hidden="true" />
                      </button>
                      <button
                        type="button"
                        className="pn-icon-button"
                        aria-label={t('evidence.item.toInboxLabel', { text: shortQuote(item.text) })}
                        title={t('evidence.item.toInbox')}
                        onClick={() => {
                          assignEvidence(doc, [item.id], null);
                          setStatus(t('evidence.item.moved'));
                        }}
                      >
                        <Inbox size={14} aria-hidden="true" />
                      </button>
                      <button
                        type="button"
                        className="pn-icon-button ev-delete"
                        aria-label={t('evidence.item.deleteLabel', { text: shortQuote(item.text) })}
                        title={t('evidence.item.delete')}
                        onClick={() => {
                          deleteEvidence(doc, [item.id]);
                          setStatus(t('evidence.item.deleted'));
                        }}
                      >
                        <Trash2 size={14} aria-hidden="true" />
                      </button>
                    </div>
                  }
                />
              </li>
            ),
          )}
        </ul>
      )}
      <WorkshopObservations doc={doc} cardId={cardId} />
      {editing === 'new' ? (
        <EvidenceFormView
          title={t('evidence.form.addTitle')}
          initial={EMPTY_FORM}
          submitLabel={t('evidence.form.add')}
          onSubmit={(draft) => {
            addEvidence(doc, [{ ...draft, cardId, addedBy }]);
            setStatus(t('evidence.form.addedLines', { count: 1 }));
            close();
          }}
          onAddLines={(lines, form) => {
            const { refused, ids } = addEvidence(
              doc,
              lines.map((text) => ({ text, source: form.source, date: form.date, sentiment: form.sentiment || null, reference: form.reference.trim(), cardId, addedBy })),
            );
            setStatus([t('evidence.form.addedLines', { count: ids.length }), refused > 0 ? t('evidence.form.refused', { count: refused }) : ''].filter(Boolean).join(' '));
            close();
          }}
          onCancel={close}
        />
      ) : (
        <div>
          <button ref={addButton} type="button" className="pn-button" onClick={() => setEditing('new')}>
            <Plus size={14} aria-hidden="true" />
            {t('evidence.form.add')}
          </button>
        </div>
      )}
      <p className="pn-hint ev-status" role="status">
        {status}
      </p>
    </section>
  );
}

type Draft = Extract<ReturnType<typeof readForm>, { ok: true }>['draft'];

/** The add or edit form. Enter in a one-line field saves; Escape cancels; Ctrl/⌘+Enter saves from the quote. */
function EvidenceFormView({
  title,
  initial,
  submitLabel,
  onSubmit,
  onAddLines,
  onCancel,
}: {
  title: string;
  initial: EvidenceForm;
  submitLabel: string;
  onSubmit(draft: Draft): void;
  onAddLines?(lines: string[], form: EvidenceForm): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EvidenceForm>(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [lines, setLines] = useState<string[] | null>(null);
  const pasting = useRef(false);
  const ids = { text: useId(), source: useId(), date: useId(), count: useId(), sentiment: useId(), scale: useId(), score: useId(), reference: useId(), refHint: useId(), problem: useId(), title: useId() };
  const set = (change: Partial<EvidenceForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setProblem(null);
  };
  const submit = () => {
    const result = readForm(form);
    if (result.ok) onSubmit(result.draft);
    else setProblem(result.problem);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // the form's own: the editor's Escape (clear the selection) must not see it
      e.stopPropagation();
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  const range = form.scale ? SCORE_RANGE[form.scale] : null;
  const problemText =
    problem === null
      ? ''
      : problem.field === 'text'
        ? t('evidence.form.textRequired')
        : problem.field === 'score'
          ? t('evidence.form.scoreOutOfRange', { scale: t(`evidence.scales.${problem.scale}`), min: problem.min, max: problem.max })
          : problem.field === 'date'
            ? t('evidence.form.dateInvalid')
            : t('evidence.form.countInvalid');
  const invalid = (field: FormProblem['field']) => (problem?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': ids.problem } : {});

  return (
    <form
      className="ev-form"
      aria-labelledby={ids.title}
      // our own check says what is wrong in the reader's language, for every field alike
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="ev-form-title" id={ids.title}>
        {title}
      </p>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.text}>
          {t('evidence.form.text')}
        </label>
        <textarea
          id={ids.text}
          className="pn-input pn-textarea"
          rows={3}
          autoFocus
          maxLength={LIMITS.evidenceText}
          placeholder={t('evidence.form.textPlaceholder')}
          value={form.text}
          {...invalid('text')}
          onPaste={() => {
            pasting.current = true;
          }}
          onChange={(e) => {
            set({ text: e.target.value });
            setLines(pasting.current && onAddLines ? pastedLines(e.target.value) : null);
            pasting.current = false;
          }}
        />
      </div>
      {lines && onAddLines && (
        <div className="ev-lines" role="group" aria-label={t('evidence.form.pastedLines', { count: lines.length })}>
          <p className="pn-hint">{t('evidence.form.pastedLines', { count: lines.length })}</p>
          <div className="pn-row">
            <button type="button" className="pn-button pn-button-primary" onClick={() => onAddLines(lines, form)}>
              {t('evidence.form.addEachLine', { count: lines.length })}
            </button>
            <button type="button" className="pn-button" onClick={() => setLines(null)}>
              {t('evidence.form.keepAsOne')}
            </button>
          </div>
        </div>
      )}
      <div className="ev-grid">
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.source}>
            {t('evidence.form.source')}
          </label>
          <select id={ids.source} className="pn-input pn-select" value={form.source} onChange={(e) => set({ source: e.target.value as EvidenceSource })}>
            {EVIDENCE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`evidence.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.date}>
            {t('evidence.form.date')}
          </label>
          <input id={ids.date} className="pn-input" type="date" value={form.date} {...invalid('date')} onChange={(e) => set({ date: e.target.value })} />
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.count} title={t('evidence.form.countHint')}>
            {t('evidence.form.count')}
          </label>
          <input id={ids.count} className="pn-input" type="number" min={1} max={LIMITS.evidenceCount} step={1} inputMode="numeric" value={form.count} {...invalid('count')} onChange={(e) => set({ count: e.target.value })} />
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.sentiment}>
            {t('evidence.form.sentiment')}
          </label>
          <select id={ids.sentiment} className="pn-input pn-select" value={form.sentiment} onChange={(e) => set({ sentiment: e.target.value as Sentiment | '' })}>
            <option value="">{t('evidence.form.sentimentNone')}</option>
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`evidence.sentiments.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.scale}>
            {t('evidence.form.scale')}
          </label>
          <select id={ids.scale} className="pn-input pn-select" value={form.scale} onChange={(e) => set({ scale: e.target.value as ScoreScale | '' })}>
            <option value="">{t('evidence.form.scaleNone')}</option>
            {SCORE_SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`evidence.scales.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.score}>
            {t('evidence.form.score')}
          </label>
          <input
            id={ids.score}
            className="pn-input"
            type="number"
            step={1}
            inputMode="numeric"
            disabled={range === null}
            min={range?.min}
            max={range?.max}
            value={form.score}
            {...invalid('score')}
            onChange={(e) => set({ score: e.target.value })}
          />
        </div>
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.reference}>
          {t('evidence.form.reference')}
        </label>
        <input
          id={ids.reference}
          className="pn-input"
          maxLength={LIMITS.evidenceReference}
          placeholder={t('evidence.form.referencePlaceholder')}
          aria-describedby={ids.refHint}
          value={form.reference}
          onChange={(e) => set({ reference: e.target.value })}
        />
        <p className="pn-hint" id={ids.refHint}>
          {t('evidence.form.referenceHint')}
        </p>
      </div>
      {problem && (
        <p className="ev-problem" id={ids.problem} role="alert">
          {problemText}
        </p>
      )}
      <div className="pn-row">
        <button type="submit" className="pn-button pn-button-primary">
          {submitLabel}
        </button>
        <button type="button" className="pn-button" onClick={onCancel}>
          {t('evidence.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The evidence on a card for someone who may not change it: the same items, as text, no buttons. */
export function EvidenceReadList({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const items = useCardEvidence(cardId);
  const headingId = useId();
  return (
    <section className="ev-section ev-read" aria-labelledby={headingId}>
      <p className="pn-label" id={headingId}>
        {t('evidence.section.title')}
        {items.length > 0 && <span className="ev-heading-count">{t('evidence.section.count', { count: items.length })}</span>}
      </p>
      {items.length === 0 ? (
        <p className="pn-hint">{t('evidence.section.emptyRead')}</p>
      ) : (
        <ul className="ev-list" aria-label={t('evidence.section.listLabel')}>
          {items.map((item) => (
            <li key={item.id}>
              <EvidenceItemView item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
