import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPACE_NAME_MAX_LENGTH } from '../../access/spaces';
import { useSpaces } from '../../store/spaces';
import { spaceErrorText } from './spaceErrors';
import { ImportSpaceSection } from './spaceFiles';

/** "New team space": a name, then the relay makes the space and its links, and the library opens it. */
export function NewSpaceDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(spaceId: string): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const service = useSpaces((state) => state.service);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setName('');
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed || !service || pending) return;
    setPending(true);
    setError(null);
    try {
      const id = await service.create(trimmed);
      onCreated(id);
    } catch (caught) {
      setError(t('spaces.create.failed', { reason: spaceErrorText(t, caught) }));
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog ref={ref} className="lib-dialog lib-dialog-narrow" aria-labelledby="lib-space-new-title" aria-describedby="lib-space-new-intro" onClose={onClose} onCancel={(event) => (pending || importing) && event.preventDefault()}>
      {open && (
        <form
          className="lib-dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="lib-dialog-head">
            <div>
              <h2 id="lib-space-new-title">{t('spaces.create.title')}</h2>
              <p id="lib-space-new-intro">{t('spaces.create.intro')}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('spaces.create.cancel')} disabled={pending}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          <label className="lib-field">
            <span>{t('spaces.create.name')}</span>
            <input value={name} maxLength={SPACE_NAME_MAX_LENGTH} autoFocus required placeholder={t('spaces.create.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
          </label>
          {error && (
            <p className="lib-inline-error" role="alert">
              {error}
            </p>
          )}
          <ImportSpaceSection disabled={pending} onBusy={setImporting} onImported={onCreated} />
          <div className="lib-dialog-actions">
            <button type="button" className="lib-button-secondary" onClick={onClose} disabled={pending || importing}>
              {t('spaces.create.cancel')}
            </button>
            <button type="submit" className="lib-button-primary" disabled={pending || importing || name.trim() === ''}>
              {pending ? t('spaces.create.creating') : t('spaces.create.create')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
