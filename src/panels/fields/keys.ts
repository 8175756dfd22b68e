import { useTranslation } from 'react-i18next';

/** Shortcut labels as this platform writes them: '⌘K' on Apple devices, 'Ctrl+K' (German: 'Strg+K') elsewhere. */
export function isApplePlatform(): boolean {
  const nav = globalThis.navigator;
  return !!nav && /Mac|iPhone|iPad|iPod/.test(nav.platform || nav.userAgent);
}

/** Key names printed on the keyboard outside Apple's, e.g. { Mod: 'Strg', Delete: 'Entf' } for German. */
export type KeyNames = Partial<Record<string, string>>;

export function shortcutLabel(shortcut: string, apple = isApplePlatform(), names: KeyNames = {}): string {
  const parts = shortcut.split('+');
  if (!apple) return parts.map((p) => names[p] ?? (p === 'Mod' ? 'Ctrl' : p)).join('+');
  const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return parts.map((p) => symbols[p] ?? names[p] ?? p).join('');
}

/** shortcutLabel with the key names of the current language. */
export function useShortcutLabel(): (shortcut: string) => string {
  const { t } = useTranslation();
  const names: KeyNames = { Mod: t('panels.keys.mod'), Delete: t('panels.keys.delete') };
  return (shortcut) => shortcutLabel(shortcut, isApplePlatform(), names);
}
