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
 * How long typing may pause before the text is written to the map. The Y.Doc is the source of
 * truth and is stored at once, so a reload or a closed tab keeps what was typed this long ago.
 */
export const INLINE_COMMIT_MS = 300;

/**
 * Edits a title in place: Enter (or leaving the field) saves, Escape cancels. What is typed is
 * written to the map as the user types (after a short pause, and at once when the page is
 * hidden or unloads, asking first if the last keystrokes are that fresh), so an unfinished edit
 * survives a reload; Escape puts the title back as it was. The classes keep React Flow from dragging or zooming while the user selects text in it.
 */
export function InlineTitle({ value, label, multiline, maxLength, onCommit, onDone }: InlineTitleProps) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const finished = useRef(false);
  // the title before the edit, what the field holds now, and what was last written to the map
  const original = useRef(value);
  const latest = useRef(value);
  const written = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  const write = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text === written.current) return;
    written.current = text;
    commit.current(text);
  };
  const writeRef = useRef(write);
  writeRef.current = write;

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
    // leaving the page (reload, closed tab, switched app on a phone) writes what is pending
    const flush = () => {
      if (!finished.current) writeRef.current(latest.current);
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    // Text typed in the last moments reaches the map only now, as the page goes: its write to
    // this device may be cut off, so the browser asks "leave the page?"; staying keeps it.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (finished.current || latest.current === written.current) return;
      flush();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      // unmounted mid-edit (the node scrolled out of a big map, the map closed): keep the text
      flush();
    };
  }, []);

  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    write(save ? latest.current : original.current);
    onDone();
  };
  const props = {
    ref,
    className: 'inline-title nodrag nowheel nopan',
    value: draft,
    maxLength,
    'aria-label': label,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      const text = e.target.value;
      setDraft(text);
      latest.current = text;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => write(latest.current), INLINE_COMMIT_MS);
    },
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
