import { X } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { restoreFocus, trapTab } from './ui';
import './actions.css';

interface ModalDialogProps {
  title: string;
  closeLabel: string;
  onClose(): void;
  /** the dialog's own class beside `wm-dialog` (its width and body) */
  className: string;
  children: ReactNode;
  /** while true (an export running) nothing closes it and it says it is busy */
  busy?: boolean;
  /** what gets the focus on opening; the close button when not given */
  initialFocus?: RefObject<HTMLElement | null>;
  /** the dialog element, for a caller that looks inside it (a newly added row to focus) */
  dialogRef?: RefObject<HTMLDivElement | null>;
  /** the heading's id, for a caller whose body is labelled by it too */
  titleId?: string;
}

/**
 * The editor's modal dialogs (shortcuts, phases, export) in one shell: an overlay that closes on
 * a click beside the dialog, a titled header with a close button, Escape to close, Tab kept
 * inside, focus moved in on opening and given back to where it was on closing.
 */
export function ModalDialog({ title, closeLabel, onClose, className, children, busy = false, initialFocus, dialogRef, titleId }: ModalDialogProps) {
  const ownId = `${useId()}-title`;
  const headingId = titleId ?? ownId;
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = dialogRef ?? ownRef;
  const closeRef = useRef<HTMLButtonElement>(null);
  const [returnTo] = useState<Element | null>(() => (typeof document === 'undefined' ? null : document.activeElement));

  useLayoutEffect(() => {
    (initialFocus?.current ?? closeRef.current)?.focus();
    const dialog = ref.current;
    return () => restoreFocus(returnTo, dialog);
    // focus moves in once, on opening (returnTo never changes)
  }, [returnTo]);

  // a control disabled while busy (the export button) drops the focus to the page, where Escape
  // and Tab no longer reach the dialog: take it back into the dialog when the work ends
  useEffect(() => {
    const dialog = ref.current;
    if (busy || !dialog) return;
    const active = document.activeElement;
    if (!active || active === document.body || !dialog.contains(active)) dialog.focus();
  }, [busy, ref]);

  const close = () => {
    if (!busy) onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') trapTab(event, ref.current);
  };

  return (
    <div
      className="wm-overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        ref={ref}
        className={`wm-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-busy={busy || undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="wm-dialog-header">
          <h2 id={headingId}>{title}</h2>
          <button ref={closeRef} type="button" className="wm-icon-button" onClick={close} disabled={busy} aria-label={closeLabel} title={closeLabel}>
            <X size={18} aria-hidden="true" />
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
