import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CSV_COLUMNS, journeyToCsv, parseCsv, readCsvCards } from '../../src/export/csv';
import { importCsv } from '../../src/export/import';
import { defaultCard } from '../../src/model/cardRecord';
import { readJourney } from '../../src/model/doc';
import { instantiateTemplate, createMapFromTemplate } from '../../src/model/templates';
import { finishedRoundResults, placeDot, revealRound, startRound } from '../../src/model/votes';
import { OWNER } from '../support/actors';

function rows(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('unparseable');
  return parsed.rows;
}

const column = (name: string) => CSV_COLUMNS.indexOf(name);

describe('the CSV speaks the map’s language', () => {
  it('writes phases and channels as names in the map’s locale, not ids', () => {
    const de = rows(journeyToCsv(instantiateTemplate('retail', 'de'))).slice(1);
    const phases = new Set(de.map((r) => r[column('phase')]));
    expect([...phases]).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf']);
    const channels = new Set(de.map((r) => r[column('channel')]).filter((c) => c !== ''));
    expect(channels.has('Filiale')).toBe(true);
    expect([...channels].some((c) => ['web', 'store', 'email', 'phone'].includes(c!))).toBe(false);

    const en = rows(journeyToCsv(instantiateTemplate('retail', 'en'))).slice(1);
    expect(new Set(en.map((r) => r[column('phase')]))).toEqual(new Set(['Pre-purchase', 'Purchase', 'Post-purchase']));
    expect(en.some((r) => r[column('channel')] === 'Store')).toBe(true);
  });

  it('a renamed phase still writes its default name, so the import can place the stage', () => {
    const journey = instantiateTemplate('blank', 'en');
    journey.phases[0]!.name = 'Awareness';
    journey.stages.push({ id: 's9', name: 'Sees an ad', phase: 'pre-purchase', order: 'z0', color: null, description: '', detailMapId: null });
    journey.cards.push({ ...defaultCard(), id: 'c9', stageId: 's9', laneId: journey.lanes[0]!.id, title: 'Ad' });
    const row = rows(journeyToCsv(journey)).find((r) => r[column('title')] === 'Ad')!;
    expect(row[column('phase')]).toBe('Pre-purchase');
  });

  it('imports the names in English and German and the ids older exports wrote, in any case', () => {
    const csv = [
      'phase,stage,lane,lane kind,title,channel',
      'pre-purchase,A,L,actions,by id,store',
      'Vor dem Kauf,A,L,actions,by German name,Filiale',
      'PRE-PURCHASE,A,L,actions,by English name,Store',
      'kauf,B,L,actions,lower case German,e-mail',
      'Post-purchase,C,L,actions,English,Phone',
    ].join('\n');
    const read = readCsvCards(csv);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.cards.map((c) => [c.phase, c.channel])).toEqual([
      ['pre-purchase', 'store'],
      ['pre-purchase', 'store'],
      ['pre-purchase', 'store'],
      ['purchase', 'email'],
      ['post-purchase', 'phone'],
    ]);
  });

  // (custom phases) a name that is no default phase used to be refused; it is the map's own phase now
  it('reads a phase name it does not know as a phase of the map’s own', () => {
    const read = readCsvCards('phase,stage,lane,title\nLater,A,L,x\n');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.cards[0]).toMatchObject({ ownPhase: 'Later', stage: 'A' });
  });

  it('a German sheet imports as a German map and exports the same bytes again', () => {
    const csv = journeyToCsv(instantiateTemplate('service', 'de'));
    const imported = importCsv(csv);
    if (!imported.ok) throw new Error('did not import');
    expect(imported.journey.locale).toBe('de');
    expect(journeyToCsv(imported.journey)).toBe(csv);
  });
});

describe('the CSV’s votes column', () => {
  function votedMap() {
    const doc = createMapFromTemplate('retail', 'en');
    const journey = readJourney(doc);
    const [c0, c1] = journey.cards.map((c) => c.id);
    const feedback = new Y.Doc();
    const now = new Date('2026-11-23T09:00:00.000Z');
    for (const [roundId, title] of [['r1', 'Biggest pains'], ['r2', 'Quick wins']] as const) {
      startRound(feedback, OWNER, { id: roundId, title, votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fay', now });
      placeDot(feedback, OWNER, { roundId, cardId: c0!, voterId: 'ann', voterName: 'Ann', now });
      placeDot(feedback, OWNER, { roundId, cardId: c0!, voterId: 'ben', voterName: 'Ben', now });
      if (roundId === 'r1') placeDot(feedback, OWNER, { roundId, cardId: c1!, voterId: 'ann', voterName: 'Ann', now });
      revealRound(feedback, OWNER, roundId);
    }
    return { journey, feedback, c0: c0!, c1: c1! };
  }

  it('holds each card’s dots over every ended round, beside one column per round', () => {
    const { journey, feedback, c0, c1 } = votedMap();
    const table = rows(journeyToCsv(journey, finishedRoundResults(feedback)));
    const rowOf = (id: string) => table[1 + journey.cards.findIndex((c) => c.id === id)]!;
    expect(rowOf(c0)[column('votes')]).toBe('4');
    expect(rowOf(c0).slice(CSV_COLUMNS.length)).toEqual(['2', '2']);
    expect(rowOf(c1)[column('votes')]).toBe('1');
  });

  it('adds a card’s own tally (from an imported file) to the rounds’ dots, and an import keeps only that tally', () => {
    const { journey, feedback, c0 } = votedMap();
    const withTally = { ...journey, cards: journey.cards.map((c) => (c.id === c0 ? { ...c, votes: 5 } : c)) };
    const csv = journeyToCsv(withTally, finishedRoundResults(feedback));
    expect(rows(csv)[1 + journey.cards.findIndex((c) => c.id === c0)]![column('votes')]).toBe('9');
    const imported = importCsv(csv);
    if (!imported.ok) throw new Error('did not import');
    expect(imported.journey.cards.map((c) => c.votes)).toEqual(withTally.cards.map((c) => c.votes));
  });
});
