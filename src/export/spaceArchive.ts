import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { isWellFormedId } from '../model/ids';
import { LIMITS } from '../model/limits';
import type { LibraryPersona, SpaceMapEntry } from '../model/space/types';
import type { Journey } from '../model/types';
import { parseMapFile, type MapFile } from '../schema/file';
import { formatPath, issue, type FileIssue } from '../schema/issues';
import { parseSpaceManifest, SPACE_FORMAT, SPACE_FORMAT_VERSION, type SpaceFileEntry, type SpaceManifest } from '../schema/space';
import type { MapFileV5 } from '../schema/v5';
import { readZip, type ZipLimits } from './zip';

/**
 * A whole space as one file (issue 16): a zip holding
 *
 *   space.json                  the space's name, when it was exported, its index (each map's
 *                               library entry without the thumbnail) and its persona library
 *                               (src/schema/space.ts)
 *   maps/<mapId>.waymark.json   each map as its Waymark file, exactly the map export's JSON
 *                               (src/schema/file.ts `toJSON`: journey, comments, votes, images)
 *
 * `writeSpaceArchive` writes it; `readSpaceArchive` reads one from outside, bounded (entries,
 * sizes, total uncompressed bytes, src/export/zip.ts), validating every file as the map importer
 * does and reporting each problem as `<file in the archive>: <path>: <reason>`. Nothing in an
 * archive is trusted until all of it read well.
 */

export const SPACE_ARCHIVE_EXTENSION = '.waymark-space.zip';
export const SPACE_ARCHIVE_MIME = 'application/zip';
export const MANIFEST_NAME = 'space.json';
export const mapEntryName = (mapId: string) => `maps/${mapId}.waymark.json`;
const MAP_ENTRY = /^maps\/([A-Za-z0-9_-]{1,64})\.waymark\.json$/;

/** What a space archive may be: one entry per map the index may list plus space.json, each map file within the map file limit. */
export const SPACE_ARCHIVE_LIMITS: ZipLimits = {
  archiveBytes: 256 * 1024 * 1024,
  entries: 2_001,
  entryBytes: LIMITS.fileBytes,
  totalBytes: 512 * 1024 * 1024,
};

export interface SpaceArchiveInput {
  name: string;
  exportedAt: Date;
  index: readonly SpaceMapEntry[];
  personas: readonly LibraryPersona[];
  /** the map files, each `toJSON(doc, feedback)`; maps of the index this device does not hold are left out of both */
  maps: readonly MapFile[];
}

/** The index entry as an archive carries it (no thumbnail: it is drawn again from the map). */
export function fileEntry(entry: SpaceMapEntry): SpaceFileEntry {
  const { thumbnail: _thumbnail, ...rest } = entry;
  return rest;
}

export function writeSpaceArchive(input: SpaceArchiveInput): Uint8Array {
  const held = new Set(input.maps.map((file) => file.journey.id));
  const manifest: SpaceManifest = {
    format: SPACE_FORMAT,
    version: SPACE_FORMAT_VERSION,
    space: { name: input.name, exportedAt: input.exportedAt.toISOString() },
    index: input.index.filter((entry) => held.has(entry.id)).map(fileEntry),
    personas: input.personas.map((p) => ({ ...p, goals: [...p.goals], frustrations: [...p.frustrations] })),
  };
  const mtime = input.exportedAt;
  const files: Zippable = { [MANIFEST_NAME]: [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }] };
  for (const file of input.maps) files[mapEntryName(file.journey.id)] = [strToU8(`${JSON.stringify(file, null, 2)}\n`), { mtime }];
  return zipSync(files, { level: 6 });
}

export interface ArchivedMap {
  id: string;
  /** the checked map file (journey, feedback, images) */
  file: MapFileV5;
}

export interface SpaceArchive {
  manifest: SpaceManifest;
  /** in the index's order */
  maps: ArchivedMap[];
}

export type SpaceArchiveResult = { ok: true; archive: SpaceArchive } | { ok: false; issues: FileIssue[] };

/** `maps/abc.waymark.json` + `journey.cards[3].emotion` → the path printed for a problem inside an archive. */
const within = (file: string, problem: FileIssue): FileIssue => ({ ...problem, path: problem.path === '(file)' ? file : `${file}: ${problem.path}` });

/** Reads and checks a space export. Never throws; any problem leaves the result `ok: false` with every problem found. */
export function readSpaceArchive(bytes: Uint8Array): SpaceArchiveResult {
  try {
    return readChecked(bytes);
  } catch (error) {
    return { ok: false, issues: [issue([], `could not be read: ${(error as Error).message}`)] };
  }
}

