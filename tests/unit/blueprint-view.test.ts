import { describe, expect, it } from 'vitest';
import { blueprintRules, isServesLink, linkedCardIds, servesCandidates, withoutBlueprint } from '../../src/model/blueprintView';
import { defaultCard } from '../../src/model/cardRecord';
import { EMPTY_CARD_FILTER, matchCard } from '../../src/model/cardFilter';
import { layoutJourney } from '../../src/model/layout';
import type { Card, Journey, Lane, LaneKind } from '../../src/model/types';

const lane = (id: string, kind: LaneKind, collapsed = false): Lane => ({ id, name: id, kind, order: id, collapsed });
const card = (id: string, laneId: string, stageId = 's1', extra: Partial<Card> = {}): Card => ({ ...defaultCard(), id, laneId, stageId, order: id, title: id, ...extra });

function journey(lanes: Lane[], cards: Card[] = [], links: Journey['links'] = []): Journey {
  return {
    id: 'm',
    title: 'Hotel stay',
    description: '',
    locale: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    phases: [],
    stages: [
      { id: 's1', name: 'Check-in', phase: 'purchase', order: 'a', color: null, description: '', detailMapId: null },
      { id: 's2', name: 'Stay', phase: 'purchase', order: 'b', color: null, description: '', detailMapId: null },
    ],
    lanes,
    cards,
    personas: [],
    links,
    evidence: [],
  } as Journey;
}

const blueprint = () =>
  journey([lane('act', 'actions'), lane('pain', 'pains'), lane('ev', 'evidence'), lane('front', 'frontstage'), lane('back', 'backstage'), lane('sup', 'support')], [
    card('arrive', 'act'),
    card('wait', 'pain'),
    card('greet', 'front', 's1', { actor: 'Receptionist' }),
    card('keys', 'back'),
    card('pms', 'sup'),
    card('later', 'act', 's2'),
  ]);

describe('the blueprint on the canvas', () => {
  it('draws each line at the top of the lane it runs over, following reordering, collapsing and hiding', () => {
    const j = blueprint();
    const layout = layoutJourney(j);
    const top = (id: string) => layout.lanes.find((l) => l.id === id)!.y;
    expect(blueprintRules(j, layout).map((r) => [r.line.id, r.y])).toEqual([
      ['interaction', top('front')],
      ['visibility', top('back')],
      ['internal', top('sup')],
    ]);

    const collapsed = { ...j, lanes: j.lanes.map((l) => (l.id === 'front' ? { ...l, collapsed: true } : l)) };
    const collapsedLayout = layoutJourney(collapsed);
    expect(blueprintRules(collapsed, collapsedLayout).find((r) => r.line.id === 'visibility')!.y).toBe(collapsedLayout.lanes.find((l) => l.id === 'back')!.y);

    const reordered = { ...j, lanes: [...j.lanes.filter((l) => l.id !== 'back'), j.lanes[4]!] };
    expect(blueprintRules(reordered, layoutJourney(reordered)).map((r) => `${r.line.id}:${r.belowLaneId}`)).toEqual(['interaction:front', 'internal:sup']);

    const hidden = layoutJourney(j, { hiddenLaneIds: new Set(['ev', 'front', 'back', 'sup']) });
    expect(blueprintRules(j, hidden)).toEqual([]);
  });

  it('closes the gap of hidden lanes: no rows, no card places, the map as short as without them', () => {
    const j = blueprint();
    const hidden = layoutJourney(j, { hiddenLaneIds: new Set(['ev', 'front', 'back', 'sup']) });
    expect(hidden.lanes.map((l) => l.id)).toEqual(['act', 'pain']);
    expect(hidden.cards.has('greet')).toBe(false);
    expect(hidden.cards.has('arrive')).toBe(true);
    expect(hidden.height).toBe(layoutJourney(withoutBlueprint(j)).height);
    expect(withoutBlueprint(j).cards.map((c) => c.id)).toEqual(['arrive', 'wait', 'later']);
  });

  it('offers a staff card the customer’s cards of its stage to serve, actions first', () => {
    const j = blueprint();
    const of = (id: string) => servesCandidates(j, j.cards.find((c) => c.id === id)!).map((c) => c.id);
    expect(of('keys')).toEqual(['arrive', 'wait']);
    expect(of('greet')).toEqual(['arrive', 'wait']);
    expect(of('arrive')).toEqual([]);
  });

  it('tells a serves link (staff to customer, one stage) from any other link, and finds what a selection is linked to', () => {
    const j = blueprint();
    const cards = new Map(j.cards.map((c) => [c.id, c]));
    const lanes = new Map(j.lanes.map((l) => [l.id, l]));
    const link = (from: string, to: string) => ({ id: `${from}-${to}`, fromCardId: from, toCardId: to, label: '' });
    expect(isServesLink(link('keys', 'arrive'), cards, lanes)).toBe(true);
    expect(isServesLink(link('arrive', 'greet'), cards, lanes)).toBe(true);
    expect(isServesLink(link('keys', 'later'), cards, lanes)).toBe(false);
    expect(isServesLink(link('arrive', 'wait'), cards, lanes)).toBe(false);
    expect(isServesLink(link('keys', 'pms'), cards, lanes)).toBe(false);
    expect([...linkedCardIds([link('keys', 'arrive'), link('greet', 'arrive')], new Set(['arrive']))].sort()).toEqual(['greet', 'keys']);
  });

  it('finds cards by who does them', () => {
    const greet = blueprint().cards.find((c) => c.id === 'greet')!;
    expect(matchCard(greet, { ...EMPTY_CARD_FILTER, text: 'recept' })).toBe(true);
    expect(matchCard(greet, { ...EMPTY_CARD_FILTER, text: 'billing' })).toBe(false);
  });
});

describe('moving things while the blueprint lanes are hidden', () => {
  it('moves a card, and a lane, past the hidden lanes to the next one shown', async () => {
    const { laneMove, verticalMoves } = await import('../../src/actions/movePlan');
    const j = journey([lane('act', 'actions'), lane('front', 'frontstage'), lane('back', 'backstage'), lane('pain', 'pains')], [card('a', 'act')]);
    const shown = new Set(['act', 'pain']);
    expect(verticalMoves(j, [j.cards[0]!], 1, shown)).toEqual([{ ids: ['a'], to: { stageId: 's1', laneId: 'pain', index: 0 } }]);
    expect(laneMove(j, 'pain', -1, shown)).toEqual({ id: 'pain', index: 0 });
    expect(laneMove(j, 'act', 1, shown)).toEqual({ id: 'act', index: 3 });
    // without hidden lanes, one step is one lane
    expect(laneMove(j, 'pain', -1)).toEqual({ id: 'pain', index: 2 });
  });

  it('drops a dragged lane header between the lanes shown, as an index among all lanes', async () => {
    const { laneIndexInMap } = await import('../../src/canvas/dropTarget');
    const j = journey([lane('act', 'actions'), lane('front', 'frontstage'), lane('pain', 'pains'), lane('back', 'backstage'), lane('kpi', 'metrics')]);
    const layout = layoutJourney(j, { hiddenLaneIds: new Set(['front', 'back']) });
    const row = (id: string) => layout.lanes.find((l) => l.id === id)!;
    // "kpi" dropped above "pain": right before it among all lanes (act, front, pain, back)
    expect(laneIndexInMap(j, layout, 'kpi', row('pain').y + 1)).toBe(2);
    // "act" dropped below everything: after the last lane shown ("kpi" is last anyway)
    expect(laneIndexInMap(j, layout, 'act', row('kpi').y + row('kpi').height + 50)).toBe(4);
  });
});
