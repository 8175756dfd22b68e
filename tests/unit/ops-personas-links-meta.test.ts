import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journeyMaps, readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import {
  addCard,
  addLane,
  addLink,
  addPersona,
  addStage,
  deleteCard,
  deleteLink,
  deletePersona,
  movePersona,
  reconnectLink,
  renamePhase,
  updateLinkLabel,
  updateMeta,
  updatePersona,
} from '../../src/model/ops';
import { createUndoManager } from '../../src/model/undo';

const REMOTE = 'remote';

/**
 * One stage and lane with cards a, b, c; personas p1 (on a and b) and p2 (on b); a link a→b.
 * The undo history starts empty.
 */
function seeded() {
  const doc = new Y.Doc();
  const um = createUndoManager(doc, { captureTimeout: 0 });
  updateMeta(doc, { title: 'Checkout journey', description: 'How people buy', locale: 'en' });
  addStage(doc, { id: 's1', name: 'Discover' });
  addLane(doc, { id: 'l1', name: 'Actions', kind: 'actions' });
  addPersona(doc, { id: 'p1', name: 'Alex', role: 'Shopper' });
  addPersona(doc, { id: 'p2', name: 'Sam', role: 'Admin' });
  addCard(doc, { id: 'a', stageId: 's1', laneId: 'l1', title: 'A', personaIds: ['p1'] });
  addCard(doc, { id: 'b', stageId: 's1', laneId: 'l1', title: 'B', personaIds: ['p1', 'p2'] });
  addCard(doc, { id: 'c', stageId: 's1', laneId: 'l1', title: 'C' });
  addLink(doc, { id: 'ab', fromCardId: 'a', toCardId: 'b', label: 'then' });
  um.clear();
  return { doc, um };
}

function expectUndoRedo(doc: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readJourney>) {
  const after = readJourney(doc);
  expect(after).not.toEqual(before);
  expect(um.undoStack).toHaveLength(1);
  um.undo();
  expect(readJourney(doc)).toEqual(before);
  um.redo();
  expect(readJourney(doc)).toEqual(after);
}

function expectNoChange(doc: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readJourney>) {
  expect(readJourney(doc)).toEqual(before);
  expect(um.undoStack).toHaveLength(0);
}

const persona = (doc: Y.Doc, id: string) => readJourney(doc).personas.find((p) => p.id === id);
const card = (doc: Y.Doc, id: string) => readJourney(doc).cards.find((c) => c.id === id);
const link = (doc: Y.Doc, id: string) => readJourney(doc).links.find((l) => l.id === id);
const personaNames = (doc: Y.Doc) => readJourney(doc).personas.map((p) => p.name);

