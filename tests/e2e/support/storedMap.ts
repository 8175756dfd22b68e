import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { journeyToDoc } from '../../../src/model/doc';
import type { Journey } from '../../../src/model/types';

/**
 * Stores a journey straight into the app's IndexedDB (the rows the app itself writes: one library
 * entry and one snapshot update), as if it had been made on this device earlier: how tests and
 * benchmarks get a 5,000-card map without typing it. The page must have opened the app once.
 */
export async function storeJourney(page: Page, journey: Journey, title: string): Promise<string> {
  const update = Array.from(Y.encodeStateAsUpdate(journeyToDoc(journey)));
  await page.evaluate(
    async ({ id, title, update }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('waymark');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['maps', 'updates'], 'readwrite');
      const now = Date.now();
      tx.objectStore('maps').put({ id, title, createdAt: now, updatedAt: now, thumbnail: null, deletedAt: null });
      tx.objectStore('updates').add({ mapId: id, update: new Uint8Array(update) });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { id: journey.id, title, update },
  );
  return journey.id;
}
