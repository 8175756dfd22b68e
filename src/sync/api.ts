import type { LinkRole, Role } from '../access/roles';
import type { RegisteredMap, TokenField } from '../access/rooms';
import { accessPath, API_MAPS, linkPath, linksPath, lockPath, ownerRotatePath } from '../access/routes';

/** The relay's HTTP API for share links (see README, "Sharing and the relay"); its paths are the contract's (src/access/routes.ts). */

export class ShareApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the relay could not be reached or could not answer now: worth trying again later. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ShareApiError && (error.status === 0 || error.status >= 500);
}

/**
 * One request to the relay's API: the JSON answer, or a ShareApiError with the status (0: the
 * relay could not be reached). `base` is the relay's origin, '' (this page's) in the app.
 */
/** How long a call to the relay may take before it counts as unreachable. */
export const API_TIMEOUT_MS = 15_000;

export async function apiCall<T>(path: string, init: RequestInit & { token?: string; base?: string } = {}): Promise<T> {
  const { token, base = '', ...request } = init;
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    // a relay that accepted the connection but never answers must not hang a restore or a share
    response = await fetch(base + path, { ...request, headers, signal: request.signal ?? AbortSignal.timeout(API_TIMEOUT_MS) });
  } catch {
    throw new ShareApiError(0, 'offline');
  }
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // no JSON body
    }
    throw new ShareApiError(response.status, message);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export function registerMap(mapId: string): Promise<RegisteredMap> {
  return apiCall(API_MAPS, { method: 'POST', body: JSON.stringify({ id: mapId }) });
}

export function rotateLink(mapId: string, role: LinkRole, ownerToken: string): Promise<{ token: string }> {
  return apiCall(linkPath(mapId, role, true), { method: 'POST', token: ownerToken });
}

export function revokeLink(mapId: string, role: LinkRole, ownerToken: string): Promise<void> {
  return apiCall(linkPath(mapId, role, false), { method: 'DELETE', token: ownerToken });
}

export interface Access {
  role: Role;
  /** the owner locked the map's content for everyone but the facilitator (edit links write feedback only) */
  locked: boolean;
}

export async function checkAccess(mapId: string, token: string): Promise<Access> {
  const access = await apiCall<Partial<Access>>(accessPath(mapId), { token });
  return { role: access.role as Role, locked: access.locked === true };
}

/** Owner only: locks or unlocks the map's content; the relay enforces it. */
export function setContentLock(mapId: string, locked: boolean, ownerToken: string): Promise<{ locked: boolean }> {
  return apiCall(lockPath(mapId), { method: 'PUT', token: ownerToken, body: JSON.stringify({ locked }) });
}

/** Owner only: each link's token as the owner last set it (null: turned off; absent: not known to the relay). */
export function fetchLinks(mapId: string, ownerToken: string): Promise<Partial<Record<TokenField<LinkRole>, string | null>>> {
  return apiCall(linksPath(mapId), { token: ownerToken });
}

/** Owner only: a new owner key; the old one stops working everywhere (its connections close). */
export function rotateOwnerKey(mapId: string, ownerToken: string): Promise<{ token: string }> {
  return apiCall(ownerRotatePath(mapId), { method: 'POST', token: ownerToken });
}
