import { isMapId } from './mapId';
import type { Role, RoomKind } from './roles';

/**
 * What the relay calls a share's records and rooms, and how a token names its share.
 *
 * Every registration of a map id is a share of its own: registering an id someone else has
 * registered does not fail (that would tell anyone which ids exist) and cannot touch their share.
 * A registration's tokens are its registration id followed by a 192-bit secret (44 characters),
 * and address the access record `<mapId>~<registrationId>` (the *access key*), whose rooms are
 * that key and `<key>/feedback`. Tokens from before registrations had ids (32 characters, a
 * secret alone) address the record stored under the bare map id and its rooms `<mapId>` and
 * `<mapId>/feedback`, as they always did. Clients never see an access key: they connect to the
 * map id's room with a token, and the token names the registration.
 */

/** A registration's id: 72 random bits, base64url. Not a secret: every token of the registration starts with it. */
export const REGISTRATION_ID_LENGTH = 12;
/** a token longer than this cannot be ours; it is refused before hashing */
export const MAX_TOKEN_LENGTH = 256;
/** a registration's token: its registration id (12 characters), then a 32-character secret */
const REGISTERED_TOKEN = /^[A-Za-z0-9_-]{44}$/;
/** between a map id and a registration id in an access key; neither may contain it (mapId.ts) */
const KEY_SEPARATOR = '~';
const FEEDBACK_SUFFIX = '/feedback';

/** Where a role's token is, in a registration's answer and in what a device keeps: `ownerToken`, `editToken`, … */
export type TokenField<R extends Role = Role> = `${R}Token`;
export const tokenField = <R extends Role>(role: R): TokenField<R> => `${role}Token`;

/** What a registration answers (POST /api/maps): the map id and a token per role, the only time they exist in clear. */
export type RegisteredMap = { id: string } & Record<TokenField, string>;

/** The access key of a registration: the name of its access record and of its map room. */
export const registrationKey = (mapId: string, registrationId: string): string => `${mapId}${KEY_SEPARATOR}${registrationId}`;

/** The registration id in an access key ('' for a legacy key): every token rotated for it starts with it. */
export function registrationOf(key: string): string {
  const at = key.indexOf(KEY_SEPARATOR);
  return at < 0 ? '' : key.slice(at + 1);
}

/**
 * Which access record (and rooms) a token addresses on a map (see above), or null if it cannot
 * be a token. Any string that is not a registered token addresses the legacy record, and fails
 * there like any wrong token.
 */
export function accessKey(mapId: string, token: string | null | undefined): string | null {
  if (!isMapId(mapId) || !token || token.length > MAX_TOKEN_LENGTH) return null;
  return REGISTERED_TOKEN.test(token) ? registrationKey(mapId, token.slice(0, REGISTRATION_ID_LENGTH)) : mapId;
}

/**
 * A room's name: the map room is named like its map (a map id on the client, an access key on the
 * relay), the feedback room after it with `/feedback`.
 */
export const roomName = (name: string, kind: RoomKind): string => (kind === 'feedback' ? `${name}${FEEDBACK_SUFFIX}` : name);

/** The feedback room of a map: `<mapId>/feedback`. */
export const feedbackRoom = (mapId: string): string => roomName(mapId, 'feedback');
