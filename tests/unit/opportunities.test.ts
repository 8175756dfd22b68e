import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard, addPersonaFromLibrary, addStage, updateCard, updatePersona } from '../../src/model/ops';
import {
  filterRows,
  groupRows,
  lastRoundVotes,
  NO_STATUS_GROUP,
  opportunityRows,
  personaKey,
  sortRows,
  type OpportunityMapInput,
  type OpportunityRow,
} from '../../src/model/opportunities';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { closeRound, placeDot, revealRound, startRound } from '../../src/model/votes';
import { OWNER } from '../support/actors';


/** Takes a library persona into a map that has room for it: its id. */
const take = (...args: Parameters<typeof addPersonaFromLibrary>): string => addPersonaFromLibrary(...args)!;
/*
 * The opportunity board's rows (issue 16): every pain point and opportunity of every map of a
 * space, with where it sits, how the stage felt, last round's votes, status and owner.
 */

const anna = { id: 'lib-anna', name: 'Anna', role: '', age: '', quote: '', goals: [], frustrations: [], color: '#0ea5e9' };

/** A small map: stages Browse and Checkout, lanes feelings, pains, opportunities, actions; Anna from the library. */
function smallMap(id: string, title: string, locale: 'en' | 'de' = 'en') {
  const doc = createMapFromTemplate('blank', locale, { mapId: id, createdAt: new Date('2026-06-01T00:00:00Z') });
  const start = readJourney(doc);
  const lane = (kind: string) => start.lanes.find((l) => l.kind === kind)!.id;
  // the blank template's stages go; two of our own with known names
  const browse = addStage(doc, { name: 'Browse', phase: 'pre-purchase', index: 0 });
  const checkout = addStage(doc, { name: 'Checkout', phase: 'purchase', index: 1 });
  const annaId = take(doc, anna);
  const card = (stageId: string, kind: string, title: string, extra: Parameters<typeof updateCard>[2] = {}) => {
    const cardId = addCard(doc, { stageId, laneId: lane(kind), title })!;
    updateCard(doc, cardId, extra);
    return cardId;
  };
  const ids = {
    browseFeeling: card(browse, 'emotions', 'Curious', { emotion: 2 }),
    checkoutFeelingA: card(checkout, 'emotions', 'Annoyed', { emotion: -3 }),
    checkoutFeelingB: card(checkout, 'emotions', 'Unsure', { emotion: -2 }),
    action: card(checkout, 'actions', 'Pays'),
    slowSearch: card(browse, 'pains', 'Search is slow', { status: 'planned', owner: 'Dana' }),
    cardDeclined: card(checkout, 'pains', 'Card declined without a reason', { status: 'inProgress', owner: 'Eli', personaIds: [annaId] }),
    oneClick: card(checkout, 'opportunities', 'One-click reorder', { detailMapId: 'reorder-detail' }),
  };
  return { doc, ids, browse, checkout, annaId, input: (votes?: ReadonlyMap<string, number>): OpportunityMapInput => ({ id, title, journey: readJourney(doc), votes }) };
}

const titles = (rows: readonly OpportunityRow[]) => rows.map((r) => r.cardTitle);

