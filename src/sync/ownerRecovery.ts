import { checkAccess, fetchLinks, ShareApiError } from './api';
import { ownerShareFromKey, type MapShare } from './shares';

/** Why an owner key could not be used: not the owner's (any more), refused, or the relay not reached. */
export type OwnerClaimProblem = 'notOwner' | 'rejected' | 'offline' | 'failed';

export type OwnerClaim = { ok: true; share: MapShare } | { ok: false; problem: OwnerClaimProblem };

/**
 * Asks the relay whether `ownerToken` is the owner key of the map and, if so, for the links it
 * unseals: the share this device may then keep (`known`'s links fill in what the relay does not
 * know). The token goes only in the Authorization header; nothing is stored here.
 */
export async function claimOwnerKey(mapId: string, ownerToken: string, known: MapShare | null): Promise<OwnerClaim> {
  try {
    const { role } = await checkAccess(mapId, ownerToken);
    if (role !== 'owner') return { ok: false, problem: 'notOwner' };
  } catch (error) {
    if (error instanceof ShareApiError && error.status === 401) return { ok: false, problem: 'rejected' };
    if (error instanceof ShareApiError && error.status === 0) return { ok: false, problem: 'offline' };
    return { ok: false, problem: 'failed' };
  }
  // the links are a convenience: without them the owner still holds every right, and can replace them
  const links = await fetchLinks(mapId, ownerToken).catch(() => ({}));
  return { ok: true, share: ownerShareFromKey(ownerToken, links, known) };
}
