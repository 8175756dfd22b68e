import type { Card, Journey } from '../model/types';
import { cellCards, cellExists, cellKeyOf, laneIndexOf, stageIndexOf, type Cell, type Place } from './selection';

/**
 * Where keyboard moves and pastes put things, worked out from plain map data before anything is
 * written: pure functions, so the rules can be tested without a store, a doc or a screen.
 */

/** Cards that move together to one place. */
export interface CardMove {
  ids: string[];
  to: Place;
}

/** Groups cards by cell, keeping map order inside each group. */
export function byCell(cards: readonly Card[]): { cell: Cell; ids: string[] }[] {
  const groups = new Map<string, { cell: Cell; ids: string[] }>();
  for (const card of cards) {
    const key = cellKeyOf(card);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { cell: { stageId: card.stageId, laneId: card.laneId }, ids: [] }));
    group.ids.push(card.id);
  }
  return [...groups.values()];
}

/** Card moves to the previous/next stage, keeping lane and row; null when a card is at the edge. */
export function horizontalMoves(journey: Journey, cards: readonly Card[], step: -1 | 1): CardMove[] | null {
  if (cards.length === 0) return null;
  const moves: CardMove[] = [];
  for (const { cell, ids } of byCell(cards)) {
    const stage = journey.stages[stageIndexOf(journey, cell.stageId) + step];
    if (!stage) return null;
    const row = cellCards(journey, cell).findIndex((c) => c.id === ids[0]);
    moves.push({ ids, to: { stageId: stage.id, laneId: cell.laneId, index: Math.max(0, row) } });
  }
  return moves;
}

/**
 * Card moves up/down: one place within the cell, or, from the top/bottom of the cell, to the
 * end/start of the same stage's cell in the previous/next open lane. Several selected cards in
 * one cell move as a block. Null when a card cannot go further.
 */
export function verticalMoves(journey: Journey, cards: readonly Card[], step: -1 | 1, shown?: ReadonlySet<string>): CardMove[] | null {
  // a lane the view hides (blueprint view off) is passed over like a collapsed one
  const closed = (lane: Journey['lanes'][number]) => lane.collapsed || (shown !== undefined && !shown.has(lane.id));
  if (cards.length === 0) return null;
  const moves: CardMove[] = [];
  for (const { cell, ids } of byCell(cards)) {
    const moving = new Set(ids);
    const inCell = cellCards(journey, cell);
    const staying = (before: string) => {
      let n = 0;
      for (const c of inCell) {
        if (c.id === before) break;
        if (!moving.has(c.id)) n++;
      }
      return n;
    };
    const stayCount = inCell.length - ids.length;
    if (step < 0) {
      const above = staying(ids[0]!);
      if (above > 0) {
        moves.push({ ids, to: { ...cell, index: above - 1 } });
        continue;
      }
    } else {
      const above = staying(ids[ids.length - 1]!);
      if (above < stayCount) {
        moves.push({ ids, to: { ...cell, index: above + 1 } });
        continue;
      }
    }
    let l = laneIndexOf(journey, cell.laneId) + step;
    while (journey.lanes[l] && closed(journey.lanes[l]!)) l += step;
    const lane = journey.lanes[l];
    if (!lane) return null;
    moves.push({ ids, to: { stageId: cell.stageId, laneId: lane.id, index: step < 0 ? undefined : 0 } });
  }
  return moves;
}

/** A stage's or lane's new index one step along; null when there is none or it is at the edge. */
export interface HeaderMove {
  id: string;
  index: number;
}

export function stageMove(journey: Journey, id: string | null, step: -1 | 1): HeaderMove | null {
  if (!id) return null;
  const index = stageIndexOf(journey, id) + step;
  return index >= 0 && index < journey.stages.length ? { id, index } : null;
}

export function laneMove(journey: Journey, id: string | null, step: -1 | 1, shown?: ReadonlySet<string>): HeaderMove | null {
  if (!id) return null;
  let index = laneIndexOf(journey, id) + step;
  // past the lanes the view hides, so the lane visibly changes place
  while (shown && journey.lanes[index] && !shown.has(journey.lanes[index]!.id)) index += step;
  return index >= 0 && index < journey.lanes.length ? { id, index } : null;
}

/**
 * The cell each pasted card lands in. With an anchor, the copies keep their offsets (in stages
 * and lanes) from the first copied card, clamped to the map's edges; without one, each goes back
 * to its own cell when that still exists, else to `fallback`.
 */
export function pasteCells(journey: Journey, clipped: readonly Card[], anchor: Cell | null, fallback: Cell): Cell[] {
  const first = clipped[0];
  if (!first) return [];
  const baseStage = stageIndexOf(journey, first.stageId);
  const baseLane = laneIndexOf(journey, first.laneId);
  const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));
  return clipped.map((card) => {
    if (!anchor) return cellExists(journey, card) ? { stageId: card.stageId, laneId: card.laneId } : fallback;
    const s = stageIndexOf(journey, card.stageId);
    const l = laneIndexOf(journey, card.laneId);
    const ds = s >= 0 && baseStage >= 0 ? s - baseStage : 0;
    const dl = l >= 0 && baseLane >= 0 ? l - baseLane : 0;
    return {
      stageId: journey.stages[clamp(stageIndexOf(journey, anchor.stageId) + ds, journey.stages.length)]!.id,
      laneId: journey.lanes[clamp(laneIndexOf(journey, anchor.laneId) + dl, journey.lanes.length)]!.id,
    };
  });
}
