import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeyToCsv } from '../../src/export/csv';
import { importFile } from '../../src/export/import';
import { CONFIDENCE_LEVELS } from '../../src/model/confidence';
import { journeyToDoc, readJourney } from '../../src/model/doc';
import { EVIDENCE_SOURCES, SCORE_RANGE, SCORE_SCALES, SENTIMENTS, type EvidenceDraft, type EvidenceItem } from '../../src/model/evidence';
import { addEvidence } from '../../src/model/ops/evidence';
import { updateCard } from '../../src/model/ops/cards';
import { createMapFromTemplate } from '../../src/model/templates';
import { CHANNELS, type Journey } from '../../src/model/types';
import { serializeMap } from '../../src/schema';
import { applyRandomOp, randomOp } from '../support/randomOps';

/*
 * Customer evidence and a card's confidence survive the two ways a map leaves Waymark and comes
 * back: the JSON file (everything, inbox included) and the card CSV (the evidence on each card,
 * in its `evidence` column). Ids change on import, so cards are matched by their title and body.
 */

/** Text a customer, a spreadsheet or an attacker might put in a quote. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2',
  '@SUM(A1:A9)',
  "'=already escaped",
  '\t=tab first',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '"quoted", with a comma',
  'line one\nline two\r\nline three\rfour',
  '{"text":"not an item"}',
  '[1,2]',
  'back\\slash; semi;colon',
  'emoji 👩‍👩‍👧 ünïcödé 中文 عربى',
  '\u2028line\u2029separators',
  '  leading and trailing  ',
  '',
];
const hostile = (maxLength: number) =>
  fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10, unit: 'grapheme' })).map(([a, b]) => a + b),
  );

const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const scored = fc.constantFrom(...SCORE_SCALES).chain((scale) => fc.integer(SCORE_RANGE[scale]).map((score) => ({ scale, score })));

interface RandomEvidence {
  draft: Omit<EvidenceDraft, 'cardId' | 'stageId'>;
  /** which card (by index, modulo), or null for the inbox */
  card: number | null;
  /** the inbox item's stage hint (by index), or null */
  stage: number | null;
}

const randomEvidence: fc.Arbitrary<RandomEvidence> = fc.record({
  draft: fc.record({
    text: hostile(60),
    source: fc.constantFrom(...EVIDENCE_SOURCES),
    reference: hostile(30),
    date: fc.option(day, { nil: '' }),
    sentiment: fc.option(fc.constantFrom(...SENTIMENTS), { nil: null }),
    count: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1_000_000 })),
    channel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
    addedBy: hostile(12),
    scored: fc.option(scored, { nil: null }),
  }).map(({ scored: s, ...rest }) => ({ ...rest, score: s?.score ?? null, scale: s?.scale ?? null })),
  card: fc.option(fc.nat(), { nil: null }),
  stage: fc.option(fc.nat(), { nil: null }),
});

const randomMap = fc.record({
  ops: fc.array(randomOp, { minLength: 0, maxLength: 25 }),
  evidence: fc.array(randomEvidence, { maxLength: 25 }),
  confidence: fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom(...CONFIDENCE_LEVELS), { nil: null })), { maxLength: 10 }),
  locale: fc.constantFrom('en' as const, 'de' as const),
});

type RandomMap = typeof randomMap extends fc.Arbitrary<infer T> ? T : never;

function build({ ops, evidence, confidence, locale }: RandomMap) {
  const doc = createMapFromTemplate('retail', locale);
  for (const op of ops) applyRandomOp(doc, op);
  const { cards, stages } = readJourney(doc);
  for (const [pick, level] of confidence) if (cards.length) updateCard(doc, cards[pick % cards.length]!.id, { confidence: level });
  addEvidence(
    doc,
    evidence.map((e) => ({
      ...e.draft,
      cardId: e.card !== null && cards.length ? cards[e.card % cards.length]!.id : null,
      stageId: e.card === null && e.stage !== null && stages.length ? stages[e.stage % stages.length]!.id : null,
    })),
  );
  return doc;
}

/** An item's content, without what an import renews (id, card id, order). */
function content(item: EvidenceItem, withHint: (stageId: string | null) => unknown) {
  const { id: _id, cardId: _cardId, order: _order, stageId, ...rest } = item;
  return { ...rest, hint: withHint(stageId) };
}

/** Per card (by title and body), its confidence and its evidence in order; sorted so ids and card order do not matter. */
function byCardContent(journey: Journey, withHint: (stageId: string | null) => unknown) {
  const items = new Map<string, EvidenceItem[]>();
  for (const item of journey.evidence) if (item.cardId !== null) (items.get(item.cardId) ?? items.set(item.cardId, []).get(item.cardId)!).push(item);
  return journey.cards
    .map((card) => JSON.stringify({ title: card.title, body: card.body, confidence: card.confidence, evidence: (items.get(card.id) ?? []).map((i) => content(i, withHint)) }))
    .sort();
}

function inbox(journey: Journey) {
  const stageName = new Map(journey.stages.map((s, i) => [s.id, `${i}:${s.name}`]));
  return journey.evidence.filter((i) => i.cardId === null).map((i) => content(i, (id) => (id === null ? null : stageName.get(id))));
}

function reimport(name: string, text: string): Journey {
  const result = importFile(name, text);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return readJourney(journeyToDoc(result.journey));
}

describe('evidence and confidence round-trip', () => {
  it('JSON export → import keeps every item (on cards and in the inbox, with stage hints) and every confidence, for 100 random maps with hostile text', () => {
    fc.assert(
      fc.property(randomMap, (input) => {
        const doc = build(input);
        const before = readJourney(doc);
        const after = reimport('map.waymark.json', serializeMap(doc));
        const stageIndex = (j: Journey) => (id: string | null) => (id === null ? null : j.stages.findIndex((s) => s.id === id));
        expect(byCardContent(after, stageIndex(after))).toEqual(byCardContent(before, stageIndex(before)));
        expect(inbox(after)).toEqual(inbox(before));
        expect(after.evidence).toHaveLength(before.evidence.length);
      }),
      { seed: 1818, numRuns: 100 },
    );
  });

  it('CSV export → import puts every card\u2019s evidence and confidence back on the new card, for 100 random maps with hostile text', () => {
    fc.assert(
      fc.property(randomMap, (input) => {
        const doc = build(input);
        const before = readJourney(doc);
        const csv = journeyToCsv(before);
        // no cell a spreadsheet would run: every formula-like line of the evidence cell sits inside a JSON string
        for (const row of csv.split('\r\n')) expect(row.startsWith('=')).toBe(false);
        const after = reimport('map.csv', csv);
        const noHint = () => null; // the card CSV keeps no stage hint (the card's stage says it)
        expect(byCardContent(after, noHint)).toEqual(byCardContent(before, noHint));
        // inbox items have no row
        expect(after.evidence).toHaveLength(before.evidence.filter((i) => i.cardId !== null && before.cards.some((c) => c.id === i.cardId)).length);
      }),
      { seed: 1818, numRuns: 100 },
    );
  });
});
