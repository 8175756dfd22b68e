import type { Page } from 'playwright-core';

/**
 * Frame times in the page: a requestAnimationFrame loop records the interval between frames from
 * `startFrames` until `stopFrames` (editor.bench.ts and canvas.bench.ts). rAF intervals are
 * quantised to the display's 16.7 ms: a dropped frame shows as ~33 ms.
 */
export async function startFrames(page: Page): Promise<void> {
  // a plain string: tsx would wrap named functions in a helper the page does not have
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** The intervals since startFrames, without the first (which starts mid-frame). */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}
