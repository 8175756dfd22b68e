import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { isWellFormedId, newId } from '../ids';
import { LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import { readLibraryPersona, readMapEntry, spaceIndexMaps, spaceRecord, type SpaceRecord } from './doc';
import { SPACE_LIMITS, type LibraryPersona, type SpaceMapEntry } from './types';
import {
  boundedText,
  colorOf,
  countOf,
  emotionOf,
  entryPersonas,
  entryPhases,
  MAX_CARD_COUNT,
  MAX_STAGE_COUNT,
  orderKeyOf,
  personaList,
  tagList,
  thumbnailOf,
  timeOf,
} from './values';

/**
 * The changes anyone makes to a space's index. Each is one transaction, clamps what it writes to
 * SPACE_LIMITS (values.ts, the same rules the reader applies) and writes only the fields whose
 * value differs: every member's device reports the maps it has open to the index again and
 * again, and a report that changes nothing must add nothing to the document (which every
 * member syncs and keeps) nor wake every other member's library.
 *
 * Entries are records under their id, one key per field, so two members changing different
 * fields of one map at the same moment (one archives it, one renames it) both keep their change;
 * the same field resolves to one value on every replica (Yjs's last-writer rule).
 */

/** Whether two field values are the same (lists item by item). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/**
 * Writes `value` under `key` unless the record already reads as that value (`current`, what the
 * forgiving reader makes of the record): a missing `archived` is already false, and writing it
 * would only add bytes.
 */
function writeIfChanged(record: SpaceRecord, current: object, key: string, value: unknown): void {
  if (sameValue((current as Record<string, unknown>)[key], value)) return;
  record.set(key, value);
}

/** Renames the space; false when the name is already that. */
export function renameSpace(doc: Y.Doc, name: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const { meta } = spaceIndexMaps(doc);
  const next = boundedText(name, SPACE_LIMITS.name);
  if (meta.get('name') === next) return false;
  doc.transact(() => meta.set('name', next), origin);
  return true;
}

// ------------------------------------------------------------------ maps

/** An entry's fields other than id, clamped as the reader would read them; only those given. */
function clampEntry(entry: Partial<SpaceMapEntry>): Partial<Omit<SpaceMapEntry, 'id'>> {
  const out: Partial<Omit<SpaceMapEntry, 'id'>> = {};
  if (entry.title !== undefined) out.title = boundedText(entry.title, SPACE_LIMITS.mapTitle);
  if (entry.updatedAt !== undefined) out.updatedAt = timeOf(entry.updatedAt);
  if (entry.updatedBy !== undefined) out.updatedBy = boundedText(entry.updatedBy, SPACE_LIMITS.updatedBy);
  if (entry.createdAt !== undefined) out.createdAt = timeOf(entry.createdAt);
  if (entry.thumbnail !== undefined) out.thumbnail = thumbnailOf(entry.thumbnail);
  if (entry.personas !== undefined) out.personas = entryPersonas(entry.personas);
  if (entry.phases !== undefined) out.phases = entryPhases(entry.phases);
  if (entry.tags !== undefined) out.tags = tagList(entry.tags);
  if (entry.archived !== undefined) out.archived = entry.archived === true;
  if (entry.stageCount !== undefined) out.stageCount = countOf(entry.stageCount, MAX_STAGE_COUNT);
  if (entry.cardCount !== undefined) out.cardCount = countOf(entry.cardCount, MAX_CARD_COUNT);
  if (entry.emotion !== undefined) out.emotion = emotionOf(entry.emotion);
  return out;
}

/**
 * Adds a map to the index or updates its entry with the fields given (a device's report of a map
 * it has open: `mapEntryFromJourney`). `createdAt` is the first writer's: given or now for a new
 * entry, never changed after. `updatedAt` only moves forward, and `updatedBy` moves with it, so
 * a device reporting an older state after a week offline does not make the map look untouched
 * since then. False when the id is no map id, or the index already holds SPACE_LIMITS.maps
 * entries and this one is new.
 *
 * Two members adding the same new map at the same moment each create its record; one record
 * wins whole on every replica (Yjs keeps one value per key), which is harmless because both
 * reported the same map and the next report fills in whatever the other carried.
 */
export function putMapEntry(doc: Y.Doc, entry: Partial<SpaceMapEntry> & { id: string }, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!isWellFormedId(entry.id)) return false;
  const { maps } = spaceIndexMaps(doc);
  const fields = clampEntry(entry);
  const existing = spaceRecord(maps, entry.id);
  if (!existing) {
    if (maps.size >= SPACE_LIMITS.maps) return false;
    const record = new Y.Map<unknown>();
    const createdAt = fields.createdAt || fields.updatedAt || Date.now();
    for (const [key, value] of Object.entries({ ...fields, createdAt })) record.set(key, value);
    doc.transact(() => maps.set(entry.id, record), origin);
    return true;
  }
  const current = readMapEntry(entry.id, existing)!;
  doc.transact(() => {
    const { createdAt, updatedAt, updatedBy, ...rest } = fields;
    if (createdAt !== undefined && current.createdAt === 0 && createdAt > 0) writeIfChanged(existing, current, 'createdAt', createdAt);
    if (updatedAt !== undefined) {
      if (updatedAt > current.updatedAt) {
        writeIfChanged(existing, current, 'updatedAt', updatedAt);
        if (updatedBy !== undefined) writeIfChanged(existing, current, 'updatedBy', updatedBy);
      }
    } else if (updatedBy !== undefined) writeIfChanged(existing, current, 'updatedBy', updatedBy);
    for (const [key, value] of Object.entries(rest)) writeIfChanged(existing, current, key, value);
  }, origin);
  return true;
}

