import { create } from 'zustand';
import type { VersionHistory } from './versionHistory';

/**
 * The open map's version history, for the UI: the app (src/app/EditorScreen.tsx) sets it when a
 * map opens and clears it when the map closes; panels read it here and never build one.
 */
const useHistoryStore = create<{ history: VersionHistory | null }>(() => ({ history: null }));

/** The open map's version history; null while no map is open. */
export function useVersionHistory(): VersionHistory | null {
  return useHistoryStore((state) => state.history);
}

export function setVersionHistory(history: VersionHistory | null): void {
  useHistoryStore.setState({ history });
}
