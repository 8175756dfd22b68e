import type * as Y from 'yjs';
import { RIGHTS } from '../access/roles';
import { newId } from '../model/ids';
import { describeVersion, docFromSnapshot, snapshotOf } from '../model/versionSnapshot';
import { namedVersionFits, VERSION_LIMITS, type CheckpointReason, type VersionInfo } from '../model/versions';
import { DEVICE_NAMED_VERSION_LIMIT, PERSISTENCE_ORIGIN, TAB_ORIGIN, versionStore, type StoredVersion, type StoredVersionPlace, type VersionStore, type WaymarkDB } from '../storage';
import type { VersionEntry, VersionHistory, VersionPlace } from '../store/versionHistory';
import { isUnreachable, ShareApiError } from '../sync/api';
import type { MapShare } from '../sync/shares';
import type { VersionsApiOptions } from '../sync/versions';

/**
 * The relay's version client, loaded when a shared map first needs it: it reads version files
 * with the file schema (zod and every format version), which the first load of the editor leaves
 * out (tests/e2e/offline-lazy.e2e.test.ts). A private map never loads it. Its chunk not loading
 * (offline before the app was cached) is the relay being out of reach, and is treated so.
 */
const relayClient = () =>
  import('../sync/versions').catch(() => {
    throw new ShareApiError(0, 'offline');
  });

/**
 * The version history of one open map (issue 15), behind the one interface the UI reads
 * (src/store/versionHistory.ts):
 * - a private map (no share token) keeps every version on this device (src/storage/versions.ts),
 *   and this device takes its checkpoints itself (DEVICE_CHECKPOINTS);
 * - a shared map's versions are the relay's (src/sync/versions.ts): its list is cached here with
 *   every version opened, so history browses offline; a named version made while the relay is
 *   out of reach is kept here in full ('pending') and sent up when it can be reached again.
 * Which of the two a map is, is asked each time (`share()`): the owner may share a map while it is open.
 */

/** When this device takes a checkpoint of a private map: all the timing in one place. */
export const DEVICE_CHECKPOINTS = {
  /** after changes, once the map has been quiet this long */
  quietMs: 60_000,
  /** and during a long session with no quiet minute, at least this often */
  maxIntervalMs: 10 * 60_000,
  /** a pending named version is offered to the relay again this often while it cannot be reached */
  uploadRetryMs: 30_000,
  /** the relay's list is fetched again when the list is read and the last fetch is older than this */
  refreshMs: 30_000,
} as const;

/** Time and timers, so that tests need not wait a minute for a checkpoint. */
export interface VersionClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: VersionClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser's 'online' event: a good moment to send pending versions up. */
function browserOnline(run: () => void): () => void {
  const target = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener };
  target.addEventListener?.('online', run);
  return () => target.removeEventListener?.('online', run);
}

export interface VersionHistoryOptions {
  /** null: storage refused; versions then live in memory for as long as the tab does */
  db: WaymarkDB | null;
  mapId: string;
  /** the open map's live doc */
  doc: Y.Doc;
  /** the share token this device holds for the map now; null for a private map */
  share(): MapShare | null;
  api?: VersionsApiOptions;
  clock?: VersionClock;
  /** calls `run` whenever the relay may be reachable again; returns an unsubscribe (default: the browser's 'online' event) */
  onOnline?(run: () => void): () => void;
}

/** The history plus what the composition root and tests drive directly. */
export interface AppVersionHistory extends VersionHistory {
  /** fetches the relay's list into the cache and sends pending versions up (shared maps; nothing for private ones) */
  refresh(): Promise<void>;
  /** resolves once everything started so far (checkpoint writes, uploads, refreshes) has ended */
  settled(): Promise<void>;
}

