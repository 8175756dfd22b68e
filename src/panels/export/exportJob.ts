import type * as Y from 'yjs';
import { journeyToCsv } from '../../export/csv';
import { exportFileName } from '../../export/filename';
import { sceneToPdf, type PaperSize, type PdfPages } from '../../export/pdf';
import { journeyInScope, renderJourneySceneAsync, sceneToSvgAsync, type Translate } from '../../export/svg';
import { journeyToDoc } from '../../model/doc';
import type { Journey } from '../../model/types';
import { finishedRoundResults } from '../../model/votes';
import { serializeMap } from '../../schema';
import { sceneToPng } from './rasterize';

export type ExportFormat = 'png' | 'svg' | 'pdf' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'pdf', 'json', 'csv'];

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

const MIME: Record<ExportFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/** Makes the file for one export; the work is split with yields, and progress reported 0…1. */
export async function runExport(
  settings: ExportSettings,
  /** feedback: the map's feedback doc, when open; its ended vote rounds go into a CSV */
  source: { doc: Y.Doc; journey: Journey; feedback?: Y.Doc },
  t: Translate,
  locale: string,
  onProgress: (fraction: number) => void,
): Promise<ExportResult> {
  const { format } = settings;
  const fileName = exportFileName(source.journey.title, format);
  const scoped = journeyInScope(source.journey, settings.stageIds);
  onProgress(0.02);
  await yieldToMain();
  if (format === 'json') {
    const text = settings.stageIds ? serializeMap(journeyToDoc({ ...scoped, lanes: source.journey.lanes })) : serializeMap(source.doc, source.feedback);
    return { blob: new Blob([text], { type: MIME.json }), fileName: exportFileName(source.journey.title, 'waymark.json') };
  }
  if (format === 'csv') {
    const rounds = source.feedback ? finishedRoundResults(source.feedback) : undefined;
    return { blob: new Blob([journeyToCsv(settings.stageIds ? scoped : source.journey, rounds)], { type: MIME.csv }), fileName };
  }

  const scene = await renderJourneySceneAsync(source.journey, { t, locale, stageIds: settings.stageIds, background: settings.background }, yieldToMain);
  onProgress(0.1);
  await yieldToMain();
  const progress = (f: number) => onProgress(0.1 + 0.9 * f);
  if (format === 'svg') return { blob: new Blob([await sceneToSvgAsync(scene, yieldToMain)], { type: MIME.svg }), fileName };
  if (format === 'pdf') {
    const bytes = await sceneToPdf(scene, { paper: settings.paper, pages: settings.pages, pause: yieldToMain, onProgress: progress });
    return { blob: new Blob([bytes as BlobPart], { type: MIME.pdf }), fileName };
  }
  const png = await sceneToPng(scene, settings.scale, { pause: yieldToMain, onProgress: progress });
  return { blob: png.blob, fileName, scale: png.scale, width: png.width, height: png.height };
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
