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
 */
export function fitViewport(layout: JourneyLayout, pane: PaneSize, top = 0): ViewportXYZ {
  const above = Math.max(0, -top);
  const width = Math.max(layout.width, GRID.laneHeaderWidth) + ADD_STAGE_EXTRA;
  const height = above + Math.max(layout.height, GRID.phaseBandHeight + GRID.stageHeaderHeight) + ADD_LANE_EXTRA;
  const room = { width: Math.max(1, pane.width - 2 * PADDING), height: Math.max(1, pane.height - 2 * PADDING) };
  const acrossZoom = room.width / width;
  const downZoom = room.height / height;
  const zoom = clamp(Math.min(acrossZoom, Math.max(downZoom, TALL_MAP_MIN_ZOOM)), MIN_ZOOM, FIT_MAX_ZOOM);
  return { x: PADDING, y: PADDING + above * zoom, zoom };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