function readChecked(bytes: Uint8Array): SpaceArchiveResult {
  const zip = readZip(bytes, SPACE_ARCHIVE_LIMITS);
  if (!zip.ok) return { ok: false, issues: [{ path: zip.path, message: zip.message }] };
  const problems: FileIssue[] = [];
  let manifestBytes: Uint8Array | null = null;
  const mapBytes = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    if (entry.name === MANIFEST_NAME) {
      manifestBytes = entry.data;
      continue;
    }
    const id = MAP_ENTRY.exec(entry.name)?.[1];
    if (id === undefined || !isWellFormedId(id)) {
      problems.push({ path: entry.name, message: 'is not part of a space export (expected space.json and maps/<map id>.waymark.json)' });
      continue;
    }
    mapBytes.set(id, entry.data);
  }
  if (manifestBytes === null) return { ok: false, issues: [...problems, { path: MANIFEST_NAME, message: 'is missing: this is not a Waymark space export' }] };

  const manifestValue = parseJson(manifestBytes);
  if (!manifestValue.ok) return { ok: false, issues: [...problems, within(MANIFEST_NAME, manifestValue.issue)] };
  const read = parseSpaceManifest(manifestValue.value);
  if (!read.ok) return { ok: false, issues: [...problems, ...read.issues.map((p) => within(MANIFEST_NAME, p))] };
  const manifest = read.manifest;

  const listed = new Set(manifest.index.map((entry) => entry.id));
  for (const id of mapBytes.keys()) {
    if (!listed.has(id)) problems.push({ path: mapEntryName(id), message: 'is a map the index (space.json) does not list' });
  }
  const maps: ArchivedMap[] = [];
  manifest.index.forEach((entry, i) => {
    const name = mapEntryName(entry.id);
    const data = mapBytes.get(entry.id);
    if (!data) {
      problems.push(within(MANIFEST_NAME, issue(['index', i, 'id'], `names map "${entry.id}" but the archive has no ${name}`)));
      return;
    }
    let text: string;
    try {
      text = strFromU8(data);
    } catch {
      problems.push({ path: name, message: 'is not UTF-8 text' });
      return;
    }
    const result = parseMapFile(text);
    if (!result.ok) {
      problems.push(...result.issues.slice(0, 50).map((p) => within(name, p)));
      return;
    }
    result.doc.destroy();
    result.feedback.destroy();
    if (result.file.journey.id !== entry.id) {
      problems.push({ path: `${name}: ${formatPath(['journey', 'id'])}`, message: `is "${result.file.journey.id}" but the file is named for map "${entry.id}"` });
      return;
    }
    maps.push({ id: entry.id, file: result.file });
  });
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, archive: { manifest, maps } };
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; issue: FileIssue } {
  try {
    const text = strFromU8(bytes);
    if (text.trim() === '') return { ok: false, issue: issue([], 'is empty') };
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: issue([], `is not valid JSON: ${(error as Error).message}`) };
  }
}

/** What an archive holds, as `waymark space validate` and the import dialog say it. */
export function archiveSummary(archive: SpaceArchive): { name: string; maps: number; cards: number; personas: number } {
  return {
    name: archive.manifest.space.name,
    maps: archive.maps.length,
    cards: archive.maps.reduce((sum, m) => sum + m.file.journey.cards.length, 0),
    personas: archive.manifest.personas.length,
  };
}

/**
 * A map of the archive with its ids moved to the new space's: its own id, the maps its stages
 * and cards drill down to and the library personas its personas follow, each through the maps
 * given (an id the maps do not name — a link to a map that was not exported — stays as it was).
 */
export function remapJourney(journey: Journey, mapIds: ReadonlyMap<string, string>, personaIds: ReadonlyMap<string, string>): Journey {
  const map = (id: string | null) => (id === null ? null : (mapIds.get(id) ?? id));
  return {
    ...journey,
    id: mapIds.get(journey.id) ?? journey.id,
    stages: journey.stages.map((s) => (s.detailMapId === null ? s : { ...s, detailMapId: map(s.detailMapId) })),
    cards: journey.cards.map((c) => (c.detailMapId === null ? c : { ...c, detailMapId: map(c.detailMapId) })),
    personas: journey.personas.map((p) => (p.libraryId === null ? p : { ...p, libraryId: personaIds.get(p.libraryId) ?? p.libraryId })),
  };
}
