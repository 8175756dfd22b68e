import type * as Y from 'yjs';
import { journeyToDoc } from '../model/doc';
import { putImages, readImages } from '../model/images';
import type { Journey } from '../model/types';
import { finishedRoundResults } from '../model/votes';
import { serializeMap } from '../schema';
import { journeyToCsv } from './csv';
import { exportFileName } from './filename';
import { exportFormat, type ExportFormat } from './formats';
import { journeyToOjfText } from './ojf/fromJourney';
import { sceneToPdf, type PaperSize, type PdfOptions, type PdfPages } from './pdf';
import { journeyInScope, renderJourneySceneAsync, type Translate } from './render';
import type { Scene } from './scene';
import { sceneToSvgAsync } from './svg';

/**
 * A map as a file, in any format of formats.ts: the one place the export dialog
 * (src/panels/export/exportJob.ts) and `waymark export` (src/cli/main.ts) make their files. No
 * format here needs a DOM but PNG, which is drawn on a canvas the caller passes in (`rasterize`).
 */

export interface RasterResult {
  blob: Blob;
  /** smaller than asked when the map is too big for a canvas at the scale asked */
  scale: number;
  width: number;
  height: number;
}

/**
 * Draws a scene as a PNG at (up to) `scale`; only a browser can (src/panels/export/rasterize.ts).
 * `pause` rejects once `signal` is aborted; whatever the rasterizer holds besides (a worker) it
 * lets go of then.
 */
export type Rasterize = (
  scene: Scene,
  scale: number,
  options: { pause: () => Promise<void>; onProgress?: (fraction: number) => void; signal?: AbortSignal },
) => Promise<RasterResult>;

/**
 * Makes a PDF of a scene: `sceneToPdf` (the default, here and on the command line), or the same
 * in a browser's worker (src/panels/export/pdfInWorker.ts), which ends at once on `signal`.
 */
export type MakePdf = (scene: Scene, options: PdfOptions & { signal?: AbortSignal }) => Promise<Uint8Array>;

export interface ExportOptions {
  /** labels the picture's title block and lanes (SVG, PDF, PNG) */
  t: Translate;
  /** BCP 47 tag for dates in the picture; default the map's locale */
  locale?: string;
  /** only these stages, in map order, with their cards and the links between them; null: the whole map */
  stageIds?: readonly string[] | null;
  /** SVG, PNG; default white */
  background?: 'white' | 'transparent';
  /** PNG: device pixels per CSS pixel; default 2 */
  scale?: number;
  /** PDF; default A4, the whole map fitted on one page */
  paper?: PaperSize;
  pages?: PdfPages;
  /** the map's doc: a whole-map JSON writes it as it is; without it, one is made from the journey. Card images are read from it. */
  doc?: Y.Doc;
  /** the map's feedback doc: a whole-map JSON keeps its comments and votes, a CSV its ended vote rounds */
  feedback?: Y.Doc;
  /** needed for PNG only */
  rasterize?: Rasterize;
  /** PDF: how it is made; default `sceneToPdf` on this thread */
  makePdf?: MakePdf;
  /** awaited between chunks of work, so a browser keeps painting; default none */
  pause?: () => Promise<void>;
  /** 0…1 as the work goes on */
  onProgress?: (fraction: number) => void;
  /**
   * Cancels the export: the work stops at its next pause and `exportMap` rejects with the
   * signal's reason (an AbortError unless another reason was given); no file is made.
   */
  signal?: AbortSignal;
  /** the date in the picture's title block and the PDF's metadata; default now */
  date?: Date;
}

export interface ExportedMap {
  format: ExportFormat;
  /** text (SVG, JSON, CSV), bytes (PDF) or, from a browser's canvas, a Blob (PNG) */
  data: string | Uint8Array | Blob;
  mimeType: string;
  /** from the map's title and the format's extension */
  fileName: string;
  /** PNG only: the scale and size it was drawn at */
  raster?: { scale: number; width: number; height: number };
}

/** A format that is drawn on a canvas was asked for where there is none (the command line). */
export class NeedsBrowserError extends Error {
  constructor(readonly format: ExportFormat) {
    super(`${format} export needs a browser`);
  }
}

