import { LINK_ROLES, isRole, type LinkRole, type Role } from '../access/roles';
import { tokenField, type RegisteredMap, type TokenField } from '../access/rooms';
import { mapPath } from '../access/routes';

/**
 * Share tokens: the roles they grant and how links carry them. The token this device holds
 * for a map is kept by storage (src/storage/shareTokens.ts); a map with none is private: it
 * never connects to the relay.
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

/** The token in a link's fragment (`#token=…`), if any. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  // map tokens are base64url; a space token (src/access/spaces.ts) starts with `s.`
  return token && /^(?:s\.)?[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

export function shareLink(origin: string, mapId: string, token: string): string {
  return `${origin}${mapPath(mapId)}#token=${encodeURIComponent(token)}`;
}

/** The links' tokens a share holds: only an owner's. */
export function linksOf(share: MapShare | null): Partial<Record<TokenField<LinkRole>, string | null>> {
  if (share?.role !== 'owner') return {};
  return Object.fromEntries(LINK_ROLES.filter((role) => share[tokenField(role)] !== undefined).map((role) => [tokenField(role), share[tokenField(role)]]));
}

/**
 * The share of a device that holds the owner key: the links as the relay unsealed them for it
 * (`links`), else as this device knew them.
 */
export function ownerShareFromKey(ownerToken: string, links: Partial<Record<TokenField<LinkRole>, string | null>>, known: MapShare | null): MapShare {
  return { ...linksOf(known), ...links, role: 'owner', token: ownerToken };
}
