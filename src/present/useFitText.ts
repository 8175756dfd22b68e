import { useLayoutEffect, type RefObject } from 'react';

/** Text never shrinks below this share of its size: smaller would not read from the back of a room. */
export const MIN_TEXT_SCALE = 0.72;

function overflows(box: HTMLElement, selector: string | null): boolean {
  if (box.scrollHeight > box.clientHeight) return true;
  if (!selector) return false;
  for (const el of box.querySelectorAll<HTMLElement>(selector)) {
    if (el.scrollHeight > el.clientHeight) return true;
  }
  return false;
}

/** What still scrolls at the smallest size takes the keyboard focus, so it can be scrolled without a mouse; what fits does not. */
function reachable(box: HTMLElement, selector: string | null): void {
  const boxes = selector ? [box, ...box.querySelectorAll<HTMLElement>(selector)] : [box];
  for (const el of boxes) {
    if (el.scrollHeight > el.clientHeight) el.tabIndex = 0;
    else el.removeAttribute('tabindex');
  }
}

/**
 * Shrinks the text in `box` until it fits, as slide software does: sets `--fit` (1 = full size,
 * down to MIN_TEXT_SCALE) on the box, which its CSS multiplies into its font size. `selector`
 * names inner boxes that scroll on their own (a lane's card list) and must fit too. Re-fits when
 * the box changes size (entering full screen, a window resize) or `content` changes; what still
 * does not fit at the smallest size scrolls, and can then be focused and scrolled by keyboard.
 */
export function useFitText(box: RefObject<HTMLElement | null>, content: unknown, selector: string | null = null): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      el.style.setProperty('--fit', '1');
      if (!overflows(el, selector)) return reachable(el, selector);
      let fits = MIN_TEXT_SCALE;
      let tooBig = 1;
      for (let i = 0; i < 6; i++) {
        const mid = (fits + tooBig) / 2;
        el.style.setProperty('--fit', mid.toFixed(3));
        if (overflows(el, selector)) tooBig = mid;
        else fits = mid;
      }
      el.style.setProperty('--fit', fits.toFixed(3));
      reachable(el, selector);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      // only the box's own size matters; its content changing size is what fit() does
      if (el.clientWidth === width && el.clientHeight === height) return;
      width = el.clientWidth;
      height = el.clientHeight;
      fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, content, selector]);
}
