import type { Target } from '../store/editorStore';
import type { Card, Journey, Lane, PhaseId } from '../model/types';
import type { ActionContext } from './types';

/**
 * What an action applies to, read from the context: the context-menu target when there is one,
 * else the selection, else the focused header or cell. Pure helpers over plain data.
 */

export interface Cell {
  stageId: string;
  laneId: string;
}

/** A place for a new card: a cell and, optionally, its position there (default: last). */
export interface Place extends Cell {
  index?: number;
}

export const cellKeyOf = (c: Cell) => `${c.stageId}\u0000${c.laneId}`;

export function cardById(journey: Journey, id: string): Card | undefined {
  return journey.cards.find((c) => c.id === id);
}

export function stageIndexOf(journey: Journey, id: string): number {
  return journey.stages.findIndex((s) => s.id === id);
}

export function laneIndexOf(journey: Journey, id: string): number {
  return journey.lanes.findIndex((l) => l.id === id);
}

export function cellExists(journey: Journey, cell: Cell): boolean {
  return stageIndexOf(journey, cell.stageId) >= 0 && laneIndexOf(journey, cell.laneId) >= 0;
}

/** The cards of a cell in display order. */
export function cellCards(journey: Journey, cell: Cell): Card[] {
  return journey.cards.filter((c) => c.stageId === cell.stageId && c.laneId === cell.laneId);
}

/** The ids of the lanes the canvas shows (the blueprint view can hide some). */
export function shownLanes(ctx: Pick<ActionContext, 'layout'>): Set<string> {
  return new Set(ctx.layout.lanes.map((l) => l.id));
}

/** The first lane that is not collapsed, else the first lane. */
export function firstOpenLane(journey: Journey): Lane | undefined {
  return journey.lanes.find((l) => !l.collapsed) ?? journey.lanes[0];
}

/** The top-left cell a new card goes to when nothing says where. */
export function firstCell(journey: Journey): Cell | null {
  const stage = journey.stages[0];
  const lane = firstOpenLane(journey);
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null;
}

/** The selected cards that still exist, in map order. */
export function selectedInMapOrder(ctx: ActionContext): Card[] {
  const ids = new Set(ctx.editor.selectedCardIds);
  if (ids.size === 0) return [];
  return ctx.journey.cards.filter((c) => ids.has(c.id));
}

/**
 * The cards a card action applies to: from a context menu, the clicked card (with the rest of
 * the selection when it is part of it); otherwise the selection. Always in map order.
 */
export function targetCards(ctx: ActionContext): Card[] {
  const { target } = ctx;
  if (target) {
    if (target.kind !== 'card') return [];
    if (ctx.editor.selectedCardIds.includes(target.id)) return selectedInMapOrder(ctx);
    const card = cardById(ctx.journey, target.id);
    return card ? [card] : [];
  }
  return selectedInMapOrder(ctx);
}

/**
 * The header a stage/lane/phase action applies to: the context-menu target, else the focused
 * header while no card is selected (with cards selected, the same keys act on the cards).
 */
export function headerTarget(ctx: ActionContext): Target | null {
  if (ctx.target) return ctx.target;
  return ctx.editor.selectedCardIds.length === 0 ? ctx.editor.focus : null;
}

export function headerStageId(ctx: ActionContext): string | null {
  const t = headerTarget(ctx);
  return t?.kind === 'stage' && stageIndexOf(ctx.journey, t.id) >= 0 ? t.id : null;
}

export function headerLaneId(ctx: ActionContext): string | null {
  const t = headerTarget(ctx);
  return t?.kind === 'lane' && laneIndexOf(ctx.journey, t.id) >= 0 ? t.id : null;
}

export function headerPhase(ctx: ActionContext): PhaseId | null {
  const t = headerTarget(ctx);
  return t?.kind === 'phase' && ctx.journey.phases.some((p) => p.id === t.id) ? t.id : null;
}

/** The cell a target points into, if any. */
function cellOfTarget(journey: Journey, t: Target): Cell | null {
  if (t.kind === 'cell') return cellExists(journey, t) ? { stageId: t.stageId, laneId: t.laneId } : null;
  if (t.kind === 'card') {
    const card = cardById(journey, t.id);
    return card ? { stageId: card.stageId, laneId: card.laneId } : null;
  }
  return null;
}

