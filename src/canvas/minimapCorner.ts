import type { PaneSize } from './fitViewport';

/**
 * The bottom-right area of the canvas pane the minimap covers, measured (its size changes with
 * the screen width, canvas.css), for fit to keep the map out of it; nothing when it is not shown.
 */
export function minimapCorner(pane: HTMLElement | null): PaneSize {
  const minimap = pane?.querySelector('.react-flow__minimap');
  if (!pane || !minimap) return { width: 0, height: 0 };
  const box = pane.getBoundingClientRect();
  const map = minimap.getBoundingClientRect();
  if (map.width === 0 || map.height === 0) return { width: 0, height: 0 };
  return { width: Math.max(0, box.right - map.left), height: Math.max(0, box.bottom - map.top) };
}
