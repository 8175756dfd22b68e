import { isRole, type Role } from '../access/roles';
import { mapPath } from '../access/routes';

/**
 * The share token this device holds for each shared map, and how links carry it. A map with
 * no token here is private: it never connects to the relay.
 *
 * Links put the token in the URL fragment (`/map/<id>#token=…`): browsers never send the
 * fragment to a server, so the token stays out of server and proxy logs.
 */
export interface MapShare {
  role: Role;
  token: string;
  /** only the owner keeps these, to show and copy the links again */
  editToken?: string | null;
  commentToken?: string | null;
  viewToken?: string | null;
}

const key = (mapId: string) => `waymark.share.${mapId}`;

export function loadShare(mapId: string): MapShare | null {
  try {
    const raw = localStorage.getItem(key(mapId));
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
    localStorage.setItem(key(mapId), JSON.stringify(share));
  } catch {
    // not remembered: opening the link again joins again
  }
}

export function forgetShare(mapId: string): void {
  try {
    localStorage.removeItem(key(mapId));
  } catch {
    // nothing to forget
  }
}

/** The token in a link's fragment (`#token=…`), if any. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

export function shareLink(origin: string, mapId: string, token: string): string {
  return `${origin}${mapPath(mapId)}#token=${encodeURIComponent(token)}`;
}