function lastSelected(ctx: ActionContext): Card | undefined {
  const cards = selectedInMapOrder(ctx);
  return cards[cards.length - 1];
}

/** The stage a new stage goes after: the one pointed at, holding the selection or focused. */
export function anchorStageId(ctx: ActionContext): string | null {
  const of = (t: Target | null | undefined): string | null => {
    if (!t) return null;
    if (t.kind === 'stage') return stageIndexOf(ctx.journey, t.id) >= 0 ? t.id : null;
    return cellOfTarget(ctx.journey, t)?.stageId ?? null;
  };
  if (ctx.target) return of(ctx.target);
  return lastSelected(ctx)?.stageId ?? of(ctx.editor.focus);
}

/** The lane a new lane goes after (see anchorStageId). */
export function anchorLaneId(ctx: ActionContext): string | null {
  const of = (t: Target | null | undefined): string | null => {
    if (!t) return null;
    if (t.kind === 'lane') return laneIndexOf(ctx.journey, t.id) >= 0 ? t.id : null;
    return cellOfTarget(ctx.journey, t)?.laneId ?? null;
  };
  if (ctx.target) return of(ctx.target);
  return lastSelected(ctx)?.laneId ?? of(ctx.editor.focus);
}

/** Where a target puts a new card: a cell (at its end), right after a card, or a header's first cell. */
function placeOfTarget(journey: Journey, t: Target): Place | null {
  switch (t.kind) {
    case 'cell':
      return cellExists(journey, t) ? { stageId: t.stageId, laneId: t.laneId } : null;
    case 'card': {
      const card = cardById(journey, t.id);
      if (!card) return null;
      const index = cellCards(journey, card).findIndex((c) => c.id === card.id) + 1;
      return { stageId: card.stageId, laneId: card.laneId, index };
    }
    case 'stage': {
      const lane = firstOpenLane(journey);
      return lane && stageIndexOf(journey, t.id) >= 0 ? { stageId: t.id, laneId: lane.id } : null;
    }
    case 'lane': {
      const stage = journey.stages[0];
      return stage && laneIndexOf(journey, t.id) >= 0 ? { stageId: stage.id, laneId: t.id } : null;
    }
    default:
      return null;
  }
}

/**
 * Where "add card" puts the card: the context-menu target; else the focused cell; else right
 * after the (last) selected card; else the focused card or header; else the first cell.
 */
export function addCardPlace(ctx: ActionContext): Place | null {
  const { journey, editor } = ctx;
  const fallback = firstCell(journey);
  if (!fallback) return null;
  if (ctx.target) return placeOfTarget(journey, ctx.target) ?? fallback;
  if (editor.focus?.kind === 'cell') {
    const place = placeOfTarget(journey, editor.focus);
    if (place) return place;
  }
  const selected = lastSelected(ctx);
  if (selected) return placeOfTarget(journey, { kind: 'card', id: selected.id }) ?? fallback;
  return (editor.focus && placeOfTarget(journey, editor.focus)) ?? fallback;
}

/** Where pasted cards go: after the first selected card, into the focused cell, …; null: nowhere said. */
export function pastePlace(ctx: ActionContext): (Place & { afterCardId?: string }) | null {
  const { journey, editor } = ctx;
  const withAnchor = (place: Place | null, t: Target): (Place & { afterCardId?: string }) | null =>
    place && t.kind === 'card' ? { ...place, afterCardId: t.id } : place;
  if (ctx.target) return withAnchor(placeOfTarget(journey, ctx.target), ctx.target);
  const first = selectedInMapOrder(ctx)[0];
  if (first) {
    const t: Target = { kind: 'card', id: first.id };
    return withAnchor(placeOfTarget(journey, t), t);
  }
  if (editor.focus) return withAnchor(placeOfTarget(journey, editor.focus), editor.focus);
  return null;
}

/** The card arrow keys start from: the focused card if selected, else the last selected one. */
export function navigationOrigin(ctx: ActionContext): string | null {
  const { editor } = ctx;
  const selected = editor.selectedCardIds;
  if (selected.length) {
    if (editor.focus?.kind === 'card' && selected.includes(editor.focus.id)) return editor.focus.id;
    return selected[selected.length - 1] ?? null;
  }
  return editor.focus?.kind === 'card' ? editor.focus.id : null;
}
