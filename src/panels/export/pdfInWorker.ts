import type { MakePdf } from '../../export/exportMap';
import { sceneToPdf } from '../../export/pdf';
import type { PdfSettings } from './pdfWorker';
import { runSceneWorker } from './sceneWorker';

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
  const settings: PdfSettings = { paper: options.paper, pages: options.pages, date: options.date };
  return (await runSceneWorker<PdfSettings, Uint8Array>(worker, scene, settings, options)) ?? sceneToPdf(scene, options);
};
