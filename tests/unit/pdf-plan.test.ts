import { describe, expect, it } from 'vitest';
import { fitScale, pdfPlan, planPages, READABLE_SCALE } from '../../src/export/pdf';
import { exportLayout, journeySceneSize, renderJourneyScene } from '../../src/export/render';
import { GRID } from '../../src/model/layout';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';

const t = (key: string) => key;

function wideMap(stages: number): Journey {
  const journey = instantiateTemplate('blank', 'en');
  journey.stages = Array.from({ length: stages }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}`, phase: 'purchase' as const, order: `a${String(i).padStart(2, '0')}`, color: null, description: '', detailMapId: null }));
  return journey;
}

describe('how a PDF prints', () => {
  it('a 24-stage map does not fit one readable A4 page; "readable" tiles it instead', () => {
    const size = journeySceneSize(wideMap(24), { t });
    expect(fitScale(size.width, size.height, 'a4')).toBeLessThan(READABLE_SCALE);
    const plan = pdfPlan(size.width, size.height, 'a4', 'auto');
    expect(plan).toMatchObject({ pages: 'tile', readable: true });
    expect(plan.count).toBeGreaterThan(1);
    expect(pdfPlan(size.width, size.height, 'a4', 'fit')).toMatchObject({ count: 1, readable: false });
  });

  it('a small map stays on one page under "readable"', () => {
    const size = journeySceneSize(wideMap(4), { t });
    expect(pdfPlan(size.width, size.height, 'a4', 'auto')).toMatchObject({ pages: 'fit', count: 1, readable: true });
    expect(planPages(size.width, size.height, 'a4', 'auto')).toEqual(planPages(size.width, size.height, 'a4', 'fit'));
  });

  it('the size the dialog measures is the size of the picture drawn', () => {
    const journey = instantiateTemplate('retail', 'de');
    const scene = renderJourneyScene(journey, { t, date: new Date(0) });
    expect(journeySceneSize(journey, { t })).toEqual({ width: scene.width, height: scene.height });
  });
});

describe('cards in an export', () => {
  it('grow to hold a long title whole, and their rows grow with them', () => {
    const journey = instantiateTemplate('retail', 'en');
    const long = 'The washing machine shows error E21 after the second wash and the drum will not drain, so the customer calls the hotline again';
    const card = journey.cards[0]!;
    card.title = long;
    const layout = exportLayout(journey);
    expect(layout.cards.get(card.id)!.height).toBeGreaterThan(GRID.cardHeight);
    const scene = renderJourneyScene(journey, { t, date: new Date(0) });
    const texts = scene.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    const start = texts.findIndex((text) => long.startsWith(text));
    const printed = texts.slice(start, start + 6).join(' ');
    expect(printed.startsWith(long)).toBe(true);
    expect(printed).not.toContain('…');
  });
});
