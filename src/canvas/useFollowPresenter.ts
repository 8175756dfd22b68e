import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { Rect } from '../model/layout';
import { useEditor } from '../store/editorStore';
import { followedArea, presenterPeer, sameArea, stageAt } from '../store/follow';

function sameView(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Workshop following on the canvas: my view goes out to the peers when I stop moving, and while
 * someone else presents and I follow, my viewport shows what they show. Panning or zooming by
 * hand (a user gesture that moved the view; a click on a card does not) stops following; "Follow" or the presenter's
 * "bring everyone to me" starts it again.
 */
export function useFollowPresenter(flow: ReactFlowInstance, pane: React.RefObject<HTMLElement | null>) {
  const applied = useRef<Rect | null>(null);
  const lastView = useRef<{ view: unknown; layout: unknown } | null>(null);

  const visibleArea = useCallback((viewport: Viewport): Rect | null => {
    const box = pane.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return null;
    return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: box.width / viewport.zoom, height: box.height / viewport.zoom };
  }, [pane]);

  const publish = useCallback(
    (viewport: Viewport) => {
      const { presence, layout } = useEditor.getState();
      const area = visibleArea(viewport);
      if (!presence || !layout || !area) return;
      presence.setView({ area, stageId: stageAt(layout, area), presenting: false });
    },
    [visibleArea],
  );

  // follow: re-fit whenever the presenter's view (or the map's layout) changes
  useEffect(() => {
    const apply = () => {
      const { feedback, collab, following, layout, identity } = useEditor.getState();
      const presenter = feedback.presenter;
      if (!following || !presenter || presenter.id === identity?.id || !layout) {
        applied.current = null;
        lastView.current = null;
        return;
      }
      // peers' cursors change the peer list 25 times a second: only a new view of the presenter's
      // (or a new layout) is worth measuring the pane for
      const view = presenterPeer(collab?.peers ?? [], presenter)?.view ?? null;
      if (applied.current && lastView.current && sameView(lastView.current.view, view) && lastView.current.layout === layout) return;
      lastView.current = { view, layout };
      const box = pane.current?.getBoundingClientRect();
      const size = box && box.width > 0 && box.height > 0 ? { width: box.width, height: box.height } : undefined;
      const area = followedArea(view, layout, size);
      if (!area || sameArea(area, applied.current)) return;
      applied.current = area;
      void flow.fitBounds(area, { padding: 0.02, duration: 350 });
    };
    apply();
    return useEditor.subscribe((state, previous) => {
      if (state.collab !== previous.collab || state.feedback !== previous.feedback || state.following !== previous.following || state.layout !== previous.layout) apply();
    });
  }, [flow, pane]);

  // a fresh joiner tells the others where they are, too
  useEffect(() => {
    const id = setTimeout(() => publish(flow.getViewport()), 300);
    return () => clearTimeout(id);
  }, [flow, publish]);

  /** where my viewport was when a gesture of mine started; null while none is under way */
  const gestureFrom = useRef<Viewport | null>(null);

  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    // programmatic moves (following, fit, reveal) come without an event
    gestureFrom.current = event ? viewport : null;
  }, []);

  const onMoveEnd = useCallback(
    (_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      // a gesture that moved the view stops following; a click (on a card, to comment or vote)
      // starts a gesture too, but moves nothing, and I keep following
      const from = gestureFrom.current;
      gestureFrom.current = null;
      const moved = from !== null && (Math.abs(from.x - viewport.x) > 1 || Math.abs(from.y - viewport.y) > 1 || Math.abs(from.zoom - viewport.zoom) > 1e-3);
      const { following, feedback, identity, setFollowing } = useEditor.getState();
      if (moved && following && feedback.presenter && feedback.presenter.id !== identity?.id) setFollowing(false);
      publish(viewport);
    },
    [publish],
  );

  return { onMoveStart, onMoveEnd };
}
