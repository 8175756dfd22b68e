import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isMapId } from '../../src/access/mapId';
import { isWellFormedId } from '../../src/model/ids';
import { LIMITS } from '../../src/model/limits';
import { initSpaceIndex, readSpaceIndex, spaceIndexMaps } from '../../src/model/space/doc';
import { mapEntryFromJourney } from '../../src/model/space/entryFromJourney';
import {
  addLibraryPersona,
  deleteLibraryPersona,
  moveLibraryPersona,
  putMapEntry,
  removeMapEntry,
  renameSpace,
  setMapArchived,
  setMapTags,
  updateLibraryPersona,
} from '../../src/model/space/ops';
import { SPACE_LIMITS } from '../../src/model/space/types';
import { instantiateTemplate } from '../../src/model/templates';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

function space(name = 'CX team'): Y.Doc {
  const doc = new Y.Doc();
  initSpaceIndex(doc, name);
  return doc;
}

/** Counts the updates a doc emits while `fn` runs: what every member would have to sync. */
function updatesDuring(doc: Y.Doc, fn: () => void): number {
  let count = 0;
  const listener = () => count++;
  doc.on('update', listener);
  fn();
  doc.off('update', listener);
  return count;
}

describe('a space index', () => {
  it('starts with the name its creator gave and no maps or personas', () => {
    const doc = space('Kundenservice');
    expect(readSpaceIndex(doc)).toEqual({ name: 'Kundenservice', maps: [], personas: [] });
  });

  it('keeps a name someone gave before a late init runs, and renames only through renameSpace', () => {
    const doc = space('First');
    initSpaceIndex(doc, 'Second');
    expect(readSpaceIndex(doc).name).toBe('First');
    expect(renameSpace(doc, 'Third')).toBe(true);
    expect(renameSpace(doc, 'Third')).toBe(false);
    expect(readSpaceIndex(doc).name).toBe('Third');
    renameSpace(doc, 'x'.repeat(10_000));
    expect(readSpaceIndex(doc).name).toHaveLength(SPACE_LIMITS.name);
  });

  it('lists maps most recently updated first, equal times by id', () => {
    const doc = space();
    putMapEntry(doc, { id: 'b-map', title: 'B', updatedAt: 2000 });
    putMapEntry(doc, { id: 'a-map', title: 'A', updatedAt: 2000 });
    putMapEntry(doc, { id: 'c-map', title: 'C', updatedAt: 3000 });
    putMapEntry(doc, { id: 'd-map', title: 'D', updatedAt: 1000 });
    expect(readSpaceIndex(doc).maps.map((m) => m.id)).toEqual(['c-map', 'a-map', 'b-map', 'd-map']);
  });

  it('keeps the first writer’s createdAt and never moves updatedAt back when an old report arrives', () => {
    const doc = space();
    putMapEntry(doc, { id: 'm1', title: 'Onboarding', updatedAt: 5000, updatedBy: 'Ana' });
    putMapEntry(doc, { id: 'm1', createdAt: 1, updatedAt: 9000, updatedBy: 'Ben' });
    putMapEntry(doc, { id: 'm1', title: 'Onboarding v2', updatedAt: 7000, updatedBy: 'Cleo' });
    const [entry] = readSpaceIndex(doc).maps;
    expect(entry).toMatchObject({ id: 'm1', title: 'Onboarding v2', createdAt: 5000, updatedAt: 9000, updatedBy: 'Ben' });
  });

  it('writes nothing when a member reports a map that did not change', () => {
    const doc = space();
    const journey = instantiateTemplate('retail', 'en');
    const report = mapEntryFromJourney(journey, { now: 10_000, by: 'Ana', thumbnail: SVG });
    putMapEntry(doc, report);
    setMapTags(doc, journey.id, ['retail', 'Q3']);
    expect(updatesDuring(doc, () => putMapEntry(doc, report))).toBe(0);
    expect(updatesDuring(doc, () => setMapTags(doc, journey.id, ['retail', 'Q3']))).toBe(0);
    expect(updatesDuring(doc, () => setMapArchived(doc, journey.id, false))).toBe(0);
    // a report of the same state by someone else, later, moves only the time and the name
    const before = Y.encodeStateAsUpdate(doc).length;
    putMapEntry(doc, { ...report, updatedAt: 20_000, updatedBy: 'Ben' });
    expect(Y.encodeStateAsUpdate(doc).length - before).toBeLessThan(80);
  });

  it('archives, restores, tags and removes a map', () => {
    const doc = space();
    putMapEntry(doc, { id: 'm1', title: 'Returns', updatedAt: 1 });
    expect(setMapArchived(doc, 'm1', true)).toBe(true);
    expect(readSpaceIndex(doc).maps[0]!.archived).toBe(true);
    setMapArchived(doc, 'm1', false);
    expect(readSpaceIndex(doc).maps[0]!.archived).toBe(false);
    setMapTags(doc, 'm1', [' retail ', 'Retail', '', 'Q3']);
    expect(readSpaceIndex(doc).maps[0]!.tags).toEqual(['retail', 'Q3']);
    expect(removeMapEntry(doc, 'm1')).toBe(true);
    expect(removeMapEntry(doc, 'm1')).toBe(false);
    expect(setMapArchived(doc, 'm1', true)).toBe(false);
    expect(setMapTags(doc, 'm1', ['x'])).toBe(false);
    expect(readSpaceIndex(doc).maps).toEqual([]);
  });

  it('refuses entries under ids that are no map ids, and a new map past SPACE_LIMITS.maps', () => {
    const doc = space();
    expect(putMapEntry(doc, { id: 'a/b', title: 'x' })).toBe(false);
    expect(putMapEntry(doc, { id: '', title: 'x' })).toBe(false);
    expect(putMapEntry(doc, { id: 'x'.repeat(65), title: 'x' })).toBe(false);
    const { maps } = spaceIndexMaps(doc);
    doc.transact(() => {
      for (let i = 0; i < SPACE_LIMITS.maps; i++) maps.set(`m${i}`, new Y.Map());
    });
    expect(putMapEntry(doc, { id: 'one-more', title: 'x' })).toBe(false);
    expect(putMapEntry(doc, { id: 'm5', title: 'still updates' })).toBe(true);
  });

  it('clamps what this device writes to the limits it reads with', () => {
    const doc = space();
    putMapEntry(doc, {
      id: 'm1',
      title: 'T'.repeat(10_000),
      updatedBy: 'U'.repeat(10_000),
      thumbnail: `<svg>${'x'.repeat(SPACE_LIMITS.thumbnailChars)}</svg>`,
      personas: Array.from({ length: 500 }, (_, i) => `Persona ${i}`),
      phases: Array.from({ length: 500 }, (_, i) => `Phase ${i}`),
      tags: Array.from({ length: 500 }, (_, i) => `tag-${i}-${'t'.repeat(100)}`),
      stageCount: -4,
      cardCount: 1e12,
      updatedAt: Number.NaN,
    });
    const stored = spaceIndexMaps(doc).maps.get('m1') as Y.Map<unknown>;
    expect((stored.get('title') as string).length).toBe(SPACE_LIMITS.mapTitle);
    expect(stored.get('thumbnail')).toBe('');
    expect((stored.get('personas') as string[]).length).toBe(SPACE_LIMITS.personasPerMap);
    expect((stored.get('tags') as string[]).length).toBe(SPACE_LIMITS.tags);
    expect((stored.get('tags') as string[]).every((t) => t.length <= SPACE_LIMITS.tag)).toBe(true);
    const [entry] = readSpaceIndex(doc).maps;
    expect(entry).toMatchObject({ stageCount: 0, cardCount: LIMITS.cards, updatedAt: 0 });
    expect(entry!.createdAt).toBeGreaterThan(0);
  });
});

