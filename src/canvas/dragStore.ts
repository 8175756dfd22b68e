import { create } from 'zustand';

/** While cards are dragged: the cell they would land in, so that cell alone can light up. */
export const useDropCell = create<{ key: string | null; set(key: string | null): void }>()((set) => ({
  key: null,
  set: (key) => set((s) => (s.key === key ? s : { key })),
}));

export const cellNodeKey = (stageId: string, laneId: string) => `${stageId}:${laneId}`;
