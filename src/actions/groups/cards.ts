import { Link2, SquarePlus } from 'lucide-react';
import { addCard, addLink, moveCards, updateCard } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { deleteTargetCards, openLane, reveal } from '../cardEffects';
import { defineActions } from '../define';
import { horizontalMoves, verticalMoves, type CardMove } from '../movePlan';
import { addCardPlace, cardById, shownLanes, targetCards } from '../selection';
import type { ActionContext } from '../types';

/** Adding, editing, marking, linking, moving and deleting cards. */

function linkEnds(ctx: ActionContext): { from: string; to: string } | null {
  const cards = targetCards(ctx);
  if (cards.length !== 2) return null;
  const [from, to] = [cards[0]!.id, cards[1]!.id];
  const exists = ctx.journey.links.some((l) => l.fromCardId === from && l.toCardId === to);
  return exists ? null : { from, to };
}

function applyMoves(ctx: ActionContext, moves: CardMove[] | null): void {
  if (!moves) return;
  ctx.doc.transact(() => {
    for (const move of moves) moveCards(ctx.doc, move.ids, move.to, LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
  reveal(ctx, moves[0]?.ids[0]);
}

const sideways = (ctx: ActionContext, step: -1 | 1) => horizontalMoves(ctx.journey, targetCards(ctx), step);
const upOrDown = (ctx: ActionContext, step: -1 | 1) => verticalMoves(ctx.journey, targetCards(ctx), step, shownLanes(ctx));

export const cardActions = defineActions([
  {
    id: 'edit.delete',
    group: 'edit',
    shortcuts: ['Delete', 'Backspace'],
    menu: { on: ['card'], rank: 250 },
    destructive: true,
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => deleteTargetCards(ctx, targetCards(ctx)),
  },
  {
    id: 'card.add',
    group: 'card',
    shortcuts: ['N'],
    menu: { on: ['cell'], rank: 20 },
    toolbar: { section: 'build', order: 3, withText: true },
    icon: SquarePlus,
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
    group: 'card',
    shortcuts: ['Enter', 'F2'],
    menu: { on: ['card'], rank: 10 },
    enabled: (ctx) => targetCards(ctx).length === 1,
    perform: (ctx) => {
      const [only] = targetCards(ctx);
      if (only) ctx.editor.startEditing({ kind: 'card', id: only.id });
    },
  },
  {
    id: 'card.toggleMomentOfTruth',
    group: 'card',
    shortcuts: ['M'],
    menu: { on: ['card'], rank: 80 },
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
    group: 'card',
    shortcuts: ['L'],
    menu: { on: ['card'], rank: 70 },
    toolbar: { section: 'build', order: 4 },
    icon: Link2,
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
    group: 'card',
    shortcuts: ['Alt+ArrowLeft'],
    repeat: true,
    enabled: (ctx) => sideways(ctx, -1) !== null,
    perform: (ctx) => applyMoves(ctx, sideways(ctx, -1)),
  },
  {
    id: 'card.moveRight',
    group: 'card',
    shortcuts: ['Alt+ArrowRight'],
    repeat: true,
    enabled: (ctx) => sideways(ctx, 1) !== null,
    perform: (ctx) => applyMoves(ctx, sideways(ctx, 1)),
  },
  {
    id: 'card.moveUp',
    group: 'card',
    shortcuts: ['Alt+ArrowUp'],
    repeat: true,
    enabled: (ctx) => upOrDown(ctx, -1) !== null,
    perform: (ctx) => applyMoves(ctx, upOrDown(ctx, -1)),
  },
  {
    id: 'card.moveDown',
    group: 'card',
    shortcuts: ['Alt+ArrowDown'],
    repeat: true,
    enabled: (ctx) => upOrDown(ctx, 1) !== null,
    perform: (ctx) => applyMoves(ctx, upOrDown(ctx, 1)),
  },
]);
