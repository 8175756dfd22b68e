import { create } from 'zustand';

/**
 * A one-shot request for the comments panel: open this card's comment box as an observation
 * (the "Add observation" action, from the card's menu or the card as a participant reads it).
 * The panel turns its observation switch on and serves the request.
 */
export interface ObservationRequest {
  /** the card whose next comment should be an observation; null once served */
  cardId: string | null;
  request(cardId: string): void;
  served(): void;
}

export const useObservationRequest = create<ObservationRequest>()((set) => ({
  cardId: null,
  request: (cardId) => set({ cardId }),
  served: () => set({ cardId: null }),
}));
