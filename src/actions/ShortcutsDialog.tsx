import { X } from 'lucide-react';
import { Fragment, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editorStore';
import { ACTION_GROUPS, ACTIONS } from './registry';
import { restoreFocus, trapTab, useShortcutFormat } from './ui';
import './actions.css';

/** '?': every action that has a keyboard shortcut, grouped. Shown while `editor.dialog === 'shortcuts'`. */
export function ShortcutsDialog() {
  const open = useEditor((s) => s.dialog === 'shortcuts');
  return open ? <ShortcutsHelp /> : null;
}

/**
 * What the mouse does on the canvas, beside the keys: panning by dragging over a card moves the
 * card instead, so the ways to pan (empty canvas, Space + drag) are said where people look.
 */
const GESTURES = ['pan', 'spacePan', 'zoom', 'moveCard', 'cancelDrag'] as const;

function MouseGestures({ titleId }: { titleId: string }) {
  const { t } = useTranslation();
  return (
    <section className="wm-shortcuts-group" aria-labelledby={`${titleId}-mouse`}>
      <h3 id={`${titleId}-mouse`}>{t('actions.shortcutsDialog.mouse.title')}</h3>
      <dl>
        {GESTURES.map((gesture) => (
          <div key={gesture} className="wm-shortcuts-row">
            <dt>{t(`actions.shortcutsDialog.mouse.${gesture}`)}</dt>
            <dd>{t(`actions.shortcutsDialog.mouse.${gesture}How`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ShortcutsHelp() {
  const { t } = useTranslation();
  const format = useShortcutFormat();
  const titleId = `${useId()}-title`;
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [returnTo] = useState<Element | null>(() => (typeof document === 'undefined' ? null : document.activeElement));

  const groups = useMemo(
    () =>
      ACTION_GROUPS.map((group) => ({ group, actions: ACTIONS.filter((a) => a.group === group && a.shortcuts?.length) })).filter(
        (g) => g.actions.length > 0,
      ),
    [],
  );

  useLayoutEffect(() => {
    closeRef.current?.focus();
    const dialog = dialogRef.current;
    return () => restoreFocus(returnTo, dialog);
  }, [returnTo]);

  const close = () => useEditor.getState().setDialog(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') trapTab(event, dialogRef.current);
  };

  return (
    <div
      className="wm-overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div ref={dialogRef} className="wm-dialog wm-shortcuts" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <header className="wm-dialog-header">
          <h2 id={titleId}>{t('actions.shortcutsDialog.title')}</h2>
          <button ref={closeRef} type="button" className="wm-icon-button" onClick={close} aria-label={t('actions.shortcutsDialog.close')} title={t('actions.shortcutsDialog.close')}>
            <X size={18} aria-hidden="true" />
          </button>
        </header>
        {/* focusable so the keyboard can scroll a long list */}
        <div className="wm-shortcuts-body" tabIndex={0} aria-labelledby={titleId} role="region">
          {groups.map(({ group, actions }) => (
            <section key={group} className="wm-shortcuts-group" aria-labelledby={`${titleId}-${group}`}>
              <h3 id={`${titleId}-${group}`}>{t(`actions.groups.${group}`)}</h3>
              <dl>
                {actions.map((action) => (
                  <div key={action.id} className="wm-shortcuts-row">
                    <dt>{t(action.labelKey)}</dt>
                    <dd>
                      {action.shortcuts!.map((s, i) => (
                        <Fragment key={s}>
                          {i > 0 && <span className="wm-shortcuts-or">{t('actions.shortcutsDialog.or')}</span>}
                          <kbd className="wm-kbd">{format.one(s)}</kbd>
                        </Fragment>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <MouseGestures titleId={titleId} />
        </div>
      </div>
    </div>
  );
}
