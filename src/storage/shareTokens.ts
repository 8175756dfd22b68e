import { isRole } from '../access/roles';
import type { MapShare } from '../sync/shares';
import { deviceStorage, SHARE_KEY_PREFIX } from './deviceKeys';

/**
 * The share token this device holds for each shared map, in localStorage. Kept by storage,
 * beside the map's rows, so that purging the map forgets the token too (deviceKeys.ts); what
 * a token means and how links carry it is src/sync/shares.ts.
 */

export function loadShare(mapId: string): MapShare | null {
  try {
    const raw = deviceStorage()?.getItem(SHARE_KEY_PREFIX + mapId);
    if (!raw) return null;
    const share = JSON.parse(raw) as MapShare;
    if (typeof share.token !== 'string' || !isRole(share.role)) return null;
    return share;
  } catch {
    return null;
  }
}

export function saveShare(mapId: string, share: MapShare): void {
  try {
    deviceStorage()?.setItem(SHARE_KEY_PREFIX + mapId, JSON.stringify(share));
  } catch {
    // not remembered: opening the link again joins again
  }
}
