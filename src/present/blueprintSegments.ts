import { blueprintLines, type BlueprintLine } from '../model/blueprint';
import type { Lane } from '../model/types';

/** A run of lanes between two blueprint lines, with the line above it (null for the first run). */
export interface LaneSegment {
  line: BlueprintLine | null;
  lanes: Lane[];
}

/**
 * The lanes cut where the blueprint's lines run (model/blueprint.ts), so a slide can draw each
 * line between the runs: a map without blueprint rows is one run with no line.
 */
export function blueprintSegments(lanes: readonly Lane[]): LaneSegment[] {
  const lineAbove = new Map(blueprintLines(lanes).map((p) => [p.belowLaneId, p.line]));
  const segments: LaneSegment[] = [];
  for (const lane of lanes) {
    const line = lineAbove.get(lane.id);
    const last = segments[segments.length - 1];
    if (!last || line) segments.push({ line: line ?? null, lanes: [lane] });
    else last.lanes.push(lane);
  }
  return segments;
}
