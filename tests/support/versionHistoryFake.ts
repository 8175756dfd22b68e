import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { sortVersions, versionCounts, type CheckpointReason } from '../../src/model/versions';
import type { VersionEntry, VersionHistory } from '../../src/store/versionHistory';

/**
 * A version history kept in memory for unit tests of the UI's side (actions, the preview store):
 * each version is a full copy of the doc as one update, as the real ones are. Not a store: the
 * app's histories (IndexedDB, the relay) are tested against the real things elsewhere.
 */
export function memoryVersionHistory(doc: Y.Doc, clock: () => Date = () => new Date()): VersionHistory & { entries: VersionEntry[] } {
  const updates = new Map<string, Uint8Array>();
  const listeners = new Set<() => void>();
  const entries: VersionEntry[] = [];
  let next = 1;
  const add = (name: string, by: string, reason: CheckpointReason | null): VersionEntry => {
    const id = `v${next++}`;
    updates.set(id, Y.encodeStateAsUpdate(doc));
    const entry: VersionEntry = { id, name, kind: reason ? 'auto' : 'named', reason, createdAt: clock().toISOString(), by, counts: versionCounts(readJourney(doc)), place: 'device' };
    entries.push(entry);
    for (const listener of listeners) listener();
    return entry;
  };
  return {
    entries,
    list: async () => sortVersions(entries),
    create: async (name, by) => add(name, by, null),
    checkpoint: async (reason, by) => void add('', by, reason),
    open: async (id) => {
      const update = updates.get(id);
      if (!update) return null;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, update);
      return copy;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => listeners.clear(),
  };
}

/** A version of `doc` as it is now, as `VersionHistory.open` hands it out: a copy the caller owns. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