type Written = Pick<ExportedMap, 'data' | 'raster'>;
type Writer = (journey: Journey, options: ExportOptions, pause: () => Promise<void>, onProgress: (fraction: number) => void) => Promise<Written>;

const noPause = () => Promise.resolve();

/** The stages asked for, as data: lanes stay as they are (a picture opens collapsed lanes, a file keeps them). */
function dataInScope(journey: Journey, stageIds: readonly string[] | null | undefined): Journey {
  return stageIds ? { ...journeyInScope(journey, stageIds), lanes: journey.lanes } : journey;
}

async function sceneOf(journey: Journey, options: ExportOptions, pause: () => Promise<void>, onProgress: (fraction: number) => void): Promise<Scene> {
  const { t, locale, stageIds, background, date } = options;
  const images = options.doc ? readImages(options.doc) : undefined;
  const scene = await renderJourneySceneAsync(journey, { t, locale, stageIds, background, date, images }, pause);
  onProgress(0.1);
  await pause();
  return scene;
}

/** One writer per format: a format in formats.ts without one here does not compile. */
const WRITERS: { readonly [F in ExportFormat]: Writer } = {
  json: async (journey, options) => {
    if (options.stageIds) {
      const scoped = journeyToDoc(dataInScope(journey, options.stageIds));
      // the images go along (toJSON writes only those the scoped cards show)
      if (options.doc) putImages(scoped, readImages(options.doc).values());
      return { data: serializeMap(scoped) };
    }
    return { data: serializeMap(options.doc ?? journeyToDoc(journey), options.feedback) };
  },
  csv: async (journey, options) => {
    const rounds = options.feedback ? finishedRoundResults(options.feedback) : undefined;
    return { data: journeyToCsv(dataInScope(journey, options.stageIds), rounds) };
  },
  ojf: async (journey, options) => ({ data: journeyToOjfText(dataInScope(journey, options.stageIds)) }),
  svg: async (journey, options, pause, onProgress) => {
    const scene = await sceneOf(journey, options, pause, onProgress);
    return { data: await sceneToSvgAsync(scene, pause) };
  },
  pdf: async (journey, options, pause, onProgress) => {
    const scene = await sceneOf(journey, options, pause, onProgress);
    const progress = (f: number) => onProgress(0.1 + 0.9 * f);
    const make = options.makePdf ?? sceneToPdf;
    return { data: await make(scene, { paper: options.paper ?? 'a4', pages: options.pages ?? 'fit', pause, onProgress: progress, date: options.date, signal: options.signal }) };
  },
  png: async (journey, options, pause, onProgress) => {
    if (!options.rasterize) throw new NeedsBrowserError('png');
    const scene = await sceneOf(journey, options, pause, onProgress);
    const progress = (f: number) => onProgress(0.1 + 0.9 * f);
    const { blob, scale, width, height } = await options.rasterize(scene, options.scale ?? 2, { pause, onProgress: progress, signal: options.signal });
    return { data: blob, raster: { scale, width, height } };
  },
};

/** Whether an export ended because its signal was aborted (see `ExportOptions.signal`), not because it failed. */
export function isExportCancelled(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && error === signal.reason) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** `pause`, refusing to go on once `signal` is aborted (before and after it waits). */
function abortablePause(pause: () => Promise<void>, signal: AbortSignal | undefined): () => Promise<void> {
  if (!signal) return pause;
  return async () => {
    signal.throwIfAborted();
    await pause();
    signal.throwIfAborted();
  };
}

/** The map (or the stages in `options.stageIds`) as a file of `format`. */
export async function exportMap(format: ExportFormat, journey: Journey, options: ExportOptions): Promise<ExportedMap> {
  const info = exportFormat(format);
  const { signal } = options;
  signal?.throwIfAborted();
  const pause = abortablePause(options.pause ?? noPause, signal);
  const onProgress = options.onProgress ?? (() => {});
  onProgress(0.02);
  await pause();
  const written = await WRITERS[format](journey, options, pause, onProgress);
  // a writer that finished its last step after the cancel (pdf-lib's save) makes no file either
  signal?.throwIfAborted();
  return { format, mimeType: info.mimeType, fileName: exportFileName(journey.title, info.extension), ...written };
}
