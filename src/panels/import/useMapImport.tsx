import { FileUp, Upload } from 'lucide-react';
import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { classifyStorageError, type WaymarkDB } from '../../store/library';
import type { FileIssue } from '../../schema/issues';
import { ImportProblemsDialog } from './ImportProblemsDialog';
import { loadImporter } from './loadImporter';
import './import.css';

export const IMPORT_ACCEPT = '.json,.csv,.ojf,application/json,text/csv';

export interface MapImportOptions {
  db: WaymarkDB | null;
  /** maps cannot be stored here: imports open in memory */
  inMemoryOnly: boolean;
  onOpenMap(mapId: string): void;
  onCreateInMemory?(doc: Y.Doc): void;
  /** a short message for the library's toast */
  onMessage(text: string): void;
}

/**
 * Import for the library screen: the "Import" button, the drop zone over the whole screen and
 * the problems dialog. Each file becomes a new map; a valid single file opens at once.
 */
export function useMapImport({ db, inMemoryOnly, onOpenMap, onCreateInMemory, onMessage }: MapImportOptions) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [problems, setProblems] = useState<{ fileName: string; issues: FileIssue[] } | null>(null);
  const depth = useRef(0);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || pending) return;
      setPending(true);
      try {
        let importer: Awaited<ReturnType<typeof loadImporter>>;
        try {
          importer = await loadImporter();
        } catch {
          onMessage(t('app.onDemand.failed'));
          return;
        }
        const { docForImport, readAndImport, storeImportedMap } = importer;
        for (const file of files) {
          const outcome = await readAndImport(file);
          if (!outcome.ok) {
            setProblems({ fileName: file.name, issues: outcome.issues });
            return;
          }
          const doc = await docForImport(outcome.journey, inMemoryOnly ? null : db, outcome.images);
          const id = outcome.journey.id;
          if (inMemoryOnly || !db) {
            onCreateInMemory?.(doc);
          } else {
            try {
              await storeImportedMap(db, doc, outcome.journey, outcome.feedback);
            } catch (error) {
              onMessage(t(`library.errors.${classifyStorageError(error)}`));
              return;
            }
          }
          if (files.length === 1) onOpenMap(id);
          else onMessage(t('exporting.import.imported', { title: outcome.journey.title }));
        }
      } finally {
        setPending(false);
      }
    },
    [db, inMemoryOnly, onCreateInMemory, onMessage, onOpenMap, pending, t],
  );

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  const dropProps = {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      void importFiles(Array.from(event.dataTransfer.files));
    },
  };

  const overlay: ReactNode = dragging ? (
    <div className="lib-drop-overlay" aria-hidden="true">
      <div className="lib-drop-card">
        <FileUp size={36} />
        <p>{t('exporting.import.drop')}</p>
      </div>
    </div>
  ) : null;

  const dialog = <ImportProblemsDialog fileName={problems?.fileName ?? null} issues={problems?.issues ?? []} onClose={() => setProblems(null)} />;

  return { importFiles, pending, dropProps, overlay, dialog };
}

/** The library's "Import" button: opens the file picker. */
export function ImportButton({ onFiles, pending }: { onFiles(files: File[]): void; pending: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="lib-button-secondary lib-import-button" onClick={() => input.current?.click()} disabled={pending} title={t('exporting.import.buttonHint')}>
        <Upload size={16} aria-hidden="true" />
        {t('exporting.import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-file"
        aria-label={t('exporting.import.buttonHint')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}