describe('reading an index a hostile member wrote', () => {
  function hostile(write: (maps: Y.Map<unknown>, personas: Y.Map<unknown>, meta: Y.Map<unknown>) => void): Y.Doc {
    const doc = space();
    const { maps, personas, meta } = spaceIndexMaps(doc);
    doc.transact(() => write(maps, personas, meta));
    return doc;
  }

  it('reads numbers as titles, objects as times and junk in lists as nothing, without throwing', () => {
    const doc = hostile((maps, _p, meta) => {
      meta.set('name', 42);
      const entry = new Y.Map<unknown>();
      maps.set('m1', entry);
      entry.set('title', 12345);
      entry.set('updatedAt', '2026-01-01');
      entry.set('createdAt', { valueOf: 3 });
      entry.set('updatedBy', ['Mallory']);
      entry.set('personas', 'Anna');
      entry.set('phases', [1, null, 'Onboarding', { name: 'x' }]);
      entry.set('tags', [true, 'ok']);
      entry.set('archived', 'yes');
      entry.set('stageCount', '12');
      entry.set('cardCount', Infinity);
      entry.set('thumbnail', 7);
    });
    expect(readSpaceIndex(doc)).toEqual({
      name: '',
      maps: [
        {
          id: 'm1',
          title: '',
          updatedAt: 0,
          updatedBy: '',
          createdAt: 0,
          thumbnail: '',
          personas: [],
          phases: ['Onboarding'],
          tags: ['ok'],
          archived: false,
          stageCount: 0,
          cardCount: 0,
          emotion: null,
        },
      ],
      personas: [],
    });
  });

  it('cuts 10 MB strings and an array of 10,000 tags to the limits', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const doc = hostile((maps, personas, meta) => {
      meta.set('name', huge);
      const entry = new Y.Map<unknown>();
      maps.set('m1', entry);
      entry.set('title', huge);
      entry.set('updatedBy', huge);
      entry.set('tags', Array.from({ length: 10_000 }, (_, i) => `tag${i}${'x'.repeat(100)}`));
      entry.set('personas', Array.from({ length: 10_000 }, (_, i) => `p${i}`));
      entry.set('phases', [huge]);
      const persona = new Y.Map<unknown>();
      personas.set('p1', persona);
      persona.set('name', huge);
      persona.set('quote', huge);
      persona.set('goals', Array.from({ length: 10_000 }, () => huge));
    });
    const started = performance.now();
    const index = readSpaceIndex(doc);
    expect(performance.now() - started).toBeLessThan(500);
    expect(index.name).toHaveLength(SPACE_LIMITS.name);
    const [entry] = index.maps;
    expect(entry!.title).toHaveLength(SPACE_LIMITS.mapTitle);
    expect(entry!.updatedBy).toHaveLength(SPACE_LIMITS.updatedBy);
    expect(entry!.tags).toHaveLength(SPACE_LIMITS.tags);
    expect(entry!.tags.every((t) => t.length <= SPACE_LIMITS.tag)).toBe(true);
    expect(entry!.personas).toHaveLength(SPACE_LIMITS.personasPerMap);
    expect(entry!.phases[0]).toHaveLength(SPACE_LIMITS.entryName);
    const [persona] = index.personas;
    expect(persona!.name).toHaveLength(LIMITS.name);
    expect(persona!.quote).toHaveLength(LIMITS.personaText);
    expect(persona!.goals).toHaveLength(LIMITS.personaListItems);
    expect(persona!.goals[0]).toHaveLength(LIMITS.personaText);
  });

  it('shows no thumbnail that is not an SVG or is over the limit', () => {
    const doc = hostile((maps) => {
      const put = (id: string, thumbnail: unknown) => {
        const entry = new Y.Map<unknown>();
        maps.set(id, entry);
        entry.set('thumbnail', thumbnail);
      };
      put('html', '<img src=x onerror=alert(1)>');
      put('script', 'javascript:alert(1)');
      put('big', `<svg>${'x'.repeat(SPACE_LIMITS.thumbnailChars)}</svg>`);
      put('space', ' <svg></svg>');
      put('good', SVG);
    });
    const thumbs = Object.fromEntries(readSpaceIndex(doc).maps.map((m) => [m.id, m.thumbnail]));
    expect(thumbs).toEqual({ html: '', script: '', big: '', space: '', good: SVG });
  });

  it('skips entries under keys that are no map ids and values that are no records', () => {
    const doc = hostile((maps) => {
      maps.set('../../etc/passwd', new Y.Map());
      maps.set('a b', new Y.Map());
      maps.set('x'.repeat(65), new Y.Map());
      maps.set('plain-object', { title: 'not a record' });
      maps.set('a-string', 'hello');
      maps.set('good', new Y.Map());
    });
    expect(readSpaceIndex(doc).maps.map((m) => m.id)).toEqual(['good']);
  });

  it('treats prototype keys as ordinary ids and pollutes nothing', () => {
    const doc = space();
    for (const id of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) {
      expect(putMapEntry(doc, { id, title: `map ${id}`, updatedAt: 1 })).toBe(true);
    }
    const { personas } = spaceIndexMaps(doc);
    doc.transact(() => {
      const p = new Y.Map<unknown>();
      personas.set('__proto__', p);
      p.set('name', 'Proto');
      p.set('order', 'a0');
    });
    setMapArchived(doc, '__proto__', true);
    setMapTags(doc, 'constructor', ['x']);
    const index = readSpaceIndex(doc);
    expect(index.maps.map((m) => m.id).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'prototype', 'toString']);
    expect(index.maps.find((m) => m.id === '__proto__')).toMatchObject({ title: 'map __proto__', archived: true });
    expect(index.maps.find((m) => m.id === 'constructor')!.tags).toEqual(['x']);
    expect(index.personas.map((p) => p.name)).toEqual(['Proto']);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('archived');
    expect(updateLibraryPersona(doc, '__proto__', { name: 'Renamed' })).toBe(true);
    expect(readSpaceIndex(doc).personas[0]!.name).toBe('Renamed');
  });

  it('shows at most SPACE_LIMITS.maps entries, the most recent ones, on every replica alike', () => {
    const doc = hostile((maps) => {
      for (let i = 0; i < SPACE_LIMITS.maps + 50; i++) {
        const entry = new Y.Map<unknown>();
        maps.set(`m${i}`, entry);
        entry.set('updatedAt', i);
      }
    });
    const { maps } = readSpaceIndex(doc);
    expect(maps).toHaveLength(SPACE_LIMITS.maps);
    expect(maps[0]!.id).toBe(`m${SPACE_LIMITS.maps + 49}`);
  });

  it('reads a persona colour that is no hex colour as the default, and a broken order key as a0', () => {
    const doc = hostile((_m, personas) => {
      const p = new Y.Map<unknown>();
      personas.set('p1', p);
      p.set('name', 'Anna');
      p.set('color', 'red;background:url(https://evil.example/x)');
      p.set('order', '!!!');
    });
    const [persona] = readSpaceIndex(doc).personas;
    expect(persona).toMatchObject({ name: 'Anna', color: '#7c3aed', order: 'a0', goals: [], frustrations: [] });
  });
});

