import {
  addCard,
  addLane,
  addLink,
  addStage,
  deleteCards,
  deleteLane,
  deleteStage,
  moveCards,
  moveLane,
  moveStage,
  updateCard,
  updateLane,
  type AddCardArgs,
} from '../model/ops';
import { copyCardContent } from '../model/cardRecord';
import { LOCAL_ORIGIN } from '../model/origin';
import type { Card } from '../model/types';
import { enterFullscreen } from '../present/fullscreen';
import type { Clipboard, Target } from '../store/editorStore';
import { neighbourCard, type Direction } from './geometry';
import {
  addCardPlace,
  anchorLaneId,
  anchorStageId,
  cardById,
  cellCards,
  cellExists,
  cellKeyOf,
  firstCell,
  headerLaneId,
  headerPhase,
  headerStageId,
  laneIndexOf,
  navigationOrigin,
  pastePlace,
  stageIndexOf,
  targetCards,
  type Cell,
} from './selection';
import type { Action, ActionContext, ActionGroup } from './types';
import { workshopActions } from './workshop';

/* ------------------------------------------------------------------ helpers */

const label = (id: string) => `actions.${id}`;

/** The fields a copy of a card keeps: everything but its id, place and votes (see copyCardContent). */
function copyOf(ctx: ActionContext, card: Card, place: Cell & { index?: number }): AddCardArgs {
  return { ...copyCardContent(card, new Set(ctx.journey.personas.map((p) => p.id))), ...place };
}

/** A new card in a collapsed lane would be invisible: open the lane (inside the caller's transaction). */
function openLane(ctx: ActionContext, laneId: string): void {
  const lane = ctx.journey.lanes.find((l) => l.id === laneId);
  if (lane?.collapsed) updateLane(ctx.doc, laneId, { collapsed: false });
}

function reveal(ctx: ActionContext, cardId: string | undefined): void {
  if (cardId) ctx.editor.viewport?.revealCard(cardId);
}

function copyToClipboard(ctx: ActionContext, cards: readonly Card[]): void {
  const clipboard: Clipboard = { cards: cards.map((c) => ({ ...c, personaIds: [...c.personaIds], tags: [...c.tags] })) };
  ctx.editor.setClipboard(clipboard);
  // Best effort: other tabs and apps get the cards as JSON; no clipboard API (or no permission) is fine.
  try {
    const text = JSON.stringify({ format: 'waymark/cards', version: 1, cards: clipboard.cards });
    const pending = globalThis.navigator?.clipboard?.writeText?.(text);
    pending?.catch(() => undefined);
  } catch {
    /* no clipboard here */
  }
}

function deleteTargetCards(ctx: ActionContext, cards: readonly Card[]): void {
  const ids = cards.map((c) => c.id);
  deleteCards(ctx.doc, ids, LOCAL_ORIGIN);
  const gone = new Set(ids);
  const { editor } = ctx;
  editor.selectCards(
    editor.selectedCardIds.filter((id) => !gone.has(id)),
    'replace',
  );
  if (editor.editing?.kind === 'card' && gone.has(editor.editing.id)) editor.stopEditing();
  if (editor.linkFrom && gone.has(editor.linkFrom)) editor.setLinkFrom(null);
}

/** Groups cards by cell, keeping map order inside each group. */
function byCell(cards: readonly Card[]): { cell: Cell; ids: string[] }[] {
  const groups = new Map<string, { cell: Cell; ids: string[] }>();
  for (const card of cards) {
    const key = cellKeyOf(card);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { cell: { stageId: card.stageId, laneId: card.laneId }, ids: [] }));
    group.ids.push(card.id);
  }
  return [...groups.values()];
}

interface Move {
  ids: string[];
  to: Cell & { index?: number };
}

