import type { JourneyLayout, Rect } from '../model/layout';

/**
 * Below this zoom a card's title is under 5 px, too small to read: a big map (cardWindow.ts) then
 * has no card elements at all and CardsCanvas draws every card. A zoomed-out map is read for where
 * the cards are, how many and of which kind; 1,700 card elements in view (the fitted view of a
 * 5,000-card map) made every frame of a pan or zoom cost 40–150 ms of style, layerize and paint.
 */
export const FAR_ZOOM = 0.35;

/** React Flow store selector: whether the view is zoomed out past FAR_ZOOM; changes only when the zoom crosses it. */
export const isFarView = (s: { transform: [number, number, number] }): boolean => s.transform[2] < FAR_ZOOM;

/** The card under a point of the map, if any: a drawn card has no element to click. */
export function cardAt(layout: JourneyLayout, point: { x: number; y: number }): string | null {
  for (const [id, rect] of layout.cards) if (contains(rect, point)) return id;
  return null;
}

const contains = (r: Rect, p: { x: number; y: number }) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
