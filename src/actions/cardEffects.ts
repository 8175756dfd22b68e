import { deleteCards, updateLane } from '../model/ops';
import { LOCAL_ORIGIN } from '../model/origin';
import type { Card } from '../model/types';
import type { ActionContext } from './types';

/** Steps that several card actions share. */

/** A new card in a collapsed lane would be invisible: open the lane (inside the caller's transaction). */
export function openLane(ctx: ActionContext, laneId: string): void {
  const lane = ctx.journey.lanes.find((l) => l.id === laneId);
  if (lane?.collapsed) updateLane(ctx.doc, laneId, { collapsed: false });
}

/** Scrolls a card into view, when there is one. */
export function reveal(ctx: ActionContext, cardId: string | undefined): void {
  if (cardId) ctx.editor.viewport?.revealCard(cardId);
}

/** Deletes cards and lets go of them in the editor: selection, editing, link mode. */
export function deleteTargetCards(ctx: ActionContext, cards: readonly Card[]): void {
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
