import type { AddCardArgs } from '../model/ops';
import type { Card } from '../model/types';
import type { Clipboard } from '../store/editorStore';
import type { Cell } from './selection';
import type { ActionContext } from './types';

/** Copied cards: kept in the editor for pasting here, and offered to other tabs and apps as JSON. */

/** The fields a copy of a card keeps: everything but its id, place and votes. */
export function copyOf(ctx: ActionContext, card: Card, place: Cell & { index?: number }): AddCardArgs {
  const personas = new Set(ctx.journey.personas.map((p) => p.id));
  return {
    stageId: place.stageId,
    laneId: place.laneId,
    index: place.index,
    title: card.title,
    body: card.body,
    channel: card.channel,
    emotion: card.emotion,
    personaIds: card.personaIds.filter((p) => personas.has(p)),
    tags: [...card.tags],
    color: card.color,
    momentOfTruth: card.momentOfTruth,
  };
}

export function copyToClipboard(ctx: ActionContext, cards: readonly Card[]): void {
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
