import { useEffect, useRef, useState } from 'react';

interface InlineTitleProps {
  value: string;
  label: string;
  multiline?: boolean;
  maxLength: number;
  onCommit(value: string): void;
  onDone(): void;
}

/**
 * Edits a title in place: Enter (or leaving the field) saves, Escape cancels. The classes keep
 * React Flow from dragging or zooming while the user selects text in it.
 */
export function InlineTitle({ value, label, multiline, maxLength, onCommit, onDone }: InlineTitleProps) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save && draft !== value) onCommit(draft);
    onDone();
  };
  const props = {
    ref,
    className: 'inline-title nodrag nowheel nopan',
    value: draft,
    maxLength,
    'aria-label': label,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => setDraft(e.target.value),
    onBlur: () => finish(true),
    // Enter and Escape belong to the field; other keys may still reach the shortcuts (Mod+K).
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        e.preventDefault();
        finish(false);
      } else if (e.key === 'Enter' && !e.shiftKey) {
        e.stopPropagation();
        e.preventDefault();
        finish(true);
      }
    },
  };
  return multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />;
}
