import type * as Y from 'yjs';
import { journeyMaps } from '../doc';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { Locale, PhaseId } from '../types';

export interface MetaPatch {
  title?: string;
  description?: string;
  locale?: Locale;
}

export function updateMeta(doc: Y.Doc, patch: MetaPatch, origin: unknown = LOCAL_ORIGIN): void {
  const { meta } = journeyMaps(doc);
  doc.transact(() => {
    if (patch.title !== undefined) meta.set('title', clampText(patch.title, LIMITS.mapTitle));
    if (patch.description !== undefined) meta.set('description', clampText(patch.description, LIMITS.description));
    if (patch.locale !== undefined) meta.set('locale', patch.locale);
  }, origin);
}

/** Phases are fixed (pre-purchase, purchase, post-purchase); their display names are the map's own. */
export function renamePhase(doc: Y.Doc, phase: PhaseId, name: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => journeyMaps(doc).phases.set(phase, clampText(name, LIMITS.name)), origin);
}
