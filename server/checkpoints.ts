import type { Logger } from 'pino';
import { spaceRoom } from '../src/access/spaces';
import type { CheckpointReason } from '../src/model/versions';
import type { Room, RoomWatcher } from './rooms';
import { takeSnapshot, type Versions } from './versions';

export interface CheckpointOptions {
  /** CHECKPOINT_IDLE_MS: a room with changes takes a checkpoint once nobody changed it for this long */
  idleMs: number;
  /** CHECKPOINT_INTERVAL_MS: … and at most this long after its first change since the last one */
  intervalMs: number;
  versions: Versions;
  log: Logger;
  /**
   * counts checkpoints: stored; skipped (no room: named versions fill the map); unchanged (the
   * map's newest version already holds this document); failed
   */
  counted?: (result: 'stored' | 'skipped' | 'unchanged' | 'failed') => void;
}

/** What is known about one map room in memory. */
interface Watch {
  /** changes that no checkpoint holds yet */
  dirty: boolean;
  /** the last change (ms) */
  lastChange: number;
  /** the first change no checkpoint holds (ms) */
  dirtySince: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Feedback rooms (`<key>/feedback`) hold comments and votes, and a space's index room
 * (`~space/<id>`) the space's list: neither is a map, neither gets versions.
 */
const SPACE_ROOM_PREFIX = spaceRoom('');
const isMapRoom = (room: Room) => !room.name.endsWith('/feedback') && !room.name.startsWith(SPACE_ROOM_PREFIX);

/**
 * Automatic checkpoints of shared maps, so nothing is lost even if nobody named a version: a map
 * room with changes takes one when it goes quiet (`idle`), at most every `intervalMs` during a
 * long busy session (`interval`), and before it leaves memory with changes no checkpoint holds
 * (`idle`: its last peer left). Thinning follows in `Versions.add`. A checkpoint of the same
 * document as the map's newest version is not stored (`Versions.addCheckpoint`).
 *
 * The hot path pays a timestamp per change: one timer per room is armed when it first has
 * changes and, when it fires, either takes the checkpoint or re-arms for what is left. The
 * snapshot is taken on the main thread (an encoding of the doc, like a joiner's sync answer);
 * the write goes through the store's queue and never holds up a room. A failing write is
 * logged and tried again after the next quiet spell; it never crashes the relay.
 */
export class Checkpoints implements RoomWatcher {
  private readonly watched = new Map<Room, Watch>();
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly options: CheckpointOptions) {}

  changed(room: Room): void {
    if (!isMapRoom(room)) return;
    const now = Date.now();
    let watch = this.watched.get(room);
    if (!watch) this.watched.set(room, (watch = { dirty: false, lastChange: now, dirtySince: now, timer: null }));
    watch.lastChange = now;
    if (watch.dirty) return;
    watch.dirty = true;
    watch.dirtySince = now;
    this.arm(room, watch);
  }

  private arm(room: Room, watch: Watch): void {
    if (watch.timer) clearTimeout(watch.timer);
    const due = Math.min(watch.lastChange + this.options.idleMs, watch.dirtySince + this.options.intervalMs);
    watch.timer = setTimeout(() => this.due(room, watch), Math.max(0, due - Date.now()));
    watch.timer.unref();
  }

  private due(room: Room, watch: Watch): void {
    watch.timer = null;
    if (room.destroyed || room.failed || !watch.dirty) return;
    const now = Date.now();
    if (now - watch.lastChange >= this.options.idleMs) void this.take(room, watch, 'idle');
    else if (now - watch.dirtySince >= this.options.intervalMs) void this.take(room, watch, 'interval');
    else this.arm(room, watch);
  }

  /** Takes a checkpoint of the room as it is now; resolves once it is stored, or failed and logged. */
  private take(room: Room, watch: Watch, reason: CheckpointReason): Promise<void> {
    watch.dirty = false;
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
    const { log, versions, counted } = this.options;
    let written: Promise<void>;
    try {
      const snapshot = takeSnapshot(room.doc);
      // unless the newest version already holds this document: another process with writers in
      // the room stored it, or someone named a version after the last change
      written = versions.addCheckpoint(room.name, { kind: 'auto', reason, by: '' }, snapshot).then(
        (info) => {
          counted?.(info === 'unchanged' ? 'unchanged' : info ? 'stored' : 'skipped');
          if (info === 'unchanged') log.debug({ room: room.name, reason }, 'checkpoint not stored: the newest version holds this document');
          else if (info) log.debug({ room: room.name, version: info.id, reason }, 'checkpoint stored');
          else log.warn({ room: room.name, reason }, 'no room for a checkpoint: named versions fill the map');
        },
        (error: unknown) => this.failed(room, watch, error),
      );
    } catch (error) {
      written = Promise.resolve(this.failed(room, watch, error));
    }
    this.writing.add(written);
    void written.then(() => this.writing.delete(written));
    return written;
  }

  private failed(room: Room, watch: Watch, error: unknown): void {
    this.options.counted?.('failed');
    this.options.log.warn({ room: room.name, err: (error as Error).message }, 'could not store a checkpoint');
    // try again after the next quiet spell, unless the room has gone
    if (room.destroyed || watch.dirty) return;
    watch.dirty = true;
    watch.dirtySince = Date.now();
    watch.lastChange = Date.now();
    this.arm(room, watch);
  }

  async beforeEvict(room: Room): Promise<void> {
    const watch = this.watched.get(room);
    if (!watch?.dirty || room.destroyed) return;
    await this.take(room, watch, 'idle');
  }

  forgotten(room: Room): void {
    const watch = this.watched.get(room);
    if (watch?.timer) clearTimeout(watch.timer);
    this.watched.delete(room);
  }

  /** Resolves once every checkpoint on its way to the store has arrived (before the store closes). */
  async close(): Promise<void> {
    for (const watch of this.watched.values()) if (watch.timer) clearTimeout(watch.timer);
    await Promise.all([...this.writing]);
  }
}
