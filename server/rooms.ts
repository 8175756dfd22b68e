import type { Logger } from 'pino';
import * as Y from 'yjs';
import { RoomAwareness, type AwarenessLimits } from './awareness';
import type { Metrics } from './metrics';
import { awarenessMessage, syncStep2Message, syncStep2UpdateMessage, updateMessage } from './protocol';
import type { RelayStore } from './store';

/** What a room needs from a connection. */
export interface Peer {
  /** the identity id the connection proved (src/access/identity.ts), or null */
  readonly identityId: string | null;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** sync step 1 with an empty state vector: "send me everything" */
const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/** origin of the transaction that loads a room from the store: not a change, never stored again */
const FROM_STORE = Symbol('from store');

/**
 * origin of changes another relay process stored and published (server/fanout/): sent to this
 * process's peers at once (they are stored already), never stored or published again
 */
export const REMOTE = Symbol('remote');

type Job = { kind: 'update'; delta: Uint8Array; origin: unknown } | { kind: 'send'; peer: Peer; message: Uint8Array };

/**
 * Who follows a room's changes from outside without holding it up (checkpoints.ts): told of
 * each change as it happens, asked once before the room leaves memory (while its doc is still
 * there), and told when it is gone. None of these may throw.
 */
export interface RoomWatcher {
  changed(room: Room): void;
  beforeEvict(room: Room): Promise<void>;
  forgotten(room: Room): void;
}

/**
 * Other relay processes holding the same rooms (server/fanout/, with REDIS_URL). None of these may
 * throw or hold the room up; `following` may be slow, and resolves whatever happens.
 */
export interface RoomFanout {
  /** before the room is read from the store: where to follow the others' changes from (an opaque cursor) */
  following(name: string): Promise<string | null>;
  /** the room is loaded: from now on, changes published after `cursor` are applied to it */
  follow(room: Room, cursor: string | null): void;
  /** a batch of this process's changes to the room is stored (`ref`: as the store can hand it back alone): the others may have it */
  stored(room: Room, update: Uint8Array, ref: string | undefined): void;
  /** presence changed in the room (not by another process): the awareness message its peers got */
  presence(room: Room, message: Uint8Array): void;
}

export interface RoomDeps {
  store: RelayStore;
  metrics: Metrics;
  log: Logger;
  /** merge a room's stored updates after this many */
  compactAfter: number;
  awareness: AwarenessLimits;
  watcher?: RoomWatcher;
  fanout?: RoomFanout;
}

/**
 * One Y.Doc and its peers. The rule that keeps a crash from losing what anyone has seen:
 * **an update is in the store before it is broadcast**. Every change to the doc lands in `jobs`;
 * one loop per room stores the pending changes (merged into one write while the previous write was
 * in flight) and only then sends them to the other peers, in order. A sync step 2 answer is
 * computed when asked (it may contain changes not yet stored) and queued behind those changes, so
 * it too only leaves once they are stored.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  /** presence, with who owns which client id (awareness.ts) */
  readonly presence: RoomAwareness<Peer>;
  readonly peers = new Set<Peer>();
  /**
   * what the room holds, in bytes of Yjs updates: as loaded, plus every change since (deletions
   * count until the next compaction measures again); MAX_ROOM_BYTES is checked against it
   */
  bytes = 0;
  /**
   * The answer to "send me everything" (every joiner's sync step 1): a snapshot of the document
   * and the changes since, as one more message. Encoding the whole room for every request would
   * let anyone who sends four bytes make the server do work and hold memory in proportion to the
   * map; this way a crowd joining, or a peer asking again and again, costs one encoding per so
   * many changes.
   */
  private snapshot: { message: Uint8Array; bytes: number } | null = null;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  private tailMessage: Uint8Array | null = null;
  /** joins in progress; the room is not evicted while there are any */
  holds = 0;
  loading: Promise<void> | null = null;
  evicting: Promise<void> | null = null;
  failed = false;
  destroyed = false;
  idleTimer: NodeJS.Timeout | null = null;
  /** updates stored since the last compaction */
  private sinceCompaction = 0;
  /** compact after the next store: a full room took deletions, and its size is measured anew */
  private compactPending = false;
  private jobs: Job[] = [];
  private flushing = false;
  private scheduled = false;
  private drainWaiters: Array<() => void> = [];

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
    private readonly onStoreFailure: (room: Room, error: unknown) => void,
  ) {
    this.presence = new RoomAwareness(this.doc, deps.awareness);
    this.doc.on('update', (delta: Uint8Array, origin: unknown) => {
      this.followSnapshot(delta);
      if (origin === FROM_STORE || this.failed) return;
      if (origin === REMOTE) return this.sendRemote(delta);
      this.bytes += delta.length;
      this.jobs.push({ kind: 'update', delta, origin });
      this.schedule();
      this.deps.watcher?.changed(this);
    });
    this.presence.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      let message: Uint8Array;
      try {
        message = awarenessMessage(this.presence.awareness, [...added, ...updated, ...removed]);
      } catch (error) {
        // states are checked at the door (awareness.ts), so this is not expected; never let it
        // escape into whichever peer's handler happened to trigger it
        this.deps.log.error({ room: this.name, err: (error as Error).message }, 'could not encode presence');
        return;
      }
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
      if (origin !== REMOTE) this.deps.fanout?.presence(this, message);
    });
  }

  async load(): Promise<void> {
    // where the others' changes are followed from is read first: whatever they store while we
    // load is then both in what we load and after the cursor (applying it twice changes nothing)
    const cursor = (await this.deps.fanout?.following(this.name)) ?? null;
    const stored = await this.deps.store.loadDoc(this.name);
    Y.applyUpdate(this.doc, stored, FROM_STORE);
    this.bytes = stored.length;
    this.deps.fanout?.follow(this, cursor);
  }

  /**
   * A change another process stored (or the store's whole document, when catching up): applied
   * here, and what it changed goes to this process's peers, not to the store or the others.
   */
  applyRemote(update: Uint8Array): void {
    if (this.destroyed || this.failed) return;
    Y.applyUpdate(this.doc, update, REMOTE);
  }

  /** What another process's change changed here: stored already, so sent at once. */
  private sendRemote(delta: Uint8Array): void {
    this.bytes += delta.length;
    const message = updateMessage(delta);
    for (const peer of this.peers) peer.send(message);
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.release(peer);
  }

  /**
   * Sync step 2 for a peer's state vector, as one or two messages (then the first holds the
   * changes since the snapshot). Throws on a state vector that does not decode.
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array[] {
    const everything = stateVector.length === 1 && stateVector[0] === EMPTY_STATE_VECTOR[0];
    if (!everything) return [syncStep2Message(this.doc, stateVector)];
    const snapshot = this.takeSnapshot();
    if (!this.tail.length) return [snapshot.message];
    this.tailMessage ??= updateMessage(this.tail.length === 1 ? this.tail[0]! : Y.mergeUpdates(this.tail));
    // the changes first: the client holds them as pending until the snapshot they build on
    // arrives, so when it marks itself synced (on the step 2) it has all of the room, not the
    // snapshot alone with the rest one message later
    return [this.tailMessage, snapshot.message];
  }

  /** The whole document as updates (the update checker builds its copy from them): the joiners' snapshot and the changes since. */
  state(): Uint8Array[] {
    const snapshot = this.takeSnapshot();
    // the message ends with the update itself: a view, not a copy
    return [snapshot.message.subarray(snapshot.message.length - snapshot.bytes), ...this.tail];
  }

  /** `bytes` is the update's own length within the message. */
  private takeSnapshot(): { message: Uint8Array; bytes: number } {
    if (!this.snapshot) {
      const update = Y.encodeStateAsUpdate(this.doc);
      this.snapshot = { message: syncStep2UpdateMessage(update), bytes: update.length };
    }
    return this.snapshot;
  }

  /** A change: the snapshot's tail grows, until it is big enough that a new snapshot is cheaper. */
  private followSnapshot(delta: Uint8Array): void {
    if (!this.snapshot) return;
    this.tail.push(delta);
    this.tailBytes += delta.length;
    this.tailMessage = null;
    if (this.tail.length > 256 || this.tailBytes > 4096 + this.snapshot.bytes / 8) {
      this.snapshot = null;
      this.tail = [];
      this.tailBytes = 0;
    }
  }

  /**
   * Sends stored changes to the peers as one update message: a burst of k changes from n peers
   * costs n sends and each client one decode, not k × n. When the changes all came from one peer
   * it is not sent its own; from several, each gets the one merged message, its own changes
   * included (Yjs skips what it has), as Hocuspocus does, rather than a merge per author.
   * `merged`: the run's changes merged already (the store's write, when the run is the whole batch).
   */
  private broadcast(run: ReadonlyArray<{ delta: Uint8Array; origin: unknown }>, merged: Uint8Array | null = null): void {
    if (run.length === 0) return;
    const first = run[0]!.origin;
    const oneAuthor = run.every((job) => job.origin === first);
    const message = updateMessage(merged ?? (run.length === 1 ? run[0]!.delta : Y.mergeUpdates(run.map((job) => job.delta))));
    for (const peer of this.peers) if (!oneAuthor || peer !== first) peer.send(message);
  }

  /** Sends `messages` to `peer` once every change made before now is stored. */
  sendAfterStored(peer: Peer, messages: readonly Uint8Array[]): void {
    for (const message of messages) {
      if (!this.flushing && this.jobs.length === 0) peer.send(message);
      else this.jobs.push({ kind: 'send', peer, message });
    }
  }

  /**
   * Changes from one event-loop turn go to the store as one write and to the peers as one message:
   * setImmediate runs after the poll phase has delivered every socket's frames of this turn (a
   * microtask would run after the first socket's).
   */
  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.jobs.length && !this.failed) {
        const batch = this.jobs;
        this.jobs = [];
        const deltas: Uint8Array[] = [];
        for (const job of batch) if (job.kind === 'update') deltas.push(job.delta);
        let stored: Uint8Array | null = null;
        if (deltas.length) {
          const stopTimer = this.deps.metrics.storeWriteSeconds.startTimer();
          stored = deltas.length === 1 ? deltas[0]! : Y.mergeUpdates(deltas);
          const ref = await this.deps.store.storeUpdate(this.name, stored);
          stopTimer();
          this.deps.fanout?.stored(this, stored, ref);
          this.deps.metrics.updatesApplied.inc(deltas.length);
          this.sinceCompaction += deltas.length;
        }
        if (this.failed) break;
        // consecutive changes go out as one message; a queued answer keeps its place between them
        let run: Array<Job & { kind: 'update' }> = [];
        for (const job of batch) {
          if (job.kind === 'update') {
            run.push(job);
            continue;
          }
          this.broadcast(run);
          run = [];
          job.peer.send(job.message);
        }
        // the usual batch, changes only: they were merged for the store already
        this.broadcast(run, run.length === deltas.length ? stored : null);
        if (this.sinceCompaction >= this.deps.compactAfter || (this.compactPending && this.sinceCompaction > 0)) {
          this.compactPending = false;
          await this.compact();
        }
      }
    } catch (error) {
      this.failed = true;
      this.jobs = [];
      this.onStoreFailure(this, error);
    } finally {
      this.flushing = false;
      if (this.jobs.length && !this.failed) this.schedule();
      else for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  /** Asks for a compaction after the next stored change (see `bytes`). */
  compactSoon(): void {
    this.compactPending = true;
  }

  /** Resolves once every change so far is stored and sent. */
  drained(): Promise<void> {
    if (!this.flushing && !this.scheduled && this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Merges the room's stored updates into one (after N updates, and when the room leaves memory). */
  async compact(): Promise<void> {
    if (this.sinceCompaction === 0) return;
    this.sinceCompaction = 0;
    // the doc has every stored change (each is applied before it is stored), and maybe more; not
    // a room already dropped (a flush that outlived it): a new room may have stored changes since
    let state: { update: Uint8Array; bytes: number } | null = null;
    await this.deps.store.compact(this.name, () => (this.destroyed || this.failed ? undefined : (state ??= { update: Y.encodeStateAsUpdate(this.doc), bytes: this.bytes }).update));
    this.deps.metrics.compactions.inc();
    if (this.destroyed) return;
    // what deletions freed now shows: the document's size, plus the changes made since it was encoded
    const taken = state as { update: Uint8Array; bytes: number } | null;
    this.bytes = taken ? taken.update.length + (this.bytes - taken.bytes) : Y.encodeStateAsUpdate(this.doc).length;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.presence.destroy();
    this.doc.destroy();
  }
}

export interface RoomsOptions extends RoomDeps {
  /** how long an empty room stays in memory */
  idleMs: number;
  /** called when a room leaves memory */
  onForget?: (name: string) => void;
}

/**
 * Room lifecycle: a room loads on its first join (concurrent joins share the load), and leaves
 * memory — stored updates compacted first — once its last peer has been gone for `idleMs`.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private closed = false;

  constructor(private readonly options: RoomsOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** Peers in the room, plus joins on their way (for the per-room connection cap). */
  occupancy(name: string): number {
    const room = this.rooms.get(name);
    return room ? room.peers.size + room.holds : 0;
  }

  /**
   * Loads the room if needed and adds `peer`. The join counts in `occupancy` from the moment this
   * is called (unless the room is on its way out, which is waited for first).
   */
  async join(name: string, peer: Peer): Promise<Room> {
    for (;;) {
      if (this.closed) throw new Error('the relay is shutting down');
      let room = this.rooms.get(name);
      if (room?.evicting) {
        await room.evicting;
        continue;
      }
      if (!room) {
        room = new Room(name, this.options, (r, error) => this.storeFailed(r, error));
        this.rooms.set(name, room);
        this.options.metrics.rooms.inc();
        const loadingRoom = room;
        room.loading = room.load().catch((error: unknown) => {
          this.options.log.error({ room: name, err: (error as Error).message }, 'could not load a room from the store');
          this.forget(loadingRoom);
          throw error;
        });
      }
      if (room.idleTimer) clearTimeout(room.idleTimer);
      room.idleTimer = null;
      room.holds++;
      try {
        await room.loading;
      } finally {
        room.holds--;
      }
      if (room.failed || this.closed || this.rooms.get(name) !== room) continue;
      room.addPeer(peer);
      return room;
    }
  }

  leave(room: Room, peer: Peer): void {
    room.removePeer(peer);
    this.maybeEvict(room);
  }

  private maybeEvict(room: Room): void {
    if (room.peers.size > 0 || room.holds > 0 || room.evicting || room.idleTimer || this.rooms.get(room.name) !== room) return;
    if (this.options.idleMs === 0) {
      void this.evict(room);
      return;
    }
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (room.peers.size === 0 && room.holds === 0) void this.evict(room);
    }, this.options.idleMs);
    room.idleTimer.unref();
  }

  /** Stores what is pending, compacts, and drops the room from memory. */
  evict(room: Room): Promise<void> {
    room.evicting ??= (async () => {
      try {
        await room.drained();
        // a checkpoint of changes no checkpoint holds yet, while the doc is still here
        if (!room.failed) await this.options.watcher?.beforeEvict(room);
        if (!room.failed) await room.compact();
      } catch (error) {
        this.options.log.warn({ room: room.name, err: (error as Error).message }, 'could not compact a room on eviction');
      } finally {
        this.forget(room);
      }
    })();
    return room.evicting;
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.options.metrics.rooms.dec();
      this.options.onForget?.(room.name);
    }
    this.options.watcher?.forgotten(room);
    room.destroy();
  }

  /**
   * The store refused a write: the room's memory is now ahead of its store, and nothing of that may
   * be broadcast. Every peer is closed (their clients keep their changes and send them again on
   * reconnect) and the room is dropped, to be loaded afresh from the store.
   */
  private storeFailed(room: Room, error: unknown): void {
    this.options.log.error({ room: room.name, err: (error as Error).message }, 'store write failed; closing the room');
    for (const peer of [...room.peers]) peer.close(1011, 'store unavailable');
    room.peers.clear();
    this.forget(room);
  }

  /** Evicts every room (the caller has closed their peers): everything pending is stored. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.rooms.values()].map((room) => this.evict(room)));
  }
}
