import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { useEditor } from '../store/editorStore';
import { fitViewport, sameView, type PaneSize, type ViewportXYZ } from './fitViewport';
import { minimapCorner } from './minimapCorner';
import { contentTop } from './personaHeaderView';

/** A resize this long after the panel was shown or hidden is someone else's (the window's). */
const TOGGLE_WINDOW_MS = 1000;
/**
 * A toggle this soon after the canvas appeared is the device's remembered choice being restored
 * (sidePanelMemory.ts), not the user: a fitted map is fitted to the final size, but a view
 * restored from where the user left it stays exactly where it was.
 */
const OPENING_MS = 300;

/**
 * The view to show after the pane changed size because the side panel was hidden or shown: a
 * map that was fitted is fitted again to the new size; any other view (the user zoomed in on
 * something on purpose) keeps its framing and only moves by half the size change, so what was
 * in the middle of the canvas stays in the middle. Null: leave the view as it is.
 */
export function viewAfterPaneResize(
  view: ViewportXYZ,
  before: PaneSize,
  after: PaneSize,
  fitted: (pane: PaneSize, when: 'before' | 'after') => ViewportXYZ | null,
  options: { keepUnfitted?: boolean } = {},
): ViewportXYZ | null {
  const fitBefore = fitted(before, 'before');
  if (fitBefore && sameView(view, fitBefore)) return fitted(after, 'after');
  if (options.keepUnfitted) return null;
  return { x: view.x + (after.width - before.width) / 2, y: view.y + (after.height - before.height) / 2, zoom: view.zoom };
}

/**
 * Hiding the side panel at a narrow width gives the canvas a third more room; without this the
 * view kept its old framing and the new room stayed empty at the right. React Flow keeps the
 * top-left corner on a resize, so the panel's toggle is caught here and the view re-framed.
 */
export function useKeepCentreOnPanelToggle(flow: ReactFlowInstance, pane: React.RefObject<HTMLElement | null>): void {
  // the pane exists only once the map is loaded
  const ready = useEditor((s) => s.layout !== null);
  useEffect(() => {
    const element = pane.current;
    if (!ready || !element) return;
    const shownAt = performance.now();
    let size: PaneSize = { width: element.clientWidth, height: element.clientHeight };
    // the pane's size (and the minimap's corner, which shrinks with a narrow pane) at the moment
    // the panel was toggled, until the pane follows
    let toggled: { size: PaneSize; corner: PaneSize; at: number } | null = null;

    const unsubscribe = useEditor.subscribe((state, previous) => {
      if ((state.panel === null) === (previous.panel === null)) return;
      toggled = { size, corner: minimapCorner(element), at: performance.now() };
    });
    const observer = new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      const change = toggled;
      toggled = null;
      const before = size;
      size = next;
      if (!change || performance.now() - change.at > TOGGLE_WINDOW_MS || next.width === 0 || before.width === 0) return;
      const layout = useEditor.getState().layout;
      const fitted = (p: PaneSize, when: 'before' | 'after') =>
        layout ? fitViewport(layout, p, contentTop(), when === 'before' ? change.corner : minimapCorner(element)) : null;
      const opening = change.at - shownAt < OPENING_MS;
      const view = viewAfterPaneResize(flow.getViewport(), change.size, next, fitted, { keepUnfitted: opening });
      if (view) void flow.setViewport(view);
    });
    observer.observe(element);
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [flow, pane, ready]);
}
