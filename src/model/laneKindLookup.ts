import { FALLBACK_LANE_KIND, LANE_KIND_DESCRIPTORS, LANE_KINDS, type LaneKind, type LaneKindEntry } from './laneKinds';

/**
 * Questions asked of the lane-kind table (laneKinds.ts). Kept apart from the table so every
 * answer reads the table's exports at call time: extend the table and these follow.
 */

export function isLaneKind(value: unknown): value is LaneKind {
  return typeof value === 'string' && (LANE_KINDS as readonly string[]).includes(value);
}

/** The descriptor of a kind; a kind this build does not know reads as notes rather than crashing a render. */
export function laneKindDescriptor(kind: LaneKind): LaneKindEntry {
  return (LANE_KIND_DESCRIPTORS as Partial<Record<string, LaneKindEntry>>)[kind] ?? LANE_KIND_DESCRIPTORS[FALLBACK_LANE_KIND];
}

/** The kinds whose lanes a new vote round offers ticked. */
export function votableLaneKinds(): ReadonlySet<LaneKind> {
  return new Set(LANE_KINDS.filter((kind) => laneKindDescriptor(kind).votable));
}

function aliasFound(name: string, alias: string): boolean {
  if (alias.length >= 4) return name.includes(alias);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${alias}($|[^\\p{L}\\p{N}])`, 'u').test(name);
}

/**
 * The kind a lane's name (or a lane-kind cell) speaks of, by the descriptors' aliases, or null.
 * A kind's own id counts as an alias. The longest alias found wins, so "Touchpoint problems"
 * and "Pain points" each land where their most specific word says; a tie goes to the alias
 * that comes first in the name.
 */
export function laneKindFromWords(text: string): LaneKind | null {
  const name = text.toLocaleLowerCase('de').normalize('NFC').trim();
  if (isLaneKind(name)) return name;
  let best: { kind: LaneKind; length: number; at: number } | null = null;
  for (const kind of LANE_KINDS) {
    for (const alias of [kind, ...laneKindDescriptor(kind).aliases]) {
      if (!aliasFound(name, alias)) continue;
      const at = name.indexOf(alias);
      if (!best || alias.length > best.length || (alias.length === best.length && at < best.at)) best = { kind, length: alias.length, at };
    }
  }
  return best?.kind ?? null;
}

/** Whether cards in a lane of this kind carry a status and an owner (the opportunity board's cards). */
export function tracksStatus(kind: LaneKind): boolean {
  return laneKindDescriptor(kind).tracksStatus;
}

/** The kinds whose cards carry a status and an owner. */
export function statusTrackingLaneKinds(): ReadonlySet<LaneKind> {
  return new Set(LANE_KINDS.filter((kind) => tracksStatus(kind)));
}
