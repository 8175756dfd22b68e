import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { JourneyLayout, Rect } from '../model/layout';
import { useEditor } from '../store/editorStore';
import { FAR_ZOOM } from './farView';

/** How far beyond the screen, as a share of its size on each side, cards are kept as elements. */
const MARGIN = 0.5;
/** How long the view must rest before cards are made elements: a pan or zoom changes no element. */
const SETTLE_MS = 120;
/** Cards made elements per frame: each costs ~0.3 ms of script, style and layout. */
const PER_FRAME = 24;

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((id) => b.has(id));

function windowOf(s: ReactFlowState): Rect | null {
  const [tx, ty, zoom] = s.transform;
  if (zoom < FAR_ZOOM || s.width === 0 || s.height === 0) return null;
  const width = s.width / zoom;
  const height = s.height / zoom;
  return { x: -tx / zoom - width * MARGIN, y: -ty / zoom - height * MARGIN, width: width * (1 + 2 * MARGIN), height: height * (1 + 2 * MARGIN) };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/**
 * Which cards of a big map are elements (React Flow nodes) right now; CardsCanvas draws the rest.
 * The set follows the view only while it rests: during a pan or a zoom no element is added or
 * removed, so a frame is a compositor move plus one canvas redraw, never a few hundred card mounts.
 * Once the view has rested SETTLE_MS, the cards on screen and half a screen around it become
 * elements, nearest first, PER_FRAME at a time; those that left go twice as fast. Zoomed out past
 * FAR_ZOOM none are. The selected and the edited cards are always elements (the inspector and
 * inline editing work on them). Null for a map small enough to keep every card an element.
 */
export function useCardWindow(big: boolean, layout: JourneyLayout | null): ReadonlySet<string> | null {
  const store = useStoreApi();
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set());
  const mountedRef = useRef(mounted);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const pinned = useEditor((s) => {
    const ids = s.selectedCardIds.slice(0, 50);
    if (s.editing?.kind === 'card') ids.push(s.editing.id);
    return ids.join(' ');
  });

  useEffect(() => {
    if (!big) return;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    let target: string[] = [];
    const pinnedIds = new Set(pinned.split(' ').filter((id) => id !== ''));

    const grow = () => {
      frame = 0;
      const current = mountedRef.current;
      const keep = new Set(target);
      const next = new Set(current);
      // cards that left the window go a few frames' worth at a time too: unmounting costs as well
      let removed = 0;
      for (const id of current) {
        if (removed >= 2 * PER_FRAME) break;
        if (!keep.has(id) && !pinnedIds.has(id)) {
          next.delete(id);
          removed++;
        }
      }
      for (const id of pinnedIds) next.add(id);
      let added = 0;
      for (const id of target) {
        if (added >= PER_FRAME) break;
        if (!next.has(id)) {
          next.add(id);
          added++;
        }
      }
      const unfinished = target.some((id) => !next.has(id)) || [...next].some((id) => !keep.has(id) && !pinnedIds.has(id));
      if (unfinished) frame = requestAnimationFrame(grow);
      if (!sameSet(current, next)) {
        mountedRef.current = next;
        setMounted(next);
      }
    };

    const settle = () => {
      const current = layoutRef.current;
      const area = windowOf(store.getState());
      if (!current || !area) {
        target = [];
      } else {
        const cx = area.x + area.width / 2;
        const cy = area.y + area.height / 2;
        const inside: { id: string; distance: number }[] = [];
        for (const [id, rect] of current.cards) if (overlaps(rect, area)) inside.push({ id, distance: Math.hypot(rect.x + rect.width / 2 - cx, rect.y + rect.height / 2 - cy) });
        target = inside.sort((a, b) => a.distance - b.distance).map((c) => c.id);
      }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(grow);
    };

    const moved = () => {
      // resting again resets the wait; elements already there stay while the view moves
      cancelAnimationFrame(frame);
      frame = 0;
      clearTimeout(settleTimer);
      settleTimer = setTimeout(settle, SETTLE_MS);
    };
    settle();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) moved();
    });
    return () => {
      unsubscribe();
      clearTimeout(settleTimer);
      cancelAnimationFrame(frame);
    };
  }, [big, store, layout, pinned]);

  return big ? mounted : null;
}
