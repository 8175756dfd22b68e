import { MAP_ID_PATTERN } from './mapId';
import { isLinkRole, type LinkRole, type RoomKind } from './roles';
import { roomName } from './rooms';
import { SPACE_ID_PATTERN } from './spaces';

/**
 * The URLs between the app and the relay, built by the client and parsed by the server from
 * the same patterns, so the two cannot drift apart. The app's own paths are here too: a share
 * link is `/map/<id>#token=…` (src/sync/shares.ts), read by src/app/router.ts.
 */

const ID = `(${MAP_ID_PATTERN})`;

// ---- the relay: /sync/<room> ------------------------------------------------------------------

/** Where the relay listens; a client's WebSocket goes to `<prefix>/<room>` (y-websocket appends the room). */
export const SYNC_PREFIX = '/sync';
const SYNC_PATH = new RegExp(`^${SYNC_PREFIX}/${ID}(/feedback)?$`);

/** The room a client connects to: `/sync/<mapId>` is the map's, `/sync/<mapId>/feedback` its feedback's (same tokens). */
export const syncPath = (mapId: string, kind: RoomKind): string => `${SYNC_PREFIX}/${roomName(mapId, kind)}`;

export function parseSyncPath(pathname: string): { mapId: string; kind: RoomKind } | null {
  const match = SYNC_PATH.exec(pathname);
  return match ? { mapId: match[1]!, kind: match[2] ? 'feedback' : 'map' } : null;
}

/**
 * A space's index document: `/sync/spaces/<spaceId>` (space tokens only). "spaces/<12 characters>"
 * can never be a map's feedback room ("<mapId>/feedback"), so the two patterns never both match.
 */
export const spaceSyncRoom = (spaceId: string): string => `spaces/${spaceId}`;
export const spaceSyncPath = (spaceId: string): string => `${SYNC_PREFIX}/${spaceSyncRoom(spaceId)}`;
const SPACE_SYNC_PATH = new RegExp(`^${SYNC_PREFIX}/spaces/(${SPACE_ID_PATTERN})$`);

export function parseSpaceSyncPath(pathname: string): { spaceId: string } | null {
  const match = SPACE_SYNC_PATH.exec(pathname);
  return match ? { spaceId: match[1]! } : null;
}

// ---- the JSON API: /api/maps… -----------------------------------------------------------------

export const API_MAPS = '/api/maps';
const enc = encodeURIComponent;
export const linkPath = (mapId: string, role: LinkRole, rotate: boolean): string => `${API_MAPS}/${enc(mapId)}/links/${role}${rotate ? '/rotate' : ''}`;
export const accessPath = (mapId: string): string => `${API_MAPS}/${enc(mapId)}/access`;
export const lockPath = (mapId: string): string => `${API_MAPS}/${enc(mapId)}/lock`;
/** the owner's: every link's token as the owner last set it (GET) */
export const linksPath = (mapId: string): string => `${API_MAPS}/${enc(mapId)}/links`;
/** the owner's: a new owner token, the old one (and every key file holding it) stops working (POST) */
export const ownerRotatePath = (mapId: string): string => `${API_MAPS}/${enc(mapId)}/owner/rotate`;
/** a map's versions: the list (GET, any token) and a new named version (POST, owner or edit) */
export const versionsPath = (mapId: string): string => `${API_MAPS}/${enc(mapId)}/versions`;
/** one version as a Waymark file (GET, any token) */
export const versionPath = (mapId: string, versionId: string): string => `${versionsPath(mapId)}/${enc(versionId)}`;

const LINK_PATH = new RegExp(`^${API_MAPS}/${ID}/links/([a-z]+)(/rotate)?$`);
const ACCESS_PATH = new RegExp(`^${API_MAPS}/${ID}/access$`);
const LOCK_PATH = new RegExp(`^${API_MAPS}/${ID}/lock$`);
const LINKS_PATH = new RegExp(`^${API_MAPS}/${ID}/links$`);
const OWNER_ROTATE_PATH = new RegExp(`^${API_MAPS}/${ID}/owner/rotate$`);
/** version ids are the relay's own (newId: base-62); anything else after /versions/ is a 404 */
const VERSIONS_PATH = new RegExp(`^${API_MAPS}/${ID}/versions(?:/([0-9A-Za-z]{1,32}))?$`);

// ---- spaces: /api/spaces… --------------------------------------------------------------------

export const API_SPACES = '/api/spaces';
/** a space's maps: the list (GET, any space token) and registering or moving one in (POST, owner or edit) */
export const spaceMapsPath = (spaceId: string): string => `${API_SPACES}/${enc(spaceId)}/maps`;
/** a space link: rotate (POST …/rotate, owner) or revoke (DELETE, owner), as for maps */
export const spaceLinkPath = (spaceId: string, role: LinkRole, rotate: boolean): string => `${API_SPACES}/${enc(spaceId)}/links/${role}${rotate ? '/rotate' : ''}`;
/** the role a space token gives (GET, any space token) */
export const spaceAccessPath = (spaceId: string): string => `${API_SPACES}/${enc(spaceId)}/access`;
/** the space owner's: every space link's token as the owner last set it (GET) */
export const spaceLinksPath = (spaceId: string): string => `${API_SPACES}/${enc(spaceId)}/links`;

