import { Download, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpaces } from '../../store/spaces';
import { spaceErrorText } from './spaceErrors';

/**
 * Files for a whole team space (issue 16): "Export space" in a space's head (any role exports
 * what this device holds of it) and "…or recreate one from an export" in the New team space
 * dialog. The archive itself is written and read by the app (SpaceService.exportSpace /
 * importSpace), never here.
 */

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The space's name as a file name, `<name>.waymark-space.zip`: what some system refuses
 * (/ \ : * ? " < > |, controls, bidi overrides, leading dots) left out, at most 80 characters.
 */
export function spaceArchiveName(name: string): string {
  const base = Array.from(
    name
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[/\\:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, ''),
  )
    .slice(0, 80)
    .join('')
    .trim();
  return `${base || 'team-space'}.waymark-space.zip`;
}

export function ExportSpaceButton({ spaceId, name }: { spaceId: string; name: string }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!service || busy) return;
    setBusy(true);
    setError(null);
    try {
      download(await service.exportSpace(spaceId), spaceArchiveName(name));
    } catch (caught) {
      setError(t('spaceFiles.export.failed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {/* an icon beside "Leave", so the owner's three text buttons keep to one line */}
      <button
        type="button"
        className="lib-icon-button"
        onClick={() => void run()}
        disabled={busy}
        aria-label={busy ? t('spaceFiles.export.busy') : t('spaceFiles.export.button')}
        title={`${t('spaceFiles.export.button')}: ${t('spaceFiles.export.hint')}`}
        aria-busy={busy}
      >
        <Download size={16} aria-hidden="true" />
      </button>
      {error && (
        <p className="lib-inline-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** How many problems of a refused file are listed before "…and N more". */
const SHOWN_PROBLEMS = 8;

/** "…or recreate one from an export": pick a .waymark-space.zip; a good one becomes a new space, a broken one is explained and changes nothing. */
export function ImportSpaceSection({ disabled, onBusy, onImported }: { disabled: boolean; onBusy(busy: boolean): void; onImported(spaceId: string): void }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; problems: string[]; more: number } | null>(null);

  const importFile = async (file: File) => {
    if (!service) return;
    setBusy(true);
    onBusy(true);
    setError(null);
    try {
      const result = await service.importSpace(new Uint8Array(await file.arrayBuffer()));
      if (result.ok) onImported(result.spaceId);
      else if (result.reason === 'offline') setError({ text: t('spaceFiles.import.offline'), problems: [], more: 0 });
      else setError({ text: t('spaceFiles.import.invalid'), problems: result.problems.slice(0, SHOWN_PROBLEMS), more: Math.max(0, result.problems.length - SHOWN_PROBLEMS) });
    } catch (caught) {
      setError({ text: t('spaceFiles.import.failed', { reason: spaceErrorText(t, caught) }), problems: [], more: 0 });
    } finally {
      setBusy(false);
      onBusy(false);
    }
  };

  return (
    <div className="lib-space-import">
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="space-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="lib-button-link" onClick={() => input.current?.click()} disabled={disabled || busy} title={t('spaceFiles.import.hint')}>
        <Upload size={14} aria-hidden="true" />
        {busy ? t('spaceFiles.import.busy') : t('spaceFiles.import.orRecreate')}
      </button>
      {error && (
        <div className="lib-inline-error" role="alert">
          <p>{error.text}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          )}
          {error.more > 0 && <p>{t('spaceFiles.import.more', { count: error.more })}</p>}
        </div>
      )}
    </div>
  );
}
