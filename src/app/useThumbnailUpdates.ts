import { useEffect } from 'react';
import { renderThumbnailSvg } from '../export/thumbnail';
import { updateMapEntry, type WaymarkDB } from '../storage';
import { useEditor } from '../store/editorStore';

/** How long the map must rest before its library thumbnail is redrawn. */
const THUMBNAIL_DELAY_MS = 2500;

/**
 * Keeps the map's library thumbnail current: redrawn when editing pauses, never on every
 * keystroke, and once more when the editor closes.
 */
export function useThumbnailUpdates(db: WaymarkDB | null, mapId: string, active: boolean): void {
  useEffect(() => {
    if (!db || !active) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dirty = false;
    const draw = () => {
      timer = null;
      if (!dirty) return;
      dirty = false;
      const journey = useEditor.getState().journey;
      if (journey && journey.id === mapId) void updateMapEntry(db, mapId, { thumbnail: renderThumbnailSvg(journey) }).catch(() => undefined);
    };
    // the first look at the map draws one too, so maps imported elsewhere get a picture
    dirty = true;
    timer = setTimeout(draw, 500);
    const unsubscribe = useEditor.subscribe((state, previous) => {
      if (state.journey === previous.journey) return;
      dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(draw, THUMBNAIL_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      draw();
    };
  }, [db, mapId, active]);
}
