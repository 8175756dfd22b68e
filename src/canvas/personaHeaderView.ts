import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { layoutPersonaHeader, type PersonaHeaderLayout } from '../model/personaHeader';
import type { Persona } from '../model/types';
import { useEditor } from '../store/editorStore';
import { usePersonaHeader } from '../store/personaHeader';
import { fitViewport, sameView } from './fitViewport';
import { minimapCorner } from './minimapCorner';

const NONE: Persona[] = [];

/** The persona header as the canvas shows it: null when the map has no personas or this device hid it. */
export function usePersonaHeaderLayout(): PersonaHeaderLayout | null {
  const hidden = usePersonaHeader((s) => s.hidden);
  const personas = useEditor((s) => s.journey?.personas ?? NONE);
  const stageCount = useEditor((s) => s.journey?.stages.length ?? 0);
  return useMemo(() => (hidden ? null : layoutPersonaHeader(personas, stageCount)), [hidden, personas, stageCount]);
}

/** Where the canvas content starts above the grid right now: the header's top, or 0 without one. */
export function contentTop(): number {
  const journey = useEditor.getState().journey;
  if (!journey || usePersonaHeader.getState().hidden) return 0;
  return layoutPersonaHeader(journey.personas, journey.stages.length)?.top ?? 0;
}

/**
 * When the header appears on an open map (a first persona added, or the header shown again), it
 * grows upwards, above the top of the view: the map then moves down by the band's height, so what
 * was just asked for is on screen. Only while the top of the grid is on screen (someone scrolled
 * down to the cards is not pulled away from them), and never when the band shrinks or goes.
 * A map that was fitted is fitted again with the band: moved down only, its bottom would slide
 * under the minimap and past the canvas.
 */
export function useRevealPersonaHeader(
  flow: ReactFlowInstance,
  header: PersonaHeaderLayout | null,
  mapShown: boolean,
  pane: React.RefObject<HTMLElement | null>,
): void {
  // null until the map is on screen: the header it opens with is placed by the opening view
  const previous = useRef<{ mapId: string; height: number; top: number } | null>(null);
  const mapId = useEditor((s) => s.session?.mapId ?? '');
  const height = header?.height ?? 0;
  useEffect(() => {
    if (!mapShown) return;
    const before = previous.current?.mapId === mapId ? previous.current.height : null;
    const topBefore = previous.current?.top ?? 0;
    previous.current = { mapId, height, top: header?.top ?? 0 };
    if (before === null || height <= before) return;
    const view = flow.getViewport();
    const layout = useEditor.getState().layout;
    const box = pane.current?.getBoundingClientRect();
    if (layout && box && box.width > 0 && box.height > 0) {
      const corner = minimapCorner(pane.current);
      if (sameView(view, fitViewport(layout, box, topBefore, corner))) {
        void flow.setViewport(fitViewport(layout, box, header!.top, corner), { duration: 150 });
        return;
      }
    }
    if (view.y < 0 || view.y + header!.top * view.zoom >= 0) return;
    void flow.setViewport({ ...view, y: view.y + (height - before) * view.zoom }, { duration: 150 });
  }, [flow, height, header, mapShown, mapId, pane]);
}
