import type * as Y from 'yjs';
import { exportMap } from '../../export/exportMap';
import type { ExportFormat } from '../../export/formats';
import type { PaperSize, PdfPages } from '../../export/pdf';
import type { Translate } from '../../export/render';
import type { Journey } from '../../model/types';
import { pdfInWorker } from './pdfInWorker';
import { sceneToPng } from './rasterize';

export interface ExportSettings {
  format: ExportFormat;
  /** null: the whole map */
  stageIds: readonly string[] | null;
  scale: 1 | 2 | 4;
  background: 'white' | 'transparent';
  paper: PaperSize;
  pages: PdfPages;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  /** set when a PNG had to be made smaller than asked */
  scale?: number;
  width?: number;
  height?: number;
}

/** Lets the browser paint and handle input between chunks of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export { isExportCancelled } from '../../export/exportMap';

/**
 * Makes the file for one export with `exportMap`, in the browser: the work is split with
 * yields, progress reported 0…1, PNGs drawn tile by tile and put together in a worker
 * (rasterize.ts), PDFs made in a worker (pdfInWorker.ts), and `signal` checked at every yield.
 */
export async function runExport(
  settings: ExportSettings,
  /** feedback: the map's feedback doc, when open; its ended vote rounds go into a CSV */
  source: { doc: Y.Doc; journey: Journey; feedback?: Y.Doc },
  t: Translate,
  locale: string,
  onProgress: (fraction: number) => void,
  /** cancels it: the promise rejects with an AbortError (`isExportCancelled`) and nothing is made */
  signal?: AbortSignal,
): Promise<ExportResult> {
  const { format, stageIds, scale, background, paper, pages } = settings;
  const file = await exportMap(format, source.journey, {
    t,
    locale,
    stageIds,
    background,
    scale,
    paper,
    pages,
    doc: source.doc,
    feedback: source.feedback,
    rasterize: sceneToPng,
    makePdf: pdfInWorker,
    pause: yieldToMain,
    onProgress,
    signal,
  });
  const blob = file.data instanceof Blob ? file.data : new Blob([file.data as BlobPart], { type: file.mimeType });
  return { blob, fileName: file.fileName, ...file.raster };
}

/** Saves a blob through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
