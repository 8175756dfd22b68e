import { loadShare, rememberOwnerKeyKept, saveShare } from '../storage/shareTokens';
import { setContentLock } from '../sync/api';
import { readOwnerKey, type OwnerKeyProblem } from '../sync/ownerKey';
import { claimOwnerKey, type OwnerClaimProblem } from '../sync/ownerRecovery';

/**
 * Sharing as the UI may use it: the relay's share API (create links, replace or turn one off,
 * lock content), the links themselves, the owner key, and the identity others see. The UI
 * imports sync and the stored share tokens only through here.
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

export type OwnerKeyFileProblem = OwnerKeyProblem | OwnerClaimProblem;

/**
 * Opens an owner key file on this device: reads it (for this relay, `origin`), asks the relay
 * whether it is still the map's owner key, and only then keeps it as this device's share of the
 * map (a map this device had with a link is upgraded to owner). On any problem nothing is kept.
 */
export async function openOwnerKeyFile(bytes: Uint8Array, origin: string): Promise<{ ok: true; mapId: string } | { ok: false; problem: OwnerKeyFileProblem }> {
  const read = readOwnerKey(bytes, origin);
  if (!read.ok) return read;
  const { mapId, ownerToken } = read.key;
  const claim = await claimOwnerKey(mapId, ownerToken, loadShare(mapId));
  if (!claim.ok) return claim;
  saveShare(mapId, claim.share);
  // whoever opens a key file has it: no reminder to save it on this device
  rememberOwnerKeyKept(mapId, 'kept');
  return { ok: true, mapId };
}
