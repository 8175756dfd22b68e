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
  return storeMapUpdate(page, journey.id, title, Y.encodeStateAsUpdate(journeyToDoc(journey)));
}

/**
 * Stores a map's whole Y.Doc update as the library entry plus one snapshot row (the canvas bench
 * encodes each size once and stores it for every run). The update crosses into the page as
 * base64: one string, where an array of numbers would be serialised number by number.
 */
export async function storeMapUpdate(page: Page, id: string, title: string, update: Uint8Array): Promise<string> {
  await page.evaluate(
    async ({ id, title, base64 }) => {
      const update = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('waymark');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['maps', 'updates'], 'readwrite');
      const now = Date.now();
      tx.objectStore('maps').put({ id, title, createdAt: now, updatedAt: now, thumbnail: null, deletedAt: null });
      tx.objectStore('updates').add({ mapId: id, update });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { id, title, base64: Buffer.from(update).toString('base64') },
  );
  return id;
}
