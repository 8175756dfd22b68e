const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random id for a stage, lane, card, persona, link or comment. 12 base-62 characters carry
 * 71 random bits: collisions inside one map are out of reach, and short ids keep every card's
 * stageId/laneId references (and so the encoded Y.Doc) small.
 */
export function newId(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 62 does not divide 256, so reject the top bytes to keep every character equally likely.
  for (let i = 0; i < length; i++) {
    let b = bytes[i]!;
    while (b >= 248) b = globalThis.crypto.getRandomValues(new Uint8Array(1))[0]!;
    id += ALPHABET[b % 62];
  }
  return id;
}

/** A map id doubles as its room name on the relay: longer, so it is never guessed by accident. */
export function newMapId(): string {
  return newId(16);
}

/** The longest id a record, a map or a file may carry (src/access/mapId.ts and the schema's idSchema say the same). */
export const ID_MAX_LENGTH = 64;

const ID_SHAPE = new RegExp(`^[A-Za-z0-9_-]{1,${ID_MAX_LENGTH}}$`);

/**
 * Whether a value has the shape of an id the app makes or a file carries: 1–64 letters, digits,
 * "-" and "_". The model may not import src/access (tests/unit/architecture.test.ts), so the
 * space index (src/model/space/doc.ts) checks map ids it reads from a peer with this; it is the
 * same rule as `isMapId` in src/access/mapId.ts, and tests/unit/space-index.test.ts holds the two
 * together.
 */
export const isIdShape = (value: unknown): value is string => typeof value === 'string' && ID_SHAPE.test(value);