/** Archives or restores a map in the library (its entry and the map stay); false when the index has no such map. */
export function setMapArchived(doc: Y.Doc, mapId: string, archived: boolean, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = spaceRecord(spaceIndexMaps(doc).maps, mapId);
  const current = readMapEntry(mapId, record);
  if (!record || !current) return false;
  if (current.archived !== (archived === true)) doc.transact(() => record.set('archived', archived === true), origin);
  return true;
}

/** Sets a map's tags (trimmed, one per spelling regardless of case, cut to SPACE_LIMITS); false when the index has no such map. */
export function setMapTags(doc: Y.Doc, mapId: string, tags: readonly string[], origin: unknown = LOCAL_ORIGIN): boolean {
  const record = spaceRecord(spaceIndexMaps(doc).maps, mapId);
  const current = readMapEntry(mapId, record);
  if (!record || !current) return false;
  const next = tagList(tags);
  if (!sameValue(current.tags, next)) doc.transact(() => record.set('tags', next), origin);
  return true;
}

/** Takes a map's entry out of the index; false when there was none. */
export function removeMapEntry(doc: Y.Doc, mapId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const { maps } = spaceIndexMaps(doc);
  if (!maps.has(mapId)) return false;
  doc.transact(() => maps.delete(mapId), origin);
  return true;
}

// ------------------------------------------------------------------ persona library

export type LibraryPersonaPatch = Partial<Omit<LibraryPersona, 'id' | 'order'>>;
export type LibraryPersonaDraft = LibraryPersonaPatch & { name: string };

/** The patch's fields clamped to the persona limits maps use (LIMITS), only those given. */
function clampPersona(patch: LibraryPersonaPatch): LibraryPersonaPatch {
  const out: LibraryPersonaPatch = {};
  if (patch.name !== undefined) out.name = boundedText(patch.name, LIMITS.name);
  if (patch.role !== undefined) out.role = boundedText(patch.role, LIMITS.name);
  if (patch.age !== undefined) out.age = boundedText(patch.age, LIMITS.personaAge);
  if (patch.quote !== undefined) out.quote = boundedText(patch.quote, LIMITS.personaText);
  if (patch.goals !== undefined) out.goals = personaList(patch.goals);
  if (patch.frustrations !== undefined) out.frustrations = personaList(patch.frustrations);
  if (patch.color !== undefined) out.color = colorOf(patch.color);
  return out;
}

