import type { Target } from '../store/editorStore';

/** The one place the actions look at the page: where a keyboard-opened context menu appears. */

/** At the target's element (a card by its `data-id`, else what has focus), else mid-screen. */
export function menuAnchor(target: Target): { x: number; y: number } {
  if (typeof document === 'undefined' || typeof window === 'undefined') return { x: 0, y: 0 };
  let el: Element | null = null;
  if (target.kind === 'card') {
    const id = typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(target.id) : target.id;
    el = document.querySelector(`[data-id="${id}"]`);
  }
  el ??= document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
  if (!el) return { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(24, r.height / 2) };
}
