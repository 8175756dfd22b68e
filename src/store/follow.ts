import type { JourneyLayout, Rect } from '../model/layout';
import type { Presenter } from '../model/types';
import type { Peer, PeerView } from '../sync/session';

/**
 * Following the presenter: their current stage and view travel through awareness (the
 * presenter's client publishes a `view`), who presents is workshop state in the feedback doc.
 * These functions decide what a follower shows; the canvas and present mode apply it.
 */

/**
 * The presenter's connection among the peers. Someone open twice (a projector tab in present
 * mode and an editor tab) is followed where they present; otherwise, so that every follower
 * picks the same one, the connection with the highest client id.
 */
export function presenterPeer(peers: readonly Peer[], presenter: Presenter | null): Peer | null {
  if (!presenter) return null;
  let found: Peer | null = null;
  const rank = (peer: Peer) => (peer.view?.presenting ? 1 : 0);
  for (const peer of peers) {
    if (peer.id !== presenter.id) continue;
    if (!found || rank(peer) > rank(found) || (rank(peer) === rank(found) && peer.clientId > found.clientId)) found = peer;
  }
  return found;
}

/** An area cut to the map (and a little around it): a peer's numbers can be anything. */
function withinMap(area: Rect, layout: JourneyLayout): Rect | null {
  const margin = 400;
  const x = Math.max(-margin, Math.min(area.x, layout.width + margin));
  const y = Math.max(-margin, Math.min(area.y, layout.height + margin));
  const width = Math.min(area.width, layout.width + 2 * margin);
  const height = Math.min(area.height, layout.height + 2 * margin);
  return width > 1 && height > 1 ? { x, y, width, height } : null;
}

/** At least this many stage widths around the presented stage: it and its neighbours. */
const STAGE_CONTEXT = 3;

/** A follower's canvas in screen pixels. */
export interface PaneSize {
  width: number;
  height: number;
}

const DEFAULT_PANE: PaneSize = { width: 1280, height: 800 };

/**
 * The part of the map to show for a presented stage on a follower's canvas: the stage in the
 * middle with its neighbours, from the top, never zoomed in past 100 % (cards at their own
 * size). The whole column when that still reads; otherwise its top, since fitting a tall map's
 * full height would shrink the cards past reading.
 */
export function stageArea(layout: JourneyLayout, stageId: string, pane: PaneSize = DEFAULT_PANE): Rect | null {
  const column = layout.stages.find((s) => s.id === stageId);
  if (!column) return null;
  const width = Math.max(column.width * STAGE_CONTEXT, pane.width);
  const height = Math.min(layout.height, (width * pane.height) / Math.max(1, pane.width));
  return { x: column.x + column.width / 2 - width / 2, y: 0, width, height };
}

/** What a follower's canvas should show of the presenter's view, or null (nothing to follow). */
export function followedArea(view: PeerView | null, layout: JourneyLayout, pane?: PaneSize): Rect | null {
  if (!view) return null;
  // in present mode the presenter's screen shows one stage: the follower's canvas centres its column
  if (view.presenting && view.stageId) return stageArea(layout, view.stageId, pane);
  return view.area && withinMap(view.area, layout);
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

/**
 * Someone else leads the workshop, so the canvas shows the follow banner: the one test both the
 * banner and whatever must stay clear of it (the vote banner) read.
 */
export function someoneElsePresents(presenter: Presenter | null, myId: string | null): boolean {
  return presenter !== null && presenter.id !== myId;
}
