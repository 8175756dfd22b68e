import type * as Y from 'yjs';
import { readSpaceArchive, remapJourney, writeSpaceArchive, type SpaceArchive } from '../export/spaceArchive';
import { journeyToDoc } from '../model/doc';
import { newMapId } from '../model/ids';
import { putImages } from '../model/images';
import { readSpaceIndex } from '../model/space/doc';
import { addLibraryPersona, putMapEntry } from '../model/space/ops';
import { mapEntryFromJourney } from '../model/space/entryFromJourney';
import type { Journey } from '../model/types';
import { feedbackToDoc, toJSON, type MapFile } from '../schema/file';
import { describeIssue } from '../schema/issues';

/**
 * Files for a whole space (issue 16), the app's side: loaded on demand by SpaceHub's
 * `exportSpace` and `importSpace` (src/app/spaceHub.ts), so the file schema, zod and the zip code
 * stay out of the first load. The format is src/export/spaceArchive.ts. The device's storage
 * comes in as `DeviceMaps` (the hub passes `deviceMaps(db)`), so this chunk imports nothing that
 * only the first load holds.
 */

/** What the space files need of this device's storage. */
export interface DeviceMaps {
  /** a stored doc (a map, or a map's feedback under `feedbackKey`), null when there is none */
  load(key: string): Promise<Y.Doc | null>;
  feedbackKey(mapId: string): string;
  /** whether this device has a map (in the library or the bin) of this id */
  has(mapId: string): Promise<boolean>;
  /** stores a new map with its feedback and thumbnail */
  save(doc: Y.Doc, feedback: Y.Doc, thumbnail: string): Promise<void>;
  thumbnail(journey: Journey): string;
}

/** The space's archive from what this device holds: each map of the index stored here, with its feedback doc. */
export async function buildSpaceArchive(device: DeviceMaps, index: Y.Doc, fallbackName: string): Promise<Uint8Array> {
  const read = readSpaceIndex(index);
  const maps: MapFile[] = [];
  for (const entry of read.maps) {
    const doc = await device.load(entry.id).catch(() => null);
    if (!doc) continue;
    const feedback = await device.load(device.feedbackKey(entry.id)).catch(() => null);
    try {
      // a map never synced here has no content yet: nothing to write
      if (doc.getMap('meta').get('id') === entry.id) maps.push(toJSON(doc, feedback ?? undefined));
    } finally {
      doc.destroy();
      feedback?.destroy();
    }
  }
  return writeSpaceArchive({ name: read.name || fallbackName, exportedAt: new Date(), index: read.maps, personas: read.personas, maps });
}

export type ReadArchive = { ok: true; archive: SpaceArchive } | { ok: false; problems: string[] };

export function readArchive(bytes: Uint8Array): ReadArchive {
  const result = readSpaceArchive(bytes);
  return result.ok ? result : { ok: false, problems: result.issues.map(describeIssue) };
}

/**
 * Fills a new space's index from an archive and stores its maps on this device. Library personas
 * get new ids in the new index; maps keep theirs where this device has no map of that id, else
 * get new ones; drill-down links and persona links follow (remapJourney). Each index entry keeps
 * the archive's title, times, who, tags and archived flag. Returns the maps' ids for registration.
 */
export async function fillImportedSpace(device: DeviceMaps, index: Y.Doc, archive: SpaceArchive): Promise<string[]> {
  const personaIds = new Map<string, string>();
  for (const persona of archive.manifest.personas) {
    const { id, order: _order, ...fields } = persona;
    const added = addLibraryPersona(index, fields);
    if (added) personaIds.set(id, added);
  }
  const mapIds = new Map<string, string>();
  for (const { id } of archive.maps) {
    const taken = await device.has(id).catch(() => false);
    mapIds.set(id, taken ? newMapId() : id);
  }
  const entries = new Map(archive.manifest.index.map((entry) => [entry.id, entry]));
  const ids: string[] = [];
  for (const { id, file } of archive.maps) {
    const journey: Journey = remapJourney(file.journey, mapIds, personaIds);
    const doc = journeyToDoc(journey);
    if (file.images.length > 0) doc.transact(() => putImages(doc, file.images));
    const feedback = feedbackToDoc(file.feedback);
    const thumbnail = device.thumbnail(journey);
    try {
      await device.save(doc, feedback, thumbnail);
    } finally {
      doc.destroy();
      feedback.destroy();
    }
    const entry = entries.get(id)!;
    putMapEntry(index, {
      ...mapEntryFromJourney(journey, { now: entry.updatedAt || Date.now(), by: entry.updatedBy, thumbnail }),
      createdAt: entry.createdAt,
      tags: entry.tags,
      archived: entry.archived,
    });
    ids.push(journey.id);
  }
  return ids;
}
