import type { Rect } from '../model/layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/**
 * The card an arrow key goes to from `fromId`: among the cards whose centre lies in that
 * direction, those in line with the current one (overlapping it across the direction of travel:
 * the same row for ←/→, the same column for ↑/↓) come first; then the nearest, where being off
 * to the side counts double. Cards without a rectangle (collapsed lanes) are skipped.
 */
export function neighbourCard(cards: ReadonlyMap<string, Rect>, fromId: string, direction: Direction): string | null {
  const from = cards.get(fromId);
  if (!from) return null;
  const origin = centre(from);
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'left' || direction === 'up' ? -1 : 1;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, rect] of cards) {
    if (id === fromId) continue;
    const c = centre(rect);
    const along = sign * (horizontal ? c.x - origin.x : c.y - origin.y);
    if (along <= 0.5) continue;
    const across = Math.abs(horizontal ? c.y - origin.y : c.x - origin.x);
    const inLine = horizontal
      ? rect.y < from.y + from.height && rect.y + rect.height > from.y
      : rect.x < from.x + from.width && rect.x + rect.width > from.x;
    const score = (inLine ? 0 : 1e9) + along + 2 * across;
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
