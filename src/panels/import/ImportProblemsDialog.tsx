import { TriangleAlert, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileIssue } from '../../schema/issues';

const SHOWN = 50;

/**
 * Why a file could not be imported: each problem as "path: reason". A native modal <dialog>, as
 * the library's other dialogs: focus stays inside, Escape closes it, focus goes back.
 */
export function ImportProblemsDialog({ fileName, issues, onClose }: { fileName: string | null; issues: readonly FileIssue[]; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const open = fileName !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.lib-import-close')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="lib-dialog lib-import-problems"
      aria-labelledby="lib-import-title"
      aria-describedby="lib-import-intro"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="lib-dialog-body">
          <div className="lib-dialog-head">
            <div>
              <h2 id="lib-import-title">
                <TriangleAlert size={20} aria-hidden="true" className="lib-import-icon" />
                {t('exporting.import.problemsTitle', { file: fileName })}
              </h2>
              <p id="lib-import-intro">{t('exporting.import.problemsIntro', { count: issues.length })}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('exporting.import.close')}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          <ul className="lib-import-issues">
            {issues.slice(0, SHOWN).map((problem, i) => (
              <li key={i}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
          {issues.length > SHOWN && <p className="lib-import-more">{t('exporting.import.moreProblems', { count: issues.length - SHOWN })}</p>}
          <div className="lib-import-actions">
            <button type="button" className="lib-button-primary lib-import-close" onClick={onClose}>
              {t('exporting.import.close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