describe('the opportunity rows', () => {
  it('are the pain points and opportunities of each map, map by map in reading order, with where they sit and how that stage felt', () => {
    const a = smallMap('map-a', 'Online shop');
    const rows = opportunityRows([a.input(new Map([[a.ids.cardDeclined, 4]]))]);
    expect(titles(rows)).toEqual(['Search is slow', 'Card declined without a reason', 'One-click reorder']);
    expect(rows[1]).toMatchObject({
      key: `map-a/${a.ids.cardDeclined}`,
      mapId: 'map-a',
      mapTitle: 'Online shop',
      cardId: a.ids.cardDeclined,
      laneKind: 'pains',
      stageId: a.checkout,
      stageName: 'Checkout',
      stageIndex: 1,
      phaseId: 'purchase',
      phaseName: 'Purchase',
      emotion: -2.5,
      votes: 4,
      status: 'inProgress',
      owner: 'Eli',
      personas: [{ id: a.annaId, name: 'Anna', libraryId: 'lib-anna' }],
      personasFromMap: false,
    });
    expect(rows[0]).toMatchObject({ stageName: 'Browse', emotion: 2, votes: 0, status: 'planned', owner: 'Dana', phaseName: 'Pre-purchase', personasFromMap: true });
    expect(rows[2]).toMatchObject({ laneKind: 'opportunities', status: null, owner: '', detailMapId: 'reorder-detail' });
  });

  it('leave the votes unknown (null) when the map’s votes were not given, and the emotion null where nobody scored a feeling', () => {
    const doc = createMapFromTemplate('blank', 'en');
    const j = readJourney(doc);
    addCard(doc, { stageId: j.stages[0]!.id, laneId: j.lanes.find((l) => l.kind === 'pains')!.id, title: 'Lonely pain' });
    const [row] = opportunityRows([{ id: 'm', title: 'M', journey: readJourney(doc) }]);
    expect(row).toMatchObject({ cardTitle: 'Lonely pain', votes: null, emotion: null });
  });

  it('name a phase in the map’s language by default and as the caller says otherwise', () => {
    const de = smallMap('map-de', 'Laden', 'de');
    expect(opportunityRows([de.input()])[0]!.phaseName).toBe('Vor dem Kauf');
    const rows = opportunityRows([de.input()], { phaseName: (phase) => `<${phase.id}>` });
    expect(rows[0]!.phaseName).toBe('<pre-purchase>');
  });

  it('follow the map: a card moved out of the pains lane leaves the board, a status set shows', () => {
    const a = smallMap('map-a', 'Online shop');
    const j = readJourney(a.doc);
    updateCard(a.doc, a.ids.oneClick, { status: 'done' });
    expect(opportunityRows([a.input()]).find((r) => r.cardId === a.ids.oneClick)!.status).toBe('done');
    const actions = j.lanes.find((l) => l.kind === 'actions')!.id;
    addCard(a.doc, { stageId: a.browse, laneId: actions, title: 'Not on the board' });
    expect(titles(opportunityRows([a.input()]))).not.toContain('Not on the board');
  });
});

describe('sorting the rows', () => {
  function twoMaps() {
    const a = smallMap('map-a', 'Online shop');
    const b = smallMap('map-b', 'Branch visit');
    updateCard(b.doc, b.ids.slowSearch, { status: null, owner: '' });
    updateCard(b.doc, b.ids.cardDeclined, { status: 'idea', owner: 'anna' });
    const rows = opportunityRows([a.input(new Map([[a.ids.slowSearch, 1], [a.ids.cardDeclined, 5]])), b.input(new Map([[b.ids.oneClick, 3]]))]);
    return { a, b, rows };
  }
  const keys = (rows: readonly OpportunityRow[]) => rows.map((r) => `${r.mapId}:${r.cardTitle}`);

  it('by votes, most first, keeping the reading order among equals', () => {
    const { rows } = twoMaps();
    expect(sortRows(rows, 'votes', 'desc').map((r) => r.votes)).toEqual([5, 3, 1, 0, 0, 0]);
    expect(keys(sortRows(rows, 'votes', 'desc')).slice(3)).toEqual(['map-a:One-click reorder', 'map-b:Search is slow', 'map-b:Card declined without a reason']);
  });

  it('by status in its order, idea to done, with the cards nobody gave one last in either direction', () => {
    const { rows } = twoMaps();
    expect(sortRows(rows, 'status').map((r) => r.status)).toEqual(['idea', 'planned', 'inProgress', null, null, null]);
    expect(sortRows(rows, 'status', 'desc').map((r) => r.status)).toEqual(['inProgress', 'planned', 'idea', null, null, null]);
  });

  it('by emotion, the worst stage first, and by owner alphabetically without regard to case, nobody last', () => {
    const { rows } = twoMaps();
    expect(sortRows(rows, 'emotion').map((r) => r.emotion)).toEqual([-2.5, -2.5, -2.5, -2.5, 2, 2]);
    expect(sortRows(rows, 'owner').map((r) => r.owner)).toEqual(['anna', 'Dana', 'Eli', '', '', '']);
  });

  it('by map title and by stage order, and never changes the rows it was given', () => {
    const { rows } = twoMaps();
    const copy = [...rows];
    expect(sortRows(rows, 'map').map((r) => r.mapTitle)).toEqual(['Branch visit', 'Branch visit', 'Branch visit', 'Online shop', 'Online shop', 'Online shop']);
    expect(sortRows(rows, 'stage').map((r) => r.stageName)).toEqual(['Browse', 'Browse', 'Checkout', 'Checkout', 'Checkout', 'Checkout']);
    expect(rows).toEqual(copy);
  });
});