const SPACE = `(${SPACE_ID_PATTERN})`;
const SPACE_MAPS_PATH = new RegExp(`^${API_SPACES}/${SPACE}/maps$`);
const SPACE_LINK_PATH = new RegExp(`^${API_SPACES}/${SPACE}/links/([a-z]+)(/rotate)?$`);
const SPACE_ACCESS_PATH = new RegExp(`^${API_SPACES}/${SPACE}/access$`);
const SPACE_LINKS_PATH = new RegExp(`^${API_SPACES}/${SPACE}/links$`);

export type ApiRoute =
  | { route: 'maps' }
  | { route: 'spaces' }
  | { route: 'spaceMaps'; spaceId: string }
  /** `role` is null for a name that is no link role: the API answers 400, not 404 */
  | { route: 'spaceLink'; spaceId: string; role: LinkRole | null; rotate: boolean }
  | { route: 'spaceAccess'; spaceId: string }
  | { route: 'spaceLinks'; spaceId: string }
  /** `role` is null for a name that is no link role: the API answers 400, not 404 */
  | { route: 'link'; mapId: string; role: LinkRole | null; rotate: boolean }
  | { route: 'access'; mapId: string }
  | { route: 'lock'; mapId: string }
  | { route: 'links'; mapId: string }
  | { route: 'ownerRotate'; mapId: string }
  /** `versionId` is null for the list */
  | { route: 'versions'; mapId: string; versionId: string | null };

export function parseApiPath(pathname: string): ApiRoute | null {
  if (pathname === API_MAPS) return { route: 'maps' };
  if (pathname === API_SPACES) return { route: 'spaces' };
  const spaceMaps = SPACE_MAPS_PATH.exec(pathname);
  if (spaceMaps) return { route: 'spaceMaps', spaceId: spaceMaps[1]! };
  const spaceLink = SPACE_LINK_PATH.exec(pathname);
  if (spaceLink) return { route: 'spaceLink', spaceId: spaceLink[1]!, role: isLinkRole(spaceLink[2]) ? spaceLink[2] : null, rotate: spaceLink[3] !== undefined };
  const spaceAccess = SPACE_ACCESS_PATH.exec(pathname);
  if (spaceAccess) return { route: 'spaceAccess', spaceId: spaceAccess[1]! };
  const spaceLinks = SPACE_LINKS_PATH.exec(pathname);
  if (spaceLinks) return { route: 'spaceLinks', spaceId: spaceLinks[1]! };
  const link = LINK_PATH.exec(pathname);
  if (link) return { route: 'link', mapId: link[1]!, role: isLinkRole(link[2]) ? link[2] : null, rotate: link[3] !== undefined };
  const lock = LOCK_PATH.exec(pathname);
  if (lock) return { route: 'lock', mapId: lock[1]! };
  const access = ACCESS_PATH.exec(pathname);
  if (access) return { route: 'access', mapId: access[1]! };
  const links = LINKS_PATH.exec(pathname);
  if (links) return { route: 'links', mapId: links[1]! };
  const ownerRotate = OWNER_ROTATE_PATH.exec(pathname);
  if (ownerRotate) return { route: 'ownerRotate', mapId: ownerRotate[1]! };
  const versions = VERSIONS_PATH.exec(pathname);
  if (versions) return { route: 'versions', mapId: versions[1]!, versionId: versions[2] ?? null };
  return null;
}

// ---- the app: /map/<id>, /map/<id>/present ------------------------------------------------------

export const mapPath = (mapId: string): string => `/map/${enc(mapId)}`;
export const presentPath = (mapId: string): string => `${mapPath(mapId)}/present`;

const MAP_PATH = new RegExp(`^/map/${ID}/?$`);
const PRESENT_PATH = new RegExp(`^/map/${ID}/present/?$`);

/** A space's page: `/space/<id>`, joined with `#token=…` like a map link. */
export const spacePath = (spaceId: string): string => `/space/${enc(spaceId)}`;
const SPACE_PAGE_PATH = new RegExp(`^/space/${SPACE}/?$`);
export function parseSpacePath(pathname: string): { spaceId: string } | null {
  const match = SPACE_PAGE_PATH.exec(pathname);
  return match ? { spaceId: match[1]! } : null;
}

export function parseMapPath(pathname: string): { mapId: string; present: boolean } | null {
  const map = MAP_PATH.exec(pathname);
  if (map) return { mapId: map[1]!, present: false };
  const present = PRESENT_PATH.exec(pathname);
  return present ? { mapId: present[1]!, present: true } : null;
}
