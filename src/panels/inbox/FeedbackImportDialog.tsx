import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { ModalDialog } from '../../actions';
import {
  detectMapping,
  FEEDBACK_FIELDS,
  feedbackDrafts,
  mappingSignature,
  readFeedbackTable,
  type FeedbackField,
  type FeedbackReason,
  type FeedbackMapping,
  type FeedbackTable,
} from '../../export/feedbackCsv';
import { EVIDENCE_SOURCES, SCORE_SCALES, type EvidenceDraft, type EvidenceSource, type ScoreScale } from '../../model/evidence';
import { addEvidence } from '../../model/ops/evidence';
import type { FileIssue } from '../../schema/issues';
import { useEditor } from '../../store/editorStore';
import { useInbox } from '../../store/evidenceInbox';
import { recallColumns, rememberColumns } from '../../store/feedbackColumns';
import './inbox.css';

/** Items added per transaction: 1,000 take ~40 ms, so a 10,000-row import never holds the page long. */
const IMPORT_SLICE = 1_000;

/**
 * Adds the drafts in slices with a macrotask between them. The slices follow each other closer
 * than the undo manager's capture time, so one Undo still takes the whole import back.
 */
async function addEvidenceInSlices(doc: Y.Doc, drafts: readonly EvidenceDraft[]): Promise<{ ids: string[]; refused: number }> {
  const ids: string[] = [];
  let refused = 0;
  for (let start = 0; start < drafts.length; start += IMPORT_SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const added = addEvidence(doc, drafts.slice(start, start + IMPORT_SLICE));
    ids.push(...added.ids);
    refused += added.refused;
  }
  return { ids, refused };
}

/** Rows of the file shown in the preview. */
const PREVIEW_ROWS = 5;
/** Problems listed; the rest are counted. */
const SHOWN_PROBLEMS = 40;

type Loaded =
  | { status: 'reading' }
  | { status: 'unreadable'; issues: FileIssue[] }
  | { status: 'ready'; table: FeedbackTable; signature: string; remembered: boolean };

/**
 * "Import feedback (CSV)" (issue 18): the file's first rows, which column holds what (guessed
 * from the headers in English or German, or as this device chose last time for a file with the
 * same headers), the separator found, each row's problems as `row N: column: reason`, and a
 * button that adds every importable row to the inbox in one transaction (one undo step).
 */
export function FeedbackImportDialog() {
  const { t } = useTranslation();
  const file = useInbox((s) => s.importFile);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'reading' });
  const [mapping, setMapping] = useState<FeedbackMapping | null>(null);
  // while a big file goes into the map (one transaction: a moment for 10,000 rows) the dialog says so and cannot be closed
  const [importing, setImporting] = useState(false);
  const textSelect = useRef<HTMLSelectElement>(null);

  // read and split the file off the click that opened the dialog, so it paints "Reading…" first
  useEffect(() => {
    if (!file) return;
    let current = true;
    setLoaded({ status: 'reading' });
    void file
      .text()
      .then(
        (text) =>
          new Promise<string>((resolve) => {
            setTimeout(() => resolve(text), 0);
          }),
      )
      .then((text) => {
        if (!current) return;
        const result = readFeedbackTable(text);
        if (!result.ok) {
          setLoaded({ status: 'unreadable', issues: result.issues });
          return;
        }
        const { table } = result;
        const signature = mappingSignature(table.headers);
        const recalled = recallColumns(signature, { headerCount: table.headers.length, fields: FEEDBACK_FIELDS });
        const usable = recalled && recalled.columns.text !== undefined ? recalled : null;
        setMapping(usable ?? detectMapping(table));
        setLoaded({ status: 'ready', table, signature, remembered: usable !== null });
      })
      .catch(() => current && setLoaded({ status: 'unreadable', issues: [{ path: file.name, message: t('inbox.importDialog.cannotRead') }] }));
    return () => {
      current = false;
    };
  }, [file, t]);

  const close = () => {
    useInbox.getState().closeImport();
    useEditor.getState().setDialog(null);
  };

  const title = t('inbox.importDialog.title');
  return (
    <ModalDialog title={title} closeLabel={t('inbox.close')} onClose={close} className="ib-dialog ib-import" initialFocus={textSelect} busy={importing}>
      {loaded.status === 'reading' || !file ? (
        <div className="ib-dialog-body">
          <p role="status">{t('inbox.importDialog.reading', { file: file?.name ?? '' })}</p>
        </div>
      ) : loaded.status === 'unreadable' ? (
        <>
          <div className="ib-dialog-body">
            <p className="ib-error" role="alert">
              {t('inbox.importDialog.unreadable', { file: file.name })}
            </p>
            <ul className="ib-problems">
              {loaded.issues.slice(0, SHOWN_PROBLEMS).map((issue, i) => (
                <li key={i}>{issue.path && issue.path !== '(file)' ? `${issue.path}: ${reasonText(issue, t)}` : reasonText(issue, t)}</li>
              ))}
            </ul>
          </div>
          <div className="ib-dialog-foot">
            <button type="button" className="pn-button" onClick={close}>
              {t('inbox.close')}
            </button>
          </div>
        </>
      ) : mapping ? (
        <MappingStep file={file} table={loaded.table} signature={loaded.signature} remembered={loaded.remembered} mapping={mapping} onMapping={setMapping} onClose={close} textSelect={textSelect} t={t} importing={importing} onImporting={setImporting} />
      ) : null}
    </ModalDialog>
  );
}

