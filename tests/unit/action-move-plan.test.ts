import { describe, expect, it } from 'vitest';
import { byCell, horizontalMoves, laneMove, pasteCells, stageMove, verticalMoves } from '../../src/actions/movePlan';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Card, Journey } from '../../src/model/types';

/** Move planning on plain map data: no store, no React, no DOM. */

const retail = (): Journey => readJourney(createMapFromTemplate('retail', 'en'));

/** The retail map has 8 stages and 9 lanes; the first lane has two cards in every cell. */
const cellOf = (j: Journey, s: number, l: number): Card[] => j.cards.filter((c) => c.stageId === j.stages[s]!.id && c.laneId === j.lanes[l]!.id);
/** the retail map's last lane, its KPIs */
const LAST_LANE = 8;
const collapse = (j: Journey, ...lanes: number[]): Journey => ({
  ...j,
  lanes: j.lanes.map((lane, i) => (lanes.includes(i) ? { ...lane, collapsed: true } : lane)),
});

describe('moving cards sideways', () => {
  it('keeps lane and row and goes one stage along', () => {
    const j = retail();
    const [, second] = cellOf(j, 2, 0);
    expect(horizontalMoves(j, [second!], 1)).toEqual([{ ids: [second!.id], to: { stageId: j.stages[3]!.id, laneId: j.lanes[0]!.id, index: 1 } }]);
    expect(horizontalMoves(j, [second!], -1)).toEqual([{ ids: [second!.id], to: { stageId: j.stages[1]!.id, laneId: j.lanes[0]!.id, index: 1 } }]);
  });

  it('moves nothing when one card is at the edge, or none is given', () => {
    const j = retail();
    const first = cellOf(j, 0, 0)[0]!;
    const middle = cellOf(j, 3, 1)[0]!;
    expect(horizontalMoves(j, [middle, first], -1)).toBeNull();
    expect(horizontalMoves(j, [cellOf(j, 7, 0)[0]!], 1)).toBeNull();
    expect(horizontalMoves(j, [], 1)).toBeNull();
  });

  it('moves the cards of one cell as a block, one move per cell', () => {
    const j = retail();
    const block = cellOf(j, 1, 0);
    const other = cellOf(j, 4, 2)[0]!;
    expect(byCell([...block, other]).map((g) => g.ids)).toEqual([block.map((c) => c.id), [other.id]]);
    const moves = horizontalMoves(j, [...block, other], 1)!;
    expect(moves.map((m) => m.ids)).toEqual([block.map((c) => c.id), [other.id]]);
    expect(moves[0]!.to).toEqual({ stageId: j.stages[2]!.id, laneId: j.lanes[0]!.id, index: 0 });
  });
});

describe('moving cards up and down', () => {
  it('steps within the cell first', () => {
    const j = retail();
    const [top, bottom] = cellOf(j, 0, 0);
    expect(verticalMoves(j, [bottom!], -1)).toEqual([{ ids: [bottom!.id], to: { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, index: 0 } }]);
    expect(verticalMoves(j, [top!], 1)).toEqual([{ ids: [top!.id], to: { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, index: 1 } }]);
  });

  it('from the bottom of a cell goes to the top of the next open lane, from the top to the end of the previous one', () => {
    const j = collapse(retail(), 1);
    const bottom = cellOf(j, 0, 0)[1]!;
    // lane 1 is collapsed: skipped
    expect(verticalMoves(j, [bottom], 1)).toEqual([{ ids: [bottom.id], to: { stageId: j.stages[0]!.id, laneId: j.lanes[2]!.id, index: 0 } }]);
    const only = cellOf(j, 0, 2)[0]!;
    expect(verticalMoves(j, [only], -1)).toEqual([{ ids: [only.id], to: { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, index: undefined } }]);
  });

  it('moves nothing past the first or last lane', () => {
    const j = retail();
    expect(verticalMoves(j, [cellOf(j, 0, 0)[0]!], -1)).toBeNull();
    expect(verticalMoves(j, [cellOf(j, 0, LAST_LANE)[0]!], 1)).toBeNull();
    expect(verticalMoves(collapse(j, LAST_LANE), [cellOf(j, 0, LAST_LANE - 1)[0]!], 1)).toBeNull();
  });

  it('moves a whole cell as a block to the next lane', () => {
    const j = retail();
    const block = cellOf(j, 0, 0);
    expect(verticalMoves(j, block, 1)).toEqual([{ ids: block.map((c) => c.id), to: { stageId: j.stages[0]!.id, laneId: j.lanes[1]!.id, index: 0 } }]);
  });
});

describe('moving stages and lanes', () => {
  it('gives the new index one step along, or nothing at the edges', () => {
    const j = retail();
    const [first, second] = j.stages;
    expect(stageMove(j, second!.id, -1)).toEqual({ id: second!.id, index: 0 });
    expect(stageMove(j, first!.id, -1)).toBeNull();
    expect(stageMove(j, j.stages[7]!.id, 1)).toBeNull();
    expect(stageMove(j, null, 1)).toBeNull();
    expect(laneMove(j, j.lanes[3]!.id, 1)).toEqual({ id: j.lanes[3]!.id, index: 4 });
    expect(laneMove(j, j.lanes[LAST_LANE]!.id, 1)).toBeNull();
    expect(laneMove(j, 'gone', -1)).toBeNull();
  });
});

describe('where pasted cards land', () => {
  it('keeps the copies offsets from the first one, relative to the anchor, clamped to the map', () => {
    const j = retail();
    const a = cellOf(j, 1, 1)[0]!;
    const b = cellOf(j, 2, 3)[0]!; // one stage right, two lanes down
    const cell = (s: number, l: number) => ({ stageId: j.stages[s]!.id, laneId: j.lanes[l]!.id });
    expect(pasteCells(j, [a, b], cell(4, 2), cell(0, 0))).toEqual([cell(4, 2), cell(5, 4)]);
    expect(pasteCells(j, [a, b], cell(7, LAST_LANE), cell(0, 0))).toEqual([cell(7, LAST_LANE), cell(7, LAST_LANE)]);
  });

  it('without an anchor, puts each copy back in its own cell, or the fallback when that is gone', () => {
    const j = retail();
    const a = cellOf(j, 1, 1)[0]!;
    const orphan: Card = { ...a, stageId: 'deleted-stage' };
    const fallback = { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id };
    expect(pasteCells(j, [a, orphan], null, fallback)).toEqual([{ stageId: a.stageId, laneId: a.laneId }, fallback]);
    expect(pasteCells(j, [], null, fallback)).toEqual([]);
  });
});
