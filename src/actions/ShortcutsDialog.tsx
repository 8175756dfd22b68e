import { Fragment, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editorStore';
import { ACTION_GROUPS, ACTIONS } from './registry';
import { ModalDialog } from './ModalDialog';
import { useShortcutFormat } from './ui';
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

  const groups = useMemo(
    () =>
      ACTION_GROUPS.map((group) => ({ group, actions: ACTIONS.filter((a) => a.group === group && a.shortcuts?.length) })).filter(
        (g) => g.actions.length > 0,
      ),
    [],
  );

  return (
    <ModalDialog
      title={t('actions.shortcutsDialog.title')}
      closeLabel={t('actions.shortcutsDialog.close')}
      onClose={() => useEditor.getState().setDialog(null)}
      className="wm-shortcuts"
      titleId={titleId}
    >
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
    </ModalDialog>
  );
}
