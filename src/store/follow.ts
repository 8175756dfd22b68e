import type { JourneyLayout, Rect } from '../model/layout';
import type { Presenter } from '../model/types';
import type { Peer, PeerView } from '../sync/session';

/**
 * Following the presenter: their current stage and view travel through awareness (the
 * presenter's client publishes a `view`), who presents is workshop state in the feedback doc.
 * These functions decide what a follower shows; the canvas and present mode apply it.
 */

/** The presenter's connection among the peers: the newest one if they are here twice. */
export function presenterPeer(peers: readonly Peer[], presenter: Presenter | null): Peer | null {
  if (!presenter) return null;
  let found: Peer | null = null;
  for (const peer of peers) if (peer.id === presenter.id && (!found || peer.clientId > found.clientId)) found = peer;
  return found;
}

/** The part of the map a stage takes: its whole column, headers to the last lane. */
export function stageArea(layout: JourneyLayout, stageId: string): Rect | null {
  const column = layout.stages.find((s) => s.id === stageId);
  if (!column) return null;
  return { x: column.x, y: 0, width: column.width, height: layout.height };
}

/** What a follower's canvas should show of the presenter's view, or null (nothing to follow). */
export function followedArea(view: PeerView | null, layout: JourneyLayout): Rect | null {
  if (!view) return null;
  // in present mode the presenter's screen shows one stage: the follower's canvas shows its column
  if (view.presenting && view.stageId) return stageArea(layout, view.stageId);
  return view.area;
}

/** The stage under the middle of an area (the one someone "is on"), or null. */
export function stageAt(layout: JourneyLayout, area: Rect): string | null {
  const centre = area.x + area.width / 2;
  let best: { id: string; distance: number } | null = null;
  for (const column of layout.stages) {
    const distance = centre < column.x ? column.x - centre : centre > column.x + column.width ? centre - column.x - column.width : 0;
    if (!best || distance < best.distance) best = { id: column.id, distance };
  }
  return best?.id ?? null;
}

/** Two areas are the same view (up to rounding), so a follower does not re-fit for nothing. */
export function sameArea(a: Rect | null, b: Rect | null): boolean {
  if (!a || !b) return a === b;
  const near = (p: number, q: number) => Math.abs(p - q) < 0.5;
  return near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) && near(a.height, b.height);
}
