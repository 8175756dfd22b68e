import { LINK_ROLES, isRole, type LinkRole, type Role } from '../access/roles';
import { tokenField, type RegisteredMap, type TokenField } from '../access/rooms';
import { mapPath } from '../access/routes';

/**
 * The share token this device holds for each shared map, and how links carry it. A map with
 * no token here is private: it never connects to the relay.
 *
 * Links put the token in the URL fragment (`/map/<id>#token=…`): browsers never send the
 * fragment to a server, so the token stays out of server and proxy logs.
 */
export type MapShare = {
  role: Role;
  token: string;
} & /** only the owner keeps the links' tokens, to show and copy the links again */ Partial<Record<TokenField<LinkRole>, string | null>>;

/** What the owner's device keeps of a map it just registered: its own token and the links'. */
export function ownerShare(registered: RegisteredMap): MapShare {
  const links = Object.fromEntries(LINK_ROLES.map((role) => [tokenField(role), registered[tokenField(role)]]));
  return { role: 'owner', token: registered.ownerToken, ...links };
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
