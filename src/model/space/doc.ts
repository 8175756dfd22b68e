import * as Y from 'yjs';
import { isWellFormedId } from '../ids';
import { LIMITS } from '../limits';
import { compareOrdered } from '../order';
import { SPACE_LIMITS, type LibraryPersona, type SpaceIndex, type SpaceMapEntry } from './types';
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
 * The shape of a space's index document and the one forgiving way to read it (the shape is
 * described in types.ts). Every member of a space writes this document, so nothing in it is
 * trusted: a value of the wrong type reads as its default, a string or list past SPACE_LIMITS is
 * cut, an entry under a key that is no map id, or that is not a record, is skipped. Reading
 * never throws, and every replica that holds the same updates reads the same index (each sort
 * ends on the id), which is what the library, its filters and the persona page rely on.
 */

export type SpaceRecord = Y.Map<unknown>;

export interface SpaceIndexMaps {
  meta: Y.Map<unknown>;
  maps: Y.Map<unknown>;
  personas: Y.Map<unknown>;
}

/** The document's three top-level maps (created on first use, as Yjs does). */
export function spaceIndexMaps(doc: Y.Doc): SpaceIndexMaps {
  return { meta: doc.getMap('meta'), maps: doc.getMap('maps'), personas: doc.getMap('personas') };
}

/** The record stored under `id`, or undefined when there is none or a peer stored something else there. */
export function spaceRecord(map: Y.Map<unknown>, id: string): SpaceRecord | undefined {
  const value = map.get(id);
  return value instanceof Y.Map ? value : undefined;
}

/**
 * Gives a new space's index its name. Only the device that creates the space calls it, on an
 * empty document; on one that has a name already (synced before this ran) it changes nothing,
 * so a late call never renames a space someone named since — renameSpace does that.
 */
export function initSpaceIndex(doc: Y.Doc, name: string, origin: unknown = null): void {
  const { meta } = spaceIndexMaps(doc);
  if (typeof meta.get('name') === 'string') return;
  doc.transact(() => meta.set('name', boundedText(name, SPACE_LIMITS.name)), origin);
}

/** One map's entry as stored under `id`, read forgivingly; null when the key is no map id or the value no record. */
export function readMapEntry(id: string, value: unknown): SpaceMapEntry | null {
  if (!isWellFormedId(id) || !(value instanceof Y.Map)) return null;
  const r = value as SpaceRecord;
  return {
    id,
    title: boundedText(r.get('title'), SPACE_LIMITS.mapTitle),
    updatedAt: timeOf(r.get('updatedAt')),
    updatedBy: boundedText(r.get('updatedBy'), SPACE_LIMITS.updatedBy),
    createdAt: timeOf(r.get('createdAt')),
    thumbnail: thumbnailOf(r.get('thumbnail')),
    personas: entryPersonas(r.get('personas')),
    phases: entryPhases(r.get('phases')),
    tags: tagList(r.get('tags')),
    archived: r.get('archived') === true,
    stageCount: countOf(r.get('stageCount'), MAX_STAGE_COUNT),
    cardCount: countOf(r.get('cardCount'), MAX_CARD_COUNT),
    emotion: emotionOf(r.get('emotion')),
  };
}

/** One library persona as stored under `id`, read forgivingly; null when the key is no id or the value no record. */
export function readLibraryPersona(id: string, value: unknown): LibraryPersona | null {
  if (!isWellFormedId(id) || !(value instanceof Y.Map)) return null;
  const r = value as SpaceRecord;
  return {
    id,
    name: boundedText(r.get('name'), LIMITS.name),
    role: boundedText(r.get('role'), LIMITS.name),
    age: boundedText(r.get('age'), LIMITS.personaAge),
    quote: boundedText(r.get('quote'), LIMITS.personaText),
    goals: personaList(r.get('goals')),
    frustrations: personaList(r.get('frustrations')),
    color: colorOf(r.get('color')),
    order: orderKeyOf(r.get('order')),
  };
}

/** Most recently updated first; the same time sorts by id, so every replica lists the same order. */
export function compareMapEntries(a: SpaceMapEntry, b: SpaceMapEntry): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The whole index as plain data: maps most recently updated first, personas in library order.
 * Past SPACE_LIMITS.maps (or .libraryPersonas) entries, the ones a peer pushed in beyond it are
 * left out after sorting, the same ones on every replica.
 */
export function readSpaceIndex(doc: Y.Doc): SpaceIndex {
  const { meta, maps, personas } = spaceIndexMaps(doc);
  const entries: SpaceMapEntry[] = [];
  maps.forEach((value, id) => {
    const entry = readMapEntry(id, value);
    if (entry) entries.push(entry);
  });
  entries.sort(compareMapEntries);
  const library: LibraryPersona[] = [];
  personas.forEach((value, id) => {
    const persona = readLibraryPersona(id, value);
    if (persona) library.push(persona);
  });
  library.sort(compareOrdered);
  return {
    name: boundedText(meta.get('name'), SPACE_LIMITS.name),
    maps: entries.slice(0, SPACE_LIMITS.maps),
    personas: library.slice(0, SPACE_LIMITS.libraryPersonas),
  };
}
