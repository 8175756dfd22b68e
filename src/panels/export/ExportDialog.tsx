import { Download } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import type { Translate } from '../../export/render';
import { useEditor } from '../../store/editorStore';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats';
import { downloadBlob, isExportCancelled, runExport, type ExportSettings } from './exportJob';
import { PdfPlanNote } from './PdfPlanNote';
import './export.css';

/** how often the progress shown may change, in ms */
const PROGRESS_EVERY = 200;

/** Mod+Shift+E: export the open map. Shown while `editor.dialog === 'export'`. */
export function ExportDialog() {
  const open = useEditor((s) => s.dialog === 'export');
  return open ? <ExportPanel /> : null;
}

type Status = { kind: 'idle' } | { kind: 'working'; progress: number } | { kind: 'done'; text: string } | { kind: 'cancelled' } | { kind: 'failed'; text: string };

function ExportPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const stages = useEditor((s) => s.journey?.stages ?? []);
  const selectedStageIds = useEditor((s) => {
    if (!s.journey || s.selectedCardIds.length === 0) return null;
    const ids = new Set(s.selectedCardIds);
    return [...new Set(s.journey.cards.filter((c) => ids.has(c.id)).map((c) => c.stageId))].join(',');
  });

  const [format, setFormat] = useState<ExportFormat>('png');
  const [scale, setScale] = useState<ExportSettings['scale']>(2);
  const [background, setBackground] = useState<ExportSettings['background']>('white');
  const [paper, setPaper] = useState<ExportSettings['paper']>('a4');
  const [pages, setPages] = useState<ExportSettings['pages']>('auto');
  const [scope, setScope] = useState<'all' | 'stages'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(selectedStageIds ? selectedStageIds.split(',') : stages.map((s) => s.id)));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const working = status.kind === 'working';
  // the running export's cancel; a dialog that goes away takes its export with it
  const job = useRef<AbortController | null>(null);
  useEffect(() => () => job.current?.abort(), []);

  const translate: Translate = useCallback((key, options) => String(t(key, options as never)), [t]);
  const stageIds = scope === 'stages' ? stages.filter((s) => chosen.has(s.id)).map((s) => s.id) : null;
  const noStages = stageIds !== null && stageIds.length === 0;

  const start = async () => {
    const { session, journey } = useEditor.getState();
    if (!session || !journey || noStages || working) return;
    const controller = new AbortController();
    job.current = controller;
    // a new figure at most every PROGRESS_EVERY ms, the latest one shown when the time comes:
    // each one repaints, and on a big map a repaint of the page is tens of ms of its thread
    let shown = 0;
    let latest = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      if (controller.signal.aborted) return;
      shown = performance.now();
      setStatus({ kind: 'working', progress: latest });
    };
    setStatus({ kind: 'working', progress: 0 });
    try {
      const result = await runExport(
        { format, stageIds, scale, background, paper, pages },
        { doc: session.doc, journey, feedback: session.feedback },
        translate,
        i18n.language,
        (progress) => {
          latest = progress;
          if (timer !== undefined || controller.signal.aborted) return;
          const wait = shown + PROGRESS_EVERY - performance.now();
          if (wait <= 0) show();
          else timer = setTimeout(show, wait);
        },
        controller.signal,
      );
      downloadBlob(result.blob, result.fileName);
      let text = t('exporting.dialog.done', { file: result.fileName });
      if (result.scale !== undefined && result.scale < scale) text = `${t('exporting.dialog.reducedScale', { wanted: scale, scale: result.scale })} ${text}`;
      setStatus({ kind: 'done', text });
    } catch (error) {
      if (isExportCancelled(error, controller.signal)) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', text: t('exporting.dialog.failed', { reason: (error as Error).message }) });
    } finally {
      clearTimeout(timer);
      if (job.current === controller) job.current = null;
    }
  };

  const toggleStage = (stageId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(stageId)) next.delete(stageId);
      else next.add(stageId);
      return next;
    });

  const image = format === 'png' || format === 'svg';

  return (
    <ModalDialog
      title={t('exporting.dialog.title')}
      closeLabel={t('exporting.dialog.close')}
      onClose={() => useEditor.getState().setDialog(null)}
      className="wm-export"
      busy={working}
      initialFocus={firstRef}
    >
      <form
        className="wm-export-body"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset className="wm-export-formats" disabled={working}>
          <legend>{t('exporting.dialog.format')}</legend>
          {EXPORT_FORMATS.map((f, i) => (
            <label key={f.id} className={`wm-export-format${format === f.id ? ' is-chosen' : ''}`}>
              <input ref={i === 0 ? firstRef : undefined} type="radio" name={`${id}-format`} value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span className="wm-export-format-name">{t(f.labelKey)}</span>
              <span className="wm-export-format-hint">{t(f.hintKey)}</span>
            </label>
          ))}
        </fieldset>

        {format === 'png' && (
          <fieldset className="wm-export-row" disabled={working}>
            <legend>{t('exporting.dialog.scale')}</legend>
            {([1, 2, 4] as const).map((s) => (
              <label key={s} className="wm-export-chip">
                <input type="radio" name={`${id}-scale`} checked={scale === s} onChange={() => setScale(s)} />
                {s}×
              </label>
            ))}
          </fieldset>
        )}
        {image && (
          <fieldset className="wm-export-row" disabled={working}>
            <legend>{t('exporting.dialog.background')}</legend>
            {(['white', 'transparent'] as const).map((b) => (
              <label key={b} className="wm-export-chip">
                <input type="radio" name={`${id}-background`} checked={background === b} onChange={() => setBackground(b)} />
                {t(`exporting.dialog.backgrounds.${b}`)}
              </label>
            ))}
          </fieldset>
        )}
        {format === 'pdf' && (
          <>
            <fieldset className="wm-export-row" disabled={working}>
              <legend>{t('exporting.dialog.paper')}</legend>
              {(['a4', 'a3', 'letter'] as const).map((p) => (
                <label key={p} className="wm-export-chip">
                  <input type="radio" name={`${id}-paper`} checked={paper === p} onChange={() => setPaper(p)} />
                  {t(`exporting.dialog.papers.${p}`)}
                </label>
              ))}
              <span className="wm-export-note">{t('exporting.dialog.landscape')}</span>
            </fieldset>
            <fieldset className="wm-export-row" disabled={working}>
              <legend>{t('exporting.dialog.pages')}</legend>
              {(['auto', 'fit', 'tile'] as const).map((p) => (
                <label key={p} className="wm-export-chip">
                  <input type="radio" name={`${id}-pages`} checked={pages === p} onChange={() => setPages(p)} />
                  {t(`exporting.dialog.pageModes.${p}`)}
                </label>
              ))}
            </fieldset>
            <PdfPlanNote paper={paper} pages={pages} stageIds={stageIds} translate={translate} />
          </>
        )}

        <fieldset className="wm-export-row" disabled={working}>
          <legend>{t('exporting.dialog.scope')}</legend>
          {(['all', 'stages'] as const).map((s) => (
            <label key={s} className="wm-export-chip">
              <input type="radio" name={`${id}-scope`} checked={scope === s} onChange={() => setScope(s)} />
              {t(`exporting.dialog.scopes.${s}`)}
            </label>
          ))}
        </fieldset>
        {scope === 'stages' && (
          <fieldset className="wm-export-stages" disabled={working}>
            <legend className="sr-only">{t('exporting.dialog.stagesLegend')}</legend>
            <div className="wm-export-stage-tools">
              <button type="button" className="wm-export-link" onClick={() => setChosen(new Set(stages.map((s) => s.id)))}>
                {t('exporting.dialog.selectAll')}
              </button>
              <button type="button" className="wm-export-link" onClick={() => setChosen(new Set())}>
                {t('exporting.dialog.selectNone')}
              </button>
            </div>
            <ul>
              {stages.map((stage) => (
                <li key={stage.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(stage.id)} onChange={() => toggleStage(stage.id)} />
                    {stage.name || t('canvas.untitledStage')}
                  </label>
                </li>
              ))}
            </ul>
            {noStages && (
              <p className="wm-export-error" role="alert">
                {t('exporting.dialog.noStages')}
              </p>
            )}
          </fieldset>
        )}

        <footer className="wm-export-footer">
          <div className="wm-export-status" role="status" aria-live="polite">
            {status.kind === 'working' && (
              <>
                <progress max={100} value={Math.round(status.progress * 100)} aria-label={t('exporting.dialog.exporting')} />
                <span className="wm-export-percent">{t('exporting.dialog.progress', { percent: Math.round(status.progress * 100) })}</span>
              </>
            )}
            {status.kind === 'done' && <span className="wm-export-done">{status.text}</span>}
            {status.kind === 'cancelled' && <span className="wm-export-done">{t('exporting.dialog.cancelled')}</span>}
            {status.kind === 'failed' && <span className="wm-export-error">{status.text}</span>}
          </div>
          {working && (
            <button type="button" className="wm-export-cancel" onClick={() => job.current?.abort()}>
              {t('exporting.dialog.cancel')}
            </button>
          )}
          <button type="submit" className="wm-export-go" disabled={working || noStages}>
            <Download size={16} aria-hidden="true" />
            {working ? t('exporting.dialog.exporting') : t('exporting.dialog.export')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
