import * as z from 'zod';
import { ID_MAX_LENGTH, isWellFormedId } from '../model/ids';
import { LIMITS } from '../model/limits';
import { SPACE_LIMITS, type LibraryPersona, type SpaceMapEntry } from '../model/space/types';
import { issue, type FileIssue } from './issues';

/**
 * A space export's `space.json` (issue 16, "files for a whole space"): the space's name, when it
 * was written, the index as the library lists it (each map's entry without its thumbnail, which
 * is drawn again from the map) and the persona library. The maps themselves are Waymark map files
 * beside it in the zip (src/export/spaceArchive.ts, `maps/<mapId>.waymark.json`).
 *
 * A file is hostile input: every string and list is bounded by SPACE_LIMITS, the same bounds the
 * index document's ops apply, so what reads here can be written into a new space as it stands.
 */

export const SPACE_FORMAT = 'waymark-space';
export const SPACE_FORMAT_VERSION = 1;

/** An index entry as a space export carries it: the library's line for a map, without the thumbnail. */
export type SpaceFileEntry = Omit<SpaceMapEntry, 'thumbnail'>;

export interface SpaceManifest {
  format: typeof SPACE_FORMAT;
  version: typeof SPACE_FORMAT_VERSION;
  space: { name: string; exportedAt: string };
  index: SpaceFileEntry[];
  personas: LibraryPersona[];
}

const idSchema = z.string().max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`).refine(isWellFormedId, 'must be an id (letters, digits, _ and -)');
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const names = (maxItems: number, maxChars: number) => z.array(text(maxChars)).max(maxItems, `must have at most ${maxItems} entries`);
const time = z.number().int('must be a whole number').min(0, 'must not be negative').max(8.64e15, 'is not a time');
const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000, 'is too large');

export const spaceFileEntrySchema = z.strictObject({
  id: idSchema,
  title: text(SPACE_LIMITS.mapTitle),
  updatedAt: time,
  updatedBy: text(SPACE_LIMITS.updatedBy),
  createdAt: time,
  personas: names(SPACE_LIMITS.personasPerMap, SPACE_LIMITS.entryName),
  phases: names(SPACE_LIMITS.phasesPerMap, SPACE_LIMITS.entryName),
  tags: names(SPACE_LIMITS.tags, SPACE_LIMITS.tag),
  archived: z.boolean(),
  stageCount: count,
  cardCount: count,
  /** absent in exports from before the hierarchy's emotion summary */
  emotion: z.number().min(-3, 'must be at least -3').max(3, 'must be at most 3').nullable().default(null),
});

export const libraryPersonaSchema = z.strictObject({
  id: idSchema,
  name: text(LIMITS.name),
  role: text(LIMITS.name),
  age: text(LIMITS.personaAge),
  quote: text(LIMITS.personaText),
  goals: names(LIMITS.personaListItems, LIMITS.personaText),
  frustrations: names(LIMITS.personaListItems, LIMITS.personaText),
  color: z.string().regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a colour like #7c3aed'),
  order: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export const spaceManifestSchema = z.strictObject({
  format: z.literal(SPACE_FORMAT, { message: `must be "${SPACE_FORMAT}"` }),
  version: z.literal(SPACE_FORMAT_VERSION, { message: `must be ${SPACE_FORMAT_VERSION} (this Waymark reads space exports of version ${SPACE_FORMAT_VERSION})` }),
  space: z.strictObject({
    name: text(SPACE_LIMITS.name),
    exportedAt: z.iso.datetime({ message: 'must be a date and time (ISO 8601)' }),
  }),
  index: z.array(spaceFileEntrySchema).max(SPACE_LIMITS.maps, `must have at most ${SPACE_LIMITS.maps} maps`),
  personas: z.array(libraryPersonaSchema).max(SPACE_LIMITS.libraryPersonas, `must have at most ${SPACE_LIMITS.libraryPersonas} personas`),
});

export type SpaceManifestResult = { ok: true; manifest: SpaceManifest } | { ok: false; issues: FileIssue[] };

/**
 * Checks a parsed `space.json`: its shape, and what the shape alone cannot say — no map and no
 * persona twice. A newer version is named as such, before anything else is checked.
 */
export function parseSpaceManifest(value: unknown): SpaceManifestResult {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { format, version } = value as { format?: unknown; version?: unknown };
    if (format === SPACE_FORMAT && typeof version === 'number' && version > SPACE_FORMAT_VERSION) {
      return { ok: false, issues: [issue(['version'], `is ${version}: this space export was written by a newer Waymark (this one reads version ${SPACE_FORMAT_VERSION}); update Waymark`)] };
    }
  }
  const parsed = spaceManifestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 100).map((i) => issue(i.path, i.message)) };
  const problems: FileIssue[] = [];
  const maps = new Set<string>();
  parsed.data.index.forEach((entry, i) => {
    if (maps.has(entry.id)) problems.push(issue(['index', i, 'id'], `names map "${entry.id}" twice`));
    maps.add(entry.id);
  });
  const personas = new Set<string>();
  parsed.data.personas.forEach((persona, i) => {
    if (personas.has(persona.id)) problems.push(issue(['personas', i, 'id'], `names persona "${persona.id}" twice`));
    personas.add(persona.id);
  });
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, manifest: parsed.data as SpaceManifest };
}
