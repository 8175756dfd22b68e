import { describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate, TEMPLATES } from '../../src/model/templates';

describe('speaker notes in the shipped templates', () => {
  const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„“])/).length;

  for (const key of ['retail', 'saas', 'service'] as const) {
    it(`every stage of the ${key} template has notes of one or two sentences in English and German`, () => {
      for (const stage of TEMPLATES[key].stages) {
        const notes = stage.description;
        expect(notes, `${key}/${stage.key}`).toBeDefined();
        for (const text of [notes!.en, notes!.de]) {
          expect(text.trim(), `${key}/${stage.key}`).toBe(text);
          expect(text.length, `${key}/${stage.key}`).toBeGreaterThan(60);
          expect(sentences(text), `${key}/${stage.key}: ${text}`).toBeLessThanOrEqual(2);
          expect(text, `${key}/${stage.key}`).toMatch(/[.!?]$/);
        }
        expect(notes!.de).not.toBe(notes!.en);
      }
    });
  }

  it('a map made from a template carries the notes in its language', () => {
    const first = readJourney(createMapFromTemplate('service', 'de')).stages[0]!;
    expect(first.description).toBe(TEMPLATES.service.stages[0]!.description!.de);
  });
});
