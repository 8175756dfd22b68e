import { describe, expect, it } from 'vitest';
import { inspectedStageId, panelAfterSelection, panelSubject, selectionKey } from '../../src/store/panelFollow';

const idle = { typingInPanel: false, roundOpen: false };

describe('the side panel follows the selection', () => {
  it('names what is selected: one card, several, a stage, or nothing (a lane has no panel)', () => {
    expect(panelSubject({ selectedCardIds: ['a'], focus: { kind: 'card', id: 'a' } })).toBe('card');
    expect(panelSubject({ selectedCardIds: ['a', 'b'], focus: null })).toBe('cards');
    expect(panelSubject({ selectedCardIds: [], focus: { kind: 'stage', id: 's' } })).toBe('stage');
    expect(panelSubject({ selectedCardIds: [], focus: { kind: 'lane', id: 'l' } })).toBe('nothing');
    expect(panelSubject({ selectedCardIds: [], focus: null })).toBe('nothing');
    // a selected card wins over a stage header clicked before
    expect(panelSubject({ selectedCardIds: ['a'], focus: { kind: 'stage', id: 's' } })).toBe('card');
    expect(inspectedStageId({ selectedCardIds: [], focus: { kind: 'stage', id: 's' } })).toBe('s');
    expect(inspectedStageId({ selectedCardIds: ['a'], focus: { kind: 'stage', id: 's' } })).toBeNull();
  });

  it('tells one selection from another', () => {
    const keys = [
      selectionKey({ selectedCardIds: [], focus: null }),
      selectionKey({ selectedCardIds: ['a'], focus: null }),
      selectionKey({ selectedCardIds: ['b'], focus: null }),
      selectionKey({ selectedCardIds: ['a', 'b'], focus: null }),
      selectionKey({ selectedCardIds: [], focus: { kind: 'stage', id: 's' } }),
      selectionKey({ selectedCardIds: [], focus: { kind: 'stage', id: 't' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves from Personas, and from Workshop between rounds, to the details', () => {
    expect(panelAfterSelection('personas', 'card', idle)).toBe('inspector');
    expect(panelAfterSelection('personas', 'stage', idle)).toBe('inspector');
    expect(panelAfterSelection('workshop', 'cards', idle)).toBe('inspector');
  });

  it('does not pull the user out of what they are doing', () => {
    // a closed panel stays closed; clearing the selection moves nothing
    expect(panelAfterSelection(null, 'card', idle)).toBeNull();
    expect(panelAfterSelection('personas', 'nothing', idle)).toBe('personas');
    // comments follow the selection by themselves
    expect(panelAfterSelection('comments', 'card', idle)).toBe('comments');
    // typing in the panel
    expect(panelAfterSelection('personas', 'card', { typingInPanel: true, roundOpen: false })).toBe('personas');
    // a vote round is running from the Workshop tab
    expect(panelAfterSelection('workshop', 'card', { typingInPanel: false, roundOpen: true })).toBe('workshop');
  });
});
