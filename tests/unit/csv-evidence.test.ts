import { describe, expect, it } from 'vitest';
import { journeyToCsv, parseCsv } from '../../src/export/csv';
import { importCsv } from '../../src/export/import';
import { readJourney } from '../../src/model/doc';
import { addEvidence } from '../../src/model/ops/evidence';
import { createMapFromTemplate } from '../../src/model/templates';

function mapWithEvidence() {
  const doc = createMapFromTemplate('retail', 'en');
  const card = readJourney(doc).cards[0]!;
  addEvidence(doc, [
    { text: 'The parcel came three days late', source: 'support', count: 37, date: '2026-03-02', cardId: card.id },
    { text: '=HYPERLINK("http://evil.example")\nsecond line <b>bold</b>', source: 'review', score: 5, scale: 'stars', sentiment: 'positive', cardId: card.id },
    { text: 'waiting in the inbox', source: 'chat' },
  ]);
  return { doc, card };
}

describe('evidence in the card CSV', () => {
  it('writes a card\u2019s items one per line of its evidence cell, quote first and defaults left out, and leaves inbox items out', () => {
    const { doc, card } = mapWithEvidence();
    const parsed = parseCsv(journeyToCsv(readJourney(doc)));
    if (!parsed.ok) throw new Error('unreadable');
    const [header, ...rows] = parsed.rows;
    const at = header!.indexOf('evidence');
    expect(header![at - 1]).toBe('confidence');
    const row = rows.find((r) => r[header!.indexOf('title')] === card.title)!;
    expect(row[at]!.split('\n')).toEqual([
      '{"text":"The parcel came three days late","source":"support","count":37,"date":"2026-03-02"}',
      '{"text":"=HYPERLINK(\\"http://evil.example\\")\\nsecond line <b>bold</b>","source":"review","score":5,"scale":"stars","sentiment":"positive"}',
    ]);
    // a spreadsheet runs a cell's start only, and this one starts with "{"
    expect(row[at]!.startsWith('{')).toBe(true);
    expect(parsed.rows.flat().some((cell) => cell.includes('waiting in the inbox'))).toBe(false);
  });

  it('reads the cell back onto the new card, and reads a cell typed by hand', () => {
    const { doc } = mapWithEvidence();
    const result = importCsv(journeyToCsv(readJourney(doc)));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const card = result.journey.cards[0]!;
    expect(result.journey.evidence.map((e) => [e.cardId, e.text, e.count, e.score])).toEqual([
      [card.id, 'The parcel came three days late', 37, null],
      [card.id, '=HYPERLINK("http://evil.example")\nsecond line <b>bold</b>', 1, 5],
    ]);
    const byHand = importCsv('stage,lane,title,evidence\r\nPay,Pains,Slow checkout,"{""text"":""took ages""}\r\n\r\n{""text"":""queue"",""count"":4}"\r\n');
    if (!byHand.ok) throw new Error(JSON.stringify(byHand.issues));
    expect(byHand.journey.evidence.map((e) => [e.text, e.count])).toEqual([['took ages', 1], ['queue', 4]]);
  });

  it('refuses a cell line that is no item, or an item with a wrong field, naming the line, the column and the item', () => {
    const result = importCsv(
      'stage,lane,title,evidence\r\nPay,Pains,A,not json\r\nPay,Pains,B,"{""text"":""x"",""score"":11,""scale"":""nps""}\n{""text"":""y"",""source"":""rumour""}"\r\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'line 2.evidence: is not an evidence item: each line must be one {"text": "…", …} object',
      'line 3.evidence: item 1 score is not a whole number on the nps scale',
      'line 3.evidence: item 2 source must be one of interview, survey, support, chat, social, review, observation, analytics, workshop, other',
    ]);
  });
});