describe('filtering the rows', () => {
  const rows = () => {
    const a = smallMap('map-a', 'Online shop');
    const b = smallMap('map-b', 'Filiale Köln');
    updatePersona(b.doc, b.annaId, { name: 'Anna (edited here)' });
    updateCard(b.doc, b.ids.slowSearch, { status: null, owner: '' });
    return opportunityRows([a.input(), b.input()]);
  };

  it('by words in the title, owner, map or stage, without regard to case and accents, every word needed', () => {
    expect(titles(filterRows(rows(), { text: 'DECLINED' }))).toEqual(['Card declined without a reason', 'Card declined without a reason']);
    expect(filterRows(rows(), { text: 'koln' }).map((r) => r.mapId)).toEqual(['map-b', 'map-b', 'map-b']);
    expect(titles(filterRows(rows(), { text: 'eli checkout' }))).toEqual(['Card declined without a reason', 'Card declined without a reason']);
    expect(filterRows(rows(), { text: 'declined nobody' })).toEqual([]);
  });

  it('by status (null is "no status yet"), owner ("" is nobody), lane kind, map and phase', () => {
    expect(filterRows(rows(), { statuses: [null] }).map((r) => `${r.mapId}:${r.cardTitle}`)).toEqual(['map-a:One-click reorder', 'map-b:Search is slow', 'map-b:One-click reorder']);
    expect(titles(filterRows(rows(), { owners: [''], mapIds: ['map-b'] }))).toEqual(['Search is slow', 'One-click reorder']);
    expect(titles(filterRows(rows(), { laneKinds: ['opportunities'] }))).toEqual(['One-click reorder', 'One-click reorder']);
    expect(titles(filterRows(rows(), { owners: [' DANA '] }))).toEqual(['Search is slow']);
    expect(filterRows(rows(), { phases: ['pre-purchase'] }).map((r) => r.stageName)).toEqual(['Browse', 'Browse']);
    expect(filterRows(rows(), {})).toHaveLength(6);
  });

  it('by persona: the library persona is one persona across maps even where a map renamed it', () => {
    const all = rows();
    const anna = all.find((r) => r.mapId === 'map-a' && !r.personasFromMap)!.personas[0]!;
    const found = filterRows(all, { personas: [personaKey(anna)] });
    // every row concerns Anna: her card, and the cards that name nobody stand for the whole map (Anna alone)
    expect(found).toHaveLength(6);
    expect(filterRows(all, { personas: ['name:ben'] })).toEqual([]);
  });
});

describe('grouping the rows', () => {
  function board() {
    const a = smallMap('map-a', 'Online shop');
    const b = smallMap('map-b', 'Branch visit');
    // a second persona in map b, on one card only
    const ben = take(b.doc, { ...anna, id: 'lib-ben', name: 'Ben' });
    updateCard(b.doc, b.ids.oneClick, { personaIds: [ben] });
    updateCard(b.doc, b.ids.slowSearch, { status: 'done' });
    return { a, b, rows: opportunityRows([a.input(), b.input()]) };
  }

  it('by map, in the order the rows come', () => {
    const groups = groupRows(board().rows, 'map');
    expect(groups.map((g) => [g.key, g.label, g.rows.length])).toEqual([
      ['map-a', 'Online shop', 3],
      ['map-b', 'Branch visit', 3],
    ]);
  });

  it('by stage name across maps: "Checkout" of both maps is one group', () => {
    const groups = groupRows(board().rows, 'stage');
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.mapId)])).toEqual([
      ['Browse', ['map-a', 'map-b']],
      ['Checkout', ['map-a', 'map-a', 'map-b', 'map-b']],
    ]);
  });

  it('by status: every status a column, "no status yet" first, even when empty', () => {
    const groups = groupRows(board().rows, 'status');
    expect(groups.map((g) => [g.key, g.rows.length])).toEqual([
      [NO_STATUS_GROUP, 2],
      ['idea', 0],
      ['planned', 1],
      ['inProgress', 2],
      ['done', 1],
    ]);
    expect(groupRows([], 'status')).toHaveLength(5);
  });

  it('by persona: a card in each group of the personas it concerns, the library persona one group across maps', () => {
    const { rows } = board();
    const groups = groupRows(rows, 'persona');
    expect(groups.map((g) => [g.key, g.label, g.rows.map((r) => `${r.mapId}:${r.cardTitle}`)])).toEqual([
      ['library:lib-anna', 'Anna', ['map-a:Search is slow', 'map-a:Card declined without a reason', 'map-a:One-click reorder', 'map-b:Search is slow', 'map-b:Card declined without a reason']],
      ['library:lib-ben', 'Ben', ['map-b:Search is slow', 'map-b:One-click reorder']],
    ]);
  });

  it('by persona: rows that concern nobody come last, in a group of their own', () => {
    const doc = createMapFromTemplate('blank', 'en');
    const j = readJourney(doc);
    addCard(doc, { stageId: j.stages[0]!.id, laneId: j.lanes.find((l) => l.kind === 'pains')!.id, title: 'Nobody’s pain' });
    const rows = [...board().rows, ...opportunityRows([{ id: 'plain', title: 'Plain', journey: readJourney(doc) }])];
    const groups = groupRows(rows, 'persona');
    expect(groups.at(-1)).toMatchObject({ key: '', label: '' });
    expect(titles(groups.at(-1)!.rows)).toEqual(['Nobody’s pain']);
  });
});

