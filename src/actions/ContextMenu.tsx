import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, type EditorState } from '../store/editorStore';
import { buildActionContext, isEnabled, runAction } from './context';
import { menuActions, type ActionId } from './registry';
import { ariaKeyShortcuts } from './shortcuts';
import { foldText, restoreFocus, useShortcutFormat } from './ui';
import './actions.css';

export interface ContextMenuProps {
  navigate?: (path: string) => void;
}

type OpenMenu = NonNullable<EditorState['contextMenu']>;

/**
 * The menu for a card, a header, an empty cell or the map background, at `editor.contextMenu`'s
 * x/y (kept inside the window). It offers the enabled actions whose `menu` names the target's kind.
 */
export function ContextMenu({ navigate }: ContextMenuProps) {
  const menu = useEditor((s) => s.contextMenu);
  if (!menu) return null;
  const key = `${menu.x},${menu.y},${JSON.stringify(menu.target)}`;
  return <MenuPopup key={key} menu={menu} navigate={navigate} />;
}

const MARGIN = 8;

function MenuPopup({ menu, navigate }: ContextMenuProps & { menu: OpenMenu }) {
  const { t } = useTranslation();
  const format = useShortcutFormat();
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [returnTo] = useState<Element | null>(() => (typeof document === 'undefined' ? null : document.activeElement));
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const [active, setActive] = useState(0);

  const items = useMemo(() => {
    const ctx = buildActionContext({ t, navigate, target: menu.target });
    return menuActions(menu.target.kind)
      .filter((a) => isEnabled(a, ctx))
      .map((action) => ({ action, label: t(action.labelKey) }));
  }, [menu, t, navigate]);

  const close = () => useEditor.getState().closeContextMenu();

  // nothing to offer here: no empty menu
  useEffect(() => {
    if (items.length === 0) close();
  }, [items.length]);

  // keep the menu inside the window: flip to the other side of the pointer when it would overflow
  useLayoutEffect(() => {
    const el = menuRef.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    let left = menu.x + width + MARGIN > vw ? menu.x - width : menu.x;
    let top = menu.y + height + MARGIN > vh ? menu.y - height : menu.y;
    left = Math.max(MARGIN, Math.min(left, vw - width - MARGIN));
    top = Math.max(MARGIN, Math.min(top, vh - height - MARGIN));
    setPosition({ left, top });
  }, [menu.x, menu.y, items.length]);

  useLayoutEffect(() => {
    if (position) itemRefs.current[active]?.focus();
  }, [position, active]);

  useLayoutEffect(() => {
    const el = menuRef.current;
    return () => restoreFocus(returnTo, el);
  }, [returnTo]);

  // a press anywhere else, a resize or leaving the window closes the menu
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', close);
      window.removeEventListener('blur', close);
    };
  }, []);

  const activate = (id: ActionId) => {
    close();
    runAction(id, { t, navigate, target: menu.target });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const n = items.length;
    if (n === 0) return;
    const move = (to: number) => {
      event.preventDefault();
      setActive(((to % n) + n) % n);
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(n - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      case 'Tab':
        event.preventDefault();
        close();
        return;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const item = items[active];
        if (item) activate(item.action.id);
        return;
      }
      default: {
        // type-ahead: a letter jumps to the next item starting with it
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = foldText(event.key);
        for (let step = 1; step <= n; step++) {
          const i = (active + step) % n;
          if (foldText(items[i]!.label).startsWith(letter)) return move(i);
        }
      }
    }
  };

  if (items.length === 0) return null;
  const firstDestructive = items.findIndex((item) => item.action.destructive);

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={t('actions.menu.label')}
      aria-orientation="vertical"
      className="wm-menu"
      style={{ left: position?.left ?? menu.x, top: position?.top ?? menu.y, visibility: position ? 'visible' : 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map(({ action, label }, i) => {
        const shortcut = format.first(action);
        const destructive = action.destructive === true;
        return (
          <Fragment key={action.id}>
            {i === firstDestructive && i > 0 && <div role="separator" className="wm-menu-separator" />}
            <button
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              aria-keyshortcuts={ariaKeyShortcuts(action.shortcuts, format.isMac)}
              className={`wm-menu-item${destructive ? ' is-destructive' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => activate(action.id)}
            >
              <span className="wm-menu-label">{label}</span>
              {shortcut && (
                <kbd className="wm-menu-shortcut" aria-hidden="true">
                  {shortcut}
                </kbd>
              )}
            </button>
          </Fragment>
        );
      })}
    </div>
  );
}
