/**
 * Keyboard shortcuts as plain strings ('Mod+Shift+Z', 'Alt+ArrowLeft', '?'): parsing, matching
 * against a keydown event and formatting for display. Pure: no DOM, no React.
 *
 * 'Mod' is ⌘ on macOS and Ctrl elsewhere. A shortcut's last part is the key: a letter, a digit,
 * a named key (`KeyboardEvent.key`: ArrowLeft, Delete, Escape, F2, …) or one punctuation
 * character ('=', '-', '+', '?', …).
 */

export interface ParsedShortcut {
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  /** letters lower-case ('z'); digits, punctuation and named keys as written */
  key: string;
}

export type ShortcutEvent = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

const MODIFIERS: Record<string, keyof Omit<ParsedShortcut, 'key'>> = {
  mod: 'mod',
  ctrl: 'ctrl',
  control: 'ctrl',
  cmd: 'meta',
  meta: 'meta',
  shift: 'shift',
  alt: 'alt',
  option: 'alt',
};

const cache = new Map<string, ParsedShortcut>();

/** Parses 'Mod+Shift+Z'; throws on an empty key or an unknown modifier (a typo in the registry). */
export function parseShortcut(shortcut: string): ParsedShortcut {
  const cached = cache.get(shortcut);
  if (cached) return cached;
  // a trailing '+' is the plus key itself: '+', 'Mod++'
  const plusKey = shortcut === '+' || shortcut.endsWith('++');
  const parts = (plusKey ? shortcut.slice(0, -1) : shortcut).split('+');
  const keyPart = plusKey ? '+' : parts.pop();
  if (plusKey) parts.pop();
  if (!keyPart) throw new Error(`shortcut "${shortcut}" has no key`);
  const parsed: ParsedShortcut = { mod: false, ctrl: false, meta: false, shift: false, alt: false, key: '' };
  for (const part of parts) {
    const flag = MODIFIERS[part.toLowerCase()];
    if (!flag) throw new Error(`shortcut "${shortcut}" has an unknown modifier "${part}"`);
    parsed[flag] = true;
  }
  parsed.key = keyPart.length === 1 ? keyPart.toLowerCase() : keyPart;
  cache.set(shortcut, parsed);
  return parsed;
}

const isLetter = (key: string) => key.length === 1 && key >= 'a' && key <= 'z';
const isDigit = (key: string) => key.length === 1 && key >= '0' && key <= '9';
/** one printable character that is neither a letter nor a digit: its shifted form is its own key */
const isPunctuation = (key: string) => key.length === 1 && !isLetter(key) && !isDigit(key);

/** The modifiers a shortcut needs, resolved for the platform ('Mod' → meta or ctrl). */
function wantedModifiers(s: ParsedShortcut, isMac: boolean) {
  return {
    ctrl: s.ctrl || (s.mod && !isMac),
    meta: s.meta || (s.mod && isMac),
    alt: s.alt,
    shift: s.shift,
  };
}

/**
 * Whether a keydown event is this shortcut. Modifiers must match exactly, except that Shift is
 * not compared for punctuation keys ('?' is Shift+/ on a US keyboard but Shift+ß on a German
 * one; '+' needs Shift on some layouts and not on others): the character decides. Letters and
 * digits also match by physical key (`code`), so shortcuts work on non-Latin layouts and with
 * ⌥ on macOS, which changes `key` into another character.
 */
export function matchesShortcut(event: ShortcutEvent, shortcut: string, isMac: boolean): boolean {
  const s = parseShortcut(shortcut);
  const want = wantedModifiers(s, isMac);
  if (event.ctrlKey !== want.ctrl || event.metaKey !== want.meta || event.altKey !== want.alt) return false;
  if (isPunctuation(s.key)) return event.key === s.key;
  if (event.shiftKey !== want.shift) return false;
  if (isLetter(s.key)) return event.key.toLowerCase() === s.key || event.code === `Key${s.key.toUpperCase()}`;
  if (isDigit(s.key)) return event.key === s.key || event.code === `Digit${s.key}` || event.code === `Numpad${s.key}`;
  return event.key === s.key;
}

/** Display names for keys and modifiers off macOS; German keyboards say Strg, Entf, … */
export interface KeyNames {
  ctrl: string;
  shift: string;
  alt: string;
  meta: string;
  delete: string;
  backspace: string;
  escape: string;
  enter: string;
  space: string;
}

