/**
 * The panels' pure logic: no React, no DOM, so tests can pin it down.
 */
import { clampText, LIMITS } from '../../model/limits';
import type { Card } from '../../model/types';

/**
 * The tags after typing `input` into the tag field: split at commas, trimmed, clamped to the tag
 * length, without blanks or case-insensitive duplicates, and no more than a card may hold.
 */
export function addTags(existing: readonly string[], input: string): string[] {
  const out = [...existing];
  const seen = new Set(existing.map((t) => t.toLocaleLowerCase()));
  for (const raw of input.split(',')) {
    if (out.length >= LIMITS.tagsPerCard) break;
    const tag = clampText(raw.trim(), LIMITS.tag);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** A "one per line" textarea's text as a list: trimmed lines, blank lines dropped. */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function formatLines(items: readonly string[]): string {
  return items.join('\n');
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One operation of a Y.Text change, as Yjs reports it in `event.delta`. */
export interface TextDeltaOp {
  insert?: string | object;
  retain?: number;
  delete?: number;
}

/**
 * Where a caret at `index` of the old text sits after a change described by `delta`.
 * Text inserted or deleted before the caret moves it; text inserted exactly at the caret goes
 * after it (a collaborator typing where my caret is does not push it), except where the insert
 * replaces text deleted right up to the caret (then the caret stays after the replacement).
 */
export function transformIndex(index: number, delta: readonly TextDeltaOp[]): number {
  let oldPos = 0;
  let result = index;
  let deletedUpToCaret = false;
  for (const op of delta) {
    if (op.retain !== undefined) {
      oldPos += op.retain;
      deletedUpToCaret = false;
    } else if (op.delete !== undefined) {
      if (oldPos < index) {
        result -= Math.min(op.delete, index - oldPos);
        if (oldPos + op.delete >= index) deletedUpToCaret = true;
      }
      oldPos += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index || deletedUpToCaret) result += length;
    }
  }
  return Math.max(0, result);
}

/** How many cards name each persona. */
export function personaCardCounts(cards: readonly Pick<Card, 'personaIds'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const card of cards) {
    for (const id of card.personaIds) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Whether a yes/no property holds for all, some or none of a selection (for tri-state boxes). */
export type Coverage = 'all' | 'some' | 'none';

export function coverage<T>(items: readonly T[], has: (item: T) => boolean): Coverage {
  let n = 0;
  for (const item of items) if (has(item)) n++;
  return n === 0 ? 'none' : n === items.length ? 'all' : 'some';
}

/** The value every item shares, or undefined when they differ (or there are none). */
export function sharedValue<T, V>(items: readonly T[], get: (item: T) => V): V | undefined {
  if (items.length === 0) return undefined;
  const first = get(items[0]!);
  return items.every((item) => get(item) === first) ? first : undefined;
}

/** A persona list's new position for "move up" / "move down", counted without the persona itself. */
export function neighbourIndex(position: number, direction: -1 | 1, count: number): number | null {
  const next = position + direction;
  return next < 0 || next >= count ? null : next;
}
