import { CircleDashed } from 'lucide-react';
import type { Confidence } from '../../model/confidence';
import { updateCard } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { useAssumptionFilter } from '../../store/assumptionFilter';
import { defineActions } from '../define';
import { targetCards } from '../selection';
import type { ActionContext, ActionDefinition, LabelledActionId } from '../types';

/**
 * Customer evidence and confidence (issue 18): saying how sure the team is of a card, and the
 * "show assumptions" filter that dims every card backed by evidence or proposed as an idea.
 * The evidence items themselves are edited in the inspector (src/panels/evidence).
 */

/** Sets the confidence of the selected cards (or the context menu's card), one undo step for all. */
function setConfidence(ctx: ActionContext, confidence: Confidence | null): void {
  const cards = targetCards(ctx);
  if (cards.length === 0) return;
  ctx.doc.transact(() => {
    for (const card of cards) if (card.confidence !== confidence) updateCard(ctx.doc, card.id, { confidence }, LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
}

function mark<const Id extends LabelledActionId>(id: Id, confidence: Confidence | null, shortcut: string | null, rank: number): ActionDefinition<Id> {
  return {
    id,
    group: 'card',
    ...(shortcut ? { shortcuts: [shortcut] } : {}),
    menu: { on: ['card'], rank },
    // offered only where it changes something
    enabled: (ctx) => targetCards(ctx).some((c) => c.confidence !== confidence),
    perform: (ctx) => setConfidence(ctx, confidence),
  };
}

/** Escape has other work first (a menu, link mode, the selection): the filter stops once those are done. */
const escapeIsFree = (ctx: ActionContext) => ctx.editor.contextMenu === null && ctx.editor.linkFrom === null && ctx.editor.selectedCardIds.length === 0;

export const evidenceActions = defineActions([
  mark('card.markObserved', 'observed', 'Shift+O', 82),
  mark('card.markAssumed', 'assumed', 'Shift+A', 83),
  mark('card.markProposed', 'proposed', 'Shift+P', 84),
  mark('card.clearConfidence', null, null, 85),
  {
    // a view of this device, as the card search is: a viewer may look for the assumptions too
    id: 'view.showAssumptions',
    group: 'view',
    shortcuts: ['A'],
    toolbar: { section: 'view', order: 1.5 },
    icon: CircleDashed,
    allowedReadOnly: true,
    enabled: (ctx) => ctx.journey.cards.length > 0 || useAssumptionFilter.getState().on,
    perform: () => useAssumptionFilter.getState().toggle(),
  },
  {
    id: 'view.stopAssumptions',
    group: 'view',
    shortcuts: ['Escape'],
    allowedReadOnly: true,
    paletteHidden: true,
    enabled: (ctx) => useAssumptionFilter.getState().on && escapeIsFree(ctx),
    perform: () => useAssumptionFilter.getState().stop(),
  },
]);
