import type * as Y from 'yjs';
import { applyLibraryPersona } from '../model/ops/libraryPersonas';
import type { LibraryPersona } from '../model/space/types';

/**
 * The transaction origin of the library's values written into the open map: not the user's own
 * edit (LOCAL_ORIGIN), so it is no undo step — undoing it would only put the map out of step
 * with the library, which writes it again.
 */
export const LIBRARY_SYNC_ORIGIN: unique symbol = Symbol('waymark:library-sync');

/**
 * Writes every library persona into the map's personas linked to it (only the fields that
 * differ; nothing when the map already says what the library says). Returns whether anything
 * changed. A map persona whose library persona was deleted keeps its last values.
 */
export function applyLibraryPersonas(doc: Y.Doc, library: readonly LibraryPersona[], origin: unknown = LIBRARY_SYNC_ORIGIN): boolean {
  let changed = false;
  for (const persona of library) if (applyLibraryPersona(doc, persona, origin)) changed = true;
  return changed;
}