/** Every library persona's (id, order), sorted by order then id, leaving `excludeId` out. */
function librarySiblings(personas: Y.Map<unknown>, excludeId?: string): { id: string; order: string }[] {
  const out: { id: string; order: string }[] = [];
  personas.forEach((value, id) => {
    if (id === excludeId || !isWellFormedId(id) || !(value instanceof Y.Map)) return;
    out.push({ id, order: orderKeyOf(value.get('order')) });
  });
  return out.sort((a, b) => (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A key between two others, or null where fractional-indexing has none: a peer can write valid
 * keys at the very ends of its range ("A000…" or "zzz…"), past which it throws.
 */
function keyBetween(lower: string | null, upper: string | null): string | null {
  try {
    return generateKeyBetween(lower, upper);
  } catch {
    return null;
  }
}

/**
 * Adds a persona at the end of the library and returns its id; null when the library already
 * holds SPACE_LIMITS.libraryPersonas. Two members adding at the same moment may pick the same
 * order key; the id breaks the tie, so the order is still one total order on every replica.
 */
export function addLibraryPersona(doc: Y.Doc, draft: LibraryPersonaDraft, origin: unknown = LOCAL_ORIGIN): string | null {
  const { personas } = spaceIndexMaps(doc);
  const siblings = librarySiblings(personas);
  if (siblings.length >= SPACE_LIMITS.libraryPersonas) return null;
  const order = keyBetween(siblings.at(-1)?.order ?? null, null);
  if (order === null) return null;
  const id = newId();
  const fields = clampPersona({ role: '', age: '', quote: '', goals: [], frustrations: [], ...draft, color: colorOf(draft.color) });
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) record.set(key, value);
  record.set('order', order);
  doc.transact(() => personas.set(id, record), origin);
  return id;
}

/** Changes the fields given of a library persona (every map using it shows the change); false when there is no such persona. */
export function updateLibraryPersona(doc: Y.Doc, id: string, patch: LibraryPersonaPatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = spaceRecord(spaceIndexMaps(doc).personas, id);
  const current = readLibraryPersona(id, record);
  if (!record || !current) return false;
  const changed = Object.entries(clampPersona(patch)).filter(([key, value]) => value !== undefined && !sameValue((current as unknown as Record<string, unknown>)[key], value));
  if (changed.length > 0) doc.transact(() => changed.forEach(([key, value]) => record.set(key, value)), origin);
  return true;
}

/**
 * Moves a library persona just before `beforeId`, or to the end with null: one write of its
 * order key, so two members moving it at the same moment leave it in one place. The key falls
 * strictly between the nearest lower key and `beforeId`'s, so it lands before `beforeId` even
 * where concurrent adds left equal keys. False when either persona is missing (a peer deleted it)
 * or they are the same.
 */
export function moveLibraryPersona(doc: Y.Doc, id: string, beforeId: string | null, origin: unknown = LOCAL_ORIGIN): boolean {
  const { personas } = spaceIndexMaps(doc);
  const record = spaceRecord(personas, id);
  if (!record || !isWellFormedId(id) || id === beforeId) return false;
  const siblings = librarySiblings(personas, id);
  let order: string | null;
  if (beforeId === null) {
    order = keyBetween(siblings.at(-1)?.order ?? null, null);
  } else {
    const target = siblings.find((s) => s.id === beforeId);
    if (!target) return false;
    const lower = siblings.filter((s) => s.order < target.order).at(-1)?.order ?? null;
    order = keyBetween(lower, target.order);
  }
  if (order === null) return false;
  doc.transact(() => record.set('order', order), origin);
  return true;
}

/** Deletes a library persona; maps that used it keep their own copy (their persona's libraryId then names nothing). False when there was none. */
export function deleteLibraryPersona(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const { personas } = spaceIndexMaps(doc);
  if (!personas.has(id)) return false;
  doc.transact(() => personas.delete(id), origin);
  return true;
}
