/**
 * Share tokens: the roles they grant and how links carry them. The token this device holds
 * for a map is kept by storage (src/storage/shareTokens.ts); a map with none is private: it
 * never connects to the relay.
 *
 * Links put the token in the URL fragment (`/map/<id>#token=…`): browsers never send the
 * fragment to a server, so the token stays out of server and proxy logs.
 */
export type Role = 'owner' | 'edit' | 'comment' | 'view';
/** the links an owner hands out */
export type LinkRole = 'edit' | 'comment' | 'view';
export const LINK_ROLES: readonly LinkRole[] = ['edit', 'comment', 'view'];

export interface MapShare {
  role: Role;
  token: string;
  /** only the owner keeps these, to show and copy the links again */
  editToken?: string | null;
  commentToken?: string | null;
  viewToken?: string | null;
}

/** The token in a link's fragment (`#token=…`), if any. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

export function shareLink(origin: string, mapId: string, token: string): string {
  return `${origin}/map/${encodeURIComponent(mapId)}#token=${encodeURIComponent(token)}`;
}
