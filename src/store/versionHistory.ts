import type * as Y from 'yjs';
import type { CheckpointReason, VersionInfo } from '../model/versions';

/**
 * A map's version history as the UI sees it, whatever keeps the versions: IndexedDB for a private
 * map, the relay for a shared one (cached on this device so history reads offline). The app
 * (src/app) builds one per open map and hands it down; the UI never reaches storage or sync itself.
 */

/** where a version is: on the relay; only on this device (a private map); made offline, waiting to go up */
export type VersionPlace = 'server' | 'device' | 'pending';

export interface VersionEntry extends VersionInfo {
  place: VersionPlace;
}

export interface VersionHistory {
  /** newest first; from the device cache at once, refreshed from the relay when online */
  list(): Promise<VersionEntry[]>;
  /** a named version of the map as it is now (on the relay for a shared map; kept on the device and sent when back online) */
  create(name: string, by: string): Promise<VersionEntry>;
  /** an automatic checkpoint the app takes before it restores or an import replaces content */
  checkpoint(reason: Extract<CheckpointReason, 'restore' | 'import'>, by: string): Promise<void>;
  /** a read-only copy of the version's map doc (the caller destroys it); null when it cannot be had (offline and not cached) */
  open(id: string): Promise<Y.Doc | null>;
  /** called whenever the list may have changed (a new version here, a refresh from the relay) */
  subscribe(listener: () => void): () => void;
  /** stops timers and listeners (the map was closed) */
  destroy(): void;
}
