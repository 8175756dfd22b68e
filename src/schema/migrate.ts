import { issue, type FileIssue } from './issues';
import { migrateV1ToV2 } from './v1ToV2';

/** The format version this build writes, and the newest it reads. */
export const FORMAT_VERSION = 5;

/**
 * One step per version: MIGRATIONS[n] turns a version-n file into a version-(n+1) file. A file
 * is brought up to date one step at a time, so each step stays small and is written once.
 * Version 1 is the first format; the table grows when the format changes.
 */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // version 2: phases of the map's own, each with a colour and an order
  1: migrateV1ToV2,
  // version 3: blueprint, needs and senses lanes and a card's actor, all additions (v3.ts)
  2: (file) => file,
  // version 4: customer evidence and a card's confidence, both additions with defaults (v4.ts)
  3: (file) => file,
  // version 5: a card's status, owner and detail map, a stage's detail map and a persona's library link, all additions with defaults (v5.ts)
  4: (file) => file,
};

export type MigrateResult = { ok: true; file: Record<string, unknown> } | { ok: false; issues: FileIssue[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function migrate(
  value: unknown,
  table: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrateResult {
  if (!isPlainObject(value)) return { ok: false, issues: [issue([], 'is not a Waymark map file: expected a JSON object')] };
  if (value.format !== 'waymark') {
    return { ok: false, issues: [issue(['format'], 'is not a Waymark map file: expected "format": "waymark"')] };
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [issue(['version'], 'must be a whole number from 1 up')] };
  }
  if (version > target) {
    return {
      ok: false,
      issues: [
        issue(
          ['version'],
          `this file is format version ${version}, written by a newer Waymark; this version reads format versions up to ${target}. Update Waymark to open it.`,
        ),
      ],
    };
  }
  let file = value;
  for (let v = version; v < target; v++) {
    const step = table[v];
    if (!step) return { ok: false, issues: [issue(['version'], `cannot read format version ${v}: no migration to version ${v + 1}`)] };
    try {
      file = { ...step(file), version: v + 1 };
    } catch (error) {
      return { ok: false, issues: [issue(['version'], `could not migrate from format version ${v}: ${(error as Error).message}`)] };
    }
  }
  return { ok: true, file };
}
