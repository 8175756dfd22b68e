import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journeyMaps, readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import {
  addPersona,
  addPersonaFromLibrary,
  applyLibraryPersona,
  deletePersona,
  differsFromLibrary,
  linkPersona,
  linkedPersonaIds,
  unlinkPersona,
  updatePersona,
  type LibraryPersonaSource,
} from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Persona } from '../../src/model/types';
import { createUndoManager } from '../../src/model/undo';
import { fromJSON, parseMapFile, serializeMap, toJSON } from '../../src/schema';
import { ReplicaNetwork } from '../support/replicas';


/** Takes a library persona into a map that has room for it: its id. */
const take = (...args: Parameters<typeof addPersonaFromLibrary>): string => addPersonaFromLibrary(...args)!;
/*
 * The space's persona library in a map (issue 16): a map persona taken from the library follows
 * it; editing the library persona updates every map persona linked to it, and nothing else.
 */

const seed = (fallback: number) => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fallback);

const anna = (over: Partial<LibraryPersonaSource> = {}): LibraryPersonaSource => ({
  id: 'lib-anna',
  name: 'Anna',
  role: 'Regular customer',
  age: '34',
  quote: 'Just let me pay',
  goals: ['Pay fast'],
  frustrations: ['Queues'],
  color: '#0ea5e9',
  ...over,
});

function emptyMap(): Y.Doc {
  return createMapFromTemplate('blank', 'en', { createdAt: new Date('2026-06-01T00:00:00Z') });
}

const personaOf = (doc: Y.Doc, id: string): Persona => readJourney(doc).personas.find((p) => p.id === id)!;

