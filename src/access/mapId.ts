import { ID_MAX_LENGTH, ID_PATTERN } from '../model/ids';

/**
 * A map's id, as the app makes it (src/model/ids.ts), the router reads it from `/map/<id>`, the
 * relay names its rooms and access records after it, and the schema checks it in a file
 * (`idSchema` in src/schema/v1.ts, which tests/unit/access-contract.test.ts holds to the same rule).
 * Letters, digits, "-" and "_" only: safe in a path segment and a file name, and free of "/"
 * (which names a feedback room) and "~" (which names a registration), see rooms.ts.
 */
export const MAP_ID_MAX_LENGTH = ID_MAX_LENGTH;

/** Unanchored, to build the route patterns from (routes.ts): the model's one id rule (src/model/ids.ts). */
export const MAP_ID_PATTERN = ID_PATTERN;

export const MAP_ID = new RegExp(`^${MAP_ID_PATTERN}$`);

export const isMapId = (value: unknown): value is string => typeof value === 'string' && MAP_ID.test(value);
