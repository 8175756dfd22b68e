import { EMOTION_MAX, EMOTION_MIN, type Card } from './types';

/**
 * The one rule for the emotion curve, used by the canvas and export layout (layout.ts), present
 * mode's stage feeling and thumbnails: a stage's score is the mean emotion of the scored cards
 * in the given lanes (the map's emotions lanes, "Feelings"), to one decimal. Cards in other
 * lanes may carry an emotion too; it shows on their chip only, and the UI says so (the Feelings
 * lane header and the chip's tooltip), because a pain point scored −3 is about that pain, not
 * about how the whole stage felt.
 */
export function stageEmotionScores(cards: readonly Pick<Card, 'stageId' | 'laneId' | 'emotion'>[], laneIds: ReadonlySet<string>): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const card of cards) {
    if (card.emotion === null || !laneIds.has(card.laneId)) continue;
    const sum = sums.get(card.stageId) ?? { total: 0, count: 0 };
    sum.total += Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, card.emotion));
    sum.count += 1;
    sums.set(card.stageId, sum);
  }
  const scores = new Map<string, number>();
  for (const [stageId, { total, count }] of sums) scores.set(stageId, Math.round((total / count) * 10) / 10);
  return scores;
}
