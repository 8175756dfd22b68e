import type { CardImage } from '../model/images';
import type { Journey } from '../model/types';
import type { MapFile } from '../schema/file';
import { issue, type FileIssue } from '../schema/issues';
import { checkReferences } from '../schema/references';
import { FORMAT_VERSION } from '../schema/migrate';
import { mapFileSchemaV5 } from '../schema/v5';

/**
 * What every importer returns, and the two steps they all share: catching a throw, and the
 * final check against the file format. Apart from import.ts so that importers other than the
 * dispatcher (importOjf.ts) can use them without importing the dispatcher that imports them.
 */

export type ImportFormat = 'waymark' | 'csv' | 'ojf';

/** A map file's comments, vote rounds and dots, as they go into the new map's feedback doc. */
export type ImportedFeedback = MapFile['feedback'];

export type ImportOutcome =
  | { ok: true; journey: Journey; format: ImportFormat; feedback?: ImportedFeedback; /** a Waymark file's card images (checked) */ images?: CardImage[] }
  | { ok: false; issues: FileIssue[] };

export interface ImportOptions {
  /** the title for formats that carry none (CSV, an untitled .ojf); default from the file name */
  title?: string;
  /** the new map's creation time; default now */
  now?: Date;
  /** id source, for reproducible tests; default random ids */
  makeId?: () => string;
  mapId?: string;
}

/** Runs an importer; a throw (a bug, or the engine running out of stack) becomes an issue. */
export function guard(run: () => ImportOutcome): ImportOutcome {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [issue([], `could not be read: ${reason.slice(0, 200)}`)] };
  }
}

/**
 * The last check before an importer hands over a journey: the file format's own schema and
 * reference checks, so an imported map is always one that exports and imports again.
 */
export function finish(journey: Journey, format: ImportFormat): ImportOutcome {
  const parsed = mapFileSchemaV5.safeParse({ format: 'waymark', version: FORMAT_VERSION, journey });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 200).map((i) => issue(i.path, i.message)) };
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, journey: parsed.data.journey, format };
}
