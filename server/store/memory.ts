import * as Y from 'yjs';
import type { AccessRecord, RelayStore } from './types';

/** Everything in memory and gone on exit: for tests and throwaway relays (`STORE=memory`). */
export class MemoryStore implements RelayStore {
  readonly docs = new Map<string, Uint8Array[]>();
  readonly access = new Map<string, AccessRecord>();

  async loadDoc(name: string): Promise<Uint8Array> {
    const updates = this.docs.get(name) ?? [];
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  async storeUpdate(name: string, update: Uint8Array): Promise<void> {
    let updates = this.docs.get(name);
    if (!updates) this.docs.set(name, (updates = []));
    updates.push(update.slice());
  }

  async compact(name: string): Promise<void> {
    const updates = this.docs.get(name);
    if (updates && updates.length > 1) this.docs.set(name, [Y.mergeUpdates(updates)]);
  }

  async getAccess(mapId: string): Promise<AccessRecord | undefined> {
    const record = this.access.get(mapId);
    return record && { ...record };
  }

  async putAccess(mapId: string, record: AccessRecord): Promise<void> {
    this.access.set(mapId, { ...record });
  }

  async close(): Promise<void> {}
}
