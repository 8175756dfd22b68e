import * as Y from 'yjs';
import { readMeta } from '../model/doc';
import { mapChannelName, openTabChannel, type TabChannel, type TabMessage } from './channel';
import { compactMapUpdates } from './compaction';
import type { MapEntry, WaymarkDB } from './db';
import { classifyStorageError, type StorageProblem } from './errors';
import { PERSISTENCE_ORIGIN, TAB_ORIGIN } from './origins';
import { applyStoredUpdates, readMapUpdates } from './updates';

export { PERSISTENCE_ORIGIN, TAB_ORIGIN } from './origins';

/**
 * - loading: reading the stored map
 * - saved: everything the doc holds that should be stored is stored
 * - saving: updates are waiting for or in a write
 * - unavailable: no database (refused, missing, closed); editing goes on in memory
 * - quota-exceeded: the disk is full; unsaved updates are kept and retried
 * - failed: a write or the load failed for another reason; retried like quota-exceeded
 */
export type PersistenceStatus = 'loading' | 'saved' | 'saving' | 'unavailable' | 'quota-exceeded' | 'failed';

export interface PersistenceOptions {
  /** compact a map once it has more than this many update rows; default 500 */
  compactEvery?: number;
  /** the BroadcastChannel shared with other tabs; default `waymark:map:<mapId>`; false: none */
  channelName?: string | false;
  /**
   * whether the doc is a map with an entry in the library, whose title and time each write
   * updates (default true); a space's index document has none
   */
  libraryEntry?: boolean;
}

export const DEFAULT_COMPACT_EVERY = 500;

/** While nothing can be written, unsaved updates are merged whenever this many pile up. */
const MERGE_PENDING_AT = 64;

const STATUS_FOR_PROBLEM: Record<StorageProblem, PersistenceStatus> = {
  unavailable: 'unavailable',
  quota: 'quota-exceeded',
  failed: 'failed',
};

/**
 * Binds one open map's Y.Doc to the database and to the other tabs that have it open.
 *
 * Every update of the doc — local edits and updates from the relay alike — is appended to the
 * map's rows, except those that came from the database itself (PERSISTENCE_ORIGIN) or from
 * another tab (TAB_ORIGIN, which that tab stores). Writes run one at a time in order; updates
 * that arrive while a write is in flight are merged into the next one. Nothing here throws at
 * the caller or rejects: problems become `status`.
 */
export class MapPersistence {
  /** Resolves once the stored map has been applied to the doc, or loading has failed (see status). */
  readonly whenLoaded: Promise<void>;
  readonly mapId: string;
  readonly doc: Y.Doc;

  private readonly db: WaymarkDB | null;
  private readonly compactEvery: number;
  private readonly libraryEntry: boolean;
  private readonly channel: TabChannel | null;
  private readonly listeners = new Set<(status: PersistenceStatus) => void>();
  private currentStatus: PersistenceStatus;

  /** updates not yet handed to a write, oldest first (a failed write puts its batch back in front) */
  private pending: Uint8Array[] = [];
  private loading: Promise<void>;
  private loaded = false;
  /** the write loop, while it runs */
  private running: Promise<void> | null = null;
  /** the last write failed: wait for a new update or retry() before writing again */
  private stalled = false;
  private compacting: Promise<unknown> | null = null;
  /** rows this map has, as far as this tab knows, and when to compact next */
  private rowEstimate = 0;
  private compactAt: number;
  /** the title the map's entry has, so it is written only when the meta's title changed */
  private storedTitle: string | null = null;
  private destroyed: Promise<void> | null = null;

  constructor(db: WaymarkDB | null, mapId: string, doc: Y.Doc, options: PersistenceOptions = {}) {
    this.db = db;
    this.mapId = mapId;
    this.doc = doc;
    this.compactEvery = Math.max(1, Math.floor(options.compactEvery ?? DEFAULT_COMPACT_EVERY));
    this.compactAt = this.compactEvery;
    this.libraryEntry = options.libraryEntry ?? true;
    this.currentStatus = db ? 'loading' : 'unavailable';
    doc.on('update', this.onDocUpdate);
    const channelName = options.channelName === undefined ? mapChannelName(mapId) : options.channelName;
    this.channel = channelName === false ? null : openTabChannel(channelName, this.onTabMessage);
    this.loading = this.load();
    this.whenLoaded = this.loading;
  }

  get status(): PersistenceStatus {
    return this.currentStatus;
  }