describe('personas', () => {
  describe('addPersona', () => {
    it('adds a persona at the end with empty details and the default colour, and one undo removes it', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      const id = addPersona(doc, { name: 'Kim' });
      expect(personaNames(doc)).toEqual(['Alex', 'Sam', 'Kim']);
      expect(persona(doc, id)).toMatchObject({ name: 'Kim', role: '', quote: '', goals: [], frustrations: [], color: '#7c3aed' });
      expectUndoRedo(doc, um, before);
    });

    it('keeps every detail and inserts at the requested position', () => {
      const { doc } = seeded();
      const id = addPersona(doc, {
        name: 'Kim',
        role: 'Buyer',
        quote: 'Just let me pay',
        goals: ['Fast checkout'],
        frustrations: ['Forms'],
        color: '#0ea5e9',
        index: 1,
      });
      expect(personaNames(doc)).toEqual(['Alex', 'Kim', 'Sam']);
      expect(persona(doc, id)).toMatchObject({
        role: 'Buyer',
        quote: 'Just let me pay',
        goals: ['Fast checkout'],
        frustrations: ['Forms'],
        color: '#0ea5e9',
      });
    });

    it('cuts over-long text and lists to the limits', () => {
      const { doc } = seeded();
      const id = addPersona(doc, {
        name: 'n'.repeat(LIMITS.name + 1),
        role: 'r'.repeat(LIMITS.name + 1),
        quote: 'q'.repeat(LIMITS.personaText + 1),
        goals: Array.from({ length: LIMITS.personaListItems + 2 }, () => 'g'.repeat(LIMITS.personaText + 1)),
        frustrations: Array.from({ length: LIMITS.personaListItems + 2 }, (_, i) => `f${i}`),
        color: 'c'.repeat(LIMITS.color + 1),
      });
      const p = persona(doc, id)!;
      expect(p.name).toHaveLength(LIMITS.name);
      expect(p.role).toHaveLength(LIMITS.name);
      expect(p.quote).toHaveLength(LIMITS.personaText);
      expect(p.goals).toHaveLength(LIMITS.personaListItems);
      expect(p.goals[0]).toHaveLength(LIMITS.personaText);
      expect(p.frustrations).toEqual(Array.from({ length: LIMITS.personaListItems }, (_, i) => `f${i}`));
      expect(p.color).toHaveLength(LIMITS.color);
    });
  });

  describe('updatePersona', () => {
    it('changes what the persona shows, and one undo restores it', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      const patch = { name: 'Alexandra', role: 'Power shopper', quote: 'I compare everything', goals: ['Best price'], frustrations: ['Hidden fees'], color: '#22c55e' };
      expect(updatePersona(doc, 'p1', patch)).toBe(true);
      expect(persona(doc, 'p1')).toMatchObject(patch);
      expectUndoRedo(doc, um, before);
    });

    it('leaves fields the patch does not mention alone, and cuts over-long text', () => {
      const { doc } = seeded();
      updatePersona(doc, 'p1', { quote: 'x'.repeat(LIMITS.personaText + 5) });
      expect(persona(doc, 'p1')).toMatchObject({ name: 'Alex', role: 'Shopper' });
      expect(persona(doc, 'p1')!.quote).toHaveLength(LIMITS.personaText);
    });

    it('reports false and changes nothing for a persona that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(updatePersona(doc, 'missing', { name: 'Ghost' })).toBe(false);
      expectNoChange(doc, um, before);
    });
  });

  describe('movePersona', () => {
    it('moves a persona in the list, and undo puts it back', () => {
      const { doc, um } = seeded();
      addPersona(doc, { id: 'p3', name: 'Kim' });
      um.clear();
      const before = readJourney(doc);
      expect(movePersona(doc, 'p3', 0)).toBe(true);
      expect(personaNames(doc)).toEqual(['Kim', 'Alex', 'Sam']);
      expectUndoRedo(doc, um, before);
      movePersona(doc, 'p3', 1);
      expect(personaNames(doc)).toEqual(['Alex', 'Kim', 'Sam']);
    });

    it('reports false and changes nothing for a persona that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(movePersona(doc, 'missing', 0)).toBe(false);
      expectNoChange(doc, um, before);
    });
  });

  describe('deletePersona', () => {
    it('deleting a persona takes it off every card but keeps the cards, and one undo puts it back on them', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deletePersona(doc, 'p1')).toBe(true);
      const after = readJourney(doc);
      expect(after.personas.map((p) => p.id)).toEqual(['p2']);
      expect(after.cards.map((c) => [c.id, c.personaIds])).toEqual([
        ['a', []],
        ['b', ['p2']],
        ['c', []],
      ]);
      // stripped from the stored cards too, not merely hidden when reading
      const cards = journeyMaps(doc).cards;
      expect(cards.get('a')!.get('personaIds')).toBeUndefined();
      expect(cards.get('b')!.get('personaIds')).toEqual(['p2']);
      expectUndoRedo(doc, um, before);
      um.undo();
      expect(card(doc, 'a')!.personaIds).toEqual(['p1']);
      expect(card(doc, 'b')!.personaIds).toEqual(['p1', 'p2']);
    });

    it('reports false and changes nothing for a persona that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deletePersona(doc, 'missing')).toBe(false);
      expectNoChange(doc, um, before);
    });
  });
});

