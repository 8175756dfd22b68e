/**
 * Tolerant readers for values found in the Y.Doc: a peer (an older build, a hand-made file, a
 * hostile client) may have written anything under a key, so each reader falls back to a
 * default instead of trusting the type.
 */

export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
export const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;