describe('taking a persona from the library', () => {
  it('adds a linked copy with the library persona’s fields', () => {
    const doc = emptyMap();
    const id = take(doc, anna());
    expect(personaOf(doc, id)).toMatchObject({ name: 'Anna', role: 'Regular customer', age: '34', quote: 'Just let me pay', goals: ['Pay fast'], frustrations: ['Queues'], color: '#0ea5e9', libraryId: 'lib-anna' });
  });

  it('does not add a second copy when the map has one linked already: it brings that one up to date', () => {
    const doc = emptyMap();
    const first = take(doc, anna());
    const again = take(doc, anna({ role: 'Lapsed customer' }));
    expect(again).toBe(first);
    expect(readJourney(doc).personas).toHaveLength(1);
    expect(personaOf(doc, first).role).toBe('Lapsed customer');
  });

  it('adds a new copy after the old one was unlinked, and the unlinked one stays the map’s own', () => {
    const doc = emptyMap();
    const first = take(doc, anna());
    unlinkPersona(doc, first);
    const second = take(doc, anna());
    expect(second).not.toBe(first);
    expect(readJourney(doc).personas.map((p) => p.libraryId)).toEqual([null, 'lib-anna']);
  });

  it('clamps what a hostile library persona says and never takes a colour that is not a hex, so the map still exports and imports', () => {
    const doc = emptyMap();
    const id = take(doc, anna({ name: 'N'.repeat(10_000), goals: Array.from({ length: 500 }, () => 'g'.repeat(5_000)), color: 'red" onload="alert(1)' }));
    const persona = personaOf(doc, id);
    expect(persona.name).toHaveLength(LIMITS.name);
    expect(persona.goals).toHaveLength(LIMITS.personaListItems);
    expect(persona.goals.every((g) => g.length === LIMITS.personaText)).toBe(true);
    expect(persona.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(parseMapFile(serializeMap(doc)).ok).toBe(true);
  });

  it('takes none into a map that holds its most personas already, so the map still exports', () => {
    const doc = emptyMap();
    for (let i = 0; i < LIMITS.personas; i++) addPersona(doc, { name: `P${i}` });
    expect(addPersonaFromLibrary(doc, anna())).toBeNull();
    expect(readJourney(doc).personas).toHaveLength(LIMITS.personas);
    expect(parseMapFile(serializeMap(doc)).ok).toBe(true);
  });

  it('refuses a library id that could not be an id', () => {
    expect(() => take(emptyMap(), anna({ id: '../x' }))).toThrow(RangeError);
  });
});

describe('telling whether a map persona still shows its library persona', () => {
  it('a taken persona matches its library persona until a field it follows, or an item of a list, is changed', () => {
    const doc = emptyMap();
    const id = take(doc, anna());
    expect(differsFromLibrary(personaOf(doc, id), anna())).toBe(false);
    expect(differsFromLibrary(personaOf(doc, id), anna({ role: 'New customer' }))).toBe(true);
    expect(differsFromLibrary(personaOf(doc, id), anna({ goals: ['Pay fast', 'Skip the queue'] }))).toBe(true);
    expect(differsFromLibrary(personaOf(doc, id), anna({ frustrations: ['Waiting'] }))).toBe(true);
  });
});

describe('applying a library persona to a map', () => {
  function mapWithPersonas() {
    const doc = emptyMap();
    const linkedA = take(doc, anna());
    // a second map persona linked to the same library persona (a map merged from two)
    const linkedB = addPersona(doc, { name: 'Anna (old)', color: '#22c55e' });
    linkPersona(doc, linkedB, anna());
    const namesake = addPersona(doc, { name: 'Anna', role: 'Not from the library', color: '#f43f5e' });
    const other = take(doc, anna({ id: 'lib-ben', name: 'Ben' }));
    return { doc, linkedA, linkedB, namesake, other };
  }

  it('changes every persona linked to it and no other, not even one of the same name', () => {
    const { doc, linkedA, linkedB, namesake, other } = mapWithPersonas();
    const before = readJourney(doc).personas;
    expect(applyLibraryPersona(doc, anna({ name: 'Anna Schmidt', goals: ['Pay fast', 'Get a receipt by mail'] }))).toBe(true);
    for (const id of [linkedA, linkedB]) expect(personaOf(doc, id)).toMatchObject({ name: 'Anna Schmidt', goals: ['Pay fast', 'Get a receipt by mail'], libraryId: 'lib-anna' });
    expect(personaOf(doc, namesake)).toEqual(before.find((p) => p.id === namesake));
    expect(personaOf(doc, other)).toEqual(before.find((p) => p.id === other));
  });

  it('writes only the fields that differ', () => {
    const { doc, linkedA } = mapWithPersonas();
    const changed = new Set<string>();
    journeyMaps(doc).personas.observeDeep((events) => {
      for (const e of events) for (const key of e.keys.keys()) changed.add(key);
    });
    applyLibraryPersona(doc, anna({ quote: 'Let me pay and go' }));
    expect([...changed]).toEqual(['quote']);
    expect(personaOf(doc, linkedA).quote).toBe('Let me pay and go');
  });

  it('is one undo step however many personas it changed', () => {
    const { doc, linkedA, linkedB } = mapWithPersonas();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const before = readJourney(doc);
    applyLibraryPersona(doc, anna({ name: 'Anna S.', role: 'Commuter', color: '#a855f7' }));
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readJourney(doc)).toEqual(before);
    undo.redo();
    expect([personaOf(doc, linkedA).name, personaOf(doc, linkedB).name]).toEqual(['Anna S.', 'Anna S.']);
  });

  it('is idempotent: applying the same version again changes nothing and adds no undo step', () => {
    const { doc } = mapWithPersonas();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    expect(applyLibraryPersona(doc, anna({ age: '35' }))).toBe(true);
    const state = Y.encodeStateVector(doc);
    const steps = undo.undoStack.length;
    expect(applyLibraryPersona(doc, anna({ age: '35' }))).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(state);
    expect(undo.undoStack).toHaveLength(steps);
  });

  it('changes nothing in a map without a linked persona, and a persona edited in the map is brought back to the library’s fields', () => {
    const plain = emptyMap();
    addPersona(plain, { name: 'Anna' });
    expect(applyLibraryPersona(plain, anna())).toBe(false);

    const { doc, linkedA } = mapWithPersonas();
    updatePersona(doc, linkedA, { name: 'Typed over in the map' });
    expect(applyLibraryPersona(doc, anna())).toBe(true);
    expect(personaOf(doc, linkedA).name).toBe('Anna');
  });

  it('leaves an unlinked persona alone from then on, as it was', () => {
    const { doc, linkedA, linkedB } = mapWithPersonas();
    expect(unlinkPersona(doc, linkedB)).toBe(true);
    expect(unlinkPersona(doc, linkedB)).toBe(false);
    const kept = personaOf(doc, linkedB);
    applyLibraryPersona(doc, anna({ name: 'Renamed in the library' }));
    expect(personaOf(doc, linkedB)).toEqual({ ...kept, libraryId: null });
    expect(personaOf(doc, linkedA).name).toBe('Renamed in the library');
    expect(linkedPersonaIds(doc, 'lib-anna')).toEqual([linkedA]);
  });

  it('goes out to the map file and back with the link', () => {
    const { doc } = mapWithPersonas();
    const back = fromJSON(JSON.parse(serializeMap(doc)));
    if (!back.ok) throw new Error('did not import');
    expect(toJSON(back.doc)).toEqual(toJSON(doc));
    expect(applyLibraryPersona(back.doc, anna({ name: 'After import' }))).toBe(true);
  });
});