describe('links', () => {
  describe('addLink', () => {
    it('connects two cards with a label, and one undo removes the connection', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      const id = addLink(doc, { fromCardId: 'b', toCardId: 'c', label: 'causes' });
      expect(id).toEqual(expect.any(String));
      expect(link(doc, id!)).toEqual({ id, fromCardId: 'b', toCardId: 'c', label: 'causes' });
      expectUndoRedo(doc, um, before);
    });

    it('allows the opposite direction of an existing link and defaults to an empty label', () => {
      const { doc } = seeded();
      const id = addLink(doc, { fromCardId: 'b', toCardId: 'a' });
      expect(id).not.toBeNull();
      expect(link(doc, id!)).toMatchObject({ fromCardId: 'b', toCardId: 'a', label: '' });
    });

    it('refuses to link a card to itself, to repeat an existing link, or to link a missing card', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(addLink(doc, { fromCardId: 'a', toCardId: 'a' })).toBeNull();
      expect(addLink(doc, { fromCardId: 'a', toCardId: 'b', label: 'again' })).toBeNull();
      expect(addLink(doc, { fromCardId: 'a', toCardId: 'missing' })).toBeNull();
      expect(addLink(doc, { fromCardId: 'missing', toCardId: 'a' })).toBeNull();
      expectNoChange(doc, um, before);
    });

    it('cuts an over-long label to the limit', () => {
      const { doc } = seeded();
      const id = addLink(doc, { fromCardId: 'a', toCardId: 'c', label: 'l'.repeat(LIMITS.linkLabel + 1) })!;
      expect(link(doc, id)!.label).toBe('l'.repeat(LIMITS.linkLabel));
    });
  });

  describe('updateLinkLabel', () => {
    it('relabels a link, and undo restores the old label', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(updateLinkLabel(doc, 'ab', 'leads to')).toBe(true);
      expect(link(doc, 'ab')!.label).toBe('leads to');
      expectUndoRedo(doc, um, before);
    });

    it('cuts an over-long label to the limit', () => {
      const { doc } = seeded();
      updateLinkLabel(doc, 'ab', 'x'.repeat(LIMITS.linkLabel * 3));
      expect(link(doc, 'ab')!.label).toHaveLength(LIMITS.linkLabel);
    });

    it('reports false and changes nothing for a link that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(updateLinkLabel(doc, 'missing', 'label')).toBe(false);
      expectNoChange(doc, um, before);
    });
  });

  describe('reconnectLink', () => {
    it('moves the end of a link to another card, and undo reattaches it', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(reconnectLink(doc, 'ab', { toCardId: 'c' })).toBe(true);
      expect(link(doc, 'ab')).toEqual({ id: 'ab', fromCardId: 'a', toCardId: 'c', label: 'then' });
      expectUndoRedo(doc, um, before);
    });

    it('moves the start, or both ends, of a link', () => {
      const { doc } = seeded();
      reconnectLink(doc, 'ab', { fromCardId: 'c' });
      expect(link(doc, 'ab')).toMatchObject({ fromCardId: 'c', toCardId: 'b' });
      reconnectLink(doc, 'ab', { fromCardId: 'b', toCardId: 'a' });
      expect(link(doc, 'ab')).toMatchObject({ fromCardId: 'b', toCardId: 'a' });
    });

    it('refuses to turn a link into a self-link, a duplicate, or a link to a missing card', () => {
      const { doc, um } = seeded();
      addLink(doc, { id: 'ac', fromCardId: 'a', toCardId: 'c' });
      um.clear();
      const before = readJourney(doc);
      expect(reconnectLink(doc, 'ab', { toCardId: 'a' })).toBe(false);
      expect(reconnectLink(doc, 'ab', { toCardId: 'c' })).toBe(false);
      expect(reconnectLink(doc, 'ab', { fromCardId: 'missing' })).toBe(false);
      expectNoChange(doc, um, before);
    });

    it('reports false and changes nothing for a link that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(reconnectLink(doc, 'missing', { toCardId: 'c' })).toBe(false);
      expectNoChange(doc, um, before);
    });
  });

  describe('deleteLink', () => {
    it('removes a link but not its cards, and undo brings it back', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deleteLink(doc, 'ab')).toBe(true);
      expect(readJourney(doc).links).toEqual([]);
      expect(readJourney(doc).cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
      expectUndoRedo(doc, um, before);
    });

    it('reports false and changes nothing for a link that does not exist', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      expect(deleteLink(doc, 'missing')).toBe(false);
      expectNoChange(doc, um, before);
    });
  });

  it('deleting a card removes its links, and undo restores both', () => {
    const { doc, um } = seeded();
    addLink(doc, { id: 'cb', fromCardId: 'c', toCardId: 'b' });
    addLink(doc, { id: 'ac', fromCardId: 'a', toCardId: 'c' });
    um.clear();
    const before = readJourney(doc);
    deleteCard(doc, 'b');
    expect(readJourney(doc).links.map((l) => l.id)).toEqual(['ac']);
    expectUndoRedo(doc, um, before);
  });
});

