import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCardSlotTop, CARD_WIDTH, GRID, layoutJourney, smoothPath, type Rect } from '../../src/model/layout';
import { addCard, addLane, addStage, moveStage, renamePhase, updateLane } from '../../src/model/ops';
import type { LaneKind, PhaseId } from '../../src/model/types';

function docWith(stages: { id: string; phase?: PhaseId }[], lanes: { id: string; kind?: LaneKind; collapsed?: boolean }[]) {
  const doc = new Y.Doc();
  for (const s of stages) addStage(doc, { id: s.id, name: s.id.toUpperCase(), phase: s.phase ?? 'pre-purchase' });
  for (const l of lanes) {
    addLane(doc, { id: l.id, name: l.id.toUpperCase(), kind: l.kind ?? 'actions' });
    if (l.collapsed) updateLane(doc, l.id, { collapsed: true });
  }
  return doc;
}

/** Height of a cell stacking `n` cards (an empty cell keeps room for one). */
const stack = (n: number) => 2 * GRID.cellPadding + Math.max(1, n) * GRID.cardHeight + (Math.max(1, n) - 1) * GRID.cardGap;

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutJourney: columns and rows', () => {
  it('lays stages out left to right in stage order, all the same width, right of the lane headers', () => {
    const doc = docWith([{ id: 's1' }, { id: 's2' }, { id: 's3' }], [{ id: 'l1' }]);
    moveStage(doc, 's3', 0);
    const layout = layoutJourney(readJourney(doc));
    expect(layout.stages.map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    layout.stages.forEach((column, i) => {
      expect(column.width).toBe(GRID.stageWidth);
      expect(column.x).toBe(GRID.laneHeaderWidth + i * GRID.stageWidth);
      expect(column.y).toBe(GRID.phaseBandHeight);
      expect(column.height).toBe(GRID.stageHeaderHeight);
    });
    expect(layout.width).toBe(GRID.laneHeaderWidth + 3 * GRID.stageWidth);
  });

  it('makes each lane tall enough for its fullest cell and stacks lanes without gaps', () => {
    const doc = docWith([{ id: 's1' }, { id: 's2' }], [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }]);
    for (let i = 0; i < 3; i++) addCard(doc, { stageId: 's2', laneId: 'l1', title: `busy ${i}` });
    addCard(doc, { stageId: 's1', laneId: 'l1', title: 'lonely' });
    addCard(doc, { stageId: 's1', laneId: 'l2', title: 'one' });
    const layout = layoutJourney(readJourney(doc));
    const [l1, l2, l3] = layout.lanes;
    expect(l1!.height).toBe(stack(3));
    expect(l2!.height).toBe(stack(1));
    expect(l3!.height).toBe(stack(0));
    expect(l1!.y).toBe(GRID.phaseBandHeight + GRID.stageHeaderHeight);
    expect(l2!.y).toBe(l1!.y + l1!.height);
    expect(l3!.y).toBe(l2!.y + l2!.height);
    expect(layout.height).toBe(l3!.y + l3!.height);
  });

  it('every card sits inside its own stage column and lane row', () => {
    const doc = docWith([{ id: 's1' }, { id: 's2' }], [{ id: 'l1' }, { id: 'l2', kind: 'emotions' }]);
    for (const [s, l, n] of [['s1', 'l1', 2], ['s2', 'l1', 4], ['s2', 'l2', 3], ['s1', 'l2', 1]] as const) {
      for (let i = 0; i < n; i++) addCard(doc, { stageId: s, laneId: l, emotion: l === 'l2' ? 1 : null });
    }
    const journey = readJourney(doc);
    const layout = layoutJourney(journey);
    expect(layout.cards.size).toBe(journey.cards.length);
    for (const card of journey.cards) {
      const rect = layout.cards.get(card.id)!;
      const column = layout.stages.find((s) => s.id === card.stageId)!;
      const row = layout.lanes.find((l) => l.id === card.laneId)!;
      expect(rect.width).toBe(CARD_WIDTH);
      expect(rect.height).toBe(GRID.cardHeight);
      expect(rect.x).toBeGreaterThanOrEqual(column.x);
      expect(rect.x + rect.width).toBeLessThanOrEqual(column.x + column.width);
      expect(rect.y).toBeGreaterThanOrEqual(row.y);
      expect(rect.y + rect.height).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  it('stacks the cards of a cell top to bottom in their order, without overlapping', () => {
    const doc = docWith([{ id: 's1' }], [{ id: 'l1' }]);
    const ids = ['first', 'second', 'third', 'fourth'].map((title) => addCard(doc, { stageId: 's1', laneId: 'l1', title })!);
    const last = addCard(doc, { stageId: 's1', laneId: 'l1', title: 'inserted on top', index: 0 })!;
    const order = [last, ...ids];
    const layout = layoutJourney(readJourney(doc));
    const rects = order.map((id) => layout.cards.get(id)!);
    const row = layout.lanes[0]!;
    expect(rects[0]!.y).toBe(row.y + GRID.cellPadding);
    for (let i = 1; i < rects.length; i++) {
      expect(rects[i]!.x).toBe(rects[0]!.x);
      expect(rects[i]!.y).toBe(rects[i - 1]!.y + GRID.cardHeight + GRID.cardGap);
      expect(overlaps(rects[i - 1]!, rects[i]!)).toBe(false);
    }
  });

  it('no two cards anywhere on the map overlap', () => {
    const doc = docWith([{ id: 's1' }, { id: 's2' }, { id: 's3' }], [{ id: 'l1' }, { id: 'l2', kind: 'emotions' }, { id: 'l3' }]);
    let n = 0;
    for (const s of ['s1', 's2', 's3']) for (const l of ['l1', 'l2', 'l3']) for (let i = 0; i < (n++ % 4); i++) addCard(doc, { stageId: s, laneId: l, emotion: 0 });
    const rects = [...layoutJourney(readJourney(doc)).cards.values()];
    expect(rects.length).toBeGreaterThan(10);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
  });

  it('a collapsed lane shrinks to a header strip, hides its cards and pulls the lanes below up', () => {
    const doc = docWith([{ id: 's1' }], [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }]);
    const hidden = [addCard(doc, { stageId: 's1', laneId: 'l2' })!, addCard(doc, { stageId: 's1', laneId: 'l2' })!];
    const visible = addCard(doc, { stageId: 's1', laneId: 'l3' })!;
    updateLane(doc, 'l2', { collapsed: true });
    const layout = layoutJourney(readJourney(doc));
    const [l1, l2, l3] = layout.lanes;
    expect(l2).toMatchObject({ id: 'l2', collapsed: true, height: GRID.collapsedLaneHeight });
    expect(l1!.collapsed).toBe(false);
    for (const id of hidden) expect(layout.cards.has(id)).toBe(false);
    expect(l3!.y).toBe(l2!.y + GRID.collapsedLaneHeight);
    expect(layout.cards.get(visible)!.y).toBe(l3!.y + GRID.cellPadding);
  });

  it('the editor\u2019s layout keeps a free row under the cards of every cell for its add button; exports leave it out', () => {
    const doc = docWith([{ id: 's1' }, { id: 's2' }], [{ id: 'full' }, { id: 'empty' }, { id: 'feel', kind: 'emotions' }]);
    const ids = [addCard(doc, { stageId: 's1', laneId: 'full' })!, addCard(doc, { stageId: 's1', laneId: 'full' })!, addCard(doc, { stageId: 's2', laneId: 'full' })!];
    addCard(doc, { stageId: 's1', laneId: 'feel', emotion: 1 });
    const journey = readJourney(doc);
    const editor = layoutJourney(journey, { addCardRow: true });
    const exported = layoutJourney(journey);
    const [full, empty, feel] = editor.lanes;
    expect(exported.lanes[0]!.height).toBe(stack(2));
    expect(full!.height).toBe(stack(2) + GRID.cardGap + GRID.addCardRowHeight);
    // a lane without cards already has an empty slot for the button
    expect(empty!.height).toBe(stack(0));
    expect(feel!.height).toBe(GRID.emotionCurveHeight + stack(1) + GRID.cardGap + GRID.addCardRowHeight);
    // the button of the fullest cell, under its last card, still fits in the lane, clear of every card
    const slot = { x: editor.stages[0]!.x + GRID.cellPadding, y: full!.y + addCardSlotTop(2), width: CARD_WIDTH, height: GRID.addCardRowHeight };
    expect(slot.y + slot.height).toBeLessThanOrEqual(full!.y + full!.height);
    for (const id of ids) expect(overlaps(editor.cards.get(id)!, slot)).toBe(false);
    // cards sit where they would without the row
    for (const id of ids) expect(editor.cards.get(id)).toEqual(exported.cards.get(id));
  });

  it('lays out an empty map as just the lane-header column', () => {
    const layout = layoutJourney(readJourney(new Y.Doc()));
    expect(layout).toMatchObject({ width: GRID.laneHeaderWidth, height: GRID.phaseBandHeight + GRID.stageHeaderHeight, phases: [], stages: [], lanes: [], emotionCurves: [] });
    expect(layout.cards.size).toBe(0);
  });
});

