import { sceneToPdf, type PaperSize, type PdfPages } from '../../export/pdf';
import { serveSceneJobs } from './sceneWorker';

/**
 * The PDF made in a worker (pdfInWorker.ts starts it): pdf-lib's drawing, compression and
 * writing allocate hundreds of thousands of small objects, and the garbage collections they
 * cause on the page's thread trace the whole editor (2,000 cards of DOM) — pauses of 100–300 ms
 * there. Here they hold up no one.
 */

/** What the page sends with the scene (sceneWorker.ts): the paper and pages, the date in the title block. */
export interface PdfSettings {
  paper: PaperSize;
  pages: PdfPages;
  date?: Date;
}

serveSceneJobs<PdfSettings, Uint8Array>(async (scene, { paper, pages, date }, onProgress) => {
  const bytes = await sceneToPdf(scene, { paper, pages, date, onProgress });
  return { result: bytes, transfer: [bytes.buffer] };
});