describe('map details', () => {
  describe('updateMeta', () => {
    it('changes title, description and language, and one undo restores all three', () => {
      const { doc, um } = seeded();
      const before = readJourney(doc);
      updateMeta(doc, { title: 'Returns journey', description: 'How people send things back', locale: 'de' });
      expect(readJourney(doc)).toMatchObject({ title: 'Returns journey', description: 'How people send things back', locale: 'de' });
      expectUndoRedo(doc, um, before);
    });

    it('leaves details the patch does not mention alone', () => {
      const { doc } = seeded();
      updateMeta(doc, { title: 'Only the title' });
      expect(readJourney(doc)).toMatchObject({ title: 'Only the title', description: 'How people buy', locale: 'en' });
    });

    it('cuts an over-long title and description to the limits', () => {
      const { doc } = seeded();
      updateMeta(doc, { title: 'T'.repeat(LIMITS.mapTitle + 1), description: 'D'.repeat(LIMITS.description + 1) });
      const j = readJourney(doc);
      expect(j.title).toBe('T'.repeat(LIMITS.mapTitle));
      expect(j.description).toBe('D'.repeat(LIMITS.description));
    });
  });

  describe('renamePhase', () => {
    it('renames a phase band, and undo restores the old name', () => {
      const { doc, um } = seeded();
      renamePhase(doc, 'purchase', 'Kauf');
      um.clear();
      const before = readJourney(doc);
      renamePhase(doc, 'purchase', 'Checkout');
      expect(readJourney(doc).phases).toEqual([
        { id: 'pre-purchase', name: '', color: '#0369a1', order: 'a0' },
        { id: 'purchase', name: 'Checkout', color: '#6d28d9', order: 'a1' },
        { id: 'post-purchase', name: '', color: '#047857', order: 'a2' },
      ]);
      expectUndoRedo(doc, um, before);
    });

    it('cuts an over-long phase name to the limit', () => {
      const { doc } = seeded();
      renamePhase(doc, 'post-purchase', 'p'.repeat(LIMITS.name + 1));
      expect(readJourney(doc).phases[2]!.name).toBe('p'.repeat(LIMITS.name));
    });
  });
});

describe("undo only takes back this user's own edits", () => {
  it("a collaborator's persona, link and map-detail edits survive undo", () => {
    const { doc, um } = seeded();
    updatePersona(doc, 'p1', { name: 'Remote Alex' }, REMOTE);
    deletePersona(doc, 'p2', REMOTE);
    addLink(doc, { id: 'bc', fromCardId: 'b', toCardId: 'c' }, REMOTE);
    updateLinkLabel(doc, 'ab', 'remote label', REMOTE);
    updateMeta(doc, { title: 'Remote title' }, REMOTE);
    renamePhase(doc, 'purchase', 'Remote phase', REMOTE);
    expect(um.undoStack).toHaveLength(0);
    const afterRemote = readJourney(doc);

    addPersona(doc, { name: 'Local' });
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    um.undo();
    expect(readJourney(doc)).toEqual(afterRemote);
    expect(afterRemote.title).toBe('Remote title');
    expect(afterRemote.personas.map((p) => p.name)).toEqual(['Remote Alex']);
  });
});
