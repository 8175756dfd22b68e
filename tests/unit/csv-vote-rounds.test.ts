import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCli } from '../../src/cli/main';
import { journeyToCsv, parseCsv, CSV_COLUMNS } from '../../src/export/csv';
import { importCsv, importFile } from '../../src/export/import';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { closeRound, finishedRoundResults, placeDot, revealRound, startRound } from '../../src/model/votes';
import { runExport, type ExportSettings } from '../../src/panels/export/exportJob';
import { serializeMap } from '../../src/schema';
import { OWNER } from '../support/actors';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

function votedMap() {
  const doc = createMapFromTemplate('retail', 'en');
  const journey = readJourney(doc);
  const [c0, c1, c2] = journey.cards.map((c) => c.id);
  const feedback = new Y.Doc();
  const round = (id: string, title: string, seconds: number) =>
    startRound(feedback, OWNER, { id, title, votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fay', now: at(seconds) });
  const dot = (roundId: string, cardId: string, voterId: string, seconds: number) =>
    placeDot(feedback, OWNER, { roundId, cardId, voterId, voterName: voterId, now: at(seconds) });
  round('pains', 'Biggest pains, ranked', 0);
  dot('pains', c0!, 'ann', 1);
  dot('pains', c0!, 'ben', 2);
  dot('pains', c1!, 'ben', 3);
  revealRound(feedback, OWNER, 'pains');
  round('wins', 'Quick wins', 86_400);
  dot('wins', c2!, 'ann', 86_401);
  closeRound(feedback, OWNER, 'wins');
  round('live', 'Still voting', 2 * 86_400);
  dot('live', c0!, 'ann', 2 * 86_400 + 1);
  return { doc, journey, feedback, cards: [c0!, c1!, c2!] };
}

function rows(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('unparseable');
  return parsed.rows;
}

describe('vote rounds in the CSV export', () => {
  it('a revealed or closed round adds a column with each card’s counted votes; an open one adds none', () => {
    const { journey, feedback, cards } = votedMap();
    const csv = journeyToCsv(journey, finishedRoundResults(feedback));
    const [header, ...body] = rows(csv);
    expect(header).toEqual([...CSV_COLUMNS, 'votes: Biggest pains, ranked (2026-11-23)', 'votes: Quick wins (2026-11-24)']);
    expect(csv.split('\r\n')[0]).toContain(',"votes: Biggest pains, ranked (2026-11-23)",');
    const votesOf = (cardIndex: number) => body[journey.cards.findIndex((c) => c.id === cards[cardIndex])]!.slice(CSV_COLUMNS.length);
    expect(votesOf(0)).toEqual(['2', '0']);
    expect(votesOf(1)).toEqual(['1', '0']);
    expect(votesOf(2)).toEqual(['0', '1']);
    expect(body.every((r) => r.length === CSV_COLUMNS.length + 2)).toBe(true);
  });

  it('is unchanged without rounds', () => {
    const { journey } = votedMap();
    expect(journeyToCsv(journey, [])).toBe(journeyToCsv(journey));
  });

  it('importing such a CSV still works: the round columns are ignored', () => {
    const { journey, feedback } = votedMap();
    const csv = journeyToCsv(journey, finishedRoundResults(feedback));
    const imported = importCsv(csv, { title: 'Imported' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(journeyToCsv(imported.journey)).toBe(journeyToCsv(journey));
    expect(importFile('workshop.csv', csv).ok).toBe(true);
  });

  it('the command line’s CSV export of a map file includes its ended rounds', async () => {
    const { doc, feedback } = votedMap();
    let out = '';
    const code = await runCli(['export', '-', '--format', 'csv'], {
      stdout: (text) => (out += text),
      stderr: (text) => {
        throw new Error(text);
      },
      readStdin: () => serializeMap(doc, feedback),
      env: {},
      version: 'test',
    });
    expect(code).toBe(0);
    expect(rows(out)[0]!.slice(CSV_COLUMNS.length)).toEqual(['votes: Biggest pains, ranked (2026-11-23)', 'votes: Quick wins (2026-11-24)']);
  });

  it('the app’s CSV export includes the ended rounds of the feedback doc it is given', async () => {
    const { doc, journey, feedback } = votedMap();
    const settings: ExportSettings = { format: 'csv', stageIds: null, scale: 1, background: 'white', paper: 'a4', pages: 'fit' };
    const withFeedback = await runExport(settings, { doc, journey, feedback }, (key) => key, 'en', () => {});
    expect(rows(await withFeedback.blob.text())[0]).toHaveLength(CSV_COLUMNS.length + 2);
    const without = await runExport(settings, { doc, journey }, (key) => key, 'en', () => {});
    expect(rows(await without.blob.text())).toEqual(rows(journeyToCsv(journey)));
  });
});
