import { isRole } from '../access/roles';
import type { MapShare } from '../sync/shares';
import { deviceStorage, OWNER_KEY_KEPT_KEY_PREFIX, SHARE_KEY_PREFIX } from './deviceKeys';

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

/**
 * How far the owner got with keeping their owner key of a map on this device: not yet; copied or
 * downloaded it ('saved'); and said they keep it somewhere safe ('kept'). The share dialog
 * reminds them until 'kept'. Holds no token.
 */
export type OwnerKeyKept = 'no' | 'saved' | 'kept';

export function ownerKeyKept(mapId: string): OwnerKeyKept {
  try {
    const value = deviceStorage()?.getItem(OWNER_KEY_KEPT_KEY_PREFIX + mapId);
    return value === 'saved' || value === 'kept' ? value : 'no';
  } catch {
    return 'no';
  }
}

export function rememberOwnerKeyKept(mapId: string, kept: OwnerKeyKept): void {
  try {
    if (kept === 'no') deviceStorage()?.removeItem(OWNER_KEY_KEPT_KEY_PREFIX + mapId);
    else deviceStorage()?.setItem(OWNER_KEY_KEPT_KEY_PREFIX + mapId, kept);
  } catch {
    // not remembered: the dialog reminds the owner again next time
  }
}
