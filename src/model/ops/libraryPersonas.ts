import * as Y from 'yjs';
import { journeyMaps, newRecord, readPersona, setField, type Record_ } from '../doc';
import { isWellFormedId, newId } from '../ids';
import { LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { LibraryPersona } from '../space/types';
import type { Persona } from '../types';
import { clampPersona, type PersonaPatch } from './personas';
import { orderFor, recordOf, siblings } from './records';

/*
 * A map's personas and the space's persona library (issue 16): a map persona taken from the
 * library keeps the library persona's id in its `libraryId` and follows it — editing the library
 * persona writes its fields into every map persona linked to it (`applyLibraryPersona`, run by
 * the app for each map of the space). The map persona stays a record of the map like any other,
 * so cards name it by its own id, it syncs, undoes, versions and exports with the map, and a map
 * opened outside the space (a guest link, a file) still shows it as it was last written.
 *
 * What follows the library: name, role, age, quote, goals, frustrations, colour
 * (`LIBRARY_PERSONA_FIELDS`). The map's order of its personas is the map's own. A library persona
 * is a peer's data like any other: its texts are clamped to the map's limits and a colour that is
 * not a hex is not taken (the map file accepts only hex colours, and a map must always export).
 */

/** The fields a linked map persona takes from its library persona. */
export const LIBRARY_PERSONA_FIELDS = ['name', 'role', 'age', 'quote', 'goals', 'frustrations', 'color'] as const;
export type LibraryPersonaField = (typeof LIBRARY_PERSONA_FIELDS)[number];

/** What the ops read of a library persona: its id and the fields a map persona follows. */
export type LibraryPersonaSource = Pick<LibraryPersona, 'id' | LibraryPersonaField>;

/** Whether a map persona shows anything other than its library persona in the fields it follows (lists item by item). */
export function differsFromLibrary(persona: Pick<Persona, LibraryPersonaField>, source: LibraryPersonaSource): boolean {
  return LIBRARY_PERSONA_FIELDS.some((field) => {
    const mine = persona[field];
    const theirs = source[field];
    return Array.isArray(mine) && Array.isArray(theirs) ? mine.join('\n') !== theirs.join('\n') : mine !== theirs;
  });
}

const HEX_COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The library persona's fields as a map persona stores them: clamped, lists copied, a non-hex colour left out. */
function libraryFields(source: LibraryPersonaSource): PersonaPatch {
  const color = typeof source.color === 'string' && HEX_COLOR.test(source.color) ? source.color : undefined;
  return clampPersona({
    name: text(source.name),
    role: text(source.role),
    age: text(source.age),
    quote: text(source.quote),
    goals: texts(source.goals),
    frustrations: texts(source.frustrations),
    color,
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The ids of the map's personas linked to the library persona `libraryId`, in no particular order. */
export function linkedPersonaIds(doc: Y.Doc, libraryId: string): string[] {
  const ids: string[] = [];
  journeyMaps(doc).personas.forEach((record, id) => {
    if (record instanceof Y.Map && readPersona(id, record).libraryId === libraryId) ids.push(id);
  });
  return ids;
}

/** The fields of `patch` that differ from the persona as it reads now. */
function changedFields(current: Persona, patch: PersonaPatch): [LibraryPersonaField, unknown][] {
  const out: [LibraryPersonaField, unknown][] = [];
  for (const key of LIBRARY_PERSONA_FIELDS) {
    const value = patch[key];
    if (value !== undefined && !sameValue(current[key], value)) out.push([key, value]);
  }
  return out;
}

/**
 * Writes the library persona's fields into every persona of the map linked to it: one
 * transaction (one undo step), only the fields that differ, nothing at all when every linked
 * persona already says the same (so applying a library twice, or on every sync, costs nothing
 * and adds no undo step). Personas not linked to it are never touched. Returns whether anything
 * changed.
 */
export function applyLibraryPersona(doc: Y.Doc, libraryPersona: LibraryPersonaSource, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!isWellFormedId(libraryPersona.id)) return false;
  const { personas } = journeyMaps(doc);
  const patch = libraryFields(libraryPersona);
  const writes: { record: Record_; fields: [LibraryPersonaField, unknown][] }[] = [];
  for (const id of linkedPersonaIds(doc, libraryPersona.id)) {
    const record = recordOf(personas, id);
    if (!record) continue;
    const fields = changedFields(readPersona(id, record), patch);
    if (fields.length > 0) writes.push({ record, fields });
  }
  if (writes.length === 0) return false;
  doc.transact(() => {
    for (const { record, fields } of writes) for (const [key, value] of fields) setField(record, key, Array.isArray(value) ? [...value] : value);
  }, origin);
  return true;
}

/**
 * Takes a library persona into the map as a linked copy and returns its id. When the map has a
 * persona linked to it already, that one is brought up to date and returned: no second copy. A
 * new copy gets the library persona's id as its own where the map has no record under it, so
 * two people taking the same persona at once write one record (the last writer's fields win,
 * both the same library's) instead of two copies; else a new id. Null, and nothing written, when
 * the map holds its most personas already (`LIMITS.personas`: the file could not hold another).
 */
export function addPersonaFromLibrary(doc: Y.Doc, libraryPersona: LibraryPersonaSource, origin: unknown = LOCAL_ORIGIN): string | null {
  if (!isWellFormedId(libraryPersona.id)) throw new RangeError(`a library persona's id must be an id, got ${String(libraryPersona.id)}`);
  const linked = linkedPersonaIds(doc, libraryPersona.id).sort();
  if (linked.length > 0) {
    applyLibraryPersona(doc, libraryPersona, origin);
    return linked[0]!;
  }
  const { personas } = journeyMaps(doc);
  if (siblings(personas, () => true).length >= LIMITS.personas) return null;
  const id = personas.has(libraryPersona.id) ? newId() : libraryPersona.id;
  const fields = libraryFields(libraryPersona);
  doc.transact(() => {
    personas.set(
      id,
      newRecord({
        name: fields.name ?? '',
        role: fields.role ?? '',
        age: fields.age ?? '',
        quote: fields.quote ?? '',
        goals: fields.goals ?? [],
        frustrations: fields.frustrations ?? [],
        color: fields.color ?? DEFAULT_LIBRARY_COPY_COLOR,
        order: orderFor(siblings(personas, () => true), undefined),
        libraryId: libraryPersona.id,
      }),
    );
  }, origin);
  return id;
}

/** The colour of a copy whose library persona has none a map can keep. */
const DEFAULT_LIBRARY_COPY_COLOR = '#7c3aed';

/**
 * Links a persona of the map to a library persona and brings it up to date, in one transaction
 * (a map persona the team then put into the library, say). Returns false when the persona is gone.
 */
export function linkPersona(doc: Y.Doc, personaId: string, libraryPersona: LibraryPersonaSource, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!isWellFormedId(libraryPersona.id)) throw new RangeError(`a library persona's id must be an id, got ${String(libraryPersona.id)}`);
  const record = recordOf(journeyMaps(doc).personas, personaId);
  if (!record) return false;
  const fields = changedFields(readPersona(personaId, record), libraryFields(libraryPersona));
  doc.transact(() => {
    setField(record, 'libraryId', libraryPersona.id);
    for (const [key, value] of fields) setField(record, key, Array.isArray(value) ? [...value] : value);
  }, origin);
  return true;
}

/**
 * The persona stops following the library: it keeps its fields as they are and becomes the map's
 * own. Returns whether it was linked (false, and no undo step, when it was not or is gone).
 */
export function unlinkPersona(doc: Y.Doc, personaId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).personas, personaId);
  if (!record || !record.has('libraryId')) return false;
  doc.transact(() => setField(record, 'libraryId', null), origin);
  return true;
}
