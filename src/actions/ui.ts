import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut, isMacPlatform, type KeyNames } from './shortcuts';
import type { Action } from './types';

/** Small helpers shared by the palette, the shortcuts help, the context menu and the toolbar. */

export function keyNames(t: TFunction): KeyNames {
  return {
    ctrl: t('actions.keys.ctrl'),
    shift: t('actions.keys.shift'),
    alt: t('actions.keys.alt'),
    meta: t('actions.keys.meta'),
    delete: t('actions.keys.delete'),
    backspace: t('actions.keys.backspace'),
    escape: t('actions.keys.escape'),
    enter: t('actions.keys.enter'),
    space: t('actions.keys.space'),
  };
}

/** Formats shortcuts for this platform and language: `format(action)` gives the first one. */
export function useShortcutFormat() {
  const { t, i18n } = useTranslation();
  const isMac = useMemo(() => isMacPlatform(), []);
  const names = useMemo(() => keyNames(t), [t, i18n.language]);
  return useMemo(
    () => ({
      isMac,
      one: (shortcut: string) => formatShortcut(shortcut, isMac, names),
      first: (action: Action) => (action.shortcuts?.[0] ? formatShortcut(action.shortcuts[0], isMac, names) : ''),
    }),
    [isMac, names],
  );
}

/** Lower case without diacritics, so 'rück' finds „Rückgängig“ and 'ebene' finds „Ebene“. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Whether every word of the query occurs in the text (case- and diacritics-insensitive). */
export function matchesQuery(text: string, query: string): boolean {
  const folded = foldText(text);
  return foldText(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside a modal. Call from its keydown handler. */
export function trapTab(event: { key: string; shiftKey: boolean; preventDefault(): void }, container: HTMLElement | null): void {
  if (event.key !== 'Tab' || !container) return;
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Gives focus back to where it was when an overlay opened, unless something else has taken it. */
export function restoreFocus(to: Element | null, overlay: HTMLElement | null): void {
  if (!(to instanceof HTMLElement) || !to.isConnected) return;
  const active = document.activeElement;
  if (!active || active === document.body || (overlay && overlay.contains(active))) to.focus();
}