  /** Calls `listener` on every change of status (not with the current one); returns an unsubscribe. */
  onStatus(listener: (status: PersistenceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves when everything queued so far is written, or its write has failed (see status). */
  async flush(): Promise<void> {
    await this.loading;
    while (this.running) await this.running;
  }

  /**
   * Tries again after a failure: reopens and loads when loading failed, else writes what is
   * still unsaved. Resolves like flush().
   */
  async retry(): Promise<void> {
    if (this.destroyed || !this.db) return;
    if (!this.loaded) {
      if (this.currentStatus !== 'loading') {
        this.setStatus('loading');
        this.loading = this.load();
      }
    } else {
      this.stalled = false;
      this.schedule();
    }
    await this.flush();
  }

  /**
   * Compacts the map's rows now (it also happens on its own every `compactEvery` rows).
   * Resolves with how many rows were replaced; 0 when nothing was compacted or compaction
   * failed, which leaves the rows as they were.
   */
  async compact(): Promise<number> {
    await this.loading;
    if (!this.db || !this.loaded) return 0;
    return this.compactNow();
  }

  /** Writes what is queued, then stops listening to the doc and to other tabs. */
  destroy(): Promise<void> {
    if (!this.destroyed) {
      this.doc.off('update', this.onDocUpdate);
      this.channel?.close();
      this.destroyed = (async () => {
        await this.flush();
        await this.compacting;
        this.listeners.clear();
      })();
    }
    return this.destroyed;
  }

  // ---------- loading ----------

  private async load(): Promise<void> {
    const db = this.db;
    if (!db) return;
    try {
      await db.open();
      const [entry, rows] = await db.transaction('r', db.maps, db.updates, () =>
        Promise.all([db.maps.get(this.mapId), readMapUpdates(db, this.mapId)]),
      );
      applyStoredUpdates(this.doc, rows);
      this.storedTitle = entry?.title ?? null;
      this.rowEstimate = rows.length;
      this.loaded = true;
      this.stalled = false;
      this.setStatus(this.pending.length > 0 ? 'saving' : 'saved');
      // ask the other tabs for anything they hold that the database does not have yet
      this.channel?.post({ kind: 'hello', stateVector: Y.encodeStateVector(this.doc) });
      this.schedule();
    } catch (error) {
      this.setStatus(STATUS_FOR_PROBLEM[classifyStorageError(error)]);
    }
  }

  // ---------- incoming updates ----------

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === PERSISTENCE_ORIGIN || origin === TAB_ORIGIN) return;
    this.channel?.post({ kind: 'update', update });
    if (!this.db) return;
    this.pending.push(update);
    if (this.pending.length >= MERGE_PENDING_AT) this.pending = [Y.mergeUpdates(this.pending)];
    if (!this.loaded) return;
    this.stalled = false;
    if (this.currentStatus === 'saved') this.setStatus('saving');
    this.schedule();
  };

  private readonly onTabMessage = (message: TabMessage): void => {
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(this.doc, message.update, TAB_ORIGIN);
      } else {
        this.channel?.post({ kind: 'update', update: Y.encodeStateAsUpdate(this.doc, message.stateVector) });
      }
    } catch {
      // a garbled message from another tab must not break this one; the relay and the
      // database still bring the same content
    }
  };

  // ---------- writing ----------

  private schedule(): void {
    if (this.running || !this.loaded || this.stalled) return;
    if (this.pending.length === 0 && this.rowEstimate <= this.compactAt) return;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.pending.length > 0) this.schedule();
    });
  }

  /** The write loop: one row per round, merging whatever piled up; then compaction if due. */
  private async run(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      if (this.currentStatus === 'saved') this.setStatus('saving');
      try {
        await this.writeRow(update);
        this.rowEstimate++;
      } catch (error) {
        // keep the batch, in front of anything newer, for the next attempt
        this.pending.unshift(update);
        this.stalled = true;
        this.setStatus(STATUS_FOR_PROBLEM[classifyStorageError(error)]);
        return;
      }
    }
    this.setStatus('saved');
    if (this.rowEstimate > this.compactAt) await this.compactNow();
  }

  private async writeRow(update: Uint8Array): Promise<void> {
    const db = this.db!;
    if (!this.libraryEntry) {
      await db.updates.add({ mapId: this.mapId, update });
      return;
    }
    const title = readMeta(this.doc).title;
    const changes: Partial<MapEntry> = { updatedAt: Date.now() };
    if (title !== this.storedTitle) changes.title = title;
    await db.transaction('rw', db.updates, db.maps, async () => {
      await db.updates.add({ mapId: this.mapId, update });
      await db.maps.update(this.mapId, changes);
    });
    this.storedTitle = title;
  }

  /** Compacts; a failure leaves the rows and the status alone and waits for more rows. */
  private async compactNow(): Promise<number> {
    if (this.compacting) {
      await this.compacting;
      return 0;
    }
    const attempt = compactMapUpdates(this.db!, this.mapId, this.doc).then(
      (replaced) => {
        if (replaced > 0) this.rowEstimate = Math.max(1, this.rowEstimate - replaced + 1);
        this.compactAt = this.compactEvery;
        return replaced;
      },
      () => {
        this.compactAt = this.rowEstimate + this.compactEvery;
        return 0;
      },
    );
    this.compacting = attempt;
    try {
      return await attempt;
    } finally {
      this.compacting = null;
    }
  }

  private setStatus(status: PersistenceStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of [...this.listeners]) {
      try {
        listener(status);
      } catch {
        // a listener's bug is not a storage problem
      }
    }
  }
}
