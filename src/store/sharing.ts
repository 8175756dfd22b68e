import { loadShare } from '../storage/shareTokens';
import { setContentLock } from '../sync/api';
import type { Role } from '../access/roles';
import { spaceOfToken } from '../access/spaces';
import type { MapShare } from '../sync/shares';

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
  if (!ownsMapHere(share)) return null;
  return (await setContentLock(mapId, locked, share.token)).locked;
}

/** The role this device holds on a map (null: a private map, never shared). */
export function mapRoleOnDevice(mapId: string): Role | null {
  return loadShare(mapId)?.role ?? null;
}

/**
 * Whether this device holds the map's own owner token: its links and lock are then this device's
 * to manage. A space owner opens the map as owner too, but through the space's token, which the
 * map's owner routes refuse (src/access/spaces.ts).
 */
function ownsMapHere(share: MapShare | null): share is MapShare {
  return share?.role === 'owner' && spaceOfToken(share.token) === null;
}

/** The open map's lock is this device's to set (see `ownsMapHere`). */
export function mayLockMap(mapId: string): boolean {
  return ownsMapHere(loadShare(mapId));
}
