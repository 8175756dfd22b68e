import { describe, expect, it } from 'vitest';
import { isOnlineChannel, SUPPORTED_LOCALES } from '../../src/model/types';
import { STANDARD_LANES } from '../../src/model/templates/standard';
import { instantiateTemplate, TEMPLATE_KEYS, TEMPLATES } from '../../src/model/templates';
import { layoutJourney } from '../../src/model/layout';
import { LIMITS } from '../../src/model/limits';

const CONTENT_TEMPLATES = TEMPLATE_KEYS.filter((k) => k !== 'blank');
const STANDARD_KINDS = STANDARD_LANES.map((l) => l.kind);

describe('every template', () => {
  for (const key of TEMPLATE_KEYS) {
    it(`${key} has the standard lanes and stages in all three phases`, () => {
      const j = instantiateTemplate(key, 'en');
      expect(j.lanes.map((l) => l.kind)).toEqual(STANDARD_KINDS);
      expect(new Set(j.stages.map((s) => s.phase))).toEqual(new Set(['pre-purchase', 'purchase', 'post-purchase']));
      expect(j.phases.every((p) => p.name.length > 0)).toBe(true);
    });
  }

  it('gives fresh ids every time, so two maps from one template never clash', () => {
    const a = instantiateTemplate('retail', 'en');
    const b = instantiateTemplate('retail', 'en');
    expect(a.id).not.toBe(b.id);
    expect(a.cards[0]!.id).not.toBe(b.cards[0]!.id);
  });
});

describe('the content templates', () => {
  for (const key of CONTENT_TEMPLATES) {
    describe(key, () => {
      const j = instantiateTemplate(key, 'en');
      const kindOf = new Map(j.lanes.map((l) => [l.id, l.kind]));
      const cardsOfKind = (kind: string) => j.cards.filter((c) => kindOf.get(c.laneId) === kind);

      it('fills every lane of every stage', () => {
        for (const stage of j.stages) {
          for (const lane of j.lanes) {
            expect(j.cards.some((c) => c.stageId === stage.id && c.laneId === lane.id), `${stage.name} × ${lane.name}`).toBe(true);
          }
        }
      });

      it('names personas with a role, a quote, goals and frustrations, and uses them on cards', () => {
        expect(j.personas.length).toBeGreaterThanOrEqual(2);
        for (const p of j.personas) {
          expect(p.role && p.quote).toBeTruthy();
          expect(p.goals.length).toBeGreaterThan(0);
          expect(p.frustrations.length).toBeGreaterThan(0);
        }
        expect(j.cards.some((c) => c.personaIds.length > 0)).toBe(true);
      });

      it('gives every touchpoint a channel, across online and offline channels', () => {
        const touchpoints = cardsOfKind('touchpoints');
        expect(touchpoints.every((c) => c.channel !== null)).toBe(true);
        expect(touchpoints.some((c) => isOnlineChannel(c.channel!))).toBe(true);
        expect(touchpoints.some((c) => !isOnlineChannel(c.channel!))).toBe(true);
      });

      it('draws an emotion curve with a point for every stage, with ups and downs', () => {
        const curve = layoutJourney(j).emotionCurves[0]!;
        expect(curve.points).toHaveLength(j.stages.length);
        const scores = curve.points.map((p) => p.score);
        expect(Math.max(...scores)).toBeGreaterThan(0);
        expect(Math.min(...scores)).toBeLessThan(0);
      });

      it('marks moments of truth and links causes to effects', () => {
        expect(j.cards.filter((c) => c.momentOfTruth).length).toBeGreaterThanOrEqual(2);
        expect(j.links.length).toBeGreaterThanOrEqual(3);
        expect(j.links.every((l) => l.label.length > 0)).toBe(true);
      });

      it('is written in both languages, with no placeholder text and titles that fit a card', () => {
        const de = instantiateTemplate(key, 'de');
        const translated = j.cards.filter((c, i) => c.title !== de.cards[i]!.title).length;
        expect(translated / j.cards.length).toBeGreaterThan(0.9);
        for (const locale of SUPPORTED_LOCALES) {
          // the source, not an instance: random ids could spell anything
          const placeholders = JSON.stringify(TEMPLATES[key]).match(/\b(lorem|ipsum|TODO|TBD|FIXME)\b/gi);
          expect(placeholders).toBeNull();
          for (const c of instantiateTemplate(key, locale).cards) {
            expect(c.title.length).toBeGreaterThan(0);
            expect(c.title.length).toBeLessThanOrEqual(80);
            expect(c.body.length).toBeLessThanOrEqual(LIMITS.cardBody);
          }
        }
      });
    });
  }
});

describe('the template sources', () => {
  it('every localized text has both languages filled in', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 2 && keys.includes('en') && keys.includes('de')) {
          const { en, de } = value as { en: string; de: string };
          if (!en !== !de) missing.push(path);
        } else for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      }
    };
    for (const key of TEMPLATE_KEYS) walk(TEMPLATES[key], key);
    expect(missing).toEqual([]);
  });
});
