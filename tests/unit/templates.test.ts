import { describe, expect, it } from 'vitest';
import { isOnlineChannel, SUPPORTED_LOCALES, type Journey } from '../../src/model/types';
import { STANDARD_LANES } from '../../src/model/templates/standard';
import { createMapFromTemplate, instantiateTemplate, TEMPLATE_KEYS, TEMPLATES } from '../../src/model/templates';
import { layoutJourney } from '../../src/model/layout';
import { LIMITS } from '../../src/model/limits';
import { BLUEPRINT_PARTS } from '../../src/model/laneKinds';
import { laneKindDescriptor } from '../../src/model/laneKindLookup';
import { blueprintLines, isBlueprintKind } from '../../src/model/blueprint';
import { readJourney } from '../../src/model/doc';
import { fromJSON, serializeMap } from '../../src/schema';

const CONTENT_TEMPLATES = TEMPLATE_KEYS.filter((k) => k !== 'blank');
const STANDARD_KINDS = STANDARD_LANES.map((l) => l.kind);
/** the templates drawn as a service blueprint: every blueprint row, not only backstage */
const BLUEPRINT_TEMPLATES = TEMPLATE_KEYS.filter((k) => TEMPLATES[k].lanes.some((l) => l.kind === 'frontstage'));

const isActorLane = (j: Journey, laneId: string) => laneKindDescriptor(j.lanes.find((l) => l.id === laneId)!.kind).actor;

describe('every template', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`${key} in ${locale} has the standard lanes in their order and stages in all three phases`, () => {
        const j = instantiateTemplate(key, locale);
        const kinds = j.lanes.map((l) => l.kind);
        if (BLUEPRINT_TEMPLATES.includes(key)) expect(kinds.filter((k) => STANDARD_KINDS.includes(k))).toEqual(STANDARD_KINDS);
        else expect(kinds).toEqual(STANDARD_KINDS);
        expect(kinds[1]).toBe('needs');
        expect(new Set(j.stages.map((s) => s.phase))).toEqual(new Set(['pre-purchase', 'purchase', 'post-purchase']));
        expect(j.phases.every((p) => p.name.length > 0)).toBe(true);
      });

      it(`${key} in ${locale} names who does every card of a lane whose cards have an actor`, () => {
        const j = instantiateTemplate(key, locale);
        const unnamed = j.cards.filter((c) => isActorLane(j, c.laneId) && c.actor.trim() === '').map((c) => c.title);
        expect(unnamed).toEqual([]);
        expect(j.cards.filter((c) => !isActorLane(j, c.laneId) && c.actor !== '').map((c) => c.title)).toEqual([]);
      });

      it(`${key} in ${locale} comes back unchanged through the JSON file`, () => {
        const doc = createMapFromTemplate(key, locale);
        const imported = fromJSON(JSON.parse(serializeMap(doc)));
        if (!imported.ok) throw new Error(imported.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
        expect(readJourney(imported.doc)).toEqual(readJourney(doc));
      });
    }
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
        // cause and effect say what they are; a blueprint card's link to what it serves leaves it to its row
        const blueprintCards = new Set(j.cards.filter((c) => isBlueprintKind(j.lanes.find((l) => l.id === c.laneId)!.kind)).map((c) => c.id));
        expect(j.links.filter((l) => !blueprintCards.has(l.fromCardId)).every((l) => l.label.length > 0)).toBe(true);
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

describe('the blueprint templates', () => {
  it('are the service and hotel templates', () => {
    expect(BLUEPRINT_TEMPLATES).toEqual(['service', 'hotel']);
  });

  for (const key of BLUEPRINT_TEMPLATES) {
    for (const locale of SUPPORTED_LOCALES) {
      describe(`${key} in ${locale}`, () => {
        const j = instantiateTemplate(key, locale);
        const laneOf = new Map(j.lanes.map((l) => [l.id, l]));
        const cardById = new Map(j.cards.map((c) => [c.id, c]));
        const blueprintCards = j.cards.filter((c) => isBlueprintKind(laneOf.get(c.laneId)!.kind));

        it('puts the four blueprint rows in blueprint order right below the customer lanes', () => {
          const kinds = j.lanes.map((l) => l.kind);
          const first = kinds.findIndex(isBlueprintKind);
          expect(kinds.slice(first, first + BLUEPRINT_PARTS.length)).toEqual([...BLUEPRINT_PARTS]);
          expect(kinds.slice(0, first).some(isBlueprintKind)).toBe(false);
          expect(kinds.slice(0, first)).toEqual(expect.arrayContaining(['actions', 'needs', 'touchpoints', 'emotions', 'pains', 'opportunities']));
          expect(blueprintLines(j.lanes).map((p) => p.line.id)).toEqual(['interaction', 'visibility', 'internal']);
        });

        it('links every blueprint card to a card of a customer lane in the same stage', () => {
          expect(blueprintCards.length).toBeGreaterThanOrEqual(j.stages.length * BLUEPRINT_PARTS.length);
          const unlinked = blueprintCards
            .filter(
              (card) =>
                !j.links.some((l) => {
                  const to = cardById.get(l.toCardId)!;
                  return l.fromCardId === card.id && to.stageId === card.stageId && !isBlueprintKind(laneOf.get(to.laneId)!.kind);
                }),
            )
            .map((c) => c.title);
          expect(unlinked).toEqual([]);
        });

        it('fills every blueprint row in every stage, frontstage cards naming staff the customer meets', () => {
          for (const stage of j.stages) {
            for (const part of BLUEPRINT_PARTS) {
              const lane = j.lanes.find((l) => l.kind === part)!;
              expect(j.cards.some((c) => c.stageId === stage.id && c.laneId === lane.id), `${stage.name} × ${part}`).toBe(true);
            }
          }
          const actors = new Set(blueprintCards.map((c) => c.actor).filter(Boolean));
          expect(actors.size).toBeGreaterThanOrEqual(6);
        });
      });
    }
  }

  it('the hotel template has a senses lane right below feelings, filled for every stage', () => {
    const j = instantiateTemplate('hotel', 'en');
    const kinds = j.lanes.map((l) => l.kind);
    expect(kinds.indexOf('senses')).toBe(kinds.indexOf('emotions') + 1);
    const senses = j.lanes.find((l) => l.kind === 'senses')!;
    for (const stage of j.stages) expect(j.cards.some((c) => c.stageId === stage.id && c.laneId === senses.id)).toBe(true);
  });
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
