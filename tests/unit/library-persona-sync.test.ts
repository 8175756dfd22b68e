import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyLibraryPersonas, LIBRARY_SYNC_ORIGIN } from '../../src/app/libraryPersonaSync';
import { readJourney } from '../../src/model/doc';
import { addPersona, addPersonaFromLibrary } from '../../src/model/ops';
import type { LibraryPersona } from '../../src/model/space/types';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';

/*
 * What the open map does with its space's persona library (src/app/useLibraryPersonaSync.ts):
 * every persona linked to a library persona takes the library's values, nothing else changes,
 * and it is not an undo step of the person who happens to have the map open.
 */

const library = (over: Partial<LibraryPersona> = {}): LibraryPersona => ({
  id: 'libjulia0001',
  name: 'Julia Berger',
  role: 'Working parent',
  age: '41',
  quote: 'Just let me pay',
  goals: ['One trip'],
  frustrations: ['Queues'],
  color: '#0f766e',
  order: 'a0',
  ...over,
});

function mapWithLinkedAndOwn(): Y.Doc {
  const doc = createMapFromTemplate('blank', 'en');
  addPersonaFromLibrary(doc, library());
  addPersona(doc, { name: 'Own persona', color: '#2563eb' });
  return doc;
}

const names = (doc: Y.Doc) => readJourney(doc).personas.map((p) => p.name);

describe('a map open in a team space follows its persona library', () => {
  it('a renamed library persona renames the map’s linked persona and leaves the map’s own persona alone', () => {
    const doc = mapWithLinkedAndOwn();
    const before = readJourney(doc).personas.find((p) => p.name === 'Own persona')!;
    expect(applyLibraryPersonas(doc, [library({ name: 'Julia Brandt', goals: ['One trip', 'Fair price'] })])).toBe(true);
    expect(names(doc)).toEqual(['Julia Brandt', 'Own persona']);
    expect(readJourney(doc).personas[0]!.goals).toEqual(['One trip', 'Fair price']);
    expect(readJourney(doc).personas.find((p) => p.id === before.id)).toEqual(before);
  });

  it('applying a library the map already follows writes nothing (no update reaches the relay)', () => {
    const doc = mapWithLinkedAndOwn();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(applyLibraryPersonas(doc, [library(), library({ id: 'libother0001', name: 'Not in this map' })])).toBe(false);
    expect(updates).toBe(0);
  });

  it('is no undo step: Undo after a colleague’s library rename does not put the old name back', () => {
    const doc = mapWithLinkedAndOwn();
    const undo = createUndoManager(doc);
    applyLibraryPersonas(doc, [library({ name: 'Julia Brandt' })]);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(names(doc)[0]).toBe('Julia Brandt');
  });

  it('a library persona deleted from the library leaves the map’s copy as last written', () => {
    const doc = mapWithLinkedAndOwn();
    applyLibraryPersonas(doc, [library({ name: 'Julia Brandt' })]);
    expect(applyLibraryPersonas(doc, [])).toBe(false);
    expect(names(doc)).toEqual(['Julia Brandt', 'Own persona']);
  });

  it('a hostile library persona (huge name, a colour that is no colour) is clamped and cannot break the map', () => {
    const doc = mapWithLinkedAndOwn();
    applyLibraryPersonas(doc, [library({ name: 'x'.repeat(100_000), color: 'url(javascript:alert(1))' })], LIBRARY_SYNC_ORIGIN);
    const persona = readJourney(doc).personas[0]!;
    expect(persona.name.length).toBeLessThan(1_000);
    expect(persona.color).toBe('#0f766e');
  });
});
