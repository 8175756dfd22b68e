import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order is a fractional index string, never a position in a Y.Array: two people moving the
 * same item concurrently then each write one key, the last writer wins, and the item exists
 * exactly once. Ties (two peers inserting at the same spot) are broken by id, so every replica
 * sorts identically.
 */
export interface Ordered {
  id: string;
  order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortOrdered<T extends Ordered>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrdered);
}

/** True when fractional-indexing accepts the key; files are checked with it before import. */
export function isValidOrderKey(key: string): boolean {
  // fractional-indexing checks the key's structure but not its alphabet: base-62 digits only.
  if (key.length === 0 || key.length > 200 || !/^[0-9A-Za-z]+$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * The order key that places an item at `index` among `siblings` (already sorted, not containing
 * the item itself). Out-of-range indexes clamp to the ends.
 */
export function orderAtIndex(siblings: readonly Ordered[], index: number): string {
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = i > 0 ? siblings[i - 1]!.order : null;
  let after: string | null = null;
  // After a concurrent tie, neighbours can share a key; the next *distinct* key bounds us.
  for (let j = i; j < siblings.length; j++) {
    const candidate = siblings[j]!.order;
    if (before === null || candidate > before) {
      after = candidate;
      break;
    }
  }
  return generateKeyBetween(before, after);
}

/** Keys for appending `count` items after `last` (or from the start when null). */
export function ordersAfter(last: string | null, count: number): string[] {
  const keys: string[] = [];
  let prev = last;
  for (let i = 0; i < count; i++) {
    prev = generateKeyBetween(prev, null);
    keys.push(prev);
  }
  return keys;
}
