import type * as Y from 'yjs';
import { journeyMaps, newRecord } from '../doc';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { Persona } from '../types';
import { applyPatch, orderFor, placeAt, recordOf, siblings } from './records';

export type PersonaPatch = Partial<Pick<Persona, 'name' | 'role' | 'age' | 'quote' | 'goals' | 'frustrations' | 'color'>>;

export interface AddPersonaArgs extends PersonaPatch {
  id?: string;
  name: string;
  index?: number;
}

const DEFAULT_PERSONA_COLOR = '#7c3aed';

/** Clamps every text and list of a patch to the file format's limits (the library ops clamp with it too). */
export function clampPersona(patch: PersonaPatch): PersonaPatch {
  const list = (items: string[] | undefined) =>
    items?.slice(0, LIMITS.personaListItems).map((item) => clampText(item, LIMITS.personaText));
  return {
    ...patch,
    name: patch.name === undefined ? undefined : clampText(patch.name, LIMITS.name),
    role: patch.role === undefined ? undefined : clampText(patch.role, LIMITS.name),
    age: patch.age === undefined ? undefined : clampText(patch.age, LIMITS.personaAge),
    quote: patch.quote === undefined ? undefined : clampText(patch.quote, LIMITS.personaText),
    goals: list(patch.goals),
    frustrations: list(patch.frustrations),
    color: patch.color === undefined ? undefined : clampText(patch.color, LIMITS.color),
  };
}

export function addPersona(doc: Y.Doc, args: AddPersonaArgs, origin: unknown = LOCAL_ORIGIN): string {
  const { personas } = journeyMaps(doc);
  const id = args.id ?? newId();
  const fields = clampPersona({
    name: args.name,
    role: args.role ?? '',
    age: args.age ?? '',
    quote: args.quote ?? '',
    goals: args.goals ?? [],
    frustrations: args.frustrations ?? [],
    color: args.color ?? DEFAULT_PERSONA_COLOR,
  });
  doc.transact(() => {
    personas.set(id, newRecord({ ...fields, order: orderFor(siblings(personas, () => true), args.index) }));
  }, origin);
  return id;
}

export function updatePersona(doc: Y.Doc, id: string, patch: PersonaPatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).personas, id);
  if (!record) return false;
  const clamped = clampPersona(patch);
  doc.transact(() => applyPatch(record, clamped), origin);
  return true;
}

export function movePersona(doc: Y.Doc, id: string, index: number, origin: unknown = LOCAL_ORIGIN): boolean {
  const { personas } = journeyMaps(doc);
  const record = recordOf(personas, id);
  if (!record) return false;
  doc.transact(() => placeAt(personas, record, id, index), origin);
  return true;
}

/** Deletes a persona and takes it off every card that named it (cards stay). */
export function deletePersona(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const { personas, cards } = journeyMaps(doc);
  if (!recordOf(personas, id)) return false;
  doc.transact(() => {
    cards.forEach((card) => {
      const ids = card.get('personaIds');
      if (Array.isArray(ids) && ids.includes(id)) {
        const rest = ids.filter((p) => p !== id);
        if (rest.length) card.set('personaIds', rest);
        else card.delete('personaIds');
      }
    });
    personas.delete(id);
  }, origin);
  return true;
}