describe('layoutJourney: phase bands', () => {
  it('merges adjacent stages of the same phase into one band spanning their columns', () => {
    const doc = docWith(
      [{ id: 'a', phase: 'pre-purchase' }, { id: 'b', phase: 'pre-purchase' }, { id: 'c', phase: 'purchase' }, { id: 'd', phase: 'post-purchase' }, { id: 'e', phase: 'post-purchase' }],
      [{ id: 'l1' }],
    );
    renamePhase(doc, 'pre-purchase', 'Before');
    renamePhase(doc, 'purchase', 'Buying');
    renamePhase(doc, 'post-purchase', 'After');
    const layout = layoutJourney(readJourney(doc));
    expect(layout.phases.map((p) => ({ phase: p.phase, name: p.name, stageIds: p.stageIds }))).toEqual([
      { phase: 'pre-purchase', name: 'Before', stageIds: ['a', 'b'] },
      { phase: 'purchase', name: 'Buying', stageIds: ['c'] },
      { phase: 'post-purchase', name: 'After', stageIds: ['d', 'e'] },
    ]);
    const [pre, buy, post] = layout.phases;
    expect(pre).toMatchObject({ x: GRID.laneHeaderWidth, y: 0, width: 2 * GRID.stageWidth, height: GRID.phaseBandHeight });
    expect(buy).toMatchObject({ x: pre!.x + pre!.width, width: GRID.stageWidth });
    expect(post).toMatchObject({ x: buy!.x + buy!.width, width: 2 * GRID.stageWidth });
  });

  it('splits a phase into two bands when a stage of another phase is moved between its stages', () => {
    const doc = docWith([{ id: 'a', phase: 'pre-purchase' }, { id: 'b', phase: 'pre-purchase' }, { id: 'c', phase: 'purchase' }], [{ id: 'l1' }]);
    expect(layoutJourney(readJourney(doc)).phases).toHaveLength(2);
    moveStage(doc, 'c', 1);
    const bands = layoutJourney(readJourney(doc)).phases;
    expect(bands.map((b) => [b.phase, b.stageIds])).toEqual([
      ['pre-purchase', ['a']],
      ['purchase', ['c']],
      ['pre-purchase', ['b']],
    ]);
    expect(bands.every((b) => b.width === GRID.stageWidth)).toBe(true);
  });
});