describe('the space’s persona library', () => {
  it('adds at the end, updates, moves before another and deletes', () => {
    const doc = space();
    const anna = addLibraryPersona(doc, { name: 'Anna', role: 'First-time buyer', goals: ['Fast delivery'], color: '#0369a1' })!;
    const ben = addLibraryPersona(doc, { name: 'Ben' })!;
    const cleo = addLibraryPersona(doc, { name: 'Cleo' })!;
    expect(readSpaceIndex(doc).personas.map((p) => p.name)).toEqual(['Anna', 'Ben', 'Cleo']);
    expect(readSpaceIndex(doc).personas[0]).toMatchObject({ id: anna, role: 'First-time buyer', goals: ['Fast delivery'], color: '#0369a1' });

    expect(updateLibraryPersona(doc, ben, { name: 'Benedikt', frustrations: ['Hotline queue'] })).toBe(true);
    expect(moveLibraryPersona(doc, cleo, anna)).toBe(true);
    expect(readSpaceIndex(doc).personas.map((p) => p.name)).toEqual(['Cleo', 'Anna', 'Benedikt']);
    expect(moveLibraryPersona(doc, cleo, null)).toBe(true);
    expect(readSpaceIndex(doc).personas.map((p) => p.name)).toEqual(['Anna', 'Benedikt', 'Cleo']);
    expect(moveLibraryPersona(doc, cleo, 'gone')).toBe(false);
    expect(moveLibraryPersona(doc, cleo, cleo)).toBe(false);

    expect(deleteLibraryPersona(doc, anna)).toBe(true);
    expect(deleteLibraryPersona(doc, anna)).toBe(false);
    expect(updateLibraryPersona(doc, anna, { name: 'x' })).toBe(false);
    expect(readSpaceIndex(doc).personas.map((p) => p.id)).toEqual([ben, cleo]);
  });

  it('moves a persona before one whose order key a concurrent add made equal to its neighbour’s', () => {
    const doc = space();
    const { personas } = spaceIndexMaps(doc);
    doc.transact(() => {
      for (const [id, order] of [['a', 'a0'], ['b', 'a1'], ['c', 'a1'], ['d', 'a2']] as const) {
        const p = new Y.Map<unknown>();
        p.set('name', id.toUpperCase());
        p.set('order', order);
        personas.set(id, p);
      }
    });
    expect(moveLibraryPersona(doc, 'd', 'c')).toBe(true);
    const names = readSpaceIndex(doc).personas.map((p) => p.name);
    expect(names.indexOf('D')).toBeLessThan(names.indexOf('C'));
    expect(names).toHaveLength(4);
  });

  it('clamps a persona to the persona limits maps use and refuses one past the library limit', () => {
    const doc = space();
    const id = addLibraryPersona(doc, {
      name: 'N'.repeat(5000),
      age: '9'.repeat(500),
      goals: Array.from({ length: 100 }, () => 'g'.repeat(5000)),
      color: 'javascript:alert(1)',
    })!;
    const stored = spaceIndexMaps(doc).personas.get(id) as Y.Map<unknown>;
    expect((stored.get('name') as string).length).toBe(LIMITS.name);
    expect((stored.get('age') as string).length).toBe(LIMITS.personaAge);
    expect((stored.get('goals') as string[]).length).toBe(LIMITS.personaListItems);
    expect(stored.get('color')).toBe('#7c3aed');
    for (let i = 1; i < SPACE_LIMITS.libraryPersonas; i++) addLibraryPersona(doc, { name: `P${i}` });
    expect(readSpaceIndex(doc).personas).toHaveLength(SPACE_LIMITS.libraryPersonas);
    expect(addLibraryPersona(doc, { name: 'one too many' })).toBeNull();
  });

  it('writes nothing when an update changes nothing', () => {
    const doc = space();
    const id = addLibraryPersona(doc, { name: 'Anna', goals: ['a', 'b'] })!;
    expect(updatesDuring(doc, () => updateLibraryPersona(doc, id, { name: 'Anna', goals: ['a', 'b'] }))).toBe(0);
  });
});

