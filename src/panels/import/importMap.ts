import type * as Y from 'yjs';
import { importFile, type ImportedFeedback, type ImportOutcome } from '../../export/import';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { journeyToDoc } from '../../model/doc';
import { putImages, type CardImage } from '../../model/images';
import { LIMITS } from '../../model/limits';
import type { Journey } from '../../model/types';
import { feedbackToDoc, fileSizeIssue } from '../../schema/file';
import { issue } from '../../schema/issues';
import { listMaps, saveNewMap, type WaymarkDB } from '../../store/library';

/**
 * Importing a file into the library: read it (refusing an oversized one before reading),
 * run the pure importer, and store the result as a new map. Nothing is written unless the
 * importer said ok.
 */

export async function readAndImport(file: File): Promise<ImportOutcome> {
  const tooLarge = fileSizeIssue(file.size);
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, issues: [issue([], `cannot be read: ${(error as Error).message}`)] };
  }
  return importFile(file.name, text);
}

/** "Journey" → "Journey (2)" when the library has a "Journey"; then (3), and so on. */
export function uniqueTitle(title: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((t) => t.trim()));
  if (!taken.has(title.trim())) return title;
  const base = title.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, LIMITS.mapTitle - 8)} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The imported journey (and its card images) as a new map's doc, with a title no map in the library has. */
export async function docForImport(journey: Journey, db: WaymarkDB | null, images: readonly CardImage[] = []): Promise<Y.Doc> {
  let existing: string[] = [];
  if (db) {
    try {
      existing = (await listMaps(db)).map((entry) => entry.title);
    } catch {
      // the library cannot be read: a clash is possible, but the import still works
    }
  }
  const doc = journeyToDoc({ ...journey, title: uniqueTitle(journey.title, existing) });
  if (images.length > 0) doc.transact(() => putImages(doc, images));
  return doc;
}

/** Stores the new map and, for a Waymark file, its comments and votes, in one transaction. */
export async function storeImportedMap(db: WaymarkDB, doc: Y.Doc, journey: Journey, feedback?: ImportedFeedback): Promise<void> {
  await saveNewMap(db, doc, { thumbnail: renderThumbnailSvg(journey), ...(feedback ? { feedback: feedbackToDoc(feedback) } : {}) });
}
