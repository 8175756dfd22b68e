import { Search } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editorStore';
import { buildActionContext, isEnabled, runAction } from './context';
import { actionsByGroup, type RegisteredAction } from './registry';
import { ariaKeyShortcuts } from './shortcuts';
import { foldText, matchesQuery, restoreFocus, trapTab, useShortcutFormat } from './ui';
import './actions.css';

export interface CommandPaletteProps {
  /** leaves the editor (the "back to library" command); default: see setActionNavigator */
  navigate?: (path: string) => void;
}

/** Mod+K: find any enabled action by name and run it. Shown while `editor.dialog === 'palette'`. */
export function CommandPalette({ navigate }: CommandPaletteProps) {
  const open = useEditor((s) => s.dialog === 'palette');
  return open ? <PaletteDialog navigate={navigate} /> : null;
}

interface Entry {
  action: RegisteredAction;
  label: string;
  group: string;
}

function PaletteDialog({ navigate }: CommandPaletteProps) {
  const { t } = useTranslation();
  const format = useShortcutFormat();
  const ids = useId();
  const titleId = `${ids}-title`;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [returnTo] = useState<Element | null>(() => (typeof document === 'undefined' ? null : document.activeElement));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  // what can run right now, read once when the palette opens
  const entries = useMemo<Entry[]>(() => {
    const ctx = buildActionContext({ t, navigate });
    return actionsByGroup().filter((a) => !a.paletteHidden && isEnabled(a, ctx)).map((action) => ({
      action,
      label: t(action.labelKey),
      group: t(`actions.groups.${action.group}`),
    }));
  }, [t, navigate]);

  const results = useMemo(() => {
    const found = entries.filter((e) => matchesQuery(e.label, query));
    const q = foldText(query.trim());
    if (!q) return found;
    // labels that start with the query first, otherwise keep group order
    return [...found].sort((a, b) => Number(!foldText(a.label).startsWith(q)) - Number(!foldText(b.label).startsWith(q)));
  }, [entries, query]);

  const current = Math.min(active, Math.max(0, results.length - 1));

  useLayoutEffect(() => {
    inputRef.current?.focus();
    const dialog = dialogRef.current;
    return () => restoreFocus(returnTo, dialog);
  }, [returnTo]);

  useEffect(() => {
    const option = listRef.current?.children[current];
    if (option instanceof HTMLElement) option.scrollIntoView?.({ block: 'nearest' });
  }, [current, results]);

  const close = () => useEditor.getState().setDialog(null);

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    runAction(entry.action.id, { t, navigate });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const n = results.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (n) setActive((current + 1) % n);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (n) setActive((current - 1 + n) % n);
        break;
      case 'PageDown':
        event.preventDefault();
        if (n) setActive(Math.min(n - 1, current + 8));
        break;
      case 'PageUp':
        event.preventDefault();
        if (n) setActive(Math.max(0, current - 8));
        break;
      case 'Enter':
        if (event.nativeEvent.isComposing) return;
        event.preventDefault();
        run(results[current]);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        trapTab(event, dialogRef.current);
        break;
    }
  };

  return (
    <div
      className="wm-overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        ref={dialogRef}
        className="wm-dialog wm-palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="wm-visually-hidden">
          {t('actions.palette.title')}
        </h2>
        <div className="wm-palette-search">
          <Search size={16} aria-hidden="true" className="wm-palette-search-icon" />
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length ? optionId(current) : undefined}
            aria-label={t('actions.palette.search')}
            placeholder={t('actions.palette.search')}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
          />
        </div>
        <ul ref={listRef} id={listId} role="listbox" aria-label={t('actions.palette.results')} className="wm-palette-list">
          {results.map((entry, i) => {
            const shortcut = format.first(entry.action);
            return (
              <li
                key={entry.action.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                aria-keyshortcuts={ariaKeyShortcuts(entry.action.shortcuts, format.isMac)}
                className={`wm-palette-option${i === current ? ' is-active' : ''}`}
                onMouseMove={() => {
                  if (i !== current) setActive(i);
                }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => run(entry)}
              >
                <span className="wm-palette-label">{entry.label}</span>
                <span className="wm-palette-group">{entry.group}</span>
                {shortcut && (
                  <kbd className="wm-kbd" aria-hidden="true">
                    {shortcut}
                  </kbd>
                )}
              </li>
            );
          })}
        </ul>
        {results.length === 0 && (
          <p className="wm-palette-empty" role="status">
            {t('actions.palette.empty')}
          </p>
        )}
      </div>
    </div>
  );
}
