import { copyCardContent } from '../model/cardRecord';
import { readImage, type CardImage } from '../model/images';
import type { AddCardArgs } from '../model/ops';
import type { Card } from '../model/types';
import type { Clipboard } from '../store/editorStore';
import type { Cell } from './selection';
import type { ActionContext } from './types';

/** Copied cards: kept in the editor for pasting here, and offered to other tabs and apps as JSON. */

/** The fields a copy of a card keeps: everything but its id, place and votes (the field list decides, see copyCardContent). */
export function copyOf(ctx: ActionContext, card: Card, place: Cell & { index?: number }): AddCardArgs {
  return { ...copyCardContent(card, new Set(ctx.journey.personas.map((p) => p.id))), ...place };
}

export function copyToClipboard(ctx: ActionContext, cards: readonly Card[]): void {
  const images = [...new Set(cards.flatMap((c) => (c.image ? [c.image] : [])))]
    .map((key) => readImage(ctx.doc, key))
    .filter((image): image is CardImage => image !== null);
  const clipboard: Clipboard = { cards: cards.map((c) => ({ ...c, personaIds: [...c.personaIds], tags: [...c.tags] })), images };
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
