import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { readMeta } from '../model/doc';
import type { Journey } from '../model/types';
import { MapPersistence, type WaymarkDB } from '../storage';
import { JourneyView } from '../store/journeyView';

export type PresentedMap = { phase: 'loading' } | { phase: 'missing' } | { phase: 'ready'; journey: Journey };

/**
 * The map to present, read from this device the way the editor reads it (`MapPersistence` over
 * IndexedDB, so it opens offline), and kept current: edits another tab makes to the same map
 * arrive over the tabs' channel and show up on the next render. Read-only: nothing here writes
 * to the map, and no editor session is opened (the editor's undo history stays the editor's).
 *
 * `memoryDoc` is a map that lives only in this tab (the device refused storage).
 */
export function usePresentedJourney(mapId: string, db: WaymarkDB | null, memoryDoc?: Y.Doc): PresentedMap {
  const [state, setState] = useState<PresentedMap>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let view: JourneyView | null = null;
    const doc = memoryDoc ?? new Y.Doc();
    const persistence = new MapPersistence(db, mapId, doc);
    setState({ phase: 'loading' });

    void persistence.whenLoaded.then(() => {
      if (cancelled) return;
      if (readMeta(doc).id !== mapId) {
        setState({ phase: 'missing' });
        return;
      }
      view = new JourneyView(doc);
      view.subscribe((journey) => setState({ phase: 'ready', journey }));
      setState({ phase: 'ready', journey: view.journey });
    });

    return () => {
      cancelled = true;
      view?.destroy();
      void persistence.destroy().then(() => {
        if (!memoryDoc) doc.destroy();
      });
    };
  }, [mapId, db, memoryDoc]);

  return state;
}
