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

/** The longest id a record, a map or a file may carry. */
export const ID_MAX_LENGTH = 64;

/**
 * The one id rule: of the file format (`idSchema`, src/schema/v1.ts) and of map ids (`isMapId`,
 * src/access/mapId.ts builds its pattern from `ID_PATTERN`): letters, digits, "-" and "_", 1 to
 * 64 characters. For ids a peer wrote that name something outside this map or record — a map in
 * a space's index, a space library persona, a detail map — so a hostile value reads as none.
 */
export const ID_PATTERN = `[A-Za-z0-9_-]{1,${ID_MAX_LENGTH}}`;
const ID_RULE = new RegExp(`^${ID_PATTERN}$`);

export function isWellFormedId(value: unknown): value is string {
  return typeof value === 'string' && ID_RULE.test(value);
}

/** An id from whatever a peer wrote, or null for anything that cannot be one. */
export function readIdOrNull(value: unknown): string | null {
  return isWellFormedId(value) ? value : null;
}
