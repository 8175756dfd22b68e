import type { Scene, Shape } from '../../export/scene';

/**
 * The one way a scene goes to an export worker (pdfWorker.ts, pngWorker.ts) and its file comes
 * back. The page sends the scene's shapes a few thousand at a time, pausing between messages
 * (copying all of a big map's shapes into one message takes the page's thread 50–150 ms), then
 * the rest of the scene with the worker's settings, which starts the work; the worker answers with
 * progress and then its result or why it failed.
 */
export type SceneJob<Settings> = { kind: 'shapes'; shapes: Shape[] } | ({ kind: 'make'; scene: Omit<Scene, 'shapes'> } & Settings);

export type SceneWorkerMessage<Result> = { kind: 'progress'; fraction: number } | { kind: 'done'; result: Result } | { kind: 'failed'; message: string };

const SHAPES_PER_MESSAGE = 1500;

interface RunOptions {
  pause?: () => Promise<void>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs one job on a started worker and ends it. Resolves with the result, or null when the
 * worker's file could not be loaded (or its code could not start), so the caller can do the work
 * on the page instead; rejects with the signal's reason at once when cancelled, or with the
 * worker's failure.
 */
export async function runSceneWorker<Settings, Result>(worker: Worker, scene: Scene, settings: Settings, options: RunOptions): Promise<Result | null> {
  const { signal } = options;
  let unavailable = false;
  const made = new Promise<Result | null>((resolve, reject) => {
    const onAbort = () => {
      worker.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    worker.onmessage = ({ data }: MessageEvent<SceneWorkerMessage<Result>>) => {
      if (data.kind === 'progress') {
        options.onProgress?.(data.fraction);
        return;
      }
      end();
      if (data.kind === 'done') resolve(data.result);
      else reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      unavailable = true;
      end();
      resolve(null);
    };
  });
  // a cancel while the shapes are still being sent rejects `made` with nobody waiting on it yet
  made.catch(() => undefined);
  const send = (job: SceneJob<Settings>) => worker.postMessage(job);
  const pause = options.pause ?? (() => Promise.resolve());
  try {
    for (let start = 0; start < scene.shapes.length && !unavailable; start += SHAPES_PER_MESSAGE) {
      send({ kind: 'shapes', shapes: scene.shapes.slice(start, start + SHAPES_PER_MESSAGE) });
      await pause();
    }
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const { shapes: _, ...rest } = scene;
  send({ kind: 'make', scene: rest, ...settings });
  return made;
}

/**
 * The worker's side: gathers the shapes, and on 'make' runs `make` on the whole scene and posts
 * its result (with what to transfer rather than copy) or its failure.
 */
export function serveSceneJobs<Settings, Result>(
  make: (scene: Scene, settings: Settings, onProgress: (fraction: number) => void) => Promise<{ result: Result; transfer?: Transferable[] }>,
): void {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent<SceneJob<Settings>>) => void) | null;
    postMessage(message: SceneWorkerMessage<Result>, transfer?: Transferable[]): void;
  };
  const shapes: Shape[] = [];
  scope.onmessage = async ({ data }) => {
    if (data.kind === 'shapes') {
      for (const shape of data.shapes) shapes.push(shape);
      return;
    }
    const { kind: _, scene, ...settings } = data;
    try {
      const { result, transfer } = await make({ ...scene, shapes }, settings as unknown as Settings, (fraction) => scope.postMessage({ kind: 'progress', fraction }));
      scope.postMessage({ kind: 'done', result }, transfer ?? []);
    } catch (error) {
      scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