describe('a map’s report to the index', () => {
  it('carries the title, persona names, the phases that hold stages in order, and the counts', () => {
    const journey = instantiateTemplate('retail', 'de');
    const report = mapEntryFromJourney(journey, { now: 1234, by: 'Ana', thumbnail: SVG });
    expect(report).toMatchObject({ id: journey.id, title: journey.title, updatedAt: 1234, updatedBy: 'Ana', thumbnail: SVG });
    expect(report.personas).toEqual(journey.personas.map((p) => p.name));
    expect(report.phases).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf']);
    expect(report.stageCount).toBe(journey.stages.length);
    expect(report.cardCount).toBe(journey.cards.length);
    expect(report).not.toHaveProperty('tags');
    expect(report).not.toHaveProperty('archived');
    expect(report).not.toHaveProperty('createdAt');
  });

  it('names a renamed phase as typed, leaves out phases without stages and an empty own phase', () => {
    const journey = instantiateTemplate('retail', 'en');
    const renamed = {
      ...journey,
      phases: [
        ...journey.phases.map((p) => (p.id === 'purchase' ? { ...p, name: 'Checkout' } : p)),
        { id: 'own1', name: '', color: '#000000', order: 'z0' },
        { id: 'own2', name: 'Loyalty', color: '#000000', order: 'z1' },
      ],
      stages: journey.stages.filter((s) => s.phase !== 'post-purchase'),
    };
    renamed.stages.push({ ...renamed.stages[0]!, id: 'sx', phase: 'own1' });
    expect(mapEntryFromJourney(renamed, { now: 1, by: '', thumbnail: '' }).phases).toEqual(['Pre-purchase', 'Checkout']);
  });

  it('drops a thumbnail that is not an SVG', () => {
    const journey = instantiateTemplate('blank', 'en');
    expect(mapEntryFromJourney(journey, { now: 1, by: '', thumbnail: '<script>alert(1)</script>' }).thumbnail).toBe('');
  });
});

describe('map ids in the index', () => {
  it('follow the same rule as the access contract’s isMapId', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9_~/-]{0,70}$/), fc.constantFrom('__proto__', '', 'x'.repeat(64), 'x'.repeat(65))), (id) => {
        expect(isWellFormedId(id)).toBe(isMapId(id));
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});