export function createVersionHistory(options: VersionHistoryOptions): AppVersionHistory {
  const { mapId, doc } = options;
  const clock = options.clock ?? realClock;
  const store: VersionStore = versionStore(options.db, mapId);
  const listeners = new Set<() => void>();
  const inFlight = new Set<Promise<unknown>>();
  let destroyed = false;

  const notify = () => {
    if (destroyed) return;
    for (const listener of [...listeners]) listener();
  };
  /** runs background work without letting its failure escape; `settled()` waits for it */
  const track = <T>(work: Promise<T>): Promise<T | undefined> => {
    const quiet = work.catch(() => undefined);
    inFlight.add(quiet);
    void quiet.finally(() => inFlight.delete(quiet));
    return quiet;
  };
  const iso = () => new Date(clock.now()).toISOString();
  const entry = (row: StoredVersion): VersionEntry => ({ ...row.info, place: row.place satisfies VersionPlace });

  // --- device checkpoints (private maps) ---------------------------------------------------

  let dirty = false;
  let quietTimer: unknown = null;
  let intervalTimer: unknown = null;

  const clearCheckpointTimers = () => {
    if (quietTimer !== null) clock.clearTimeout(quietTimer);
    if (intervalTimer !== null) clock.clearTimeout(intervalTimer);
    quietTimer = intervalTimer = null;
  };

  /**
   * Keeps the map as it is now on this device, then thins; the state is read at once, the write
   * follows. Any version of the present state makes a pending device checkpoint redundant.
   */
  const keepOnDevice = (info: VersionInfo, snapshot: Uint8Array): Promise<StoredVersion> => {
    const wasDirty = dirty;
    dirty = false;
    clearCheckpointTimers();
    return store.put(info, 'device', snapshot).then(
      async (row) => {
        await store.thin(clock.now()).catch(() => undefined);
        notify();
        return row;
      },
      (error: unknown) => {
        // not kept (storage full or gone): the changes still count, and the next one tries again
        dirty ||= wasDirty;
        throw error;
      },
    );
  };

  const takeDeviceCheckpoint = () => {
    clearCheckpointTimers();
    if (!dirty || options.share()) return;
    const info = describeVersion(doc, { id: newId(), name: '', reason: 'device', createdAt: iso(), by: '' });
    void track(keepOnDevice(info, snapshotOf(doc)));
  };

  /**
   * Every change counts but those read from this device's storage (already kept) and those
   * another tab made (that tab checkpoints its own edits, so two tabs do not keep the same state twice).
   */
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (destroyed || origin === PERSISTENCE_ORIGIN || origin === TAB_ORIGIN || options.share()) return;
    dirty = true;
    if (quietTimer !== null) clock.clearTimeout(quietTimer);
    quietTimer = clock.setTimeout(takeDeviceCheckpoint, DEVICE_CHECKPOINTS.quietMs);
    intervalTimer ??= clock.setTimeout(takeDeviceCheckpoint, DEVICE_CHECKPOINTS.maxIntervalMs);
  };
  doc.on('update', onUpdate);

  // --- the relay (shared maps) ---------------------------------------------------------------

  let lastRefresh = -Infinity;
  let refreshing: Promise<void> | null = null;
  let uploading: Promise<void> | null = null;
  let retryTimer: unknown = null;

  const scheduleUpload = () => {
    if (retryTimer !== null || destroyed) return;
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void track(uploadPending());
    }, DEVICE_CHECKPOINTS.uploadRetryMs);
  };

  /**
   * Sends named versions made offline up to the relay, oldest first, one run at a time (so none
   * goes up twice). The relay snapshots ITS state at upload time, which by then holds what was
   * edited since; the device keeps its exact offline copy as its own version ('device'), so the
   * moment that was named is not lost. A version the relay refuses for good (the role became
   * comment or view, the map was locked, named versions fill the limit) becomes this device's
   * own version: asking again would only spend the map's rate of new versions.
   */
  const uploadPending = (): Promise<void> => {
    if (uploading) return uploading;
    uploading = (async () => {
      const share = options.share();
      if (!share || destroyed) return;
      const pending = (await store.list()).filter((row) => row.place === 'pending').reverse();
      for (const row of pending) {
        let uploaded: VersionInfo;
        try {
          uploaded = await (await relayClient()).postNamedVersion(mapId, share.token, row.info.name, row.info.by, options.api);
        } catch (error) {
          if (isUnreachable(error) || (error instanceof ShareApiError && error.status === 429)) scheduleUpload();
          if (isUnreachable(error)) return;
          if (error instanceof ShareApiError && (error.status === 403 || error.status === 409)) {
            await store.put(row.info, 'device');
            notify();
          }
          continue;
        }
        await store.put(row.info, 'device');
        await store.put(uploaded, 'server');
        notify();
      }
    })().finally(() => {
      uploading = null;
    });
    return uploading;
  };

  const refresh = (): Promise<void> => {
    const share = options.share();
    if (!share || destroyed) return Promise.resolve();
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        const before = signature(await store.list().catch(() => []));
        const relay = await (await relayClient()).fetchVersionList(mapId, share.token, options.api);
        lastRefresh = clock.now();
        const after = await store.mergeRelay(relay).catch(() => relayOnly(relay));
        if (signature(after) !== before) notify();
        // the relay answered: whatever waits to go up can go now
        await uploadPending();
      } catch (error) {
        if (!isUnreachable(error)) throw error;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  /** The relay's list, while the device cannot keep it (the database failed): read straight from the answer. */
  let relayOnlyRows: StoredVersion[] = [];
  const relayOnly = (relay: readonly VersionInfo[]): StoredVersion[] => {
    relayOnlyRows = relay.map((info) => ({ mapId, id: info.id, info, place: 'server', cached: false }));
    return relayOnlyRows;
  };

  const offOnline = (options.onOnline ?? browserOnline)(() => void track(refresh()));
  if (options.share()) void track(uploadPending());

  // --- the interface -------------------------------------------------------------------------

  const history: AppVersionHistory = {
    async list() {
      if (options.share() && !refreshing && clock.now() - lastRefresh >= DEVICE_CHECKPOINTS.refreshMs) void track(refresh());
      try {
        return (await store.list()).map(entry);
      } catch (error) {
        // the device cannot read its cache: a shared map still lists what the relay last said
        if (options.share() && relayOnlyRows.length > 0) return relayOnlyRows.map(entry);
        throw error;
      }
    },

    async create(name, by) {
      // one line, as the relay takes it (it refuses control characters): a version named offline must not be refused later
      const trimmed = name.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, VERSION_LIMITS.name).trim();
      if (trimmed === '') throw new RangeError('a named version needs a name');
      // the map as it is when the version is asked for, whatever the network takes
      const snapshot = snapshotOf(doc);
      const info = describeVersion(doc, { id: newId(), name: trimmed, reason: null, createdAt: iso(), by });
      const share = options.share();
      // comment and view links may not make versions (the relay answers 403): refused here too,
      // so none is kept pending offline that the relay would refuse for ever
      if (share && RIGHTS[share.role].write.map === 'never') throw new ShareApiError(403, 'this link cannot make versions');
      if (share) {
        try {
          const uploaded = await (await relayClient()).postNamedVersion(mapId, share.token, trimmed, by, options.api);
          await store.put(uploaded, 'server').catch(() => undefined);
          notify();
          return { ...uploaded, place: 'server' };
        } catch (error) {
          // refusals (403 a role that may not, 409 full, 429 too fast) are the user's to see
          if (!isUnreachable(error)) throw error;
        }
        await store.put(info, 'pending', snapshot);
        scheduleUpload();
        notify();
        return { ...info, place: 'pending' };
      }
      // the same refusal the relay gives when named versions fill the map's limit
      if (!namedVersionFits((await store.list()).map((row) => row.info), DEVICE_NAMED_VERSION_LIMIT)) throw new ShareApiError(409, 'named versions fill the limit');
      return entry(await keepOnDevice(info, snapshot));
    },

    async checkpoint(reason: Extract<CheckpointReason, 'restore' | 'import'>, by: string) {
      const snapshot = snapshotOf(doc);
      const share = options.share();
      if (share) {
        try {
          const uploaded = await (await relayClient()).postCheckpoint(mapId, share.token, reason, by, options.api);
          await store.put(uploaded, 'server').catch(() => undefined);
          notify();
          return;
        } catch {
          // offline, refused or too fast: what is about to be replaced is kept here instead, never lost
        }
      }
      await keepOnDevice(describeVersion(doc, { id: newId(), name: '', reason, createdAt: iso(), by }), snapshot);
    },

    async open(id) {
      const kept = await store.snapshot(id).catch(() => null);
      if (kept) return docFromSnapshot(kept);
      const share = options.share();
      if (!share) return null;
      let opened: Y.Doc;
      try {
        opened = await (await relayClient()).fetchVersionDoc(mapId, share.token, id, options.api);
      } catch (error) {
        if (error instanceof ShareApiError && (error.status === 0 || error.status === 404)) return null;
        throw error;
      }
      // kept for offline browsing; a version this device cannot keep still opens
      await store.keepSnapshot(id, snapshotOf(opened)).catch(() => false);
      return opened;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    destroy() {
      if (destroyed) return;
      // changes made since the last checkpoint are kept now: closing the map is as quiet as it gets
      if (dirty) takeDeviceCheckpoint();
      destroyed = true;
      clearCheckpointTimers();
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      doc.off('update', onUpdate);
      offOnline();
      listeners.clear();
    },

    refresh,

    async settled() {
      while (inFlight.size > 0 || refreshing || uploading) await Promise.all([...inFlight, refreshing, uploading].map((p) => p?.catch(() => undefined)));
    },
  };
  return history;
}

/** What the list shows, to tell whether a refresh changed it. */
function signature(rows: readonly StoredVersion[]): string {
  return rows.map((row) => `${row.id}:${row.place}:${row.info.name}`).join('|');
}

/** The storage place and the UI's are one set of words; this fails to compile if they part. */
const samePlaces: [StoredVersionPlace, VersionPlace] extends [VersionPlace, StoredVersionPlace] ? true : never = true;
void samePlaces;