describe('votes from the last round', () => {
  function feedbackWithRounds(journey: Journey) {
    const feedback = new Y.Doc();
    const [c1, c2, c3] = journey.cards;
    const at = (s: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, s));
    const first = startRound(feedback, OWNER, { title: 'Round 1', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Dana', now: at(0) });
    for (let i = 0; i < 3; i++) placeDot(feedback, OWNER, { roundId: first, cardId: c1!.id, voterId: `voter-${i}`, voterName: `V${i}`, now: at(1 + i) });
    closeRound(feedback, OWNER, first);
    const second = startRound(feedback, OWNER, { title: 'Round 2', votesPerPerson: 2, laneIds: [], anonymous: true, durationMs: null, startedBy: 'Dana', now: at(10) });
    placeDot(feedback, OWNER, { roundId: second, cardId: c2!.id, voterId: 'voter-0', voterName: '', now: at(11) });
    placeDot(feedback, OWNER, { roundId: second, cardId: c2!.id, voterId: 'voter-0', voterName: '', now: at(12) });
    placeDot(feedback, OWNER, { roundId: second, cardId: c3!.id, voterId: 'voter-1', voterName: '', now: at(13) });
    return { feedback, first, second, c1: c1!.id, c2: c2!.id, c3: c3!.id };
  }

  it('count the dots of the most recent ended round only, per card', () => {
    const journey = readJourney(smallMap('m', 'M').doc);
    const { feedback, second, c1, c2, c3 } = feedbackWithRounds(journey);
    revealRound(feedback, OWNER, second);
    expect(lastRoundVotes(feedback)).toEqual(new Map([[c2, 2], [c3, 1]]));
    expect(lastRoundVotes(feedback).has(c1)).toBe(false);
  });

  it('leave a round still open out and show the one before it, and are empty before any round ended', () => {
    const journey = readJourney(smallMap('m', 'M').doc);
    const { feedback, c1 } = feedbackWithRounds(journey);
    expect(lastRoundVotes(feedback)).toEqual(new Map([[c1, 3]]));
    expect(lastRoundVotes(new Y.Doc())).toEqual(new Map());
  });

  it('reach the board rows', () => {
    const a = smallMap('m', 'M');
    const journey = readJourney(a.doc);
    const feedback = new Y.Doc();
    const round = startRound(feedback, OWNER, { title: 'Pains', votesPerPerson: 2, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Dana', now: new Date('2026-06-01T10:00:00Z') });
    placeDot(feedback, OWNER, { roundId: round, cardId: a.ids.slowSearch, voterId: 'voter-1', voterName: 'V', now: new Date('2026-06-01T10:00:01Z') });
    placeDot(feedback, OWNER, { roundId: round, cardId: a.ids.slowSearch, voterId: 'voter-1', voterName: 'V', now: new Date('2026-06-01T10:00:02Z') });
    // over the allowance: not counted, as in the exports
    placeDot(feedback, OWNER, { roundId: round, cardId: a.ids.oneClick, voterId: 'voter-1', voterName: 'V', now: new Date('2026-06-01T10:00:03Z') });
    closeRound(feedback, OWNER, round);
    const rows = opportunityRows([{ id: 'm', title: 'M', journey, votes: lastRoundVotes(feedback) }]);
    expect(rows.map((r) => [r.cardTitle, r.votes])).toEqual([
      ['Search is slow', 2],
      ['Card declined without a reason', 0],
      ['One-click reorder', 0],
    ]);
  });
});
