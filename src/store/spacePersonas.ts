import { create } from 'zustand';
import type { LibraryPersona } from '../model/space/types';

/**
 * The persona library of the open map's team space (issue 16 item 4), for the editor's personas
 * panel: "Add from team library" and "Save to team library". The app fills it while a map of a
 * joined space is open (src/app/useLibraryPersonaSync.ts) and keeps it current as the space's
 * index changes; `spaceId` and `personas` are null while the open map is in no space this device
 * joined (a map of this device only, a guest link), and the panel then offers neither.
 */
interface SpacePersonasState {
  spaceId: string | null;
  personas: readonly LibraryPersona[] | null;
  /** my space role may change the library (owner or edit) */
  mayEditLibrary: boolean;
}

export const useSpacePersonas = create<SpacePersonasState>()(() => ({ spaceId: null, personas: null, mayEditLibrary: false }));

/** What the app calls when a map of a space opens, when the space's library changes, and with nulls when the map closes. */
export function setSpacePersonas(spaceId: string | null, personas: readonly LibraryPersona[] | null, mayEditLibrary: boolean): void {
  const current = useSpacePersonas.getState();
  if (current.spaceId === spaceId && current.personas === personas && current.mayEditLibrary === mayEditLibrary) return;
  useSpacePersonas.setState({ spaceId, personas, mayEditLibrary: spaceId !== null && mayEditLibrary });
}
