import { loadShare } from '../storage/shareTokens';
import { setContentLock } from '../sync/api';

/**
 * Sharing as the UI may use it: the relay's share API (create links, replace or turn one off,
 * lock content), the links themselves, the owner key, and the identity others see. The UI
 * imports sync and the stored share tokens only through here (and ownerKeyOpen.ts, on demand).
 */
export { registerMap, revokeLink, rotateLink, rotateOwnerKey, ShareApiError } from '../sync/api';
export { PRESENCE_COLORS, type Identity } from '../sync/identity';
export { ownerShare, shareLink, type MapShare } from '../sync/shares';
export { OWNER_KEY_EXTENSION, OWNER_KEY_MAX_BYTES, ownerKeyFile, ownerLink } from '../sync/ownerKey';
export { ownerKeyKept, rememberOwnerKeyKept, type OwnerKeyKept } from '../storage/shareTokens';

/**
 * Asks the relay to lock or unlock the map's content with this device's owner token. Resolves
 * to whether the relay says the map is locked now; null when this device does not own the map.
 */
export async function setContentLockAsOwner(mapId: string, locked: boolean): Promise<boolean | null> {
  const share = loadShare(mapId);
  if (share?.role !== 'owner') return null;
  return (await setContentLock(mapId, locked, share.token)).locked;
}
