/**
 * The page's own IndexedDB: one object store with the scene's elements under one key. The bench
 * writes it before navigating (canvas.bench.ts, with the same names), the page reads it at load
 * and hands it to Excalidraw as `initialData`, so Excalidraw loads from IndexedDB as Waymark does.
 */
export const SCENE_DB = 'excalidraw-bench';
export const SCENE_STORE = 'scene';
export const SCENE_KEY = 'elements';

export function openSceneDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SCENE_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(SCENE_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function readScene(): Promise<unknown[]> {
  const db = await openSceneDb();
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction(SCENE_STORE).objectStore(SCENE_STORE).get(SCENE_KEY);
      request.onsuccess = () => resolve((request.result as unknown[] | undefined) ?? []);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}
