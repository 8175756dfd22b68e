import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { useEditor } from '../store/editorStore';
import { useCardFocus, requestCardFocus } from '../store/cardFocus';
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
    if (focusCard(flow, mapId)) return;
    void flow.setViewport(readSavedViewport(mapId) ?? fitViewport(layout, box, contentTop(), minimapCorner(pane.current)));
  }, [flow, pane, mapId, hasLayout]);

  // opened at a card (`?card=`, src/store/cardFocus.ts) that was not laid out yet: as soon as it is
  // (the layout is watched only while such a request waits)
  const waiting = useCardFocus((s) => mapId !== null && s.request?.mapId === mapId);
  const layout = useEditor((s) => (waiting ? s.layout : null));
  useEffect(() => {
    if (!mapId || placedFor.current !== mapId || !waiting || !layout) return;
    focusCard(flow, mapId);
  }, [flow, mapId, layout, waiting]);

  return useCallback(
    (viewport: Viewport) => {
      // a move before the opening view was placed is React Flow's default, not the user's
      if (mapId && placedFor.current === mapId) saveViewport(mapId, viewport);
    },
    [mapId],
  );
}

/**
 * Selects the card the map was opened at and centres the view on it (at 100 %), then forgets the
 * request. False when there is no request for this map or its card is not laid out (yet).
 */
function focusCard(flow: ReactFlowInstance, mapId: string): boolean {
  const request = useCardFocus.getState().request;
  if (!request || request.mapId !== mapId) return false;
  const editor = useEditor.getState();
  const rect = editor.layout?.cards.get(request.cardId);
  if (!rect) return false;
  requestCardFocus(null);
  editor.selectCards([request.cardId], 'replace');
  void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: 1 });
  return true;
}