export const ENGLISH_KEY_NAMES: KeyNames = {
  ctrl: 'Ctrl',
  shift: 'Shift',
  alt: 'Alt',
  meta: 'Win',
  delete: 'Del',
  backspace: 'Backspace',
  escape: 'Esc',
  enter: 'Enter',
  space: 'Space',
};

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
const MAC_KEYS: Record<string, string> = {
  Delete: '⌦',
  Backspace: '⌫',
  Escape: 'Esc',
  Enter: '↩',
  ' ': 'Space',
  Tab: '⇥',
};

function keyLabel(key: string, isMac: boolean, names: KeyNames): string {
  if (ARROWS[key]) return ARROWS[key]!;
  if (isMac && MAC_KEYS[key]) return MAC_KEYS[key]!;
  switch (key) {
    case 'Delete':
      return names.delete;
    case 'Backspace':
      return names.backspace;
    case 'Escape':
      return names.escape;
    case 'Enter':
      return names.enter;
    case ' ':
      return names.space;
    case 'ContextMenu':
      return 'Menu';
    default:
      return key.length === 1 ? key.toUpperCase() : key;
  }
}

/**
 * For display: '⌘⇧Z' on macOS (modifiers in Apple's order ⌃⌥⇧⌘), 'Ctrl+Shift+Z' elsewhere.
 * Pass `names` to translate the key names (Strg, Entf, …).
 */
export function formatShortcut(shortcut: string, isMac: boolean, names: KeyNames = ENGLISH_KEY_NAMES): string {
  const s = parseShortcut(shortcut);
  const want = wantedModifiers(s, isMac);
  const key = keyLabel(s.key, isMac, names);
  if (isMac) {
    return `${want.ctrl ? '⌃' : ''}${want.alt ? '⌥' : ''}${want.shift ? '⇧' : ''}${want.meta ? '⌘' : ''}${key}`;
  }
  const parts: string[] = [];
  if (want.ctrl) parts.push(names.ctrl);
  if (want.meta) parts.push(names.meta);
  if (want.alt) parts.push(names.alt);
  if (want.shift) parts.push(names.shift);
  parts.push(key);
  return parts.join('+');
}

/**
 * The value for `aria-keyshortcuts` ('Control+Shift+Z Control+Y'). Shortcuts on the plus key are
 * left out: '+' is the separator in that attribute's syntax.
 */
export function ariaKeyShortcuts(shortcuts: readonly string[] | undefined, isMac: boolean): string | undefined {
  if (!shortcuts?.length) return undefined;
  const out: string[] = [];
  for (const shortcut of shortcuts) {
    const s = parseShortcut(shortcut);
    if (s.key === '+') continue;
    const want = wantedModifiers(s, isMac);
    const parts: string[] = [];
    if (want.ctrl) parts.push('Control');
    if (want.meta) parts.push('Meta');
    if (want.alt) parts.push('Alt');
    if (want.shift) parts.push('Shift');
    parts.push(s.key === ' ' ? 'Space' : s.key.length === 1 ? s.key.toUpperCase() : s.key);
    out.push(parts.join('+'));
  }
  return out.length ? out.join(' ') : undefined;
}

/**
 * A canonical form, for comparing two shortcuts: 'Mod+Shift+Z' and 'shift+mod+z' are the same.
 * Punctuation keys drop Shift, as matching does.
 */
export function shortcutKey(shortcut: string): string {
  const s = parseShortcut(shortcut);
  const shift = s.shift && !isPunctuation(s.key);
  return [s.mod && 'mod', s.ctrl && 'ctrl', s.meta && 'meta', s.alt && 'alt', shift && 'shift', s.key].filter(Boolean).join('+');
}

/** Whether the shortcut uses Mod (or Ctrl/Cmd): those may run while a text field has focus. */
export function usesCommandModifier(shortcut: string): boolean {
  const s = parseShortcut(shortcut);
  return s.mod || s.ctrl || s.meta;
}

interface NavigatorLike {
  platform?: string;
  userAgent?: string;
  userAgentData?: { platform?: string };
}

/** Whether this is macOS / iOS, where Mod means ⌘. False outside a browser. */
export function isMacPlatform(nav: NavigatorLike | null = (globalThis.navigator as NavigatorLike | undefined) ?? null): boolean {
  if (!nav) return false;
  const platform = nav.userAgentData?.platform || nav.platform || nav.userAgent || '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}
