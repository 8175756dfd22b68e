/**
 * How sure a team is of a card, after Blueprint Signal's tags: observed (the customers were seen
 * or heard saying it), assumed (the team's belief), proposed (an idea to test). A card stores the
 * level someone chose (its `confidence` field, cardFields.ts); what the canvas, present mode and
 * exports show is `shownConfidence`: the level chosen, else "observed" when evidence backs the
 * card, else nothing (a card nobody judged carries no mark, so an old map does not turn into a
 * wall of question marks). The "show assumptions" filter and the stage indicator count a card
 * as backed only by evidence actually attached to it (`isBacked`): a card marked observed with
 * nothing behind it is still where research should go next.
 *
 * This file names no other model file: types.ts reads the level list from here.
 */
export const CONFIDENCE_LEVELS = ['observed', 'assumed', 'proposed'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** What a card shows: the level chosen, else observed when evidence backs it, else null (no mark). */
export function shownConfidence(chosen: Confidence | null, evidenceCount: number): Confidence | null {
  if (chosen !== null) return chosen;
  return evidenceCount > 0 ? 'observed' : null;
}

/** Backed: at least one evidence item is attached to the card. */
export function isBacked(evidenceCount: number): boolean {
  return evidenceCount > 0;
}

/**
 * An assumption, for the "show assumptions" filter: not backed by evidence and not an idea the
 * team proposed to test — marked assumed, unmarked, or marked observed with nothing attached.
 */
export function isAssumption(chosen: Confidence | null, evidenceCount: number): boolean {
  return !isBacked(evidenceCount) && chosen !== 'proposed';
}

/** How much of a stage rests on evidence: its cards, and those with evidence attached. */
export interface StageBacking {
  cards: number;
  backed: number;
}

/**
 * Each stage's backing, for the indicator over its column: cards of the stage, and how many of
 * them have evidence. Stages without cards are absent.
 */
export function stageBacking(cards: readonly { id: string; stageId: string }[], countByCard: ReadonlyMap<string, number>): Map<string, StageBacking> {
  const out = new Map<string, StageBacking>();
  for (const card of cards) {
    const entry = out.get(card.stageId) ?? { cards: 0, backed: 0 };
    entry.cards += 1;
    if (isBacked(countByCard.get(card.id) ?? 0)) entry.backed += 1;
    out.set(card.stageId, entry);
  }
  return out;
}
