import * as Y from 'yjs';
import { newId } from '../src/model/ids';
import { LIMITS, clampText } from '../src/model/limits';
import {
  VERSION_LIMITS,
  checkpointsOverLimit,
  checkpointsToThin,
  namedVersionFits,
  sortVersions,
  type CheckpointReason,
  type RetentionPolicy,
  type VersionCounts,
  type VersionInfo,
} from '../src/model/versions';
import { serializeMap } from '../src/schema/file';
import type { Room } from './rooms';
import { docVersionCounts, sameSnapshot, snapshotOf } from '../src/model/versionSnapshot';
import type { RelayStore, VersionEntry } from './store';

/** What a new version is before it is stored. */
export type VersionDraft = { kind: 'named'; name: string; by: string } | { kind: 'auto'; reason: CheckpointReason; by: string };

/** A map doc's state to keep: one update (`Y.encodeStateAsUpdate`), and what its list entry shows. */
export interface Snapshot {
  update: Uint8Array;
  counts: VersionCounts;
}

export interface VersionLimits {
  /** VERSIONS_PER_MAP */
  perMap: number;
  /** VERSION_BYTES_PER_MAP */
  bytesPerMap: number;
  /** VERSION_FILE_CACHE_BYTES: version files kept written out in memory, most recently fetched first */
  fileCacheBytes: number;
  retention: RetentionPolicy;
}

/** A named version that does not fit: the named ones alone fill the map's count or bytes. */
export class VersionRefused extends Error {}

/** The room's doc as a version keeps it, with the counts its list entry shows (the model's rules). */
export function takeSnapshot(doc: Y.Doc): Snapshot {
  return { update: snapshotOf(doc), counts: docVersionCounts(doc) };
}

/** Why a body for POST …/versions is refused (400), in words a client can show. */
export class DraftError extends Error {}

/** "Who made it" as the client says: one line, at most LIMITS.author characters; anything else is dropped. */
function byOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new DraftError('"by" must be a string');
  return clampText(value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim(), LIMITS.author);
}

/**
 * A POST body: `{"name": "…", "by"?: "…"}` for a named version, or `{"name": "", "reason":
 * "restore"|"import"}` for the checkpoint the app asks for before it replaces the map's content.
 */
export function readVersionDraft(body: unknown): VersionDraft {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DraftError('body must be {"name": "…"}');
  const { name, reason, by } = body as Record<string, unknown>;
  if (typeof name !== 'string') throw new DraftError('"name" must be a string');
  const trimmed = name.trim();
  if (reason !== undefined) {
    if (reason !== 'restore' && reason !== 'import') throw new DraftError('"reason" must be "restore" or "import"');
    if (trimmed !== '') throw new DraftError('a checkpoint has no name: send "name": "" with a "reason"');
    return { kind: 'auto', reason, by: byOf(by) };
  }
  if (trimmed === '' || trimmed.length > VERSION_LIMITS.name) throw new DraftError(`"name" must be 1 to ${VERSION_LIMITS.name} characters`);
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) throw new DraftError('"name" must be one line, without control characters');
  return { kind: 'named', name: trimmed, by: byOf(by) };
}

/**
 * The versions of shared maps, kept in the relay's store per map room (a share's access key:
 * two registrations of one map id never see each other's). A version is a full copy of the map
 * doc (the live doc keeps its garbage collection), listed from one index record per room.
 *
 * Adding one also makes room for it: the oldest checkpoints go first when the map holds
 * VERSIONS_PER_MAP versions or VERSION_BYTES_PER_MAP bytes of snapshots; a named version is
 * refused (VersionRefused) once named ones alone fill either, never thinned or dropped. After
 * each add, checkpoints are thinned by the retention rule both sides share (`checkpointsToThin`).
 * Changes to one room's versions run one after the other, so two adds cannot both count the
 * same free room.
 */
export class Versions {
  private readonly queues = new Map<string, Promise<unknown>>();
  /**
   * Version files as last written, by room and id, least recently fetched first. Writing one out
   * decodes the whole snapshot (~100 ms for 5,000 cards, on the main thread); a version never
   * changes, so when a team opens the same version to compare, only the first fetch pays.
   */
  private readonly files = new Map<string, string>();
  private fileBytes = 0;
  /** version files being written out, by fileKey */
  private readonly decoding = new Map<string, Promise<string | null>>();

