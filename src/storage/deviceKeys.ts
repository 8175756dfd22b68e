/**
 * What this device keeps per map outside IndexedDB: localStorage keys of the form
 * `<prefix><mapId>`. They are all listed here so that purging a map (library.ts) forgets every
 * one of them; a per-map key kept anywhere else would outlive the map it names.
 */

/** the share token this device holds for a map (shareTokens.ts) */
export const SHARE_KEY_PREFIX = 'waymark.share.';
/** which comment threads were read on this device (src/store/commentsRead.ts) */
export const COMMENTS_READ_KEY_PREFIX = 'waymark.commentsRead.';

/** where this device last left the map's canvas view (src/store/savedViewport.ts) */
export const VIEWPORT_KEY_PREFIX = 'waymark.viewport.';

/** whether the owner saved their owner key of a map, and said so (shareTokens.ts, `ownerKeyKept`) */
export const OWNER_KEY_KEPT_KEY_PREFIX = 'waymark.ownerKeyKept.';

/** whether this device hides the map's blueprint lanes (src/store/blueprintView.ts) */
export const BLUEPRINT_HIDDEN_KEY_PREFIX = 'waymark.blueprintHidden.';

const PER_MAP_PREFIXES = [SHARE_KEY_PREFIX, COMMENTS_READ_KEY_PREFIX, VIEWPORT_KEY_PREFIX, OWNER_KEY_KEPT_KEY_PREFIX, BLUEPRINT_HIDDEN_KEY_PREFIX] as const;

/** localStorage, or null where there is none (Node) or access throws (sandboxed frame, blocked cookies). */
export function deviceStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Removes every per-map key of this map from localStorage. */
export function forgetMapOnDevice(mapId: string): void {
  const storage = deviceStorage();
  if (!storage) return;
  for (const prefix of PER_MAP_PREFIXES) {
    try {
      storage.removeItem(prefix + mapId);
    } catch {
      // storage refused: nothing of this map could have been written there either
    }
  }
}
