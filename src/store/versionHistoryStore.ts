import { create } from 'zustand';
import type { VersionHistory } from './versionHistory';

/**
 * The open map's version history, set by the app (src/app) when a map opens and cleared when it
 * closes; null while no map is open or the map keeps no history.
 */
const useHistoryStore = create<{ history: VersionHistory | null }>()(() => ({ history: null }));

export function useVersionHistory(): VersionHistory | null {
  return useHistoryStore((s) => s.history);
}

export function setVersionHistory(history: VersionHistory | null): void {
  useHistoryStore.setState({ history });
}
