import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  formatShortcut,
  isMacPlatform,
  matchesShortcut,
  parseShortcut,
  shortcutKey,
  type KeyNames,
  type ShortcutEvent,
} from '../../src/actions/shortcuts';

const press = (key: string, mods: Partial<Omit<ShortcutEvent, 'key' | 'code'>> = {}, code = ''): ShortcutEvent => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('parsing shortcuts', () => {
  it('reads modifiers and the key, letters in lower case', () => {
    expect(parseShortcut('Mod+Shift+Z')).toEqual({ mod: true, ctrl: false, meta: false, shift: true, alt: false, key: 'z' });
    expect(parseShortcut('Alt+ArrowLeft')).toMatchObject({ alt: true, key: 'ArrowLeft' });
    expect(parseShortcut('?')).toMatchObject({ shift: false, key: '?' });
  });

  it('reads the plus key on its own and after a modifier', () => {
    expect(parseShortcut('+')).toMatchObject({ mod: false, key: '+' });
    expect(parseShortcut('Mod++')).toMatchObject({ mod: true, key: '+' });
    expect(parseShortcut('Mod+=')).toMatchObject({ mod: true, key: '=' });
  });

  it('rejects a typo in a modifier', () => {
    expect(() => parseShortcut('Mdo+Z')).toThrow(/unknown modifier/);
  });

  it('compares shortcuts regardless of how they are written', () => {
    expect(shortcutKey('Mod+Shift+Z')).toBe(shortcutKey('shift+mod+z'));
    expect(shortcutKey('Mod+Z')).not.toBe(shortcutKey('Mod+Shift+Z'));
  });
});

describe('matching a key press', () => {
  it('Mod is Cmd on a Mac and Ctrl elsewhere', () => {
    expect(matchesShortcut(press('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(press('z', { ctrlKey: true }), 'Mod+Z', true)).toBe(false);
    expect(matchesShortcut(press('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesShortcut(press('z', { metaKey: true }), 'Mod+Z', false)).toBe(false);
  });

  it('needs exactly the modifiers the shortcut names', () => {
    expect(matchesShortcut(press('z', { ctrlKey: true, shiftKey: true }), 'Mod+Z', false)).toBe(false);
    expect(matchesShortcut(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z', false)).toBe(true);
    expect(matchesShortcut(press('n', { altKey: true }), 'N', false)).toBe(false);
    expect(matchesShortcut(press('n'), 'N', false)).toBe(true);
    expect(matchesShortcut(press('N'), 'N', false)).toBe(true); // caps lock
  });

  it('matches letters by physical key too, for other layouts and Option on a Mac', () => {
    expect(matchesShortcut(press('я', { ctrlKey: true }, 'KeyZ'), 'Mod+Z', false)).toBe(true);
    expect(matchesShortcut(press('Ω', { metaKey: true }, 'KeyZ'), 'Mod+Z', true)).toBe(true);
  });

  it('matches ? by the character, whichever keys typed it', () => {
    expect(matchesShortcut(press('?', { shiftKey: true }, 'Slash'), '?', false)).toBe(true); // US
    expect(matchesShortcut(press('?', { shiftKey: true }, 'Minus'), '?', true)).toBe(true); // German
    expect(matchesShortcut(press('/', {}, 'Slash'), '?', false)).toBe(false);
  });

  it('matches + with or without Shift, and Mod+= for zoom', () => {
    expect(matchesShortcut(press('+', { shiftKey: true }, 'Equal'), '+', false)).toBe(true);
    expect(matchesShortcut(press('+', {}, 'BracketRight'), '+', false)).toBe(true);
    expect(matchesShortcut(press('=', { metaKey: true }, 'Equal'), 'Mod+=', true)).toBe(true);
    expect(matchesShortcut(press('+', { ctrlKey: true }, 'Equal'), '+', false)).toBe(false);
  });

  it('matches Shift+1 by the digit key, though Shift turned it into !', () => {
    expect(matchesShortcut(press('!', { shiftKey: true }, 'Digit1'), 'Shift+1', false)).toBe(true);
    expect(matchesShortcut(press('1', {}, 'Digit1'), 'Shift+1', false)).toBe(false);
    expect(matchesShortcut(press('=', { shiftKey: true }, 'Digit0'), 'Shift+0', true)).toBe(true); // German Shift+0
  });

  it('matches named keys with their modifiers', () => {
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), 'Alt+ArrowLeft', true)).toBe(true);
    expect(matchesShortcut(press('ArrowLeft'), 'Alt+ArrowLeft', true)).toBe(false);
    expect(matchesShortcut(press('F10', { shiftKey: true }), 'Shift+F10', false)).toBe(true);
  });

  it('a key press matches at most one of two shortcuts that differ', () => {
    const shortcuts = ['Mod+Z', 'Mod+Shift+Z', 'Z', 'Shift+Z', 'Alt+Z'];
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (ctrlKey, metaKey, shiftKey, altKey, isMac) => {
        const event = press(shiftKey ? 'Z' : 'z', { ctrlKey, metaKey, shiftKey, altKey }, 'KeyZ');
        expect(shortcuts.filter((s) => matchesShortcut(event, s, isMac)).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('showing shortcuts', () => {
  it('uses symbols in Apple’s order on a Mac', () => {
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(formatShortcut('Mod+K', true)).toBe('⌘K');
    expect(formatShortcut('Alt+ArrowLeft', true)).toBe('⌥←');
    expect(formatShortcut('Backspace', true)).toBe('⌫');
    expect(formatShortcut('Shift+1', true)).toBe('⇧1');
  });

  it('spells modifiers out elsewhere', () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Y', false)).toBe('Ctrl+Y');
    expect(formatShortcut('Alt+ArrowDown', false)).toBe('Alt+↓');
    expect(formatShortcut('Delete', false)).toBe('Del');
    expect(formatShortcut('?', false)).toBe('?');
    expect(formatShortcut('Mod+=', false)).toBe('Ctrl+=');
  });

  it('uses the key names of the language when given', () => {
    const german: KeyNames = {
      ctrl: 'Strg',
      shift: 'Umschalt',
      alt: 'Alt',
      meta: 'Win',
      delete: 'Entf',
      backspace: 'Rücktaste',
      escape: 'Esc',
      enter: 'Eingabe',
      space: 'Leertaste',
    };
    expect(formatShortcut('Mod+Shift+Z', false, german)).toBe('Strg+Umschalt+Z');
    expect(formatShortcut('Delete', false, german)).toBe('Entf');
  });

  it('gives assistive technology the shortcuts in ARIA syntax', () => {
    expect(ariaKeyShortcuts(['Mod+Shift+Z', 'Mod+Y'], false)).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts(['Mod+Z'], true)).toBe('Meta+Z');
    expect(ariaKeyShortcuts(['+'], false)).toBeUndefined();
    expect(ariaKeyShortcuts(undefined, false)).toBeUndefined();
  });
});

describe('detecting a Mac', () => {
  it('reads the platform, and says no outside a browser', () => {
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ userAgentData: { platform: 'macOS' } })).toBe(true);
    expect(isMacPlatform({ platform: 'iPad' })).toBe(true);
    expect(isMacPlatform({ platform: 'Win32' })).toBe(false);
    expect(isMacPlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isMacPlatform(null)).toBe(false);
  });
});
