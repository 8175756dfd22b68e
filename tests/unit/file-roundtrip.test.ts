import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMapFromTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES } from '../../src/model/types';
import { addComment } from '../../src/model/feedback';
import { readJourney } from '../../src/model/doc';
import * as Y from 'yjs';
import { fromJSON, serializeMap, toJSON } from '../../src/schema';
import { applyRandomOp, randomOp } from '../support/randomOps';

function roundTrip(text: string): string {
  const imported = fromJSON(JSON.parse(text));
  if (!imported.ok) throw new Error(imported.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return serializeMap(imported.doc, imported.feedback);
}

describe('export → import → export', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`gives the identical file for the ${key} template in ${locale}`, () => {
        const doc = createMapFromTemplate(key, locale);
        const first = serializeMap(doc);
        expect(roundTrip(first)).toBe(first);
        expect(JSON.parse(first).journey.locale).toBe(locale);
      });
    }
  }

  it('keeps comments, including resolved ones, with the cards they belong to', () => {
    const doc = createMapFromTemplate('saas', 'en');
    const feedback = new Y.Doc();
    const card = readJourney(doc).cards[3]!;
    addComment(feedback, { cardId: card.id, author: 'Dana', text: 'Is 14 days enough for agencies?', at: '2026-05-01T10:00:00.000Z' });
    const first = serializeMap(doc, feedback);
    expect(JSON.parse(first).feedback.comments).toHaveLength(1);
    expect(roundTrip(first)).toBe(first);
  });

  it('gives the identical file for 200 random maps', () => {
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 80 }), (ops) => {
        const doc = createMapFromTemplate('blank', 'de');
        for (const op of ops) applyRandomOp(doc, op);
        const first = serializeMap(doc);
        expect(roundTrip(first)).toBe(first);
      }),
      { seed: 2026, numRuns: 200 },
    );
  });

  it('does not depend on which replica wrote the map: the same content gives the same bytes', () => {
    const doc = createMapFromTemplate('service', 'en');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(serializeMap(copy)).toBe(serializeMap(doc));
    expect(toJSON(copy)).toEqual(toJSON(doc));
  });
});