interface StepProps {
  file: File;
  table: FeedbackTable;
  signature: string;
  remembered: boolean;
  mapping: FeedbackMapping;
  onMapping(mapping: FeedbackMapping): void;
  onClose(): void;
  textSelect: RefObject<HTMLSelectElement | null>;
  t: TFunction;
  importing: boolean;
  onImporting(importing: boolean): void;
}

function MappingStep({ file, table, signature, remembered, mapping, onMapping, onClose, textSelect, t, importing, onImporting }: StepProps) {
  const idBase = useId();
  const addedBy = useEditor((s) => s.identity?.name ?? '');
  // stage names are matched against the map as it was when the file was opened: a peer's edit does not re-read 10,000 rows
  const [journey] = useState(() => useEditor.getState().journey);
  const settled = useDeferredValue(mapping);
  const outcome = useMemo(() => (journey ? feedbackDrafts(table, settled, journey, { addedBy }) : { drafts: [], problems: [] }), [table, settled, journey, addedBy]);
  const stale = settled !== mapping;
  const textMissing = mapping.columns.text === undefined;
  const count = textMissing ? 0 : outcome.drafts.length;
  const fieldOf = useMemo(() => {
    const byColumn = new Map<number, FeedbackField>();
    for (const field of FEEDBACK_FIELDS) {
      const index = mapping.columns[field];
      if (index !== undefined && !byColumn.has(index)) byColumn.set(index, field);
    }
    return byColumn;
  }, [mapping]);

  const setColumn = (field: FeedbackField, value: string) => {
    const columns = { ...mapping.columns };
    if (value === '') delete columns[field];
    else columns[field] = Number(value);
    onMapping({ ...mapping, columns });
  };

  const importAll = () => {
    if (importing || stale || count === 0) return;
    onImporting(true);
    // paint "Importing…" first, then add the items a slice at a time so the page keeps answering
    requestAnimationFrame(() =>
      setTimeout(async () => {
        const { session, readOnly } = useEditor.getState();
        if (!session || readOnly) {
          onImporting(false);
          return;
        }
        // its own undo step, not merged with an edit made just before; and one step however far
        // apart the slices land (a background tab runs timers about once a second)
        session.undo.stopCapturing();
        const captureTimeout = session.undo.captureTimeout;
        session.undo.captureTimeout = Number.MAX_SAFE_INTEGER;
        try {
          // the drafts for exactly the choices on screen (the button waits while they are worked out again)
          const { ids, refused } = await addEvidenceInSlices(session.doc, outcome.drafts);
          rememberColumns(signature, mapping);
          useInbox.getState().say(refused > 0 ? t('inbox.addedSomeRefused', { count: ids.length, refused }) : t('inbox.imported', { count: ids.length, file: file.name }));
          onClose();
        } finally {
          session.undo.captureTimeout = captureTimeout;
          session.undo.stopCapturing();
          onImporting(false);
        }
      }, 0),
    );
  };

  const separator = t(`inbox.importDialog.separators.${separatorName(table.separator)}`);
  const problems = outcome.problems;

  return (
    <>
      <div className="ib-dialog-body">
        <p className="ib-file">
          <strong>{file.name}</strong> · {t('inbox.importDialog.rows', { count: table.rows.length })} · {t('inbox.importDialog.separator', { separator })}
        </p>
        <p className="pn-hint">{remembered ? t('inbox.importDialog.remembered') : t('inbox.importDialog.detected')}</p>

        <h3 className="ib-section-title">{t('inbox.importDialog.columns')}</h3>
        <div className="ib-mapping">
          {FEEDBACK_FIELDS.map((field) => {
            const id = `${idBase}-${field}`;
            const value = mapping.columns[field];
            return (
              <div key={field} className={`ib-choice${field === 'text' ? ' is-required' : ''}${field === 'text' && textMissing ? ' is-missing' : ''}`}>
                <label htmlFor={id}>
                  {t(`inbox.fields.${field}`)}
                  {field === 'text' && ` ${t('inbox.importDialog.required')}`}
                </label>
                <select id={id} ref={field === 'text' ? textSelect : undefined} value={value === undefined ? '' : String(value)} onChange={(e) => setColumn(field, e.target.value)}>
                  <option value="">{t('inbox.importDialog.notInFile')}</option>
                  {table.headers.map((header, index) => (
                    <option key={index} value={String(index)}>
                      {header.trim() || t('inbox.importDialog.columnN', { n: index + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <div className="ib-choice">
            <label htmlFor={`${idBase}-scale`}>{t('inbox.importDialog.scale')}</label>
            <select
              id={`${idBase}-scale`}
              value={mapping.scale ?? ''}
              disabled={mapping.columns.score === undefined}
              onChange={(e) => onMapping({ ...mapping, scale: e.target.value === '' ? null : (e.target.value as ScoreScale) })}
            >
              <option value="">{t('inbox.importDialog.noScale')}</option>
              {SCORE_SCALES.map((scale) => (
                <option key={scale} value={scale}>
                  {t(`evidence.scales.${scale}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ib-choice">
            <label htmlFor={`${idBase}-source`}>{t('inbox.importDialog.defaultSource')}</label>
            <select id={`${idBase}-source`} value={mapping.source} onChange={(e) => onMapping({ ...mapping, source: e.target.value as EvidenceSource })}>
              {EVIDENCE_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`evidence.sources.${source}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <h3 className="ib-section-title" id={`${idBase}-preview`}>
          {t('inbox.importDialog.preview', { count: Math.min(PREVIEW_ROWS, table.rows.length) })}
        </h3>
        {/* a wide file scrolls sideways: the keyboard reaches it too */}
        <div className="ib-preview-wrap" role="region" aria-labelledby={`${idBase}-preview`} tabIndex={0}>
          <table className="ib-preview">
            <thead>
              <tr>
                {table.headers.map((header, index) => {
                  const field = fieldOf.get(index);
                  return (
                    <th key={index} scope="col" className={field ? undefined : 'ib-col-unused'}>
                      <span className="ib-col-field">{field ? t(`inbox.fields.${field}`) : t('inbox.importDialog.unused')}</span>
                      {header.trim() || t('inbox.importDialog.columnN', { n: index + 1 })}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                <tr key={r}>
                  {table.headers.map((_, c) => (
                    <td key={c} className={fieldOf.has(c) ? undefined : 'ib-col-unused'}>
                      {shorten(row[c] ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {textMissing ? (
          <p className="ib-error" role="alert">
            {t('inbox.importDialog.chooseText')}
          </p>
        ) : (
          problems.length > 0 && (
            <>
              <h3 className="ib-problems-title">{t('inbox.importDialog.problems', { count: problems.length })}</h3>
              <ul className="ib-problems" aria-busy={stale || undefined}>
                {problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                  <li key={i}>{problemText(problem, table, settled, t)}</li>
                ))}
                {problems.length > SHOWN_PROBLEMS && <li>{t('inbox.importDialog.moreProblems', { count: problems.length - SHOWN_PROBLEMS })}</li>}
              </ul>
            </>
          )
        )}
      </div>
      <div className="ib-dialog-foot">
        <span className="ib-foot-note">{textMissing ? '' : t('inbox.importDialog.summary', { count, rows: table.rows.length })}</span>
        <button type="button" className="pn-button" onClick={onClose} disabled={importing}>
          {t('inbox.cancel')}
        </button>
        <button type="button" className="pn-button pn-button-primary" disabled={count === 0 || stale || importing} onClick={importAll}>
          {importing ? t('inbox.importDialog.importing', { count }) : t('inbox.importDialog.import', { count })}
        </button>
      </div>
    </>
  );
}

function separatorName(separator: FeedbackTable['separator']): 'comma' | 'semicolon' | 'tab' {
  return separator === ';' ? 'semicolon' : separator === '\t' ? 'tab' : 'comma';
}

/** A long cell cut for the preview (the whole text goes into the item). */
function shorten(cell: string): string {
  return cell.length > 160 ? `${cell.slice(0, 160)}…` : cell;
}

/**
 * A problem as `row N: column: reason`: the reader's column name (the file's header of the
 * field's column) in place of the field; other problems as `path: reason`.
 */
export function problemText(problem: FileIssue, table: FeedbackTable, mapping: FeedbackMapping, t: TFunction): string {
  const match = /^row\[(\d+)\](?:\.(\w+))?$/.exec(problem.path);
  if (!match) return problem.path === '(file)' || problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  const row = match[1]!;
  const field = match[2] as FeedbackField | undefined;
  const reason = reasonText(problem, t);
  if (!field) return t('inbox.importDialog.problemRow', { row, reason });
  const index = (FEEDBACK_FIELDS as readonly string[]).includes(field) ? mapping.columns[field] : undefined;
  const column = index !== undefined ? table.headers[index]?.trim() || t('inbox.importDialog.columnN', { n: index + 1 }) : field;
  return t('inbox.importDialog.problem', { row, column, reason });
}

/** A problem's reason in the reader's language when the reader words it, else as the file reader put it. */
function reasonText(problem: FileIssue, t: TFunction): string {
  if (!problem.reason) return problem.message;
  const { key, values } = problem.reason;
  const scale = typeof values.scale === 'string' && (SCORE_SCALES as readonly string[]).includes(values.scale) ? t(`evidence.scales.${values.scale as ScoreScale}`) : values.scale;
  return t(`inbox.reasons.${key as FeedbackReason}`, { ...values, scale });
}
