import { create } from 'zustand';
import { EMPTY_CARD_FILTER, isFilterActive, matchCard, type CardFilter } from '../model/cardFilter';
import type { Card } from '../model/types';

/**
 * The card search (Ctrl/⌘+F): its own small store, so typing re-renders the cards and the bar
 * and nothing else of the editor.
 */
export interface CardSearchState {
  open: boolean;
  filter: CardFilter;
  /** bumps on every Ctrl/⌘+F, so the bar takes the focus again even when it is already open */
  focusRequest: number;
  show(): void;
  /** closes the bar and forgets the filter: every card is bright again */
  close(): void;
  setFilter(change: Partial<CardFilter>): void;
}

export const useCardSearch = create<CardSearchState>()((set) => ({
  open: false,
  filter: EMPTY_CARD_FILTER,
  focusRequest: 0,
  show: () => set((s) => ({ open: true, focusRequest: s.focusRequest + 1 })),
  close: () => set({ open: false, filter: EMPTY_CARD_FILTER }),
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
}));

/** How a card shows under the search: null while nothing is searched (every card as usual). */
export function searchLook(state: Pick<CardSearchState, 'open' | 'filter'>, card: Card): 'hit' | 'miss' | null {
  if (!state.open || !isFilterActive(state.filter)) return null;
  return matchCard(card, state.filter) ? 'hit' : 'miss';
}
