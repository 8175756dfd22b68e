import { create } from 'zustand';
import { evidenceCountByCard, type EvidenceItem } from '../model/evidence';
import { isAssumption, type Confidence } from '../model/confidence';
import { useEditor } from './editorStore';

/**
 * "Show assumptions": while on, every card that is not an assumption (confidence.ts,
 * `isAssumption`: backed by evidence, or a proposed idea) steps back, so what the map merely
 * believes stands out. Its own small store, as the card search has: toggling re-renders the
 * cards and the banner, nothing else of the editor. A view of this device only, never the map.
 */
export interface AssumptionFilterState {
  on: boolean;
  toggle(): void;
  stop(): void;
}

export const useAssumptionFilter = create<AssumptionFilterState>()((set) => ({
  on: false,
  toggle: () => set((s) => ({ on: !s.on })),
  stop: () => set({ on: false }),
}));

// the filter belongs to the open map: another map (or none) starts without it
useEditor.subscribe((state, previous) => {
  if (state.session !== previous.session && useAssumptionFilter.getState().on) useAssumptionFilter.getState().stop();
});

/** How a card shows under the filter: null while it is off, else whether it is an assumption. */
export function assumptionLook(on: boolean, confidence: Confidence | null, evidenceCount: number): 'assumption' | 'backed' | null {
  if (!on) return null;
  return isAssumption(confidence, evidenceCount) ? 'assumption' : 'backed';
}

const countsMemo = new WeakMap<readonly EvidenceItem[], Map<string, number>>();

/**
 * Each card's evidence count, computed once per journey (per evidence list, a new one with each
 * journey the store publishes): every build of the canvas nodes and the filter's count share it.
 */
export function evidenceCounts(items: readonly EvidenceItem[]): ReadonlyMap<string, number> {
  let counts = countsMemo.get(items);
  if (!counts) countsMemo.set(items, (counts = evidenceCountByCard(items)));
  return counts;
}

/** How many of these cards are assumptions. */
export function countAssumptions(cards: readonly { id: string; confidence: Confidence | null }[], items: readonly EvidenceItem[]): number {
  const counts = evidenceCounts(items);
  let n = 0;
  for (const card of cards) if (isAssumption(card.confidence, counts.get(card.id) ?? 0)) n += 1;
  return n;
}
