import { useEffect } from 'react';
import * as Y from 'yjs';
import { readJourney } from '../model/doc';
import { LOCAL_ORIGIN } from '../model/origin';
import { REPORT_DELAY_MS, spaceHub } from './spaceHub';

/**
 * While a map of a joined space is open: colleagues see that I am in it (the space room's
 * presence), and its line in the space's index follows my edits once they rest for a moment
 * (title, counts, personas, thumbnail, who changed it), so a rename shows in everyone's team
 * library within a second. Only my own edits (and my undos) are reported: a colleague's reach
 * the index from their device, and every member re-reporting them would fight over "who".
 */
export function useSpaceReport(mapId: string, doc: Y.Doc | null): void {
  useEffect(() => {
    const hub = spaceHub();
    if (!hub || !doc) return;
    hub.setOpenMap(mapId);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      timer = null;
      // read from the doc, not the store: leaving the map closes the store's session before this
      // cleanup runs, and a rename made just before leaving must still reach the index
      const journey = readJourney(doc);
      if (journey.id === mapId) hub.reportMap(mapId, journey);
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL_ORIGIN && !(origin instanceof Y.UndoManager)) return;
      if (timer) clearTimeout(timer);
      // the store's journey is read after it caught up with this update
      timer = setTimeout(report, REPORT_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) {
        clearTimeout(timer);
        report();
      }
      hub.setOpenMap(null);
    };
  }, [mapId, doc]);
}
