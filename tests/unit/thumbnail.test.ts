import { describe, expect, it } from 'vitest';
import { renderThumbnailSvg, safeColor } from '../../src/export/thumbnail';
import { defaultCard } from '../../src/model/cardRecord';
import { GRID, layoutJourney } from '../../src/model/layout';
import { instantiateTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { defaultPhase } from '../../src/model/phases';
import { LANE_KINDS, DEFAULT_PHASE_IDS, type Card, type Journey, type LaneKind } from '../../src/model/types';

/** Checks that every tag is closed in order; returns the element names seen. */
function assertBalanced(svg: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    names.push(name!);
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  // nothing between tags: a thumbnail has no text nodes at all
  expect(svg.replace(/<[^>]*>/g, '')).toBe('');
  return names;
}

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;';

/** A journey built directly as data: `stages` × `lanes`, `cards` spread round-robin over the cells. */
function bigJourney(options: { stages: number; lanes: number; cards: number; stageColor?: string | null }): Journey {
  const stages = Array.from({ length: options.stages }, (_, i) => ({
    id: `s${i}`,
    name: `${HOSTILE} stage ${i}`,
    phase: DEFAULT_PHASE_IDS[Math.floor((i * DEFAULT_PHASE_IDS.length) / options.stages)]!,
    order: `a${String(i).padStart(4, '0')}`,
    color: options.stageColor ?? null,
    description: '',
    detailMapId: null,
  }));
  const lanes = Array.from({ length: options.lanes }, (_, i) => ({
    id: `l${i}`,
    name: `${HOSTILE} lane ${i}`,
    kind: LANE_KINDS[i % LANE_KINDS.length]! as LaneKind,
    order: `a${String(i).padStart(4, '0')}`,
    collapsed: false,
  }));
  const cells = options.stages * options.lanes;
  const cards: Card[] = Array.from({ length: options.cards }, (_, i) => {
    const cell = i % cells;
    const lane = lanes[cell % options.lanes]!;
    return {
      ...defaultCard(),
      id: `c${i}`,
      stageId: stages[Math.floor(cell / options.lanes)]!.id,
      laneId: lane.id,
      order: `a${String(i).padStart(6, '0')}`,
      title: `${HOSTILE} card ${i}`,
      body: HOSTILE,
      channel: null,
      emotion: lane.kind === 'emotions' ? (i % 7) - 3 : null,
      personaIds: [],
      tags: [HOSTILE],
      color: i % 3 === 0 ? 'red" onload="alert(3)' : '#ff0000',
      momentOfTruth: i % 50 === 0,
      votes: 0,
    };
  });
  return {
    id: 'map',
    title: HOSTILE,
    description: HOSTILE,
    locale: 'en',
    createdAt: '2024-01-01T00:00:00.000Z',
    phases: DEFAULT_PHASE_IDS.map((id) => defaultPhase(id, HOSTILE)),
    stages,
    lanes,
    cards,
    personas: [],
    links: [],
    evidence: [],
  };
}

describe('renderThumbnailSvg', () => {
  it('draws every template as a balanced SVG whose viewBox is the layout size', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const locale of ['en', 'de'] as const) {
        const journey = instantiateTemplate(key, locale, { mapId: 'm', createdAt: new Date(0) });
        const svg = renderThumbnailSvg(journey);
        const layout = layoutJourney(journey);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
        const names = assertBalanced(svg);
        expect(names.filter((n) => n === 'svg')).toHaveLength(2);
      }
    }
  });

  it('contains no text from the map, so card titles with <script> never appear', () => {
    const journey = instantiateTemplate('retail', 'en', { mapId: 'm' });
    journey.title = HOSTILE;
    journey.cards = journey.cards.map((card) => ({ ...card, title: `${HOSTILE} ${card.title}`, body: HOSTILE }));
    journey.stages = journey.stages.map((stage) => ({ ...stage, name: HOSTILE, color: `#fff" onload="alert(1)` }));
    const svg = renderThumbnailSvg(journey);
    expect(svg).not.toMatch(/script|onerror|onload|alert|<img|&amp;/i);
    for (const card of instantiateTemplate('retail', 'en').cards) expect(svg).not.toContain(card.title);
    assertBalanced(svg);
  });

  it('uses a stage colour only when it is a plain hex colour', () => {
    const ok = renderThumbnailSvg(bigJourney({ stages: 2, lanes: 2, cards: 4, stageColor: '#A1b2C3' }));
    expect(ok).toContain('stroke="#A1b2C3"');
    for (const bad of ['red', '#12', '#123456789', 'url(#x)', '#fff"/><script>', 'javascript:alert(1)']) {
      const svg = renderThumbnailSvg(bigJourney({ stages: 2, lanes: 2, cards: 4, stageColor: bad }));
      expect(svg).not.toContain(bad);
      expect(safeColor(bad)).toBeNull();
    }
  });

  it('draws phases in their colours, lanes, cards, the emotion curve and moments of truth', () => {
    const journey = instantiateTemplate('retail', 'en', { mapId: 'm' });
    const svg = renderThumbnailSvg(journey);
    for (const phaseColor of ['#0369a1', '#6d28d9', '#047857']) expect(svg).toContain(`fill="${phaseColor}"`);
    expect(svg).toContain('<pattern id="wm-pain"');
    expect(svg).toContain('<pattern id="wm-chance"');
    expect(svg).toContain('fill="url(#wm-touch)"');
    expect(svg).toContain('stroke="#334155"'); // the curve
    expect(journey.cards.some((c) => c.momentOfTruth)).toBe(true);
    expect(svg).toContain('stroke="#f59e0b"'); // the rings
  });

  it('writes whole numbers only', () => {
    const svg = renderThumbnailSvg(instantiateTemplate('saas', 'de', { mapId: 'm' }));
    expect(svg).not.toMatch(/\d\.\d/);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('is deterministic: the same journey gives the same string', () => {
    const journey = instantiateTemplate('service', 'en', { mapId: 'm', makeId: counter() });
    const again = instantiateTemplate('service', 'en', { mapId: 'm', makeId: counter() });
    expect(renderThumbnailSvg(journey)).toBe(renderThumbnailSvg(journey));
    expect(renderThumbnailSvg(journey)).toBe(renderThumbnailSvg(again));
  });

  it('stays under 60 KB for a 5,000-card map', () => {
    const svg = renderThumbnailSvg(bigJourney({ stages: 40, lanes: 9, cards: 5000, stageColor: '#0ea5e9' }));
    assertBalanced(svg);
    expect(new TextEncoder().encode(svg).length).toBeLessThan(60_000);
  });

  it('stays under 60 KB even when 5,000 cards each sit alone in their cell', () => {
    const svg = renderThumbnailSvg(bigJourney({ stages: 300, lanes: 17, cards: 5000, stageColor: '#0ea5e9' }));
    assertBalanced(svg);
    expect(new TextEncoder().encode(svg).length).toBeLessThan(60_000);
  });

  it('stays under 60 KB for 5,000 cards spread unevenly over 40 stages and 9 lanes', () => {
    const journey = bigJourney({ stages: 40, lanes: 9, cards: 5000 });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    journey.cards = journey.cards.map((card) => ({ ...card, stageId: `s${Math.floor(random() * 40)}`, laneId: `l${Math.floor(random() * 9)}`, momentOfTruth: random() < 0.05 }));
    const svg = renderThumbnailSvg(journey);
    assertBalanced(svg);
    expect(new TextEncoder().encode(svg).length).toBeLessThan(60_000);
  });

  it('relies on cards sitting on the card pattern tiles: columns every stageWidth, stacked every card and gap', () => {
    const journey = instantiateTemplate('retail', 'en', { mapId: 'm' });
    const layout = layoutJourney(journey);
    const laneTop = new Map<string, number>();
    for (const card of journey.cards) {
      const rect = layout.cards.get(card.id)!;
      expect((rect.x - GRID.laneHeaderWidth - GRID.cellPadding) % GRID.stageWidth).toBe(0);
      const top = laneTop.get(card.laneId) ?? rect.y;
      laneTop.set(card.laneId, Math.min(top, rect.y));
    }
    for (const card of journey.cards) {
      const rect = layout.cards.get(card.id)!;
      expect((rect.y - laneTop.get(card.laneId)!) % (GRID.cardHeight + GRID.cardGap)).toBe(0);
    }
  });

  it('draws an empty map', () => {
    const journey = bigJourney({ stages: 0, lanes: 0, cards: 0 });
    const svg = renderThumbnailSvg(journey);
    assertBalanced(svg);
    expect(svg).not.toMatch(/url\(#wm-(pain|chance|touch|thought|metric|back|other)\)/);
  });
});

function counter(): () => string {
  let n = 0;
  return () => `id${n++}`;
}
