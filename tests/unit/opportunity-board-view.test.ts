import { describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { addCard, addPersonaFromLibrary } from '../../src/model/ops';
import { filterRows, opportunityRows, type OpportunityRow } from '../../src/model/opportunities';
import type { SpaceMapEntry } from '../../src/model/space/types';
import { createMapFromTemplate } from '../../src/model/templates';
import {
  boardInputs,
  emotionStep,
  isFiltered,
  mapChoices,
  NO_BOARD_FILTERS,
  personaChoices,
  toOpportunityFilter,
  withPending,
} from '../../src/panels/library/board/boardView';
import { cardOfSearch } from '../../src/store/cardFocus';
import type { SpaceJourney } from '../../src/store/spaces';

/*
 * What the space's opportunity board shows, apart from React: which maps it reads, what its
 * filter controls stand for, the choices they offer, and a value being saved.
 */

const anna = { id: 'lib-anna', name: 'Anna', role: '', age: '', quote: '', goals: [], frustrations: [], color: '#0ea5e9' };

function map(id: string, title: string, pains: string[]): SpaceJourney {
  const doc = createMapFromTemplate('blank', 'en', { mapId: id, createdAt: new Date('2026-06-01T00:00:00Z') });
  const start = readJourney(doc);
  const lane = start.lanes.find((l) => l.kind === 'pains')!.id;
  addPersonaFromLibrary(doc, anna);
  for (const title of pains) addCard(doc, { stageId: start.stages[0]!.id, laneId: lane, title });
  const journey = readJourney(doc);
  return { id, title, journey, votes: new Map([[journey.cards.find((c) => c.title === pains[0])?.id ?? '', 3]]) };
}

const entry = (id: string, title: string, archived = false): SpaceMapEntry => ({
  id,
  title,
  updatedAt: 1,
  updatedBy: '',
  createdAt: 1,
  thumbnail: '',
  personas: [],
  phases: [],
  tags: [],
  archived,
  stageCount: 0,
  cardCount: 0,
  emotion: null,
});

describe('the maps the opportunity board reads', () => {
  it('come in the space index’s order, titled as the index names them, with their last round’s votes', () => {
    const a = map('map-a', 'Old title', ['Slow search']);
    const b = map('map-b', 'Returns', ['Label missing']);
    const inputs = boardInputs([a, b], [entry('map-b', 'Returns'), entry('map-a', 'Checkout (renamed)')]);
    expect(inputs.map((i) => [i.id, i.title])).toEqual([
      ['map-b', 'Returns'],
      ['map-a', 'Checkout (renamed)'],
    ]);
    const rows = opportunityRows(inputs);
    expect(rows.find((r) => r.cardTitle === 'Slow search')?.votes).toBe(3);
  });

  it('say "no round" rather than zero votes for a map where no round ended', () => {
    const a = { ...map('map-a', 'A', ['One']), votes: new Map<string, number>() };
    const rows = opportunityRows(boardInputs([a], [entry('map-a', 'A')]));
    expect(rows.map((r) => r.votes)).toEqual([null]);
  });

  it('leave out archived maps and maps this device does not hold', () => {
    const a = map('map-a', 'A', ['One']);
    const b = map('map-b', 'B', ['Two']);
    const inputs = boardInputs([a, b], [entry('map-a', 'A', true), entry('map-b', 'B'), entry('map-c', 'Not here')]);
    expect(inputs.map((i) => i.id)).toEqual(['map-b']);
  });
});

describe('the board’s controls', () => {
  const rows = opportunityRows(boardInputs([map('map-a', 'Zeta', ['One', 'Two']), map('map-b', 'alpha', ['Three'])], [entry('map-a', 'Zeta'), entry('map-b', 'alpha')]));

  it('name the feeling at a stage by the emotion scale’s step nearest to the mean', () => {
    expect([-3, -2.6, -1.4, -0.4, 0, 0.4, 1.5, 2.4, 3].map(emotionStep)).toEqual([-3, -3, -1, 0, 0, 0, 2, 2, 3]);
    expect(Object.is(emotionStep(-0.2), -0)).toBe(false);
  });

  it('offer each map with rows once, by title, and a library persona once across maps', () => {
    expect(mapChoices(rows).map((c) => c.label)).toEqual(['alpha', 'Zeta']);
    expect(personaChoices(rows)).toEqual([{ value: 'library:lib-anna', label: 'Anna' }]);
  });

  it('narrow the rows by kind, map, persona and status, and "no status" finds the untriaged cards', () => {
    const [first] = rows as [OpportunityRow];
    const triaged = rows.map((r) => (r.key === first.key ? { ...r, status: 'planned' as const } : r));
    expect(isFiltered(NO_BOARD_FILTERS)).toBe(false);
    expect(filterRows(triaged, toOpportunityFilter(NO_BOARD_FILTERS))).toHaveLength(3);
    expect(filterRows(triaged, toOpportunityFilter({ ...NO_BOARD_FILTERS, status: 'none' })).map((r) => r.cardTitle)).toEqual(['Two', 'Three']);
    expect(filterRows(triaged, toOpportunityFilter({ ...NO_BOARD_FILTERS, status: 'planned' })).map((r) => r.cardTitle)).toEqual(['One']);
    expect(filterRows(triaged, toOpportunityFilter({ ...NO_BOARD_FILTERS, mapId: 'map-b' })).map((r) => r.cardTitle)).toEqual(['Three']);
    expect(filterRows(triaged, toOpportunityFilter({ ...NO_BOARD_FILTERS, kind: 'opportunities' }))).toEqual([]);
    expect(filterRows(triaged, toOpportunityFilter({ ...NO_BOARD_FILTERS, persona: 'library:lib-anna' }))).toHaveLength(3);
    expect(isFiltered({ ...NO_BOARD_FILTERS, text: 'x' })).toBe(true);
  });

  it('show a status or owner being saved until the stored map says so too, and nothing else of the row changes', () => {
    const [first] = rows as [OpportunityRow];
    const pending = new Map([[first.key, { status: 'done' as const }]]);
    expect(withPending(first, pending)).toMatchObject({ status: 'done', owner: first.owner, cardTitle: first.cardTitle });
    expect(withPending(first, new Map([[first.key, { owner: 'Dana' }]]))).toMatchObject({ status: first.status, owner: 'Dana' });
    expect(withPending(rows[1]!, pending)).toBe(rows[1]);
  });
});

describe('opening a map at a card', () => {
  it('reads the card from the address’s query, and ignores an absent or absurd one', () => {
    expect(cardOfSearch('?card=c-123')).toBe('c-123');
    expect(cardOfSearch('?view=x&card=a%2Fb')).toBe('a/b');
    expect(cardOfSearch('')).toBeNull();
    expect(cardOfSearch('?card=')).toBeNull();
    expect(cardOfSearch(`?card=${'x'.repeat(500)}`)).toBeNull();
  });
});
