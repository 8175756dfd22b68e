import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateKey } from '../../model/templates';
import type { Locale } from '../../model/types';
import { TemplateLanguage, TemplatePicker } from './TemplatePicker';

/**
 * The "New map" dialog: template language and the four templates. A native modal <dialog>, so
 * focus stays inside, Escape closes it and the page behind is inert; focus returns to the
 * button that opened it.
 */
export function NewMapDialog({
  open,
  locale,
  onLocaleChange,
  pending,
  error,
  onChoose,
  onClose,
}: {
  open: boolean;
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  pending: TemplateKey | null;
  error: string | null;
  onChoose(key: TemplateKey): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // start on the first template rather than on the close button
      dialog.querySelector<HTMLElement>('.lib-template')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="lib-dialog"
      aria-labelledby="lib-new-title"
      aria-describedby="lib-new-intro"
      onClose={onClose}
      onCancel={(event) => {
        // Escape while a map is being created would leave the user unsure whether it was
        if (pending) event.preventDefault();
      }}
      onClick={(event) => {
        // a click on the backdrop lands on the dialog element itself
        if (event.target === ref.current && !pending) onClose();
      }}
    >
      {open && (
        <div className="lib-dialog-body">
          <div className="lib-dialog-head">
            <div>
              <h2 id="lib-new-title">{t('library.create.title')}</h2>
              <p id="lib-new-intro">{t('library.create.intro')}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('library.create.close')} disabled={pending !== null}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          <TemplateLanguage value={locale} onChange={onLocaleChange} name="lib-dialog-locale" />
          {error && (
            <p className="lib-inline-error" role="alert">
              {error}
            </p>
          )}
          <TemplatePicker locale={locale} pending={pending} onChoose={onChoose} />
          <p className="sr-only" role="status">
            {pending ? t('library.create.creating') : ''}
          </p>
        </div>
      )}
    </dialog>
  );
}