  constructor(
    private readonly store: RelayStore,
    private readonly limits: VersionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(room: string, f: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(room) ?? Promise.resolve();
    const next = previous.then(f, f);
    const settled = next.catch(() => {});
    this.queues.set(room, settled);
    void settled.then(() => {
      if (this.queues.get(room) === settled) this.queues.delete(room);
    });
    return next;
  }

  /** The room's versions, newest first. */
  async list(room: string): Promise<VersionInfo[]> {
    return sortVersions((await this.store.listVersions(room)).map((e) => e.info));
  }

  /**
   * What the map room holds now: the live doc when the room is in memory (with every change
   * peers have made, stored or about to be), else what the store holds.
   */
  async current(name: string, room: Room | undefined): Promise<Snapshot> {
    if (room) {
      await room.loading?.catch(() => {});
      if (!room.destroyed && !room.failed) return takeSnapshot(room.doc);
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await this.store.readDoc(name));
      return takeSnapshot(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Stores a version of `room` and makes room for it. The stored info, or null for a checkpoint
   * there is no room for; throws VersionRefused for a named version there is no room for.
   */
  add(room: string, draft: VersionDraft, snapshot: Snapshot): Promise<VersionInfo | null> {
    return this.serial(room, async () => this.put(room, draft, snapshot, await this.store.listVersions(room)));
  }

  /**
   * Stores one of the relay's own checkpoints (`idle`, `interval`) unless the map's newest version,
   * named or not, already holds exactly this document: 'unchanged' then, and the history keeps
   * the one it has. With several processes (REDIS_URL), each counts only its own peers' changes,
   * so when two had writers in a room both take a checkpoint of what is by then the same document;
   * the second finds the first here. Within a process this runs in the room's queue like `add`,
   * so it cannot race another add; across processes it can: two processes that read the index
   * before either wrote may still both store. Rare, as each fires CHECKPOINT_IDLE_MS after its
   * own peers' last change, and harmless (one duplicate entry, thinned like any checkpoint).
   * Named versions and the checkpoints the app asks for before a restore or import go through
   * `add`, never skipped: the person asked for them, and the answer is the version made.
   */
  addCheckpoint(room: string, draft: VersionDraft & { kind: 'auto' }, snapshot: Snapshot): Promise<VersionInfo | 'unchanged' | null> {
    return this.serial(room, async () => {
      const index = await this.store.listVersions(room);
      const [newest] = sortVersions(index.map((e) => e.info));
      if (newest && (await this.holds(room, newest, snapshot))) return 'unchanged';
      return this.put(room, draft, snapshot, index);
    });
  }

  /**
   * Whether the stored version `info` of `room` is the same document as `snapshot`. For automatic
   * checkpoints only: when the counts match, a read of the version and a byte compare on the main
   * thread (a few ms per MB); nothing is decoded (`sameSnapshot` says why).
   */
  private async holds(room: string, info: VersionInfo, snapshot: Snapshot): Promise<boolean> {
    // the counts are a function of the document: when they differ (cards added or removed, the
    // usual case) the version's bytes need not be read at all
    const { counts } = snapshot;
    const was = info.counts as VersionInfo['counts'] | undefined; // an index written elsewhere may lack them: compare the bytes then
    if (was && (counts.stages !== was.stages || counts.cards !== was.cards || counts.pains !== was.pains || counts.opportunities !== was.opportunities)) return false;
    const stored = await this.store.getVersion(room, info.id);
    return stored !== undefined && sameSnapshot(stored, snapshot.update);
  }

  /** Stores a version over the room's `index` as read in its queue (`add`, `addCheckpoint`). */
  private async put(room: string, draft: VersionDraft, snapshot: Snapshot, index: readonly VersionEntry[]): Promise<VersionInfo | null> {
    const now = this.now();
    const info: VersionInfo = {
      id: newId(),
      name: draft.kind === 'named' ? draft.name : '',
      kind: draft.kind,
      reason: draft.kind === 'auto' ? draft.reason : null,
      createdAt: new Date(now).toISOString(),
      by: draft.by,
      counts: snapshot.counts,
    };
    const entry: VersionEntry = { info, bytes: snapshot.update.byteLength };
    const drop = this.makeRoom(index, entry);
    if (drop === null) {
      if (draft.kind === 'named') throw new VersionRefused(this.refusal(index, entry));
      return null;
    }
    const kept = index.filter((e) => !drop.has(e.info.id));
    for (const id of checkpointsToThin([...kept, entry].map((e) => e.info), now, this.limits.retention)) if (id !== info.id) drop.add(id);
    // drop first: the map never holds more than its limits, even for a moment
    await this.store.deleteVersions(room, [...drop]);
    for (const id of drop) this.forgetFile(fileKey(room, id));
    await this.store.putVersion(room, entry, snapshot.update);
    return info;
  }

  /**
   * The checkpoints to drop so that `entry` fits, or null when it cannot fit. Named versions may
   * take at most half of the map's count and bytes: the other half stays for checkpoints, so
   * someone with an edit link who names version after version cannot push the automatic history
   * out. Checkpoints the app asked for (before a restore or import) go before the relay's own,
   * oldest first, so asking for many of them cannot push out the idle and interval history either.
   */
  private makeRoom(index: readonly VersionEntry[], entry: VersionEntry): Set<string> | null {
    const { perMap, bytesPerMap } = this.limits;
    const infos = index.map((e) => e.info);
    if (entry.bytes > bytesPerMap) return null;
    if (entry.info.kind === 'named') {
      const named = index.filter((e) => e.info.kind === 'named');
      if (!namedVersionFits(infos, namedCountLimit(perMap))) return null;
      if (named.reduce((sum, e) => sum + e.bytes, entry.bytes) > namedBytesLimit(bytesPerMap)) return null;
    }
    const drop = new Set(checkpointsOverLimit([...infos, entry.info], perMap));
    if (drop.has(entry.info.id)) return null; // a checkpoint, and named versions fill the map
    let total = entry.bytes;
    for (const e of index) if (!drop.has(e.info.id)) total += e.bytes;
    const byId = new Map(index.map((e) => [e.info.id, e]));
    const askedFor = (info: VersionInfo) => info.reason === 'restore' || info.reason === 'import';
    const oldestFirst = sortVersions(index.filter((e) => e.info.kind === 'auto' && !drop.has(e.info.id)).map((e) => e.info)).reverse();
    const dropOrder = [...oldestFirst.filter(askedFor), ...oldestFirst.filter((info) => !askedFor(info))];
    for (const { id } of dropOrder) {
      const e = byId.get(id)!;
      if (total <= bytesPerMap) break;
      drop.add(e.info.id);
      total -= e.bytes;
    }
    return total <= bytesPerMap ? drop : null;
  }

  private refusal(index: readonly VersionEntry[], entry: VersionEntry): string {
    if (entry.bytes > this.limits.bytesPerMap) return `the map is larger than the ${this.limits.bytesPerMap} bytes a map's versions may hold`;
    const named = index.filter((e) => e.info.kind === 'named');
    if (named.length >= namedCountLimit(this.limits.perMap)) return `the map has ${named.length} named versions, as many as it may keep (half of its ${this.limits.perMap} versions; the rest is for automatic checkpoints)`;
    return `the map's named versions fill the ${namedBytesLimit(this.limits.bytesPerMap)} bytes they may hold (half of what its versions may hold; the rest is for automatic checkpoints)`;
  }

  /** One version as a Waymark file, exactly as the JSON export writes it (map doc only); null for an unknown id. */
  async file(room: string, id: string): Promise<string | null> {
    const key = fileKey(room, id);
    const cached = this.files.get(key);
    if (cached !== undefined) {
      this.files.delete(key);
      this.files.set(key, cached);
      return cached;
    }
    // requests for the same version that arrive together share one decode
    const pending = this.decoding.get(key);
    if (pending) return pending;
    const decode = (async () => {
      const update = await this.store.getVersion(room, id);
      if (!update) return null;
      const doc = new Y.Doc();
      let text: string;
      try {
        Y.applyUpdate(doc, update);
        text = serializeMap(doc);
      } finally {
        doc.destroy();
      }
      this.remember(key, text);
      return text;
    })();
    this.decoding.set(key, decode);
    try {
      return await decode;
    } finally {
      this.decoding.delete(key);
    }
  }

  private remember(key: string, text: string): void {
    // a JS string of this length takes up to twice as many bytes; count it so, and keep none bigger than the cache
    const bytes = 2 * text.length;
    if (bytes > this.limits.fileCacheBytes) return;
    this.forgetFile(key);
    this.files.set(key, text);
    this.fileBytes += bytes;
    for (const [oldest, file] of this.files) {
      if (this.fileBytes <= this.limits.fileCacheBytes) break;
      this.files.delete(oldest);
      this.fileBytes -= 2 * file.length;
    }
  }

  private forgetFile(key: string): void {
    const file = this.files.get(key);
    if (file === undefined) return;
    this.files.delete(key);
    this.fileBytes -= 2 * file.length;
  }
}

const fileKey = (room: string, id: string) => `${room}\u0000${id}`;

/** Named versions may fill half of a map's versions and half of their bytes; checkpoints keep the rest. */
export const namedCountLimit = (perMap: number) => Math.max(1, Math.floor(perMap / 2));
export const namedBytesLimit = (bytesPerMap: number) => Math.floor(bytesPerMap / 2);
