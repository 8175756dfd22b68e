import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import { linesToDrafts } from '../../export/feedbackCsv';
import { EVIDENCE_SOURCES, type EvidenceSource } from '../../model/evidence';
import { addEvidence } from '../../model/ops/evidence';
import { useEditor } from '../../store/editorStore';
import { useInbox } from '../../store/evidenceInbox';
import './inbox.css';

/**
 * "Paste feedback lines" (issue 18): notes from a call, a column copied out of a spreadsheet, a
 * page of chat quotes — one inbox item per non-empty line, all from the source chosen here,
 * added in one transaction (one undo step).
 */
export function PasteLinesDialog() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [source, setSource] = useState<EvidenceSource>('other');
  const area = useRef<HTMLTextAreaElement>(null);
  const areaId = useId();
  const sourceId = useId();
  const addedBy = useEditor((s) => s.identity?.name ?? '');
  const deferred = useDeferredValue(text);
  const drafts = useMemo(() => linesToDrafts(deferred, { addedBy, source }), [deferred, addedBy, source]);

  const close = () => useEditor.getState().setDialog(null);
  const add = () => {
    const { session, readOnly } = useEditor.getState();
    if (!session || readOnly) return;
    const all = linesToDrafts(text, { addedBy, source });
    if (all.length === 0) return;
    // its own undo step, not merged with an edit made just before
    session.undo.stopCapturing();
    const { ids, refused } = addEvidence(session.doc, all);
    const inbox = useInbox.getState();
    inbox.say(refused > 0 ? t('inbox.addedSomeRefused', { count: ids.length, refused }) : t('inbox.added', { count: ids.length }));
    close();
  };

  return (
    <ModalDialog title={t('inbox.pasteDialog.title')} closeLabel={t('inbox.close')} onClose={close} className="ib-dialog ib-paste" initialFocus={area}>
      <div className="ib-dialog-body">
        <p className="pn-hint">{t('inbox.pasteDialog.intro')}</p>
        <label className="ib-field" htmlFor={areaId}>
          {t('inbox.pasteDialog.lines')}
        </label>
        <textarea
          ref={area}
          id={areaId}
          value={text}
          placeholder={t('inbox.pasteDialog.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              add();
            }
          }}
        />
        <div className="ib-field">
          <label htmlFor={sourceId}>{t('inbox.pasteDialog.source')}</label>
          <select id={sourceId} value={source} onChange={(e) => setSource(e.target.value as EvidenceSource)}>
            {EVIDENCE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`evidence.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="ib-dialog-foot">
        <button type="button" className="pn-button" onClick={close}>
          {t('inbox.cancel')}
        </button>
        <button type="button" className="pn-button pn-button-primary" disabled={drafts.length === 0} onClick={add}>
          {t('inbox.pasteDialog.add', { count: drafts.length })}
        </button>
      </div>
    </ModalDialog>
  );
}
