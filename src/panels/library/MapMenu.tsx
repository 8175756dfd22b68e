import { ArrowUpRight, Copy, Ellipsis, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type MapMenuAction = 'open' | 'rename' | 'duplicate' | 'delete';

const ITEMS: { action: MapMenuAction; icon: typeof Copy; shortcut?: string; danger?: boolean }[] = [
  { action: 'open', icon: ArrowUpRight, shortcut: 'Enter' },
  { action: 'rename', icon: Pencil, shortcut: 'F2' },
  { action: 'duplicate', icon: Copy },
  { action: 'delete', icon: Trash2, shortcut: 'Del', danger: true },
];

/**
 * A map card's actions as a menu button (WAI-ARIA menu pattern): Enter, Space or ArrowDown opens
 * it on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes it and
 * returns focus to the button; Tab or a click elsewhere closes it.
 */
export function MapMenu({ title, onAction }: { title: string; onAction(action: MapMenuAction): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<'first' | 'last'>('first');
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (initial === 'last' ? list[list.length - 1] : list[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !triggerRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, initial]);

  const openMenu = (at: 'first' | 'last') => {
    setInitial(at);
    setOpen(true);
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        setOpen(false);
        triggerRef.current?.focus();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (action: MapMenuAction) => {
    setOpen(false);
    // back on the button first, so an action that moves focus (rename, delete) starts from there
    triggerRef.current?.focus();
    onAction(action);
  };

  return (
    <div className="lib-menu">
      <button
        ref={triggerRef}
        type="button"
        className={`lib-icon-button lib-menu-trigger${open ? ' is-open' : ''}`}
        aria-label={t('library.card.actions', { title })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openMenu('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            openMenu('first');
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            openMenu('last');
          }
        }}
      >
        <Ellipsis size={18} aria-hidden="true" />
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" className="lib-menu-list" aria-label={t('library.card.actions', { title })} onKeyDown={onMenuKeyDown}>
          {ITEMS.map(({ action, icon: Icon, shortcut, danger }) => (
            <button
              key={action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={danger ? 'is-danger' : undefined}
              onClick={() => choose(action)}
            >
              <Icon size={16} aria-hidden="true" />
              <span className="lib-menu-label">{t(`library.card.${action}`)}</span>
              {shortcut && (
                <kbd className="lib-menu-shortcut" aria-hidden="true">
                  {shortcut}
                </kbd>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
