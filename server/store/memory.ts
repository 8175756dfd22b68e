import * as Y from 'yjs';
import type { AccessRecord, RecordChange, RelayStore, SpaceRecord, StoreContents, StoreHealth, VersionEntry } from './types';

/** Everything in memory and gone on exit: for tests and throwaway relays (`STORE=memory`). */
export class MemoryStore implements RelayStore, StoreContents {
  readonly docs = new Map<string, Uint8Array[]>();
  readonly access = new Map<string, AccessRecord>();
  readonly spaces = new Map<string, string>();
  readonly versions = new Map<string, { index: VersionEntry[]; snapshots: Map<string, Uint8Array> }>();

  async loadDoc(name: string): Promise<Uint8Array> {
    const updates = this.docs.get(name) ?? [];
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  async storeUpdate(name: string, update: Uint8Array): Promise<undefined> {
    let updates = this.docs.get(name);
    if (!updates) this.docs.set(name, (updates = []));
    updates.push(update.slice());
  }

  async compact(name: string, current?: () => Uint8Array | undefined): Promise<void> {
    const updates = this.docs.get(name);
    if (!updates || updates.length < 2) return;
    const state = current?.();
    if (state) return void this.docs.set(name, [state.slice()]);
    // through a Y.Doc, as LevelDB and PostgreSQL compact: deleted content is dropped, not carried along
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    this.docs.set(name, [Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
  }

  async readDoc(name: string): Promise<Uint8Array> {
    return this.loadDoc(name);
  }

  async getAccess(mapId: string): Promise<AccessRecord | undefined> {
    const record = this.access.get(mapId);
    return record && { ...record };
  }

  async putAccess(mapId: string, record: AccessRecord): Promise<void> {
    this.access.set(mapId, { ...record });
  }

  // read, change and write without an await between: nothing else of this process runs meanwhile
  async updateAccess(mapId: string, change: RecordChange<AccessRecord>): Promise<AccessRecord | null> {
    const current = this.access.get(mapId);
    const next = change(current && { ...current });
    if (next !== null) this.access.set(mapId, { ...next });
    return next;
  }

  async getSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    // kept as JSON, as LevelDB keeps it: nothing a caller changes reaches the stored copy
    const stored = this.spaces.get(spaceId);
    return stored === undefined ? undefined : (JSON.parse(stored) as SpaceRecord);
  }

  async putSpace(spaceId: string, record: SpaceRecord): Promise<void> {
    this.spaces.set(spaceId, JSON.stringify(record));
  }

  async updateSpace(spaceId: string, change: RecordChange<SpaceRecord>): Promise<SpaceRecord | null> {
    const stored = this.spaces.get(spaceId);
    const next = change(stored === undefined ? undefined : (JSON.parse(stored) as SpaceRecord));
    if (next !== null) this.spaces.set(spaceId, JSON.stringify(next));
    return next;
  }

  async listVersions(room: string): Promise<VersionEntry[]> {
    return (this.versions.get(room)?.index ?? []).map((e) => ({ info: { ...e.info, counts: { ...e.info.counts } }, bytes: e.bytes }));
  }

  async putVersion(room: string, entry: VersionEntry, snapshot: Uint8Array): Promise<void> {
    let versions = this.versions.get(room);
    if (!versions) this.versions.set(room, (versions = { index: [], snapshots: new Map() }));
    versions.index = versions.index.filter((e) => e.info.id !== entry.info.id);
    versions.index.push({ info: { ...entry.info, counts: { ...entry.info.counts } }, bytes: entry.bytes });
    versions.snapshots.set(entry.info.id, snapshot.slice());
  }

  async getVersion(room: string, id: string): Promise<Uint8Array | undefined> {
    return this.versions.get(room)?.snapshots.get(id);
  }

  async deleteVersions(room: string, ids: readonly string[]): Promise<void> {
    const versions = this.versions.get(room);
    if (!versions) return;
    const gone = new Set(ids);
    versions.index = versions.index.filter((e) => !gone.has(e.info.id));
    for (const id of ids) versions.snapshots.delete(id);
  }

  async *roomNames(): AsyncIterable<string> {
    yield* [...this.docs.keys()];
  }

  async *accessRecords(): AsyncIterable<[string, AccessRecord]> {
    for (const [id, record] of [...this.access]) yield [id, { ...record }];
  }

  async *spaceRecords(): AsyncIterable<[string, SpaceRecord]> {
    for (const [id, json] of [...this.spaces]) yield [id, JSON.parse(json) as SpaceRecord];
  }

  async *versionRooms(): AsyncIterable<string> {
    for (const [room, versions] of [...this.versions]) if (versions.index.length) yield room;
  }

  async health(): Promise<StoreHealth> {
    return { kind: 'memory', ok: true };
  }

  async close(): Promise<void> {}
}
