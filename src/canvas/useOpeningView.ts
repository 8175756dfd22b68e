import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { useEditor } from '../store/editorStore';
import { readSavedViewport, saveViewport } from '../store/savedViewport';
import { fitViewport } from './fitViewport';
import { minimapCorner } from './minimapCorner';
import { contentTop } from './personaHeaderView';

/** Whether I am following someone else who presents: their view wins over mine. */
export function followsPresenter(): boolean {
  const { following, feedback, identity } = useEditor.getState();
  return following && !!feedback.presenter && feedback.presenter.id !== identity?.id;
}

/**
 * Where a map opens: where this device left it, or fitted the first time it is opened here.
 * While following a presenter the follow hook places the view instead. Every settled move is
 * remembered on this device (never in the map), so a reload comes back to the same place.
 */
export function useOpeningView(flow: ReactFlowInstance, pane: React.RefObject<HTMLElement | null>) {
  const mapId = useEditor((s) => s.session?.mapId ?? null);
  const hasLayout = useEditor((s) => s.layout !== null);
  const placedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!mapId || !hasLayout || placedFor.current === mapId) return;
    const layout = useEditor.getState().layout;
    const box = pane.current?.getBoundingClientRect();
    if (!layout || !box || box.width === 0 || box.height === 0) return;
    placedFor.current = mapId;
    if (followsPresenter()) return;
    void flow.setViewport(readSavedViewport(mapId) ?? fitViewport(layout, box, contentTop(), minimapCorner(pane.current)));
  }, [flow, pane, mapId, hasLayout]);

  return useCallback(
    (viewport: Viewport) => {
      // a move before the opening view was placed is React Flow's default, not the user's
      if (mapId && placedFor.current === mapId) saveViewport(mapId, viewport);
    },
    [mapId],
  );
}
