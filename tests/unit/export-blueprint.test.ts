import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLUEPRINT_RULE_LOOK } from '../../src/export/blueprintRules';
import { sceneToPdf } from '../../src/export/pdf';
import { exportLayout, journeyGridOrigin } from '../../src/export/render';
import { intersects, type Box, type Shape } from '../../src/export/scene';
import { renderJourneyScene, renderJourneySvg, sceneToSvg, type Translate } from '../../src/export/svg';
import { renderThumbnailSvg } from '../../src/export/thumbnail';
import { createI18n } from '../../src/i18n';
import { GRID, layoutJourney } from '../../src/model/layout';
import type { BlueprintLineId } from '../../src/model/blueprint';
import type { LaneKind } from '../../src/model/laneKinds';
import type { Journey, Locale } from '../../src/model/types';
import { blueprintJourney } from '../support/blueprintJourney';
import { checkXml } from '../support/exportXml';

function tr(locale: Locale): Translate {
  const i18n = createI18n(locale);
  return (key, options) => String(i18n.t(key, options as never));
}
const date = new Date('2025-05-12T10:00:00Z');

const LABELS: Record<Locale, Record<BlueprintLineId, string>> = {
  en: { interaction: 'Line of interaction', visibility: 'Line of visibility', internal: 'Line of internal interaction' },
  de: { interaction: 'Interaktionslinie', visibility: 'Sichtbarkeitslinie', internal: 'Linie der internen Interaktion' },
};

interface DrawnRule {
  id: BlueprintLineId;
  x0: number;
  x1: number;
  y: number;
}

/** The horizontal rules drawn in a blueprint line's look, read back out of the SVG. */
function rulesIn(svg: string): DrawnRule[] {
  const rules: DrawnRule[] = [];
  for (const [id, look] of Object.entries(BLUEPRINT_RULE_LOOK) as [BlueprintLineId, (typeof BLUEPRINT_RULE_LOOK)[BlueprintLineId]][]) {
    let paint = `fill="none" stroke="${look.color}" stroke-width="${look.width}"`;
    if (look.dash) paint += ` stroke-dasharray="${look.dash.join(' ')}"`;
    for (const m of svg.matchAll(/<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)" ([^/]*)\/>/g)) {
      if (!m[5]!.startsWith(paint) || m[2] !== m[4]) continue;
      rules.push({ id, x0: Number(m[1]), x1: Number(m[3]), y: Number(m[2]) });
    }
  }
  return rules.sort((a, b) => a.y - b.y);
}

/** Each text of the SVG with its position. */
function textsIn(svg: string): { x: number; y: number; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
}

/**
 * Where the lines must run, worked out from the layout the renderer draws with (not from the
 * renderer): at the bottom of the upper lane's row, which is the top of the lower lane's row.
 */
function expectedRules(journey: Journey, locale: Locale, lines: readonly [BlueprintLineId, LaneKind, LaneKind][]) {
  const layout = exportLayout(journey);
  const origin = journeyGridOrigin(journey, { t: tr(locale), date });
  const row = (kind: LaneKind) => layout.lanes.find((lane) => lane.id === `lane-${kind}`)!;
  return lines.map(([id, above, below]) => {
    const upper = row(above);
    const lower = row(below);
    expect(upper.y + upper.height, `${above} sits right over ${below}`).toBe(lower.y);
    return { id, x0: origin.x, x1: origin.x + layout.width, y: origin.y + lower.y };
  });
}

function expectRules(kinds: LaneKind[], lines: readonly [BlueprintLineId, LaneKind, LaneKind][], locale: Locale = 'en') {
  const journey = blueprintJourney(kinds, locale);
  const svg = renderJourneySvg(journey, { t: tr(locale), date });
  expect(checkXml(svg).errors).toEqual([]);
  const want = expectedRules(journey, locale, lines);
  expect(rulesIn(svg)).toEqual(want);
  // each labelled in the lane-header column, on its rule
  const texts = textsIn(svg);
  for (const rule of want) {
    const label = texts.find((t) => t.text === LABELS[locale][rule.id]);
    expect(label, `${rule.id} is labelled`).toBeDefined();
    expect(label!.x).toBeGreaterThanOrEqual(rule.x0);
    expect(label!.x).toBeLessThan(rule.x0 + GRID.laneHeaderWidth);
    expect(Math.abs(label!.y - rule.y)).toBeLessThan(9);
  }
  for (const id of Object.keys(LABELS[locale]) as BlueprintLineId[]) {
    if (!want.some((rule) => rule.id === id)) expect(texts.map((t) => t.text)).not.toContain(LABELS[locale][id]);
  }
  return { journey, svg };
}