/** Card moves to the previous/next stage, keeping lane and row; null when a card is at the edge. */
function horizontalMoves(ctx: ActionContext, step: -1 | 1): Move[] | null {
  const cards = targetCards(ctx);
  if (cards.length === 0) return null;
  const moves: Move[] = [];
  for (const { cell, ids } of byCell(cards)) {
    const stage = ctx.journey.stages[stageIndexOf(ctx.journey, cell.stageId) + step];
    if (!stage) return null;
    const row = cellCards(ctx.journey, cell).findIndex((c) => c.id === ids[0]);
    moves.push({ ids, to: { stageId: stage.id, laneId: cell.laneId, index: Math.max(0, row) } });
  }
  return moves;
}

/**
 * Card moves up/down: one place within the cell, or, from the top/bottom of the cell, to the
 * end/start of the same stage's cell in the previous/next open lane. Several selected cards in
 * one cell move as a block. Null when a card cannot go further.
 */
function verticalMoves(ctx: ActionContext, step: -1 | 1): Move[] | null {
  const cards = targetCards(ctx);
  if (cards.length === 0) return null;
  const { journey } = ctx;
  const moves: Move[] = [];
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
    while (journey.lanes[l]?.collapsed) l += step;
    const lane = journey.lanes[l];
    if (!lane) return null;
    moves.push({ ids, to: { stageId: cell.stageId, laneId: lane.id, index: step < 0 ? undefined : 0 } });
  }
  return moves;
}

