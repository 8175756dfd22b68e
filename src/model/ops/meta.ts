import type * as Y from 'yjs';
import { journeyMaps } from '../doc';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { Locale } from '../types';

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
