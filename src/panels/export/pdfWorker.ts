import { sceneToPdf, type PaperSize, type PdfPages } from '../../export/pdf';
import type { Scene, Shape } from '../../export/scene';

/**
 * The PDF made in a worker (pdfInWorker.ts starts it): pdf-lib's drawing, compression and
 * writing allocate hundreds of thousands of small objects, and the garbage collections they
 * cause on the page's thread trace the whole editor (2,000 cards of DOM) — pauses of 100–300 ms
 * there. Here they hold up no one.
 */

/**
 * What the page sends: the scene's shapes a few thousand at a time (copying all of a big map's
 * shapes into one message takes the page's thread 50–150 ms), then the rest of the scene and the
 * settings, which start the work.
 */
export type PdfJob =
  | { kind: 'shapes'; shapes: Shape[] }
  | { kind: 'make'; scene: Omit<Scene, 'shapes'>; paper: PaperSize; pages: PdfPages; date?: Date };

export type PdfWorkerMessage = { kind: 'progress'; fraction: number } | { kind: 'done'; bytes: Uint8Array } | { kind: 'failed'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PdfJob>) => void) | null;
  postMessage(message: PdfWorkerMessage, transfer?: Transferable[]): void;
};

const shapes: Shape[] = [];

scope.onmessage = async ({ data }) => {
  if (data.kind === 'shapes') {
    for (const shape of data.shapes) shapes.push(shape);
    return;
  }
  try {
    const bytes = await sceneToPdf({ ...data.scene, shapes }, {
      paper: data.paper,
      pages: data.pages,
      date: data.date,
      onProgress: (fraction) => scope.postMessage({ kind: 'progress', fraction }),
    });
    scope.postMessage({ kind: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