describe('layoutJourney: emotion curve', () => {
  function emotionMap() {
    const doc = docWith(
      [{ id: 'high' }, { id: 'neutral' }, { id: 'low' }, { id: 'unscored' }, { id: 'mixed' }],
      [{ id: 'actions' }, { id: 'feel', kind: 'emotions' }],
    );
    addCard(doc, { stageId: 'high', laneId: 'feel', emotion: 3 });
    addCard(doc, { stageId: 'neutral', laneId: 'feel', emotion: 0 });
    addCard(doc, { stageId: 'neutral', laneId: 'feel', emotion: null });
    addCard(doc, { stageId: 'low', laneId: 'feel', emotion: -3 });
    addCard(doc, { stageId: 'unscored', laneId: 'feel', title: 'no score' });
    // scored, but not in the emotions lane: does not count
    addCard(doc, { stageId: 'unscored', laneId: 'actions', emotion: 3 });
    addCard(doc, { stageId: 'mixed', laneId: 'feel', emotion: 3 });
    addCard(doc, { stageId: 'mixed', laneId: 'feel', emotion: -2 });
    addCard(doc, { stageId: 'mixed', laneId: 'feel', emotion: 1 });
    addCard(doc, { stageId: 'mixed', laneId: 'feel', emotion: 0 });
    return doc;
  }

  it('has one point per stage with scored cards in the emotions lane, at the centre of the stage column', () => {
    const layout = layoutJourney(readJourney(emotionMap()));
    expect(layout.emotionCurves).toHaveLength(1);
    const curve = layout.emotionCurves[0]!;
    expect(curve.laneId).toBe('feel');
    expect(curve.points.map((p) => p.stageId)).toEqual(['high', 'neutral', 'low', 'mixed']);
    for (const point of curve.points) {
      const column = layout.stages.find((s) => s.id === point.stageId)!;
      expect(point.x).toBe(column.x + column.width / 2);
    }
  });

  it('scores each stage with the mean of its scored cards', () => {
    const curve = layoutJourney(readJourney(emotionMap())).emotionCurves[0]!;
    expect(curve.points.map((p) => p.score)).toEqual([3, 0, -3, 0.5]);
  });

  it('draws delight above neutral above frustration, inside the curve band at the top of the lane', () => {
    const layout = layoutJourney(readJourney(emotionMap()));
    const curve = layout.emotionCurves[0]!;
    const row = layout.lanes.find((l) => l.id === 'feel')!;
    const y = Object.fromEntries(curve.points.map((p) => [p.stageId, p.y]));
    expect(y.high!).toBeLessThan(y.neutral!);
    expect(y.neutral!).toBeLessThan(y.low!);
    expect(y.neutral).toBe(curve.zeroY);
    expect(y.high).toBe(curve.top);
    expect(y.low).toBe(curve.bottom);
    expect(y.mixed!).toBeLessThan(curve.zeroY);
    expect(y.mixed!).toBeGreaterThan(y.high!);
    expect(curve.top).toBeGreaterThanOrEqual(row.y);
    expect(curve.bottom).toBeLessThanOrEqual(row.y + GRID.emotionCurveHeight);
  });

  it('places the cards of an emotions lane below its curve band', () => {
    const doc = emotionMap();
    const journey = readJourney(doc);
    const layout = layoutJourney(journey);
    const row = layout.lanes.find((l) => l.id === 'feel')!;
    expect(row.height).toBe(GRID.emotionCurveHeight + stack(4));
    for (const card of journey.cards.filter((c) => c.laneId === 'feel')) {
      expect(layout.cards.get(card.id)!.y).toBeGreaterThanOrEqual(row.y + GRID.emotionCurveHeight);
    }
  });

  it('draws no curve for a collapsed emotions lane, and an empty curve for an emotions lane without scores', () => {
    const doc = emotionMap();
    addLane(doc, { id: 'feel2', name: 'More feelings', kind: 'emotions' });
    addCard(doc, { stageId: 'high', laneId: 'feel2', title: 'not scored' });
    updateLane(doc, 'feel', { collapsed: true });
    const curves = layoutJourney(readJourney(doc)).emotionCurves;
    expect(curves.map((c) => c.laneId)).toEqual(['feel2']);
    expect(curves[0]!.points).toEqual([]);
  });
});

