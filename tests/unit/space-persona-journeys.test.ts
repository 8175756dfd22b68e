import { describe, expect, it } from 'vitest';
import { defaultCard } from '../../src/model/cardRecord';
import { defaultPhases } from '../../src/model/phases';
import { personaJourneys, type PersonaMap } from '../../src/model/space/personaJourneys';
import type { Card, Journey, Persona } from '../../src/model/types';

function persona(id: string, name: string, libraryId?: unknown): Persona {
  const p: Persona = { id, name, role: '', age: '', quote: '', goals: [], frustrations: [], color: '#7c3aed', order: 'a0', libraryId: null };
  // a hostile peer may have written anything as the link: kept as given
  return (libraryId === undefined ? p : { ...p, libraryId }) as Persona;
}

function card(stageId: string, laneId: string, emotion: number | null, personaIds: string[] = []): Card {
  return { ...defaultCard(), id: `${stageId}-${laneId}-${emotion}-${personaIds.join('+')}`, stageId, laneId, emotion, personaIds };
}

/** A map of three stages with a Feelings lane and a pains lane. */
function journeyMap(id: string, personas: Persona[], cards: Card[]): PersonaMap {
  const journey: Journey = {
    id,
    title: `Map ${id}`,
    description: '',
    locale: 'en',
    createdAt: '2026-01-01T00:00:00Z',
    phases: defaultPhases(),
    stages: [
      { id: 's1', name: 'Discover', phase: 'pre-purchase', order: 'a0', color: null, description: '', detailMapId: null },
      { id: 's2', name: 'Order', phase: 'purchase', order: 'a1', color: null, description: '', detailMapId: null },
      { id: 's3', name: 'Return', phase: 'post-purchase', order: 'a2', color: null, description: '', detailMapId: null },
    ],
    lanes: [
      { id: 'feel', name: 'Feelings', kind: 'emotions', order: 'a0', collapsed: false },
      { id: 'pain', name: 'Pains', kind: 'pains', order: 'a1', collapsed: false },
    ],
    cards,
    personas,
    links: [],
    evidence: [],
  };
  return { id, title: journey.title, journey };
}

describe('a persona’s journeys across a space', () => {
  it('lists every map the persona appears in, in the order given, with each stage’s feeling', () => {
    const maps = [
      journeyMap('a', [persona('p1', 'Anna Müller')], [card('s1', 'feel', 2), card('s1', 'feel', 1), card('s3', 'feel', -3), card('s2', 'pain', -3)]),
      journeyMap('b', [persona('p9', 'Ben')], [card('s1', 'feel', 3)]),
      journeyMap('c', [persona('p2', 'anna muller')], [card('s2', 'feel', -1)]),
    ];
    const journeys = personaJourneys('Anna Müller', maps);
    expect(journeys.map((j) => [j.mapId, j.title, j.personaIds])).toEqual([
      ['a', 'Map a', ['p1']],
      ['c', 'Map c', ['p2']],
    ]);
    // the map's curve: only the Feelings lane counts (the pain scored −3 in Order does not)
    expect(journeys[0]!.stages.map((s) => [s.name, s.phase, s.score])).toEqual([
      ['Discover', 'pre-purchase', 1.5],
      ['Order', 'purchase', null],
      ['Return', 'post-purchase', -3],
    ]);
    expect(journeys[1]!.stages.map((s) => s.score)).toEqual([null, -1, null]);
  });

  it('matches an unlinked persona by name whatever the case, accents, spacing or ß spelling', () => {
    const names = ['ANNA MÜLLER', '  anna   muller ', 'Anna Muller', 'Änna Müller'];
    const maps = names.map((name, i) => journeyMap(`m${i}`, [persona(`p${i}`, name)], []));
    expect(personaJourneys('anna müller', maps).map((j) => j.mapId)).toEqual(['m0', 'm1', 'm2', 'm3']);
    const strasse = [journeyMap('s', [persona('p', 'Frau Straße')], [])];
    expect(personaJourneys('frau strasse', strasse)).toHaveLength(1);
    expect(personaJourneys('Anna', maps)).toEqual([]);
    expect(personaJourneys('', maps)).toEqual([]);
  });

  it('matches a persona linked to the library by its link only: a renamed library persona still finds it, a namesake linked elsewhere is not it', () => {
    const maps = [
      journeyMap('linked-renamed', [persona('p1', 'Anna (old name)', 'lib-anna')], []),
      journeyMap('namesake', [persona('p2', 'Anna', 'lib-other-anna')], []),
      journeyMap('unlinked', [persona('p3', 'Anna')], []),
      journeyMap('none', [persona('p4', 'Ben', 'lib-ben')], []),
    ];
    expect(personaJourneys({ libraryId: 'lib-anna', name: 'Anna' }, maps).map((j) => j.mapId)).toEqual(['linked-renamed', 'unlinked']);
    expect(personaJourneys({ libraryId: 'lib-anna' }, maps).map((j) => j.mapId)).toEqual(['linked-renamed']);
    // a name alone never takes a linked persona for another
    expect(personaJourneys({ name: 'Anna' }, maps).map((j) => j.mapId)).toEqual(['unlinked']);
  });

  it('reads a link a peer wrote as something other than an id as no link', () => {
    const maps = [
      journeyMap('number', [persona('p1', 'Anna', 42)], []),
      journeyMap('empty', [persona('p2', 'Anna', '')], []),
      journeyMap('object', [persona('p3', 'Anna', { id: 'lib-anna' })], []),
    ];
    expect(personaJourneys({ libraryId: 'lib-anna', name: 'Anna' }, maps).map((j) => j.mapId)).toEqual(['number', 'empty', 'object']);
    expect(personaJourneys({ libraryId: '42' }, maps)).toEqual([]);
  });

  it('also gives the curve from only the feelings tagged with the persona, for maps with several personas', () => {
    const maps = [
      journeyMap(
        'two',
        [persona('anna', 'Anna'), persona('ben', 'Ben')],
        [card('s1', 'feel', 3, ['ben']), card('s1', 'feel', -1, ['anna']), card('s2', 'feel', 2), card('s3', 'feel', -2, ['anna', 'ben'])],
      ),
    ];
    const [anna] = personaJourneys('Anna', maps);
    expect(anna!.stages.map((s) => [s.score, s.personaScore])).toEqual([
      [1, -1],
      [2, null],
      [-2, -2],
    ]);
  });

  it('takes every persona of one map that is the same persona (a map listing her twice)', () => {
    const maps = [journeyMap('dup', [persona('p1', 'Anna'), persona('p2', 'anna'), persona('p3', 'Ben')], [card('s1', 'feel', -2, ['p2'])])];
    const [journey] = personaJourneys('Anna', maps);
    expect(journey!.personaIds).toEqual(['p1', 'p2']);
    expect(journey!.stages[0]!.personaScore).toBe(-2);
  });
});
