import { describe, expect, it, vi } from 'vitest';
import { exportMap, isExportCancelled, type Rasterize } from '../../src/export/exportMap';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';

/*
 * Cancelling an export (the export dialog's Cancel): the AbortSignal given to exportMap is
 * checked at every pause, down through the scene, the PDF and the rasterizer; a cancelled export
 * rejects with an AbortError and makes no file. Without a signal (the command line) nothing changes.
 */

const en = createI18n('en');
const t = (key: string, options?: Record<string, unknown>) => String(en.t(key, options as never));
const journey = readJourney(createMapFromTemplate('retail', 'en'));

/** A pause that counts how often the work stopped for breath, and cancels at the `at`th time. */
function cancellingPause(controller: AbortController, at: number) {
  const pause = vi.fn(async () => {
    if (pause.mock.calls.length === at) controller.abort();
  });
  return pause;
}

describe('cancelling an export', () => {
  it('an export cancelled before it starts makes nothing and reports no progress', async () => {
    const controller = new AbortController();
    controller.abort();
    const onProgress = vi.fn();
    const rasterize = vi.fn<Rasterize>();
    await expect(exportMap('png', journey, { t, signal: controller.signal, onProgress, rasterize })).rejects.toMatchObject({ name: 'AbortError' });
    expect(onProgress).not.toHaveBeenCalled();
    expect(rasterize).not.toHaveBeenCalled();
  });

  it('a PDF cancelled while it is drawn stops at the next pause and makes no file', async () => {
    const controller = new AbortController();
    const pause = cancellingPause(controller, 4);
    const made = exportMap('pdf', journey, { t, pages: 'tile', signal: controller.signal, pause });
    await expect(made).rejects.toMatchObject({ name: 'AbortError' });
    // nothing more was done after the cancel: the pause that saw it was the last
    expect(pause).toHaveBeenCalledTimes(4);
  });

  it('an SVG cancelled while its scene is built stops there', async () => {
    const controller = new AbortController();
    const pause = cancellingPause(controller, 2);
    const onProgress = vi.fn();
    await expect(exportMap('svg', journey, { t, signal: controller.signal, pause, onProgress })).rejects.toMatchObject({ name: 'AbortError' });
    expect(pause).toHaveBeenCalledTimes(2);
    // the scene never finished (it reports 10 % when it has)
    expect(onProgress.mock.calls.map(([f]) => f)).toEqual([0.02]);
  });

  it('the rasterizer gets the signal, and a PNG cancelled while it draws rejects instead of returning its picture', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const rasterize: Rasterize = async (_scene, scale, { pause, signal }) => {
      seen = signal;
      for (let tile = 0; tile < 10; tile++) {
        if (tile === 3) controller.abort();
        await pause();
      }
      return { blob: new Blob(['not reached']), scale, width: 1, height: 1 };
    };
    await expect(exportMap('png', journey, { t, signal: controller.signal, rasterize })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(controller.signal);
  });

  it('a PDF whose last step ends after the cancel is not handed out', async () => {
    const controller = new AbortController();
    const made = exportMap('pdf', journey, {
      t,
      signal: controller.signal,
      makePdf: async () => {
        controller.abort();
        return new Uint8Array([37, 80, 68, 70]);
      },
    });
    await expect(made).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('tells a cancel from a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await exportMap('svg', journey, { t, signal: controller.signal }).catch((e: unknown) => e);
    expect(isExportCancelled(error, controller.signal)).toBe(true);
    expect(isExportCancelled(new Error('the image could not be encoded'))).toBe(false);
  });

  it('without a signal (the command line) an export runs to its file as before', async () => {
    const file = await exportMap('pdf', journey, { t, pause: () => Promise.resolve() });
    expect(new TextDecoder().decode((file.data as Uint8Array).slice(0, 5))).toBe('%PDF-');
  });
});
