import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEvidenceDate, scoreFits } from '../../src/model/evidence';
import { parseCsv } from '../../src/export/csv';
import { detectMapping, feedbackDrafts, linesToDrafts, mappingSignature, readDate, readFeedbackTable, type FeedbackTable } from '../../src/export/feedbackCsv';
import { LIMITS } from '../../src/model/limits';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { describeIssue } from '../../src/schema/issues';
import { buildSuggestionIndex, suggestCards } from '../../src/model/evidenceSuggest';
import { readFileSync } from 'node:fs';
import { retailFeedbackCsv } from '../support/feedbackFixture';

const retailEn = instantiateTemplate('retail', 'en');
const retailDe = instantiateTemplate('retail', 'de');

function table(text: string): FeedbackTable {
  const result = readFeedbackTable(text);
  if (!result.ok) throw new Error(result.issues.map(describeIssue).join('\n'));
  return result.table;
}

function read(text: string, journey: Journey = retailEn) {
  const t = table(text);
  const mapping = detectMapping(t);
  return { table: t, mapping, ...feedbackDrafts(t, mapping, journey, { addedBy: 'Mia' }) };
}

const stageId = (journey: Journey, name: string) => journey.stages.find((s) => s.name === name)!.id;

describe('reading a customer feedback file', () => {
  it('reads a German Excel export: BOM, semicolons, German headers, DD.MM.YYYY dates, star ratings and a quoted line break', () => {
    const csv =
      '\ufeffDatum;Kommentar;Quelle;Bewertung;Schritt;Kanal;Ticket\r\n' +
      '03.04.2026;"Die Retoure hat ewig gedauert.\r\nUnd dann nur ein ""Gutschein"".";Trustpilot;2;Retoure;Filiale;T-4411\r\n' +
      '4.5.26;Lieferung kam pünktlich;Hotline;5;Lieferung / Abholung;Telefon;T-4412\r\n';
    const { table: t, mapping, drafts, problems } = read(csv, retailDe);
    expect(t.separator).toBe(';');
    expect(mapping.columns).toEqual({ date: 0, text: 1, source: 2, score: 3, stage: 4, channel: 5, reference: 6 });
    expect(mapping.scale).toBe('stars');
    expect(problems).toEqual([]);
    expect(drafts[0]).toEqual({
      text: 'Die Retoure hat ewig gedauert.\nUnd dann nur ein "Gutschein".',
      cardId: null,
      source: 'review',
      addedBy: 'Mia',
      date: '2026-04-03',
      score: 2,
      scale: 'stars',
      stageId: stageId(retailDe, 'Retoure'),
      channel: 'store',
      reference: 'T-4411',
    });
    expect(drafts[1]).toMatchObject({ date: '2026-05-04', source: 'support', channel: 'phone', stageId: stageId(retailDe, 'Lieferung / Abholung') });
  });

  it('reads an English comma file with NPS scores, and reads 0–10 values as NPS even when the header only says "Score"', () => {
    const csv = 'Created,Verbatim,Score,Channel of origin,Journey stage\n2026-03-02T09:15:00Z,"Great boots, fast delivery",9,NPS survey,delivery\n2026/03/04,Refund took forever,0,Survey,Return\n';
    const { mapping, drafts, problems } = read(csv);
    expect(mapping.columns).toEqual({ date: 0, text: 1, score: 2, source: 3, stage: 4 });
    expect(mapping.scale).toBe('nps');
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.text, d.date, d.score, d.scale, d.source])).toEqual([
      ['Great boots, fast delivery', '2026-03-02', 9, 'nps', 'survey'],
      ['Refund took forever', '2026-03-04', 0, 'nps', 'survey'],
    ]);
    expect(drafts[0]!.stageId).toBe(stageId(retailEn, 'Delivery / pick-up'));
  });

  it('reads a tab-separated file and a CSAT column as CSAT, not stars', () => {
    const { table: t, mapping, drafts } = read('Feedback\tCSAT\tSentiment\tAnzahl\nStaff were lovely\t5\tpositive\t12\n');
    expect(t.separator).toBe('\t');
    expect(mapping.scale).toBe('csat');
    expect(drafts[0]).toMatchObject({ score: 5, scale: 'csat', sentiment: 'positive', count: 12 });
  });

  it('maps the source words people use to the evidence sources', () => {
    const words: [string, string][] = [
      ['Hotline', 'support'], ['Telefon', 'support'], ['Ticket', 'support'], ['Trustpilot', 'review'], ['Google', 'review'], ['App Store review', 'review'],
      ['Live chat', 'chat'], ['Instagram', 'social'], ['Twitter', 'social'], ['NPS-Umfrage', 'survey'], ['Umfrage', 'survey'], ['Interview', 'interview'],
      ['Kundeninterview', 'interview'], ['Something else', 'other'],
    ];
    const csv = `Text,Source\n${words.map(([w], i) => `Item ${i},${w}`).join('\n')}\n`;
    const { drafts } = read(csv);
    expect(drafts.map((d) => d.source)).toEqual(words.map(([, s]) => s));
  });

  it('matches the stage cell to the map stage regardless of case, accents and language, and says which stage it does not know', () => {
    const csv = 'Text;Schritt\nA;ABWÄGUNG\nB;Abwaegung\nC;consideration\nD;Returns\nE;Mondlandung\n';
    const { drafts, problems } = read(csv, retailDe);
    const consideration = stageId(retailDe, 'Abwägung');
    expect(drafts.map((d) => d.stageId ?? null)).toEqual([consideration, consideration, consideration, stageId(retailDe, 'Retoure'), null]);
    expect(problems.map(describeIssue)).toEqual(['row[6].stage: the map has no stage "Mondlandung"; left out']);
  });

  it('matches channel names in English and German and the words feedback tools use for them', () => {
    const { drafts } = read('Text,Channel\na,Web\nb,Filiale\nc,Hotline\nd,E-Mail\ne,Webshop\nf,Lieferung\n');
    expect(drafts.map((d) => d.channel)).toEqual(['web', 'store', 'phone', 'email', 'web', 'delivery']);
  });

  it('reads dates in ISO, German and slashed forms, and leaves out a month/day date that could be either', () => {
    expect(readDate('2026-03-02')).toBe('2026-03-02');
    expect(readDate('2026-03-02 14:22:10')).toBe('2026-03-02');
    expect(readDate('02.03.2026')).toBe('2026-03-02');
    expect(readDate('2.3.26')).toBe('2026-03-02');
    expect(readDate('02.03.2026 14:22')).toBe('2026-03-02');
    expect(readDate('2026/03/02')).toBe('2026-03-02');
    expect(readDate('03/25/2026')).toBe('2026-03-25');
    expect(readDate('25/03/2026')).toBe('2026-03-25');
    expect(readDate('03/04/2026')).toBe('ambiguous');
    expect(readDate('31.02.2026')).toBeNull();
    expect(readDate('last Tuesday')).toBeNull();
    // one unambiguous date in the column tells how the others are written
    const us = read('Text,Date\na,03/25/2026\nb,03/04/2026\n');
    expect(us.drafts.map((d) => d.date)).toEqual(['2026-03-25', '2026-03-04']);
    const unclear = read('Text,Date\na,03/04/2026\nb,yesterday\n');
    expect(unclear.drafts.map((d) => d.date)).toEqual([undefined, undefined]);
    expect(unclear.problems.map(describeIssue)).toEqual([
      'row[2].date: "03/04/2026" could be day/month or month/day; left out',
      'row[3].date: "yesterday" is not a date (YYYY-MM-DD or DD.MM.YYYY); left out',
    ]);
  });

  it('names a score off its scale by row and column, keeps the row, and reads a cell that names its top on that scale', () => {
    const { drafts, problems } = read('Comment,Stars\nfine,4\nodd,9\nstars,★★★☆☆\nsurvey,7 of 10\nweird,7 of 100\n');
    expect(drafts.map((d) => [d.score ?? null, d.scale ?? null])).toEqual([[4, 'stars'], [null, null], [3, 'stars'], [7, 'nps'], [null, null]]);
    expect(problems.map(describeIssue)).toEqual([
      'row[3].score: "9" is not a whole number from 1 to 5 (stars); left out',
      'row[6].score: "7 of 100" is on no scale Waymark knows (NPS 0–10, CSAT or stars 1–5); left out',
    ]);
  });

  it('reads a mixed log where reviews say "4 von 5" and survey rows give plain 0–10 scores', () => {
    const { mapping, drafts } = read('Kommentar;Bewertung\nToll;4 von 5\nGeht so;6\nSuper;10\n', retailDe);
    expect(mapping.scale).toBe('nps');
    expect(drafts.map((d) => [d.score, d.scale])).toEqual([[4, 'stars'], [6, 'nps'], [10, 'nps']]);
  });

  it('keeps formulas and HTML as plain text and shortens a 100,000-character quote with a problem', () => {
    const long = 'x'.repeat(100_000);
    const csv = `Comment,Source\n"=HYPERLINK(""http://evil.example"",""click"")",chat\n+49 170 1234567,chat\n-5 stars,chat\n@admin help,chat\n"<img src=x onerror=alert(1)><b>bold</b>",chat\n"${long}",chat\n`;
    const { drafts, problems } = read(csv);
    expect(drafts.map((d) => d.text.slice(0, 50))).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      '+49 170 1234567',
      '-5 stars',
      '@admin help',
      '<img src=x onerror=alert(1)><b>bold</b>',
      'x'.repeat(50),
    ]);
    expect(drafts[5]!.text).toHaveLength(LIMITS.evidenceText);
    expect(problems.map(describeIssue)).toEqual(['row[7].text: shortened to 4,000 characters']);
  });

  it('reads 10,000 rows quickly and refuses a file over the evidence limit instead of half-reading it', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i},"Row ${i}: the parcel came late, again",Hotline,${(i % 5) + 1}`);
    const started = performance.now();
    const { drafts, problems } = read(`id,text,source,rating\n${rows.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(drafts).toHaveLength(10_000);
    expect(problems).toEqual([]);
    const tooMany = readFeedbackTable(`text\n${Array.from({ length: LIMITS.evidence + 1 }, (_, i) => `r${i}`).join('\n')}\n`);
    expect(tooMany.ok).toBe(false);
  });

  it('says what is wrong with a file it cannot read, and never throws on junk', () => {
    expect(readFeedbackTable('')).toEqual({ ok: false, issues: [{ path: '(file)', message: 'is empty', reason: { key: 'emptyFile', values: {} } }] });
    const unclosed = readFeedbackTable('text\n"never closed\n');
    expect(unclosed.ok).toBe(false);
    for (const junk of ['\u0000\u0001', '"', ';;;\n;;', '\ufeff', 'a\rb\r\nc', '"a""', String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 65_000))]) {
      const result = readFeedbackTable(junk);
      if (result.ok) expect(() => feedbackDrafts(result.table, detectMapping(result.table), retailEn)).not.toThrow();
    }
  });

  it('never throws on any mix of separators, quotes, line breaks, dates and scores, and every draft it makes is valid', () => {
    const piece = fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\ufeff', 'Text', 'Datum', 'Stars', 'NPS', 'Schritt', 'Kanal', 'Quelle', '12.03.2026', '03/04/2026', '2026-02-30', '4/5', '★★☆☆☆', '11', 'Hotline', 'Retoure', '=cmd', ' ', 'ä', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = readFeedbackTable(pieces.join(''));
        if (!result.ok) return;
        const { drafts } = feedbackDrafts(result.table, detectMapping(result.table), retailDe);
        for (const d of drafts) {
          expect(d.text.trim()).not.toBe('');
          expect(d.text.length).toBeLessThanOrEqual(LIMITS.evidenceText);
          if (d.date !== undefined) expect(isEvidenceDate(d.date)).toBe(true);
          if (d.score !== undefined) expect(scoreFits(d.score!, d.scale!)).toBe(true);
          if (d.stageId !== undefined) expect(retailDe.stages.some((st) => st.id === d.stageId)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the feedback column by its length when no header names it, and reports a file without any text column', () => {
    const { mapping, drafts } = read('Nr,Eintrag\n1,Die Kasse war nicht besetzt und ich musste warten\n2,Mitarbeiter sehr freundlich und kompetent\n');
    expect(mapping.columns.text).toBe(1);
    expect(drafts).toHaveLength(2);
    const t = table('a,b\n1,2\n');
    const result = feedbackDrafts(t, detectMapping(t), retailEn);
    expect(result.drafts).toEqual([]);
    expect(result.problems.map(describeIssue)).toEqual(['(file): has no column of feedback text; choose the column that holds it']);
  });

  it('reads a survey tool export whose headers are the questions', () => {
    const { mapping, drafts } = read(
      'Response ID,How likely are you to recommend us to a friend?,What is the main reason for your score?\nR1,3,"Refund took three weeks, never again"\nR2,9,Friendly staff in Leeds\n',
    );
    expect(mapping.columns).toEqual({ reference: 0, score: 1, text: 2 });
    const reversed = detectMapping(table('Why did you give this score?;Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?\nZu teuer;4\n'));
    expect(reversed.columns).toEqual({ text: 0, score: 1 });
    expect(detectMapping(table('Datum der Bewertung,Text\n2026-01-02,ok\n')).columns).toEqual({ date: 0, text: 1 });
    expect(mapping.scale).toBe('nps');
    expect(mapping.source).toBe('survey');
    expect(drafts.map((d) => [d.text, d.score, d.source, d.reference])).toEqual([
      ['Refund took three weeks, never again', 3, 'survey', 'R1'],
      ['Friendly staff in Leeds', 9, 'survey', 'R2'],
    ]);
  });

  it('leaves out rows without text, saying so only for rows that had something else', () => {
    const { drafts, problems } = read('Text,Score\nhello,3\n,4\n,\n');
    expect(drafts).toHaveLength(1);
    expect(problems.map(describeIssue)).toEqual(['row[3].text: is empty; the row is left out']);
  });

  it('gives the same signature to the same headers however they are written, and another to other headers', () => {
    expect(mappingSignature(['Kommentar', 'Datum'])).toBe(mappingSignature([' kommentar ', 'DATUM']));
    expect(mappingSignature(['Kommentar', 'Datum'])).not.toBe(mappingSignature(['Datum', 'Kommentar']));
  });

  it('turns pasted lines into one item each, bullets dropped and blank lines skipped', () => {
    const drafts = linesToDrafts('- Refund took 3 weeks\n\n• Lieferung zu spät\r\n   plain line  \n-not a bullet\n', { source: 'interview', addedBy: 'Jo' });
    expect(drafts.map((d) => d.text)).toEqual(['Refund took 3 weeks', 'Lieferung zu spät', 'plain line', '-not a bullet']);
    expect(drafts.every((d) => d.source === 'interview' && d.addedBy === 'Jo' && d.cardId === null)).toBe(true);
  });

  it('parseCsv still splits on commas by default and on the separator it is given', () => {
    expect(parseCsv('a,b;c\n')).toEqual({ ok: true, rows: [['a', 'b;c']] });
    expect(parseCsv('a,b;"c;\nd"\n', 10, ';')).toEqual({ ok: true, rows: [['a,b', 'c;\nd']] });
  });

  describe('the retail feedback fixtures (a hotline, chat, review and NPS log of the retail template\'s chain)', () => {
    const fixture = (locale: 'en' | 'de') => readFileSync(new URL(`../fixtures/feedback/retail-feedback.${locale}.csv`, import.meta.url), 'utf8');

    it('are what scripts/feedback-fixtures.ts writes', () => {
      expect(fixture('en')).toBe(retailFeedbackCsv('en', 200));
      expect(fixture('de')).toBe(retailFeedbackCsv('de', 200));
    });

    for (const [locale, journey, separator] of [['en', retailEn, ','], ['de', retailDe, ';']] as const) {
      it(`read in full (${locale}): every column found, stars and NPS told apart, stage hints matched, and most items get a suggested card`, () => {
        const { table: t, mapping, drafts, problems } = read(fixture(locale), journey);
        expect(t.separator).toBe(separator);
        expect(Object.keys(mapping.columns).sort()).toEqual(['channel', 'date', 'reference', 'score', 'sentiment', 'source', 'stage', 'text']);
        expect(problems).toEqual([]);
        expect(drafts).toHaveLength(200);
        expect(new Set(drafts.map((d) => d.source))).toEqual(new Set(['support', 'chat', 'review', 'survey']));
        expect(drafts.every((d) => /^2026-0[1-4]-\d\d$/.test(d.date ?? ''))).toBe(true);
        expect(drafts.filter((d) => d.source === 'review').every((d) => d.scale === 'stars')).toBe(true);
        expect(drafts.filter((d) => d.source === 'survey').every((d) => d.scale === 'nps')).toBe(true);
        expect(drafts.filter((d) => d.stageId).length).toBeGreaterThan(60);
        const index = buildSuggestionIndex(journey);
        const suggested = drafts.filter((d) => suggestCards({ text: d.text, stageId: d.stageId ?? null, channel: d.channel ?? null }, index, 1).length > 0);
        expect(suggested.length / drafts.length).toBeGreaterThan(0.9);
        // a hotline line about a slow refund finds the refund card of the Return stage
        const refund = drafts.find((d) => /refund took|Erstattung hat/i.test(d.text))!;
        const [first] = suggestCards({ text: refund.text, stageId: refund.stageId ?? null, channel: refund.channel ?? null }, index, 1);
        expect(journey.cards.find((c) => c.id === first!.cardId)!.title).toBe(locale === 'en' ? 'Refund takes up to 14 days' : 'Erstattung dauert bis zu 14 Tage');
      });
    }
  });
});
