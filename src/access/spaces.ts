import { MAX_TOKEN_LENGTH } from './rooms';

/**
 * Spaces: a team's shared place (issue 16). A space has the same roles as a map (owner, edit,
 * comment, view; roles.ts) and a list of maps; a space token grants its role on every map of the
 * space and on the space's index document. The relay keeps the list (which maps a space token
 * opens) in its own records, never in the index document, which members with edit rights write.
 *
 * A space token is `s.` + the space id (12 characters, not a secret: it names the space) + a
 * 32-character secret: 46 characters that can never be a map token (44 characters of base64url,
 * or a legacy 32), so the relay tells the two scopes apart before it reads any record.
 */

/** A space id: 72 random bits, base64url, 12 characters (the relay makes them). */
export const SPACE_ID_LENGTH = 12;
export const SPACE_ID_PATTERN = `[A-Za-z0-9_-]{${SPACE_ID_LENGTH}}`;
const SPACE_ID = new RegExp(`^${SPACE_ID_PATTERN}$`);
export const SPACE_TOKEN_PREFIX = 's.';
const SPACE_TOKEN = new RegExp(`^s\\.(${SPACE_ID_PATTERN})[A-Za-z0-9_-]{32}$`);

/** A space's name: what a person typed, bounded. */
export const SPACE_NAME_MAX_LENGTH = 120;

export const isSpaceId = (value: unknown): value is string => typeof value === 'string' && SPACE_ID.test(value);

export const isSpaceToken = (token: string | null | undefined): token is string =>
  typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH && SPACE_TOKEN.test(token);

/** The space a space token belongs to, or null if it is not a space token. */
export function spaceOfToken(token: string | null | undefined): string | null {
  if (!isSpaceToken(token)) return null;
  return token.slice(SPACE_TOKEN_PREFIX.length, SPACE_TOKEN_PREFIX.length + SPACE_ID_LENGTH);
}

/**
 * The relay's room of a space's index document. It starts with "~", which no map id and so no
 * map room or access key can (mapId.ts), so the two never share a name.
 */
export const spaceRoom = (spaceId: string): string => `~space/${spaceId}`;

/** What creating a space answers (POST /api/spaces): its id and a token per role, the only time they exist in clear. */
export interface CreatedSpace {
  id: string;
  ownerToken: string;
  editToken: string;
  commentToken: string;
  viewToken: string;
}

/** One map of a space as the relay lists it (GET /api/spaces/:id/maps). */
export interface SpaceMapListing {
  id: string;
  /** ISO time the map joined the space */
  addedAt: string;
}
