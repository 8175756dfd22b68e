import { CircleCheck, Trash2, Undo2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ToastMessage =
  | { kind: 'deleted'; key: number; mapId: string; title: string }
  | { kind: 'info'; key: number; text: string };

export const UNDO_WINDOW_MS = 8_000;
const INFO_MS = 4_000;

/**
 * The library's one toast, in a polite live region that is always in the page, so screen
 * readers announce each message. A deletion offers Undo (button, or Ctrl/⌘+Z anywhere outside a
 * text field) for UNDO_WINDOW_MS; the timer pauses while the pointer or focus is on the toast,
 * so nobody loses the chance to undo while reaching for the button.
 */
export function Toast({ message, onUndo, onClose }: { message: ToastMessage | null; onUndo(): void; onClose(message: ToastMessage): void }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  const remaining = useRef(0);
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  const undoKey = isMac ? '⌘Z' : 'Ctrl+Z';

  // a new message gets the full time
  useEffect(() => {
    if (message) remaining.current = message.kind === 'deleted' ? UNDO_WINDOW_MS : INFO_MS;
    setPaused(false);
  }, [message]);

  useEffect(() => {
    if (!message || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onClose(message), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
    };
  }, [message, paused, onClose]);

  useEffect(() => {
    if (message?.kind !== 'deleted') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey || !(event.metaKey || event.ctrlKey)) return;
      if (isTextField(event.target)) return;
      event.preventDefault();
      onUndo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [message, onUndo]);

  return (
    <div className="lib-toast-region" role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <div
          key={message.key}
          className="lib-toast"
          onPointerEnter={() => setPaused(true)}
          onPointerLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
          }}
        >
          {message.kind === 'deleted' ? (
            <>
              <Trash2 size={16} aria-hidden="true" className="lib-toast-icon" />
              <span className="lib-toast-text">{t('library.toast.deleted', { title: message.title })}</span>
              <button type="button" className="lib-toast-undo" onClick={onUndo} aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}>
                <Undo2 size={15} aria-hidden="true" />
                {t('library.toast.undo')}
                <kbd aria-hidden="true">{undoKey}</kbd>
              </button>
              <span className="sr-only">{t('library.toast.undoHint', { key: undoKey })}</span>
            </>
          ) : (
            <>
              <CircleCheck size={16} aria-hidden="true" className="lib-toast-icon" />
              <span className="lib-toast-text">{message.text}</span>
            </>
          )}
          <button type="button" className="lib-toast-close" onClick={() => onClose(message)} aria-label={t('library.toast.dismiss')}>
            <X size={15} aria-hidden="true" />
          </button>
        </div>
      )}
    </div>
  );
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}