describe('the blueprint lines in the SVG export', () => {
  it('run between customer actions and frontstage, frontstage and backstage, backstage and support', () => {
    expectRules(
      ['evidence', 'actions', 'frontstage', 'backstage', 'support'],
      [
        ['interaction', 'actions', 'frontstage'],
        ['visibility', 'frontstage', 'backstage'],
        ['internal', 'backstage', 'support'],
      ],
    );
  });

  it('are labelled in German for a German export', () => {
    expectRules(
      ['evidence', 'actions', 'frontstage', 'backstage', 'support'],
      [
        ['interaction', 'actions', 'frontstage'],
        ['visibility', 'frontstage', 'backstage'],
        ['internal', 'backstage', 'support'],
      ],
      'de',
    );
  });

  it('follow the lanes when they are reordered, with customer lanes in between', () => {
    expectRules(
      ['actions', 'senses', 'frontstage', 'pains', 'needs', 'backstage', 'support', 'evidence'],
      [
        ['interaction', 'senses', 'frontstage'],
        ['visibility', 'needs', 'backstage'],
        ['internal', 'backstage', 'support'],
      ],
    );
    // backstage over frontstage: frontstage is no deeper than the row above it, so only the deeper lines run
    expectRules(
      ['actions', 'backstage', 'frontstage', 'support'],
      [
        ['visibility', 'actions', 'backstage'],
        ['internal', 'frontstage', 'support'],
      ],
      'de',
    );
  });

  it('skip the line of a missing row', () => {
    expectRules(
      ['evidence', 'actions', 'backstage', 'support'],
      [
        ['visibility', 'actions', 'backstage'],
        ['internal', 'backstage', 'support'],
      ],
    );
  });

  it('are not drawn on a map without blueprint rows', () => {
    const { svg } = expectRules(['actions', 'needs', 'senses', 'thoughts', 'emotions', 'pains'], []);
    expect(rulesIn(svg)).toEqual([]);
  });

  it('put their labels where they cover no text and no card', () => {
    const journey = blueprintJourney(['evidence', 'actions', 'emotions', 'frontstage', 'backstage', 'support'], 'de');
    // long lane names wrap to two lines in the header above each line
    journey.lanes = journey.lanes.map((lane) => ({ ...lane, name: `${lane.name} mit einem sehr langen Namen für die Spur` }));
    for (const locale of ['en', 'de'] as const) {
      const scene = renderJourneyScene(journey, { t: tr(locale), date });
      const shapes = scene.shapes;
      const labels = new Set(Object.values(LABELS[locale]));
      const labelAt = shapes.flatMap((s, i) => (s.kind === 'text' && labels.has(s.text) ? [i] : []));
      expect(labelAt).toHaveLength(3);
      const cards = shapes.filter((s): s is Extract<Shape, { kind: 'rect' }> => s.kind === 'rect' && s.tooltip !== undefined);
      expect(cards.length).toBe(journey.cards.length);
      const otherTexts = shapes.filter((s) => s.kind === 'text' && !labels.has(s.text));
      for (const i of labelAt) {
        const pill = shapes[i - 1]!;
        expect(pill.kind).toBe('rect');
        const text = shapes[i]!.bounds;
        expect(inside(text, pill.bounds), 'the label fits its pill').toBe(true);
        for (const other of otherTexts) expect(intersects(pill.bounds, other.bounds), `${(shapes[i] as { text: string }).text} covers “${(other as { text: string }).text}”`).toBe(false);
        for (const card of cards) expect(intersects(pill.bounds, card.bounds)).toBe(false);
      }
    }
  });
});

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('the actor on blueprint cards', () => {
  it('is shown on the staff rows’ cards and not on the customer’s', () => {
    const journey = blueprintJourney(['actions', 'frontstage', 'backstage', 'support']);
    const action = journey.cards.find((c) => c.laneId === 'lane-actions')!;
    action.actor = 'Somebody on the customer side';
    const texts = textsIn(renderJourneySvg(journey, { t: tr('en'), date })).map((t) => t.text);
    for (const actor of ['Receptionist', 'Reservations', 'Kitchen', 'Housekeeping', 'IT', 'Billing']) expect(texts).toContain(actor);
    expect(texts).not.toContain(action.actor);
  });

  it('is named whole on a busy card, its channel and emotion on a row of their own, nothing overlapping', () => {
    const journey = blueprintJourney(['actions', 'frontstage', 'backstage']);
    const colors = ['#0ea5e9', '#f43f5e', '#22c55e', '#a855f7', '#f97316', '#14b8a6'];
    journey.personas = colors.map((color, i) => ({ id: `p${i}`, name: `P${i}`, role: '', age: '', quote: '', goals: [], frustrations: [], color, order: `a${i}`, libraryId: null }));
    const busy = journey.cards.find((c) => c.laneId === 'lane-frontstage')!;
    Object.assign(busy, { actor: 'Front desk night shift', channel: 'phone', emotion: -2, votes: 3, personaIds: journey.personas.map((p) => p.id), momentOfTruth: true });
    const scene = renderJourneyScene(journey, { t: tr('en'), date });
    const card = exportLayout(journey).cards.get(busy.id)!;
    const origin = journeyGridOrigin(journey, { t: tr('en'), date });
    const box = { x: origin.x + card.x, y: origin.y + card.y, width: card.width, height: card.height };
    const texts = scene.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text' && inside(s.bounds, box));
    expect(texts.map((s) => s.text)).toEqual(expect.arrayContaining(['Front desk night shift', 'Phone', '−2', '3', busy.title]));
    for (const [i, a] of texts.entries()) {
      for (const b of texts.slice(i + 1)) expect(intersects(a.bounds, b.bounds), `“${a.text}” and “${b.text}”`).toBe(false);
    }
    // the persona dots that fit are drawn, and none over a chip's text
    const dots = scene.shapes.filter((s) => s.kind === 'circle' && colors.includes(s.fill ?? '') && inside(s.bounds, box));
    expect(dots.length).toBeGreaterThan(0);
    for (const dot of dots) for (const text of texts) expect(intersects(dot.bounds, text.bounds), `a persona dot over “${text.text}”`).toBe(false);
    const actor = texts.find((s) => s.text === 'Front desk night shift')!;
    const phone = texts.find((s) => s.text === 'Phone')!;
    const title = texts.find((s) => s.text === busy.title)!;
    expect(phone.y).toBeGreaterThan(actor.y);
    expect(title.y).toBeGreaterThan(phone.y);
    // the card grew by the second row rather than letting the title run out of it
    expect(title.y).toBeLessThan(box.y + box.height - 10);
  });

  it('is text, never markup, and a long one is cut to the card', () => {
    const journey = blueprintJourney(['actions', 'frontstage', 'backstage']);
    const [first, second] = journey.cards.filter((c) => c.laneId === 'lane-frontstage');
    first!.actor = '<script>alert(1)</script>';
    second!.actor = '"><img src=x onerror=alert(1)> & the night shift, the day shift and the weekend team';
    const svg = renderJourneySvg(journey, { t: tr('en'), date });
    const check = checkXml(svg);
    expect(check.errors).toEqual([]);
    expect(new Set(check.elements)).toEqual(new Set(['svg', 'title', 'rect', 'path', 'circle', 'text']));
    expect(svg).not.toMatch(/<script|<img/i);
    const texts = check.texts.map((t) => t.text);
    expect(texts).toContain('<script>alert(1)</script>');
    const cut = texts.find((t) => t.startsWith('"><img'))!;
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('the blueprint in the PDF export', () => {
  for (const locale of ['en', 'de'] as const) {
    it(`names the three lines and the actors in ${locale}`, async () => {
      const journey = blueprintJourney(['evidence', 'actions', 'frontstage', 'backstage', 'support'], locale);
      const scene = renderJourneyScene(journey, { t: tr(locale), date });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'waymark-blueprint-')), `blueprint-${locale}.pdf`);
      writeFileSync(file, await sceneToPdf(scene, { paper: 'a3', pages: 'fit', date }));
      const out = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      expect(out.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined();
      const text = out.stdout;
      for (const name of Object.values(LABELS[locale])) expect(text).toContain(name);
      for (const actor of ['Receptionist', 'Housekeeping', 'Billing']) expect(text).toContain(actor);
    });
  }
});

describe('the blueprint in thumbnails', () => {
  it('draws each line as a rule at its lane boundary and the blueprint rows in their own patterns', () => {
    const journey = blueprintJourney(['evidence', 'actions', 'frontstage', 'backstage', 'support']);
    const svg = renderThumbnailSvg(journey);
    const layout = layoutJourney(journey);
    const top = (kind: LaneKind) => Math.round(layout.lanes.find((l) => l.id === `lane-${kind}`)!.y);
    const rules = [...svg.matchAll(/<path fill="none" stroke="(#[0-9a-f]+)" stroke-width="(\d+)"( stroke-dasharray="[^"]+")?[^>]* d="M0,(\d+)h\d+"\/>/g)]
      .filter((m) => m[1] !== '#e2e8f0')
      .map((m) => ({ y: Number(m[4]), dashed: m[3] ?? '' }));
    expect(rules).toEqual([
      { y: top('frontstage'), dashed: '' },
      { y: top('backstage'), dashed: ' stroke-dasharray="28 16"' },
      { y: top('support'), dashed: ' stroke-dasharray="1 16"' },
    ]);
    for (const pattern of ['evidence', 'other', 'front', 'back', 'support']) expect(svg).toContain(`<pattern id="wm-${pattern}"`);
  });

  it('draws no rule on a map without blueprint rows', () => {
    const svg = renderThumbnailSvg(blueprintJourney(['actions', 'needs', 'senses', 'pains']));
    expect(svg).not.toContain('stroke-dasharray="28 16"');
    for (const pattern of ['need', 'sense', 'pain']) expect(svg).toContain(`<pattern id="wm-${pattern}"`);
  });
});

// the scene is the one picture behind SVG and PDF: the SVG of a scene is the SVG export
it('the SVG export is the scene the PDF is drawn from', () => {
  const journey = blueprintJourney();
  expect(renderJourneySvg(journey, { t: tr('en'), date })).toBe(sceneToSvg(renderJourneyScene(journey, { t: tr('en'), date })));
});