/** Parses the path smoothPath draws: a move, then cubic segments. */
function parsePath(d: string) {
  const [move, ...segments] = d.split(' C');
  const pair = (s: string) => {
    const [x, y] = s.split(',').map(Number);
    return { x: x!, y: y! };
  };
  expect(move!.startsWith('M')).toBe(true);
  const start = pair(move!.slice(1));
  const cubics = segments.map((seg) => seg.split(' ').map(pair));
  return { start, cubics };
}

describe('smoothPath', () => {
  it('draws nothing for no points and just a move for one point', () => {
    expect(smoothPath([])).toBe('');
    expect(smoothPath([{ x: 10, y: 20 }])).toBe('M10,20');
  });

  it('starts at the first point and passes through every point', () => {
    const points = [
      { x: 100, y: 50 },
      { x: 364, y: 120 },
      { x: 628, y: 80 },
      { x: 892, y: 80 },
    ];
    const { start, cubics } = parsePath(smoothPath(points));
    expect(start).toEqual(points[0]);
    expect(cubics).toHaveLength(points.length - 1);
    cubics.forEach((c, i) => expect(c[2]).toEqual(points[i + 1]));
  });

  it('never swings above the highest or below the lowest point', () => {
    const pointsArb = fc
      .array(fc.record({ dx: fc.integer({ min: 1, max: 400 }), y: fc.double({ min: -500, max: 500, noNaN: true }) }), { minLength: 2, maxLength: 9 })
      .map((steps) => {
        let x = 0;
        return steps.map((s) => ({ x: (x += s.dx), y: s.y }));
      });
    fc.assert(
      fc.property(pointsArb, (points) => {
        const d = smoothPath(points);
        const { start, cubics } = parsePath(d);
        const ys = points.map((p) => p.y);
        const lo = Math.min(...ys) - 0.01;
        const hi = Math.max(...ys) + 0.01;
        expect(Math.abs(start.x - points[0]!.x)).toBeLessThanOrEqual(0.005);
        expect(Math.abs(start.y - points[0]!.y)).toBeLessThanOrEqual(0.005);
        let from = start;
        let minY = Infinity;
        let maxY = -Infinity;
        for (const [c1, c2, to] of cubics) {
          for (let k = 0; k <= 40; k++) {
            const t = k / 40;
            const u = 1 - t;
            const y = u * u * u * from.y + 3 * u * u * t * c1!.y + 3 * u * t * t * c2!.y + t * t * t * to!.y;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
          from = to!;
        }
        expect(minY).toBeGreaterThanOrEqual(lo);
        expect(maxY).toBeLessThanOrEqual(hi);
      }),
      { seed: 20260301, numRuns: 300 },
    );
  });

  it('keeps the curve of a real emotion lane inside the -3…+3 band', () => {
    const doc = docWith(
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
      [{ id: 'feel', kind: 'emotions' }],
    );
    [3, -3, 3, 2, -3].forEach((emotion, i) => addCard(doc, { stageId: ['a', 'b', 'c', 'd', 'e'][i]!, laneId: 'feel', emotion }));
    const curve = layoutJourney(readJourney(doc)).emotionCurves[0]!;
    const { cubics } = parsePath(smoothPath(curve.points));
    for (const [c1, c2] of cubics) {
      expect(c1!.y).toBeGreaterThanOrEqual(curve.top - 0.01);
      expect(c1!.y).toBeLessThanOrEqual(curve.bottom + 0.01);
      expect(c2!.y).toBeGreaterThanOrEqual(curve.top - 0.01);
      expect(c2!.y).toBeLessThanOrEqual(curve.bottom + 0.01);
    }
  });
});
