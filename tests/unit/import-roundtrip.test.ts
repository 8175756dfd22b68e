import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/export/import';
import { journeyToDoc, readJourney } from '../../src/model/doc';
import { createMapFromTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES, type Journey } from '../../src/model/types';
import { serializeMap } from '../../src/schema';
import { applyRandomOp, randomOp } from '../support/randomOps';

/** The journey with its ids replaced by positions: what must survive an import with fresh ids. */
function canonical(journey: Journey) {
  const index = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item, i) => [item.id, i]));
  const stages = index(journey.stages);
  const lanes = index(journey.lanes);
  const personas = index(journey.personas);
  const cards = index(journey.cards);
  const { id: _id, createdAt: _createdAt, evidence, ...meta } = journey;
  return {
    ...meta,
    stages: journey.stages.map(({ id: _, ...s }) => s),
    lanes: journey.lanes.map(({ id: _, ...l }) => l),
    personas: journey.personas.map(({ id: _, ...p }) => p),
    cards: journey.cards.map(({ id: _, ...c }) => ({ ...c, stageId: stages.get(c.stageId), laneId: lanes.get(c.laneId), personaIds: c.personaIds.map((p) => personas.get(p)) })),
    links: journey.links
      .map((l) => ({ from: cards.get(l.fromCardId)!, to: cards.get(l.toCardId)!, label: l.label }))
      .sort((a, b) => a.from - b.from || a.to - b.to || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    evidence: evidence.map(({ id: _, ...e }) => ({ ...e, cardId: e.cardId === null ? null : cards.get(e.cardId), stageId: e.stageId === null ? null : stages.get(e.stageId) })),
  };
}

/** What the library does with a dropped .json: import it, store it as a new map, read it back. */
function importAsNewMap(text: string): Journey {
  const result = importFile('map.waymark.json', text);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return readJourney(journeyToDoc(result.journey));
}

describe('JSON export → import', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`gives the same journey under new ids for the ${key} template in ${locale}`, () => {
        const doc = createMapFromTemplate(key, locale);
        const original = readJourney(doc);
        const imported = importAsNewMap(serializeMap(doc));
        expect(imported.id).not.toBe(original.id);
        expect(imported.cards.some((c) => original.cards.some((o) => o.id === c.id))).toBe(false);
        expect(canonical(imported)).toEqual(canonical(original));
      });
    }
  }

  it('gives the same journey under new ids for 200 random maps', () => {
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 80 }), (ops) => {
        const doc = createMapFromTemplate('blank', 'de');
        for (const op of ops) applyRandomOp(doc, op);
        expect(canonical(importAsNewMap(serializeMap(doc)))).toEqual(canonical(readJourney(doc)));
      }),
      { seed: 606, numRuns: 200 },
    );
  });

  it('refuses a broken map file with each problem as path and reason', () => {
    const file = JSON.parse(serializeMap(createMapFromTemplate('saas', 'en')));
    file.journey.cards[2].emotion = 'very';
    expect(importFile('broken.json', JSON.stringify(file))).toEqual({
      ok: false,
      issues: [{ path: 'journey.cards[2].emotion', message: expect.stringMatching(/expected number/) }],
    });
  });
});
