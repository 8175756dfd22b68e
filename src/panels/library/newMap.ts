import type * as Y from 'yjs';
import { readJourney } from '../../model/doc';
import { createMapFromTemplate, type TemplateKey } from '../../model/templates';
import type { Locale } from '../../model/types';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { saveNewMap, type WaymarkDB } from '../../store/library';

/**
 * New maps from templates. A module of its own because it pulls in the templates' content: the
 * library fetches it when a template is chosen (`loadNewMap`), not with the first load.
 */

/**
 * A new map from a template, in memory only: for a device that cannot store maps. The caller
 * keeps the doc (the app's memory map registry) and opens it by `readMeta(doc).id`.
 */
export function createMapInMemory(key: TemplateKey, locale: Locale): Y.Doc {
  return createMapFromTemplate(key, locale);
}

/** A new map from a template, stored in the library with its thumbnail; resolves to the doc. */
export async function createStoredMap(db: WaymarkDB, key: TemplateKey, locale: Locale): Promise<Y.Doc> {
  const doc = createMapFromTemplate(key, locale);
  await saveNewMap(db, doc, { thumbnail: renderThumbnailSvg(readJourney(doc)) });
  return doc;
}
