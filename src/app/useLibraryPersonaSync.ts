import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { mayEditLiveMap, useEditor } from '../store/editorStore';
import { setSpacePersonas } from '../store/spacePersonas';
import { useSpaces } from '../store/spaces';
import { applyLibraryPersonas } from './libraryPersonaSync';
import { REPORT_DELAY_MS, spaceHub } from './spaceHub';

const NO_SPACE = { spaceId: null, personas: null, mayEditLibrary: false } as const;

/**
 * While a map of a joined space is open: the panel learns the space's persona library
 * (src/store/spacePersonas.ts), and — when I may edit the map — every persona of the map linked
 * to a library persona follows it: on open, when the map's personas change (the relay's copy
 * arrived, one was added from the library) and whenever the library changes (a colleague renamed
 * a persona). Maps not open anywhere take the library's values the next time someone who may
 * edit them opens them, or at once from the device that changed the library (SpaceHub).
 */
export function useLibraryPersonaSync(mapId: string, doc: Y.Doc | null): void {
  const spaceId = useSpaces((s) => (s.spaces && doc ? (spaceHub()?.spaceOfMap(mapId) ?? null) : null));
  const state = useSpaces((s) => (spaceId ? (s.spaces[spaceId] ?? null) : null));
  const library = state?.index.personas ?? null;
  const role = state?.space.role ?? null;
  const mayEditMap = useEditor((s) => s.preview === null && mayEditLiveMap(s));
  const mapPersonas = useEditor((s) => s.journey?.personas ?? null);

  useEffect(() => {
    setSpacePersonas(spaceId, spaceId ? library : null, role === 'owner' || role === 'edit');
  }, [spaceId, library, role]);
  useEffect(() => () => setSpacePersonas(NO_SPACE.spaceId, NO_SPACE.personas, NO_SPACE.mayEditLibrary), []);

  const reportTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!doc || !library || !mayEditMap || !mapPersonas?.some((p) => p.libraryId !== null)) return;
    if (!applyLibraryPersonas(doc, library)) return;
    // the index's line of the map names its personas: report the new names once the store caught up
    if (reportTimer.current) clearTimeout(reportTimer.current);
    reportTimer.current = setTimeout(() => {
      reportTimer.current = null;
      const { journey, preview } = useEditor.getState();
      if (journey && journey.id === mapId && !preview) spaceHub()?.reportMap(mapId, journey);
    }, REPORT_DELAY_MS);
  }, [doc, library, mayEditMap, mapPersonas, mapId]);
  useEffect(
    () => () => {
      if (reportTimer.current) clearTimeout(reportTimer.current);
    },
    [],
  );
}
