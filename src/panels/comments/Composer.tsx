import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../model/limits';
import { useShortcutLabel } from '../fields';
import { activeMention, insertMention, mentionPeople, mentionQuery, mentionsIn, type Person } from './mentions';
import { commentToSend } from './threads';

/** Characters left at which the composer starts counting down. */
const COUNTDOWN = 200;

export interface ComposerProps {
  /** the field's accessible name */
  label: string;
  placeholder: string;
  submitLabel: string;
  /** who can be @mentioned: the people present, not me */
  candidates: readonly Person[];
  initialText?: string;
  /** takes the keyboard focus when it appears, and whenever this turns true */
  autoFocus?: boolean;
  /** the comment text (trimmed) and the ids of the people it @mentions; return false to keep the text */
  onSubmit(text: string, mentions: string[]): void | false;
  /** shows a Cancel button; Esc cancels instead of leaving the field */
  onCancel?(): void;
  /** the field's id, for a label elsewhere to point at */
  id?: string;
  /** editing a comment already sent: the hint says "save" */
  editing?: boolean;
  /** a control on a row of its own above the buttons (the observation switch of a new thread) */
  extra?: ReactNode;
}

/**
 * A comment field with an @mention picker. Typing `@` opens a list of the people present,
 * filtered by what follows; ↑↓ choose, Enter or Tab picks, Esc closes it. Ctrl/⌘+Enter or the
 * button sends; Esc leaves the field (or cancels an edit). ARIA combobox with a listbox popup.
 */
export function Composer({ label, placeholder, submitLabel, candidates, initialText = '', autoFocus, onSubmit, onCancel, id, editing, extra }: ComposerProps) {
  const { t } = useTranslation();
  const shortcutLabel = useShortcutLabel();
  const [text, setText] = useState(initialText);
  /** the caret while the field has focus and nothing is selected; null otherwise (picker closed) */
  const [caret, setCaret] = useState<number | null>(null);
  const [picked, setPicked] = useState<Person[]>([]);
  /** the option highlighted, for the query it was highlighted in */
  const [highlight, setHighlight] = useState<{ key: string; index: number }>({ key: '', index: 0 });
  /** the `@` whose list was closed with Esc: it stays closed until another `@` */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const ownId = useId();
  const fieldId = id ?? `${ownId}-field`;
  const listId = `${ownId}-mentions`;
  const hintId = `${ownId}-hint`;

  const mention = caret === null ? null : activeMention(text, caret, candidates);
  const open = mention !== null && mention.start !== dismissed;
  const options = open ? mention.options : [];
  const queryKey = mention ? `${mention.start}:${mention.query}` : '';
  const active = options.length === 0 ? -1 : Math.min(highlight.key === queryKey ? highlight.index : 0, options.length - 1);
  const remaining = LIMITS.commentText - text.length;
  const sendable = commentToSend(text, LIMITS.commentText) !== null;

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !field.current) return;
    pendingCaret.current = null;
    field.current.setSelectionRange(at, at);
  }, [text]);

  // when the field appears with autoFocus, and again whenever autoFocus turns on (Ctrl+Alt+M on a card whose box is already shown)
  useLayoutEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  const readCaret = () => {
    const el = field.current;
    if (!el || document.activeElement !== el) return setCaret(null);
    setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  };

  const pick = (person: Person) => {
    if (!mention || caret === null) return;
    const next = insertMention(text, mention.start, caret, person.name);
    setText(next.text);
    setPicked((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
    setCaret(next.caret);
    pendingCaret.current = next.caret;
    field.current?.focus();
  };

  const submit = () => {
    const value = commentToSend(text, LIMITS.commentText);
    if (value === null) return;
    const kept = onSubmit(value, mentionsIn(value, mentionPeople(picked, candidates)));
    if (kept === false) return;
    setText('');
    setPicked([]);
    setDismissed(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (open && options.length > 0 && mention) {
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && plain && !event.shiftKey) {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight({ key: queryKey, index: (active + step + options.length) % options.length });
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && plain && !event.shiftKey) {
        event.preventDefault();
        pick(options[Math.max(0, active)]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(mention.start);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (onCancel) onCancel();
      else field.current?.blur();
    }
  };

  return (
    <div className="cm-composer">
      <textarea
        ref={field}
        id={fieldId}
        className="pn-input pn-textarea cm-input"
        rows={2}
        value={text}
        placeholder={placeholder}
        aria-label={label}
        maxLength={LIMITS.commentText}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={hintId}
        onChange={(event) => {
          const el = event.target;
          const at = el.selectionStart === el.selectionEnd ? el.selectionStart : null;
          setText(el.value);
          setCaret(at);
          if (dismissed !== null && (at === null || mentionQuery(el.value, at)?.start !== dismissed)) setDismissed(null);
        }}
        onSelect={readCaret}
        onFocus={readCaret}
        onBlur={() => setCaret(null)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="cm-mention-list" role="listbox" id={listId} aria-label={t('comments.mentionList')}>
          {options.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cm-mention-option${i === active ? ' is-active' : ''}`}
              // keep the focus (and the caret) in the field
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(person)}
            >
              <span className="pn-dot" style={person.color ? { background: person.color } : undefined} aria-hidden="true" />
              <bdi className="cm-mention-name">{person.name}</bdi>
            </li>
          ))}
        </ul>
      )}
      {extra && <div className="cm-composer-extra">{extra}</div>}
      <div className="cm-composer-foot">
        <p className="pn-hint cm-composer-hint" id={hintId}>
          {remaining <= COUNTDOWN
            ? t('comments.remaining', { count: remaining })
            : editing
              ? t('comments.hintSave', { key: shortcutLabel('Mod+Enter') })
              : candidates.length > 0
                ? t('comments.hintMention', { key: shortcutLabel('Mod+Enter') })
                : t('comments.hintSend', { key: shortcutLabel('Mod+Enter') })}
        </p>
        <div className="cm-composer-buttons">
          {onCancel && (
            <button type="button" className="pn-button" onClick={onCancel}>
              {t('comments.cancel')}
            </button>
          )}
          <button type="button" className="pn-button pn-button-primary" disabled={!sendable} onClick={submit}>
            {submitLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
