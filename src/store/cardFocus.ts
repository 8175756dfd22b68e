import { create } from 'zustand';

/**
 * A card to open a map at (`/map/<id>?card=<cardId>`, e.g. from the space's opportunity board):
 * the app puts it here when the map opens, the canvas selects that card and centres the view on
 * it once the map is laid out, then forgets it.
 */
export interface CardFocusRequest {
  mapId: string;
  cardId: string;
}

export const useCardFocus = create<{ request: CardFocusRequest | null }>(() => ({ request: null }));

export function requestCardFocus(request: CardFocusRequest | null): void {
  useCardFocus.setState({ request });
}

/** The `card` query of an address, or null. */
export function cardOfSearch(search: string): string | null {
  const card = new URLSearchParams(search).get('card');
  return card && card.length <= 200 ? card : null;
}