function applyMoves(ctx: ActionContext, moves: Move[] | null): void {
  if (!moves) return;
  ctx.doc.transact(() => {
    for (const move of moves) moveCards(ctx.doc, move.ids, move.to, LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
  reveal(ctx, moves[0]?.ids[0]);
}

/** What an arrow key does now, or null when it does nothing (so the browser keeps the key). */
function navigation(ctx: ActionContext, direction: Direction): (() => void) | null {
  const { editor, journey, layout } = ctx;
  const horizontal = direction === 'left' || direction === 'right';
  const step = direction === 'left' || direction === 'up' ? -1 : 1;
  if (editor.selectedCardIds.length === 0) {
    // a focused header: the arrows along its axis move to the next header
    // (a header deleted since, by undo or a collaborator, no longer counts)
    const focus = editor.focus;
    const stageAt = focus?.kind === 'stage' ? stageIndexOf(journey, focus.id) : -1;
    const laneAt = focus?.kind === 'lane' ? laneIndexOf(journey, focus.id) : -1;
    if (stageAt >= 0 || laneAt >= 0 || focus?.kind === 'phase') {
      if (stageAt >= 0 && horizontal) {
        const next = journey.stages[stageAt + step];
        return next ? () => editor.setFocus({ kind: 'stage', id: next.id }) : null;
      }
      if (laneAt >= 0 && !horizontal) {
        const next = journey.lanes[laneAt + step];
        return next ? () => editor.setFocus({ kind: 'lane', id: next.id }) : null;
      }
      return null;
    }
  }
  const select = (id: string) => () => {
    editor.selectCards([id], 'replace');
    editor.viewport?.revealCard(id);
  };
  const origin = navigationOrigin(ctx);
  if (origin && layout.cards.has(origin)) {
    const next = neighbourCard(layout.cards, origin, direction);
    return next ? select(next) : null;
  }
  const first = journey.cards.find((c) => layout.cards.has(c.id));
  return first ? select(first.id) : null;
}

function linkEnds(ctx: ActionContext): { from: string; to: string } | null {
  const cards = targetCards(ctx);
  if (cards.length !== 2) return null;
  const [from, to] = [cards[0]!.id, cards[1]!.id];
  const exists = ctx.journey.links.some((l) => l.fromCardId === from && l.toCardId === to);
  return exists ? null : { from, to };
}

const hasSession = () => true;

/* ------------------------------------------------------------------ actions */

const edit: Action[] = [
  {
    id: 'edit.undo',
    labelKey: label('edit.undo'),
    group: 'edit',
    shortcuts: ['Mod+Z'],
    toolbar: true,
    enabled: (ctx) => ctx.undo.canUndo(),
    perform: (ctx) => {
      ctx.undo.undo();
    },
  },
  {
    id: 'edit.redo',
    labelKey: label('edit.redo'),
    group: 'edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    toolbar: true,
    enabled: (ctx) => ctx.undo.canRedo(),
    perform: (ctx) => {
      ctx.undo.redo();
    },
  },
  {
    id: 'edit.copy',
    labelKey: label('edit.copy'),
    group: 'edit',
    shortcuts: ['Mod+C'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => copyToClipboard(ctx, targetCards(ctx)),
  },
  {
    id: 'edit.cut',
    labelKey: label('edit.cut'),
    group: 'edit',
    shortcuts: ['Mod+X'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => {
      const cards = targetCards(ctx);
      copyToClipboard(ctx, cards);
      deleteTargetCards(ctx, cards);
    },
  },
  {
    id: 'edit.paste',
    labelKey: label('edit.paste'),
    group: 'edit',
    shortcuts: ['Mod+V'],
    contexts: ['cell', 'map'],
    enabled: (ctx) => (ctx.editor.clipboard?.cards.length ?? 0) > 0 && firstCell(ctx.journey) !== null,
    perform: (ctx) => {
      const clipped = ctx.editor.clipboard?.cards ?? [];
      const { journey } = ctx;
      const fallback = firstCell(journey);
      if (clipped.length === 0 || !fallback) return;
      const anchor = pastePlace(ctx);
      const first = clipped[0]!;
      const baseStage = stageIndexOf(journey, first.stageId);
      const baseLane = laneIndexOf(journey, first.laneId);
      const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));
      // where each card lands: relative to the anchor cell as the copies were to the first one
      const cells: Cell[] = clipped.map((card) => {
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
      const anchorKey = anchor ? cellKeyOf(anchor) : null;
      let nextInAnchorCell = anchor?.index;
      const ids: string[] = [];
      ctx.doc.transact(() => {
        clipped.forEach((card, i) => {
          const cell = cells[i]!;
          const index = cellKeyOf(cell) === anchorKey && nextInAnchorCell !== undefined ? nextInAnchorCell++ : undefined;
          openLane(ctx, cell.laneId);
          const id = addCard(ctx.doc, copyOf(ctx, card, { ...cell, index }), LOCAL_ORIGIN);
          if (id) ids.push(id);
        });
      }, LOCAL_ORIGIN);
      ctx.editor.selectCards(ids, 'replace');
      reveal(ctx, ids[0]);
    },
  },
  {
    id: 'edit.duplicate',
    labelKey: label('edit.duplicate'),
    group: 'edit',
    shortcuts: ['Mod+D'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => {
      const cards = targetCards(ctx);
      const rows = new Map<string, string[]>();
      const ids: string[] = [];
      ctx.doc.transact(() => {
        for (const card of cards) {
          const key = cellKeyOf(card);
          let row = rows.get(key);
          if (!row) rows.set(key, (row = cellCards(ctx.journey, card).map((c) => c.id)));
          const index = row.indexOf(card.id) + 1;
          const id = addCard(ctx.doc, copyOf(ctx, card, { stageId: card.stageId, laneId: card.laneId, index }), LOCAL_ORIGIN);
          if (!id) continue;
          row.splice(index, 0, id);
          ids.push(id);
        }
      }, LOCAL_ORIGIN);
      ctx.editor.selectCards(ids, 'replace');
      reveal(ctx, ids[0]);
    },
  },
  {
    id: 'edit.delete',
    labelKey: label('edit.delete'),
    group: 'edit',
    shortcuts: ['Delete', 'Backspace'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => deleteTargetCards(ctx, targetCards(ctx)),
  },
  {
    id: 'edit.selectAll',
    labelKey: label('edit.selectAll'),
    group: 'edit',
    shortcuts: ['Mod+A'],
    enabled: (ctx) => ctx.layout.cards.size > 0,
    perform: (ctx) => ctx.editor.selectCards(ctx.journey.cards.filter((c) => ctx.layout.cards.has(c.id)).map((c) => c.id), 'replace'),
  },
  {
    id: 'edit.escape',
    labelKey: label('edit.escape'),
    group: 'edit',
    shortcuts: ['Escape'],
    paletteHidden: true,
    enabled: (ctx) => ctx.editor.contextMenu !== null || ctx.editor.linkFrom !== null || ctx.editor.selectedCardIds.length > 0,
    perform: (ctx) => {
      const { editor } = ctx;
      if (editor.contextMenu) editor.closeContextMenu();
      else if (editor.linkFrom) editor.setLinkFrom(null);
      else editor.clearSelection();
    },
  },
];

const card: Action[] = [
  {
    id: 'card.add',
    labelKey: label('card.add'),
    group: 'card',
    shortcuts: ['N'],
    contexts: ['cell'],
    toolbar: true,
    enabled: (ctx) => addCardPlace(ctx) !== null,
    perform: (ctx) => {
      const place = addCardPlace(ctx);
      if (!place) return;
      let id: string | null = null;
      ctx.doc.transact(() => {
        openLane(ctx, place.laneId);
        id = addCard(ctx.doc, { ...place }, LOCAL_ORIGIN);
      }, LOCAL_ORIGIN);
      if (!id) return;
      ctx.editor.selectCards([id], 'replace');
      ctx.editor.startEditing({ kind: 'card', id });
      reveal(ctx, id);
    },
  },
  {
    id: 'card.edit',
    labelKey: label('card.edit'),
    group: 'card',
    shortcuts: ['Enter', 'F2'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length === 1,
    perform: (ctx) => {
      const [only] = targetCards(ctx);
      if (only) ctx.editor.startEditing({ kind: 'card', id: only.id });
    },
  },
  {
    id: 'card.toggleMomentOfTruth',
    labelKey: label('card.toggleMomentOfTruth'),
    group: 'card',
    shortcuts: ['M'],
    contexts: ['card'],
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => {
      const cards = targetCards(ctx);
      const value = !cards.every((c) => c.momentOfTruth);
      ctx.doc.transact(() => {
        for (const c of cards) updateCard(ctx.doc, c.id, { momentOfTruth: value }, LOCAL_ORIGIN);
      }, LOCAL_ORIGIN);
    },
  },
  {
    id: 'card.link',
    labelKey: label('card.link'),
    group: 'card',
    shortcuts: ['L'],
    contexts: ['card'],
    toolbar: true,
    enabled: (ctx) => {
      const n = targetCards(ctx).length;
      return n === 1 || (n === 2 && linkEnds(ctx) !== null);
    },
    perform: (ctx) => {
      const cards = targetCards(ctx);
      const { editor } = ctx;
      if (cards.length === 2) {
        const ends = linkEnds(ctx);
        if (ends) addLink(ctx.doc, { fromCardId: ends.from, toCardId: ends.to }, LOCAL_ORIGIN);
        editor.setLinkFrom(null);
        return;
      }
      const only = cards[0];
      if (!only) return;
      // link mode by keyboard: L on the first card, arrows to the second, L again
      if (editor.linkFrom === only.id) editor.setLinkFrom(null);
      else if (editor.linkFrom && cardById(ctx.journey, editor.linkFrom)) {
        addLink(ctx.doc, { fromCardId: editor.linkFrom, toCardId: only.id }, LOCAL_ORIGIN);
        editor.setLinkFrom(null);
      } else editor.setLinkFrom(only.id);
    },
  },
  {
    id: 'card.moveLeft',
    labelKey: label('card.moveLeft'),
    group: 'card',
    shortcuts: ['Alt+ArrowLeft'],
    enabled: (ctx) => horizontalMoves(ctx, -1) !== null,
    perform: (ctx) => applyMoves(ctx, horizontalMoves(ctx, -1)),
  },
  {
    id: 'card.moveRight',
    labelKey: label('card.moveRight'),
    group: 'card',
    shortcuts: ['Alt+ArrowRight'],
    enabled: (ctx) => horizontalMoves(ctx, 1) !== null,
    perform: (ctx) => applyMoves(ctx, horizontalMoves(ctx, 1)),
  },
  {
    id: 'card.moveUp',
    labelKey: label('card.moveUp'),
    group: 'card',
    shortcuts: ['Alt+ArrowUp'],
    enabled: (ctx) => verticalMoves(ctx, -1) !== null,
    perform: (ctx) => applyMoves(ctx, verticalMoves(ctx, -1)),
  },
  {
    id: 'card.moveDown',
    labelKey: label('card.moveDown'),
    group: 'card',
    shortcuts: ['Alt+ArrowDown'],
    enabled: (ctx) => verticalMoves(ctx, 1) !== null,
    perform: (ctx) => applyMoves(ctx, verticalMoves(ctx, 1)),
  },
];

function moveStageBy(ctx: ActionContext, step: -1 | 1): { id: string; index: number } | null {
  const id = headerStageId(ctx);
  if (!id) return null;
  const index = stageIndexOf(ctx.journey, id) + step;
  return index >= 0 && index < ctx.journey.stages.length ? { id, index } : null;
}

function moveLaneBy(ctx: ActionContext, step: -1 | 1): { id: string; index: number } | null {
  const id = headerLaneId(ctx);
  if (!id) return null;
  const index = laneIndexOf(ctx.journey, id) + step;
  return index >= 0 && index < ctx.journey.lanes.length ? { id, index } : null;
}

function setLaneCollapsed(ctx: ActionContext, collapsed: boolean): void {
  const id = headerLaneId(ctx);
  if (!id) return;
  updateLane(ctx.doc, id, { collapsed }, LOCAL_ORIGIN);
  if (collapsed) {
    // cards out of sight leave the selection
    const { editor, journey } = ctx;
    const hidden = new Set(journey.cards.filter((c) => c.laneId === id).map((c) => c.id));
    const kept = editor.selectedCardIds.filter((c) => !hidden.has(c));
    if (kept.length !== editor.selectedCardIds.length) editor.selectCards(kept, 'replace');
  }
}

const structure: Action[] = [
  {
    id: 'structure.addStage',
    labelKey: label('structure.addStage'),
    group: 'structure',
    contexts: ['stage', 'map'],
    toolbar: true,
    enabled: hasSession,
    perform: (ctx) => {
      const after = anchorStageId(ctx);
      const index = after ? stageIndexOf(ctx.journey, after) + 1 : ctx.journey.stages.length;
      const id = addStage(ctx.doc, { name: ctx.t('actions.defaults.stageName'), index }, LOCAL_ORIGIN);
      ctx.editor.clearSelection();
      ctx.editor.setFocus({ kind: 'stage', id });
      ctx.editor.startEditing({ kind: 'stage', id });
    },
  },
  {
    id: 'structure.renameStage',
    labelKey: label('structure.renameStage'),
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    contexts: ['stage'],
    enabled: (ctx) => headerStageId(ctx) !== null,
    perform: (ctx) => {
      const id = headerStageId(ctx);
      if (id) ctx.editor.startEditing({ kind: 'stage', id });
    },
  },
  {
    id: 'structure.moveStageLeft',
    labelKey: label('structure.moveStageLeft'),
    group: 'structure',
    shortcuts: ['Alt+ArrowLeft'],
    contexts: ['stage'],
    enabled: (ctx) => moveStageBy(ctx, -1) !== null,
    perform: (ctx) => {
      const move = moveStageBy(ctx, -1);
      if (move) moveStage(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
    },
  },
  {
    id: 'structure.moveStageRight',
    labelKey: label('structure.moveStageRight'),
    group: 'structure',
    shortcuts: ['Alt+ArrowRight'],
    contexts: ['stage'],
    enabled: (ctx) => moveStageBy(ctx, 1) !== null,
    perform: (ctx) => {
      const move = moveStageBy(ctx, 1);
      if (move) moveStage(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
    },
  },
  {
    id: 'structure.deleteStage',
    labelKey: label('structure.deleteStage'),
    group: 'structure',
    contexts: ['stage'],
    enabled: (ctx) => headerStageId(ctx) !== null,
    perform: (ctx) => {
      const id = headerStageId(ctx);
      if (!id) return;
      // no confirmation: one undo brings the stage and its cards back
      deleteStage(ctx.doc, id, LOCAL_ORIGIN);
      const { editor } = ctx;
      if (editor.focus?.kind === 'stage' && editor.focus.id === id) editor.setFocus(null);
      if (editor.editing?.kind === 'stage' && editor.editing.id === id) editor.stopEditing();
    },
  },
  {
    id: 'structure.addLane',
    labelKey: label('structure.addLane'),
    group: 'structure',
    contexts: ['lane', 'map'],
    toolbar: true,
    enabled: hasSession,
    perform: (ctx) => {
      const after = anchorLaneId(ctx);
      const index = after ? laneIndexOf(ctx.journey, after) + 1 : ctx.journey.lanes.length;
      const id = addLane(ctx.doc, { name: ctx.t('actions.defaults.laneName'), kind: 'notes', index }, LOCAL_ORIGIN);
      ctx.editor.clearSelection();
      ctx.editor.setFocus({ kind: 'lane', id });
      ctx.editor.startEditing({ kind: 'lane', id });
    },
  },
  {
    id: 'structure.renameLane',
    labelKey: label('structure.renameLane'),
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    contexts: ['lane'],
    enabled: (ctx) => headerLaneId(ctx) !== null,
    perform: (ctx) => {
      const id = headerLaneId(ctx);
      if (id) ctx.editor.startEditing({ kind: 'lane', id });
    },
  },
  {
    id: 'structure.moveLaneUp',
    labelKey: label('structure.moveLaneUp'),
    group: 'structure',
    shortcuts: ['Alt+ArrowUp'],
    contexts: ['lane'],
    enabled: (ctx) => moveLaneBy(ctx, -1) !== null,
    perform: (ctx) => {
      const move = moveLaneBy(ctx, -1);
      if (move) moveLane(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
    },
  },
  {
    id: 'structure.moveLaneDown',
    labelKey: label('structure.moveLaneDown'),
    group: 'structure',
    shortcuts: ['Alt+ArrowDown'],
    contexts: ['lane'],
    enabled: (ctx) => moveLaneBy(ctx, 1) !== null,
    perform: (ctx) => {
      const move = moveLaneBy(ctx, 1);
      if (move) moveLane(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
    },
  },
  {
    id: 'structure.collapseLane',
    labelKey: label('structure.collapseLane'),
    group: 'structure',
    contexts: ['lane'],
    enabled: (ctx) => {
      const id = headerLaneId(ctx);
      return !!id && ctx.journey.lanes.some((l) => l.id === id && !l.collapsed);
    },
    perform: (ctx) => setLaneCollapsed(ctx, true),
  },
  {
    id: 'structure.expandLane',
    labelKey: label('structure.expandLane'),
    group: 'structure',
    contexts: ['lane'],
    enabled: (ctx) => {
      const id = headerLaneId(ctx);
      return !!id && ctx.journey.lanes.some((l) => l.id === id && l.collapsed);
    },
    perform: (ctx) => setLaneCollapsed(ctx, false),
  },
  {
    id: 'structure.deleteLane',
    labelKey: label('structure.deleteLane'),
    group: 'structure',
    contexts: ['lane'],
    enabled: (ctx) => headerLaneId(ctx) !== null,
    perform: (ctx) => {
      const id = headerLaneId(ctx);
      if (!id) return;
      deleteLane(ctx.doc, id, LOCAL_ORIGIN);
      const { editor } = ctx;
      if (editor.focus?.kind === 'lane' && editor.focus.id === id) editor.setFocus(null);
      if (editor.editing?.kind === 'lane' && editor.editing.id === id) editor.stopEditing();
    },
  },
  {
    id: 'structure.renamePhase',
    labelKey: label('structure.renamePhase'),
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    contexts: ['phase'],
    enabled: (ctx) => headerPhase(ctx) !== null,
    perform: (ctx) => {
      const phase = headerPhase(ctx);
      if (phase) ctx.editor.startEditing({ kind: 'phase', id: phase });
    },
  },
  {
    id: 'structure.renameMap',
    labelKey: label('structure.renameMap'),
    group: 'structure',
    contexts: ['map'],
    enabled: hasSession,
    perform: (ctx) => ctx.editor.startEditing({ kind: 'mapTitle', id: ctx.journey.id }),
  },
];

const view: Action[] = [
  {
    id: 'view.zoomIn',
    labelKey: label('view.zoomIn'),
    group: 'view',
    shortcuts: ['Mod+=', 'Mod++', '+'],
    enabled: (ctx) => ctx.editor.viewport !== null,
    perform: (ctx) => ctx.editor.viewport?.zoomIn(),
  },
  {
    id: 'view.zoomOut',
    labelKey: label('view.zoomOut'),
    group: 'view',
    shortcuts: ['Mod+-', '-'],
    enabled: (ctx) => ctx.editor.viewport !== null,
    perform: (ctx) => ctx.editor.viewport?.zoomOut(),
  },
  {
    id: 'view.fit',
    labelKey: label('view.fit'),
    group: 'view',
    shortcuts: ['Shift+1'],
    contexts: ['map'],
    toolbar: true,
    enabled: (ctx) => ctx.editor.viewport !== null,
    perform: (ctx) => ctx.editor.viewport?.fitView(),
  },
  {
    id: 'view.zoom100',
    labelKey: label('view.zoom100'),
    group: 'view',
    shortcuts: ['Shift+0'],
    enabled: (ctx) => ctx.editor.viewport !== null,
    perform: (ctx) => ctx.editor.viewport?.zoomTo100(),
  },
  {
    id: 'view.toggleInspector',
    labelKey: label('view.toggleInspector'),
    group: 'view',
    shortcuts: ['I'],
    enabled: hasSession,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'inspector' ? null : 'inspector'),
  },
  {
    id: 'view.togglePersonas',
    labelKey: label('view.togglePersonas'),
    group: 'view',
    shortcuts: ['P'],
    enabled: hasSession,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'personas' ? null : 'personas'),
  },
  {
    id: 'view.clearPersonaFilter',
    labelKey: label('view.clearPersonaFilter'),
    group: 'view',
    enabled: (ctx) => ctx.editor.personaFilter !== null,
    perform: (ctx) => ctx.editor.setPersonaFilter(null),
  },
  {
    id: 'view.present',
    labelKey: label('view.present'),
    group: 'view',
    shortcuts: ['Mod+Alt+P'],
    // a map without stages has nothing to show
    enabled: (ctx) => ctx.journey.stages.length > 0,
    perform: (ctx) => {
      // full screen is granted only during the user's gesture, which is now, not after navigating
      void enterFullscreen();
      ctx.navigate(`/map/${encodeURIComponent(ctx.editor.session?.mapId ?? ctx.journey.id)}/present`);
    },
  },
];

/** Where a keyboard-opened context menu appears: at the target's element, else mid-screen. */
function menuAnchor(target: Target): { x: number; y: number } {
  if (typeof document === 'undefined' || typeof window === 'undefined') return { x: 0, y: 0 };
  let el: Element | null = null;
  if (target.kind === 'card') {
    const id = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(target.id) : target.id;
    el = document.querySelector(`[data-id="${id}"]`);
  }
  el ??= document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
  if (!el) return { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(24, r.height / 2) };
}

function keyboardMenuTarget(ctx: ActionContext): Target {
  const { editor } = ctx;
  const cards = targetCards(ctx);
  const focus = editor.focus;
  if (cards.length) {
    const focused = focus?.kind === 'card' && cards.some((c) => c.id === focus.id) ? focus.id : null;
    return { kind: 'card', id: focused ?? cards[cards.length - 1]!.id };
  }
  return focus ?? { kind: 'map' };
}

const DIRECTIONS: readonly [Direction, string, string][] = [
  ['left', 'navigate.left', 'ArrowLeft'],
  ['right', 'navigate.right', 'ArrowRight'],
  ['up', 'navigate.up', 'ArrowUp'],
  ['down', 'navigate.down', 'ArrowDown'],
];

const navigate: Action[] = [
  ...DIRECTIONS.map(
    ([direction, id, key]): Action => ({
      id,
      labelKey: label(id),
      group: 'navigate',
      shortcuts: [key],
      paletteHidden: true,
      enabled: (ctx) => navigation(ctx, direction) !== null,
      perform: (ctx) => navigation(ctx, direction)?.(),
    }),
  ),
  {
    id: 'navigate.contextMenu',
    labelKey: label('navigate.contextMenu'),
    group: 'navigate',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    paletteHidden: true,
    enabled: (ctx) => ctx.editor.contextMenu === null,
    perform: (ctx) => {
      const target = keyboardMenuTarget(ctx);
      const { x, y } = menuAnchor(target);
      ctx.editor.openContextMenu(x, y, target);
    },
  },
  {
    id: 'navigate.library',
    labelKey: label('navigate.library'),
    group: 'navigate',
    enabled: hasSession,
    perform: (ctx) => ctx.navigate('/'),
  },
];

const map: Action[] = [
  {
    id: 'map.export',
    labelKey: label('map.export'),
    group: 'map',
    shortcuts: ['Mod+Shift+E'],
    enabled: hasSession,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'export' ? null : 'export'),
  },
];

const help: Action[] = [
  {
    id: 'help.palette',
    labelKey: label('help.palette'),
    group: 'help',
    shortcuts: ['Mod+K'],
    toolbar: true,
    enabled: hasSession,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'palette' ? null : 'palette'),
  },
  {
    id: 'help.shortcuts',
    labelKey: label('help.shortcuts'),
    group: 'help',
    shortcuts: ['?'],
    enabled: hasSession,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'shortcuts' ? null : 'shortcuts'),
  },
];

/* ------------------------------------------------------------------ registry */

/** Every user action of the editor, once. Order matters: the first enabled match wins a key. */
export const ACTIONS: readonly Action[] = Object.freeze([...edit, ...card, ...structure, ...view, ...navigate, ...map, ...workshopActions, ...help]);

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function findAction(id: string): Action | undefined {
  return byId.get(id);
}

/** Groups in the order the shortcuts help and the palette show them. */
export const ACTION_GROUPS: readonly ActionGroup[] = ['edit', 'card', 'structure', 'view', 'navigate', 'map', 'workshop', 'help'];

/** The order of each context menu's items; actions not listed follow in registry order. */
const MENU_ORDER: readonly string[] = [
  'card.edit',
  'card.add',
  'edit.paste',
  'edit.duplicate',
  'edit.copy',
  'edit.cut',
  'card.link',
  'card.toggleMomentOfTruth',
  'workshop.comment',
  'workshop.vote',
  'workshop.unvote',
  'structure.renameStage',
  'structure.renameLane',
  'structure.renamePhase',
  'structure.addStage',
  'structure.addLane',
  'structure.moveStageLeft',
  'structure.moveStageRight',
  'structure.moveLaneUp',
  'structure.moveLaneDown',
  'structure.collapseLane',
  'structure.expandLane',
  'view.fit',
  'structure.renameMap',
  'edit.delete',
  'structure.deleteStage',
  'structure.deleteLane',
];

/** Actions that remove content: menus set them apart. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<string> = new Set(['edit.delete', 'structure.deleteStage', 'structure.deleteLane']);

/** The actions a context menu on this kind of target offers, in menu order (enabled or not). */
export function menuActions(kind: Target['kind']): Action[] {
  const rank = (a: Action) => {
    const i = MENU_ORDER.indexOf(a.id);
    return i < 0 ? MENU_ORDER.length + ACTIONS.indexOf(a) : i;
  };
  return ACTIONS.filter((a) => a.contexts?.includes(kind)).sort((a, b) => rank(a) - rank(b));
}

export function toolbarActions(): Action[] {
  return ACTIONS.filter((a) => a.toolbar);
}