/** What one person does in the concurrent session. */
const personaStep = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('apply' as const), replica: fc.nat({ max: 2 }), library: fc.nat({ max: 1 }), version: fc.nat({ max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('edit' as const), replica: fc.nat({ max: 2 }), pick: fc.nat({ max: 5 }), name: fc.string({ maxLength: 12 }), goals: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('take' as const), replica: fc.nat({ max: 2 }), library: fc.nat({ max: 1 }), version: fc.nat({ max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('unlink' as const), replica: fc.nat({ max: 2 }), pick: fc.nat({ max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), replica: fc.nat({ max: 2 }), pick: fc.nat({ max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('undo' as const), replica: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('deliver' as const), to: fc.nat({ max: 2 }), from: fc.nat({ max: 2 }), pick: fc.nat({ max: 30 }) }) },
);

/** Library persona `library` as the space index says it in `version`. */
const libraryVersion = (library: number, version: number): LibraryPersonaSource =>
  anna({ id: `lib-${library}`, name: `Persona ${library} v${version}`, role: `Role v${version}`, goals: Array.from({ length: version % 3 }, (_, i) => `Goal ${i} v${version}`), color: version % 2 ? '#0ea5e9' : '#22c55e' });

describe('three replicas applying different library persona versions while editing the map persona', () => {
  it('converge to one map, a valid file, and once each applies the latest version every linked persona shows it', () => {
    fc.assert(
      fc.property(fc.array(personaStep, { minLength: 1, maxLength: 60 }), fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 })), (steps, latest) => {
        const base = emptyMap();
        take(base, libraryVersion(0, 0));
        take(base, libraryVersion(1, 0));
        addPersona(base, { name: 'The map’s own', color: '#f43f5e' });
        const net = new ReplicaNetwork(3, base);
        const undo = net.docs.map((d) => createUndoManager(d, { captureTimeout: 0 }));
        for (const s of steps) {
          if (s.type === 'deliver') {
            if (s.to !== s.from) net.deliver(s.to, s.from, s.pick);
            continue;
          }
          const doc = net.docs[s.replica]!;
          const personas = readJourney(doc).personas;
          const picked = s.type === 'edit' || s.type === 'unlink' || s.type === 'delete' ? personas[s.pick % Math.max(1, personas.length)] : undefined;
          if (s.type === 'apply') applyLibraryPersona(doc, libraryVersion(s.library, s.version));
          else if (s.type === 'take') take(doc, libraryVersion(s.library, s.version));
          else if (s.type === 'edit' && picked) updatePersona(doc, picked.id, { name: s.name, goals: s.goals });
          else if (s.type === 'unlink' && picked) unlinkPersona(doc, picked.id);
          else if (s.type === 'delete' && picked) deletePersona(doc, picked.id);
          else if (s.type === 'undo') undo[s.replica]!.undo();
        }
        net.flush();
        const [a, b, c] = net.docs.map((d) => toJSON(d));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        const again = fromJSON(JSON.parse(JSON.stringify(a)));
        expect(again.ok ? [] : again.issues).toEqual([]);

        // The space index converges too; each replica then applies the library as it is now.
        net.docs.forEach((doc) => latest.forEach((version, library) => applyLibraryPersona(doc, libraryVersion(library, version))));
        net.flush();
        const [x, y, z] = net.docs.map((d) => toJSON(d));
        expect(y).toEqual(x);
        expect(z).toEqual(x);
        for (const persona of readJourney(net.docs[0]!).personas) {
          if (persona.libraryId === null) continue;
          const library = libraryVersion(Number(persona.libraryId.slice(4)), latest[Number(persona.libraryId.slice(4))]!);
          expect(persona).toMatchObject({ name: library.name, role: library.role, goals: library.goals, color: library.color });
        }
      }),
      { seed: seed(20261204), numRuns: 150 },
    );
  });

  it('take the same library persona at once and end with one linked copy, not two', () => {
    const net = new ReplicaNetwork(2, emptyMap());
    const [a, b] = [take(net.docs[0]!, anna()), take(net.docs[1]!, anna({ role: 'Other version' }))];
    expect(a).toBe(b);
    net.flush();
    for (const doc of net.docs) expect(readJourney(doc).personas.filter((p) => p.libraryId === 'lib-anna')).toHaveLength(1);
    expect(toJSON(net.docs[1]!)).toEqual(toJSON(net.docs[0]!));
  });
});
