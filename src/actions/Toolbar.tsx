import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssumptionFilter } from '../store/assumptionFilter';
import { useEditor } from '../store/editorStore';
import { contextFromState, isEnabled, runAction } from './context';
import { toolbarActions } from './registry';
import { ariaKeyShortcuts } from './shortcuts';
import { useShortcutFormat } from './ui';
import './actions.css';

export interface ToolbarProps {
  navigate?: (path: string) => void;
}

const ITEMS = toolbarActions();

/** One '1'/'0' per toolbar action: a string, so the toolbar re-renders only when one flips. */
function enabledFlags(state: Parameters<typeof contextFromState>[0]): string {
  const ctx = contextFromState(state);
  return ITEMS.map((a) => (isEnabled(a, ctx) ? '1' : '0')).join('');
}

/** The editor's toolbar: the actions placed on it, by section, one tab stop, arrow keys between buttons. */
export function Toolbar({ navigate }: ToolbarProps) {
  const { t } = useTranslation();
  const format = useShortcutFormat();
  const flags = useEditor(enabledFlags);
  const linking = useEditor((s) => s.linkFrom !== null);
  const showingAssumptions = useAssumptionFilter((s) => s.on);
  // a view-only map shows no editing affordances at all, not greyed-out ones
  const readOnly = useEditor((s) => s.readOnly);
  const items = readOnly ? ITEMS.filter((a) => a.allowedReadOnly) : ITEMS;
  const flagOf = (action: (typeof ITEMS)[number]) => flags[ITEMS.indexOf(action)] === '1';
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const n = items.length;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (focusIndex + 1) % n;
    else if (event.key === 'ArrowLeft') next = (focusIndex - 1 + n) % n;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = n - 1;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label={t('actions.toolbar.label')} aria-orientation="horizontal" className="wm-toolbar" onKeyDown={onKeyDown}>
      {items.map((action, i) => {
        const label = t(action.labelKey);
        const shortcut = format.first(action);
        const enabled = flagOf(action);
        const separated = i > 0 && items[i - 1]!.toolbar?.section !== action.toolbar?.section;
        const withText = action.toolbar?.withText === true;
        return (
          <Fragment key={action.id}>
            {separated && <span role="separator" aria-orientation="vertical" className="wm-toolbar-separator" />}
            <button
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              className={`wm-toolbar-button${withText ? ' has-text' : ''}`}
              tabIndex={i === focusIndex ? 0 : -1}
              // disabled buttons stay focusable in a toolbar, so their names can still be read out
              aria-disabled={!enabled || undefined}
              aria-pressed={action.id === 'card.link' ? linking : action.id === 'view.showAssumptions' ? showingAssumptions : undefined}
              aria-label={label}
              aria-keyshortcuts={ariaKeyShortcuts(action.shortcuts, format.isMac)}
              title={shortcut ? t('actions.toolbar.withShortcut', { label, shortcut }) : label}
              onFocus={() => setFocusIndex(i)}
              onClick={() => {
                if (enabled) runAction(action.id, { t, navigate });
              }}
            >
              {action.icon && <action.icon size={18} aria-hidden="true" />}
              {withText && (
                <span className="wm-toolbar-text" aria-hidden="true">
                  {label}
                </span>
              )}
            </button>
          </Fragment>
        );
      })}
    </div>
  );
}
