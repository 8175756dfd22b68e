import { laneKindDescriptor } from './laneKindLookup';
import type { BlueprintPart, LaneKind } from './laneKinds';

/**
 * The three lines of a service blueprint, where they run and what they are called. The canvas,
 * present mode and every export draw them from `blueprintLines`, so they agree on where a line
 * belongs.
 *
 *   customer's side (actions, touchpoints, feelings… and physical evidence)
 *   ── line of interaction ──────────  the customer meets staff
 *   frontstage actions
 *   ── line of visibility ───────────  what the customer can see ends here
 *   backstage actions
 *   ── line of internal interaction ─  staff meet the systems and teams behind them
 *   support processes
 */

export const BLUEPRINT_LINES = [
  { id: 'interaction', labelKey: 'canvas.blueprintLines.interaction', level: 1 },
  { id: 'visibility', labelKey: 'canvas.blueprintLines.visibility', level: 2 },
  { id: 'internal', labelKey: 'canvas.blueprintLines.internal', level: 3 },
] as const;
export type BlueprintLineId = (typeof BLUEPRINT_LINES)[number]['id'];
export type BlueprintLine = (typeof BLUEPRINT_LINES)[number];

/** How deep behind the counter a blueprint row is; the customer's side (and what they hold) is 0. */
const LEVEL: Record<BlueprintPart, number> = { evidence: 0, frontstage: 1, backstage: 2, support: 3 };

export function blueprintLevel(kind: LaneKind): number {
  const part = laneKindDescriptor(kind).blueprint;
  return part === null ? 0 : LEVEL[part];
}

/** Whether a lane of this kind is one of the blueprint's rows (the "blueprint view" hides them). */
export function isBlueprintKind(kind: LaneKind): boolean {
  return laneKindDescriptor(kind).blueprint !== null;
}

export interface BlueprintLinePlace {
  line: BlueprintLine;
  /** the lane the line runs under (the customer's side of it) */
  aboveLaneId: string;
  /** the lane the line runs over: the first lane deeper behind the counter than any above it */
  belowLaneId: string;
}

/**
 * Where the lines run in lanes listed top to bottom (as shown: hidden lanes left out): above
 * the first lane that goes deeper behind the counter than every lane above it. A map that skips
 * a row gets the deeper line only (customer actions straight over backstage: the line of
 * visibility), and a customer-side lane placed below backstage (KPIs, notes) draws none.
 */
export function blueprintLines(lanes: readonly { id: string; kind: LaneKind }[]): BlueprintLinePlace[] {
  const places: BlueprintLinePlace[] = [];
  let deepest = lanes.length > 0 ? blueprintLevel(lanes[0]!.kind) : 0;
  for (let i = 1; i < lanes.length; i++) {
    const level = blueprintLevel(lanes[i]!.kind);
    if (level <= deepest) continue;
    deepest = level;
    const line = BLUEPRINT_LINES.find((l) => l.level === level)!;
    places.push({ line, aboveLaneId: lanes[i - 1]!.id, belowLaneId: lanes[i]!.id });
  }
  return places;
}
