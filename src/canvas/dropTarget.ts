import { GRID, type JourneyLayout } from '../model/layout';
import type { Journey } from '../model/types';

export interface CellTarget {
  stageId: string;
  laneId: string;
  /** position among the cell's cards that are not being moved */
  index: number;
}

/** The cell under a point of the canvas, or null outside the grid or on a collapsed lane. */
export function cellAt(journey: Journey, layout: JourneyLayout, x: number, y: number): { stageId: string; laneId: string } | null {
  const stage = layout.stages.find((s) => x >= s.x && x < s.x + s.width);
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (!stage || !lane || lane.collapsed) return null;
  return { stageId: stage.id, laneId: lane.id };
}

/**
 * Where dropped cards land: the cell under the drop point (the dragged card's centre), and the
 * slot in that cell whose middle lies below the point. The moving cards themselves do not count.
 */
export function dropTarget(
  journey: Journey,
  layout: JourneyLayout,
  point: { x: number; y: number },
  movingIds: ReadonlySet<string>,
): CellTarget | null {
  const cell = cellAt(journey, layout, point.x, point.y);
  if (!cell) return null;
  const others = journey.cards.filter((c) => c.stageId === cell.stageId && c.laneId === cell.laneId && !movingIds.has(c.id));
  let index = others.length;
  for (let i = 0; i < others.length; i++) {
    const rect = layout.cards.get(others[i]!.id);
    if (rect && point.y < rect.y + rect.height / 2) {
      index = i;
      break;
    }
  }
  return { ...cell, index };
}

/** The new index of a stage whose header was dropped with its centre at `x`. */
export function stageIndexAt(layout: JourneyLayout, stageId: string, x: number): number {
  const others = layout.stages.filter((s) => s.id !== stageId);
  const i = others.findIndex((s) => x < s.x + s.width / 2);
  return i === -1 ? others.length : i;
}

/** The new index of a lane whose header was dropped with its centre at `y`. */
export function laneIndexAt(layout: JourneyLayout, laneId: string, y: number): number {
  const others = layout.lanes.filter((l) => l.id !== laneId);
  const i = others.findIndex((l) => y < l.y + l.height / 2);
  return i === -1 ? others.length : i;
}

/**
 * The same as an index among all the map's lanes, for `moveLane`: with some lanes hidden from the
 * view (blueprint view off), the dropped lane goes right before the shown lane it was dropped
 * above, or right after the last shown lane.
 */
export function laneIndexInMap(journey: Journey, layout: JourneyLayout, laneId: string, y: number): number {
  const shownOthers = layout.lanes.filter((l) => l.id !== laneId);
  const all = journey.lanes.filter((l) => l.id !== laneId).map((l) => l.id);
  const i = laneIndexAt(layout, laneId, y);
  if (i < shownOthers.length) return all.indexOf(shownOthers[i]!.id);
  const last = shownOthers[shownOthers.length - 1];
  return last ? all.indexOf(last.id) + 1 : 0;
}

export const CANVAS_TOP = GRID.phaseBandHeight + GRID.stageHeaderHeight;
