import { KeyRound, TriangleAlert, X } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OWNER_KEY_EXTENSION, OWNER_KEY_MAX_BYTES } from '../../store/sharing';
import type { OwnerKeyFileProblem } from '../../store/ownerKeyOpen';
import { loadOwnerKeyOpen } from './loadOwnerKeyOpen';

interface OwnerKeyOpenerOptions {
  onOpenMap(mapId: string): void;
  /** a short message for the library's toast */
  onMessage(text: string): void;
}

/**
 * The library's "Open owner key…": the owner of a shared map picks the key file they saved
 * (share dialog), on another device or after clearing this browser. The file is checked here and
 * with the relay before anything is kept; then the map opens with owner rights (joining it first
 * when it is not on this device). A file that is not a usable key gets a banner saying why.
 */
export function useOwnerKeyOpener({ onOpenMap, onMessage }: OwnerKeyOpenerOptions): { button: ReactNode; banner: ReactNode } {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ fileName: string; problem: OwnerKeyFileProblem } | null>(null);

  const open = async (file: File) => {
    setPending(true);
    setProblem(null);
    onMessage(t('library.openOwnerKey.checking'));
    try {
      // never more than a key's size is read: a huge file is refused, not loaded
      const bytes = new Uint8Array(await file.slice(0, OWNER_KEY_MAX_BYTES + 1).arrayBuffer());
      let opener: Awaited<ReturnType<typeof loadOwnerKeyOpen>>;
      try {
        opener = await loadOwnerKeyOpen();
      } catch {
        onMessage(t('app.onDemand.failed'));
        return;
      }
      const opened = await opener.openOwnerKeyFile(bytes, location.origin);
      if (!opened.ok) {
        setProblem({ fileName: file.name, problem: opened.problem });
        return;
      }
      onMessage(t('library.openOwnerKey.opened'));
      onOpenMap(opened.mapId);
    } catch {
      setProblem({ fileName: file.name, problem: 'failed' });
    } finally {
      setPending(false);
    }
  };

  const button = (
    <>
      <button type="button" className="lib-button-secondary lib-owner-key-button" onClick={() => input.current?.click()} disabled={pending} title={t('library.openOwnerKey.hint')}>
        <KeyRound size={16} aria-hidden="true" />
        <span className="lib-owner-key-label">{t('library.openOwnerKey.button')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept={`.${OWNER_KEY_EXTENSION},.json,application/json`}
        hidden
        data-testid="owner-key-file"
        aria-label={t('library.openOwnerKey.hint')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void open(file);
        }}
      />
    </>
  );

  const banner = problem ? (
    <div className="lib-banner lib-owner-key-problem" role="alert">
      <TriangleAlert size={18} aria-hidden="true" />
      <div>
        <p className="lib-banner-title">{t('library.openOwnerKey.errorTitle', { file: problem.fileName })}</p>
        <p>{t(`sharing.ownerKey.errors.${problem.problem}`)}</p>
      </div>
      <button type="button" className="lib-icon-button" onClick={() => setProblem(null)} aria-label={t('library.openOwnerKey.dismiss')}>
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  ) : null;

  return { button, banner };
}
