import { GRID, type JourneyLayout } from '../model/layout';

export interface ViewportXYZ {
  x: number;
  y: number;
  zoom: number;
}

export interface PaneSize {
  width: number;
  height: number;
}

/** The canvas's zoom range; fit stays inside it too. Low enough that a 24-stage map fits a laptop. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
/** Fit never enlarges past 100 %: a small map is shown at its real size, not blown up. */
const FIT_MAX_ZOOM = 1;
/**
 * A very tall map (hundreds of cards in a few stages) is not shrunk below this to show its whole
 * height: fit then frames every stage across and starts at the top, so headers stay legible.
 */
const TALL_MAP_MIN_ZOOM = 0.3;
/** screen pixels left free around the map */
const PADDING = 24;
/** the "+" beside the last stage and below the last lane (buildNodes.ts) belong to the frame too */
const ADD_STAGE_EXTRA = 8 + 56;
const ADD_LANE_EXTRA = 8 + 44;

/**
 * The viewport that frames the whole map in a pane of this size, computed from the layout (the
 * same numbers the nodes are placed with) rather than from measured DOM nodes, so it is right
 * the moment a stage is added, and for big maps whose off-screen nodes are never rendered.
 * Every stage is always inside; the map sits at the top left of the pane. `top` is where the
 * content starts above the grid (the persona header's top, a negative y), 0 without one.
 * `corner` is the pane's bottom-right area the minimap covers: a map that would reach into it is
 * made to fit beside it or above it, whichever leaves it larger, so no cell hides under it.
 */
export function fitViewport(layout: JourneyLayout, pane: PaneSize, top = 0, corner: PaneSize = NO_CORNER): ViewportXYZ {
  const above = Math.max(0, -top);
  const width = Math.max(layout.width, GRID.laneHeaderWidth) + ADD_STAGE_EXTRA;
  const height = above + Math.max(layout.height, GRID.phaseBandHeight + GRID.stageHeaderHeight) + ADD_LANE_EXTRA;
  const fit = (roomWidth: number, roomHeight: number) =>
    clamp(Math.min(Math.max(1, roomWidth) / width, Math.max(Math.max(1, roomHeight) / height, TALL_MAP_MIN_ZOOM)), MIN_ZOOM, FIT_MAX_ZOOM);
  const room = { width: pane.width - 2 * PADDING, height: pane.height - 2 * PADDING };
  let zoom = fit(room.width, room.height);
  // only a map shown whole: a tall one framed across runs past the bottom (and the minimap) anyway
  const whole = height * zoom <= room.height + 0.5;
  const reachesCorner = PADDING + width * zoom > pane.width - corner.width && PADDING + height * zoom > pane.height - corner.height;
  if (corner.width > 0 && corner.height > 0 && whole && reachesCorner) {
    const inside = (roomWidth: number, roomHeight: number) => clamp(Math.min(roomWidth / width, roomHeight / height), MIN_ZOOM, FIT_MAX_ZOOM);
    zoom = Math.max(inside(room.width - corner.width, room.height), inside(room.width, room.height - corner.height));
  }
  return { x: PADDING, y: PADDING + above * zoom, zoom };
}

const NO_CORNER: PaneSize = { width: 0, height: 0 };

/** Two views this close (in screen pixels and zoom) are the same view: the map was left fitted. */
export function sameView(a: ViewportXYZ, b: ViewportXYZ): boolean {
  return Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.zoom - b.zoom) < 0.005;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

