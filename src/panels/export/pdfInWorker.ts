import type { MakePdf } from '../../export/exportMap';
import { sceneToPdf } from '../../export/pdf';
import type { PdfJob, PdfWorkerMessage } from './pdfWorker';

/**
 * `sceneToPdf` in a worker (pdfWorker.ts), for the export dialog: the page's thread only hands
 * over the scene and receives the bytes. A cancel ends the worker at once. Where no worker can be
 * started (or its file cannot be loaded), the PDF is made here, with pauses, as before.
 */
export const pdfInWorker: MakePdf = async (scene, options) => {
  const { signal } = options;
  signal?.throwIfAborted();
  if (typeof Worker !== 'function') return sceneToPdf(scene, options);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module', name: 'waymark-pdf' });
  } catch {
    return sceneToPdf(scene, options);
  }
  let failed = false;
  const made = new Promise<Uint8Array | null>((resolve, reject) => {
    const onAbort = () => {
      worker.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    worker.onmessage = ({ data }: MessageEvent<PdfWorkerMessage>) => {
      if (data.kind === 'progress') {
        options.onProgress?.(data.fraction);
        return;
      }
      end();
      if (data.kind === 'done') resolve(data.bytes);
      else reject(new Error(data.message));
    };
    // the worker's file did not load (or its code could not start): make the PDF here
    worker.onerror = (event) => {
      event.preventDefault();
      failed = true;
      end();
      resolve(null);
    };
  });
  // a cancel while the shapes are still being sent rejects `made` with nobody waiting on it yet
  made.catch(() => undefined);
  // the shapes go over a few thousand at a time, with a pause (and a look at the signal) between
  const send = (job: PdfJob) => worker.postMessage(job);
  const pause = options.pause ?? (() => Promise.resolve());
  try {
    for (let start = 0; start < scene.shapes.length && !failed; start += SHAPES_PER_MESSAGE) {
      send({ kind: 'shapes', shapes: scene.shapes.slice(start, start + SHAPES_PER_MESSAGE) });
      await pause();
    }
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const { shapes: _, ...rest } = scene;
  send({ kind: 'make', scene: rest, paper: options.paper, pages: options.pages, date: options.date });
  return (await made) ?? sceneToPdf(scene, options);
};

const SHAPES_PER_MESSAGE = 1500;
