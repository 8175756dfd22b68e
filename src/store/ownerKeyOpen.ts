import { loadShare, rememberOwnerKeyKept, saveShare } from '../storage/shareTokens';
import { readOwnerKey, type OwnerKeyProblem } from '../sync/ownerKeyRead';
import { claimOwnerKey, type OwnerClaimProblem } from '../sync/ownerRecovery';

/**
 * Opening an owner key file, for the library's "Open owner key…". Loaded on demand
 * (src/panels/library/loadOwnerKeyOpen.ts): its checks are not needed to show the library.
 */

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
