import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/model/limits';
import {
  addTags,
  coverage,
  formatLines,
  neighbourIndex,
  parseLines,
  personaCardCounts,
  sharedValue,
  transformIndex,
  type TextDeltaOp,
} from '../../src/panels/fields/logic';
import { shortcutLabel } from '../../src/panels/fields/keys';
import { paletteEntry, PALETTE } from '../../src/panels/fields/palette';

describe('tag input', () => {
  it('adds the tags typed before each comma, trimmed, without blanks', () => {
    expect(addTags(['vip'], ' mobile, , checkout ')).toEqual(['vip', 'mobile', 'checkout']);
  });

  it('does not add a tag the card already has, whatever its case', () => {
    expect(addTags(['Mobile'], 'mobile, MOBILE, new')).toEqual(['Mobile', 'new']);
  });

  it('clamps a long tag and stops at the per-card limit', () => {
    expect(addTags([], 'x'.repeat(LIMITS.tag + 10))[0]).toHaveLength(LIMITS.tag);
    const many = Array.from({ length: LIMITS.tagsPerCard + 5 }, (_, i) => `t${i}`).join(',');
    expect(addTags([], many)).toHaveLength(LIMITS.tagsPerCard);
  });
});

describe('one item per line', () => {
  it('reads trimmed lines and drops blank ones', () => {
    expect(parseLines('  save time \n\n\r\nfree delivery\n')).toEqual(['save time', 'free delivery']);
    expect(parseLines(formatLines(['a', 'b']))).toEqual(['a', 'b']);
  });
});

describe('caret across a collaborator’s edit', () => {
  /** Applies `edit` to a Y.Text holding `before` and maps `caret` through the resulting delta. */
  function caretAfter(before: string, caret: number, edit: (text: Y.Text) => void): { text: string; caret: number } {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, before);
    let delta: TextDeltaOp[] = [];
    text.observe((e) => (delta = e.delta as TextDeltaOp[]));
    edit(text);
    return { text: text.toString(), caret: transformIndex(caret, delta) };
  }

  it('moves right when text is inserted before it', () => {
    expect(caretAfter('hello world', 8, (t) => t.insert(0, '>> '))).toEqual({ text: '>> hello world', caret: 11 });
  });

  it('stays put when text is inserted or deleted after it', () => {
    expect(caretAfter('hello world', 5, (t) => t.insert(11, '!')).caret).toBe(5);
    expect(caretAfter('hello world', 5, (t) => t.delete(6, 5)).caret).toBe(5);
  });

  it('moves left when text before it is deleted, and to the cut when the deletion spans it', () => {
    expect(caretAfter('hello world', 8, (t) => t.delete(0, 6)).caret).toBe(2);
    expect(caretAfter('hello world', 4, (t) => t.delete(2, 5)).caret).toBe(2);
  });

  it('keeps its place when a collaborator types exactly at it', () => {
    expect(caretAfter('ab', 1, (t) => t.insert(1, 'X'))).toEqual({ text: 'aXb', caret: 1 });
  });

  it('ends after a replacement of the text up to it', () => {
    const r = caretAfter('one two three', 7, (t) =>
      t.doc!.transact(() => {
        t.delete(4, 3);
        t.insert(4, 'TWO!');
      }),
    );
    expect(r).toEqual({ text: 'one TWO! three', caret: 8 });
  });
});

describe('bulk state of a selection', () => {
  const cards = [{ personaIds: ['a', 'b'] }, { personaIds: ['a'] }, { personaIds: [] as string[] }];

  it('counts each persona’s cards', () => {
    expect(personaCardCounts(cards)).toEqual({ a: 2, b: 1 });
  });

  it('says whether all, some or none of the cards have a property', () => {
    expect(coverage(cards, (c) => c.personaIds.includes('a'))).toBe('some');
    expect(coverage(cards.slice(0, 2), (c) => c.personaIds.includes('a'))).toBe('all');
    expect(coverage(cards, (c) => c.personaIds.includes('z'))).toBe('none');
  });

  it('finds the value the cards share, or none when they differ', () => {
    expect(sharedValue([{ color: null }, { color: null }], (c) => c.color)).toBeNull();
    expect(sharedValue([{ color: '#dc2626' }, { color: null }], (c) => c.color)).toBeUndefined();
  });
});

describe('persona reordering', () => {
  it('moves one place up or down, and not past either end', () => {
    expect(neighbourIndex(2, -1, 3)).toBe(1);
    expect(neighbourIndex(0, 1, 3)).toBe(1);
    expect(neighbourIndex(0, -1, 3)).toBeNull();
    expect(neighbourIndex(2, 1, 3)).toBeNull();
  });
});

describe('colours and shortcuts', () => {
  it('recognises palette colours in any case, and nothing else', () => {
    expect(paletteEntry('#DC2626')?.key).toBe('red');
    expect(paletteEntry('#123456')).toBeUndefined();
    expect(new Set(PALETTE.map((c) => c.hex)).size).toBe(8);
  });

  it('writes shortcuts the way each platform does', () => {
    expect(shortcutLabel('Mod+K', true)).toBe('⌘K');
    expect(shortcutLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod+Z', false, { Mod: 'Strg' })).toBe('Strg+Z');
  });
});
