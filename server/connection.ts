import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import { isFacilitator, writeRefusal, type Role, type RoomKind } from '../src/access/roles';
import type { RelayBudgets } from './budgets';
import type { ServerConfig } from './config';
import { CLOSE, TokenBucket, isEmptyUpdate } from './limits';
import type { Metrics } from './metrics';
import { MESSAGE, MESSAGE_NAMES, SYNC, permissionDeniedMessage, syncStep1Message } from './protocol';
import type { Peer, Room, Rooms } from './rooms';
import type { CheckResult, Judge, UpdateChecker } from './updateCheck';

/** messages a connection may have waiting while an earlier one of its own is being checked */
const MAX_BACKLOG = 256;

export interface ConnectionDeps {
  config: ServerConfig;
  log: Logger;
  metrics: Metrics;
  rooms: Rooms;
  checker: UpdateChecker;
  budgets: RelayBudgets;
}

/** Who is on the other end, as the upgrade established it. */
export interface ConnectionGrant {
  roomName: string;
  kind: RoomKind;
  /** the registration's access key (auth.ts): its rooms, its links, its lock (a space's index room: the room's name) */
  accessKey: string;
  /**
   * the space whose token opened the connection (to the space's index room, or to a map of the
   * space), whose revocations close it; null for a map's own token
   */
  space: string | null;
  role: Role;
  /** whether the map's content was locked when the token was checked */
  locked: boolean;
  /** the identity id the client proved with its identity secret, or null */
  identityId: string | null;
  /** the client's address, for the limits per address */
  address: string;
}

/** Whether an update only deletes (no structs): it can only shrink a room. */
function deletesOnly(update: Uint8Array): boolean {
  try {
    return Y.decodeUpdate(update).structs.length === 0;
  } catch {
    return false;
  }
}

/** A close frame's reason may hold at most 123 bytes (RFC 6455 § 5.5). */
function clampReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let clamped = reason.slice(0, 123);
  while (Buffer.byteLength(clamped) > 120) clamped = clamped.slice(0, -1);
  return `${clamped}…`;
}

/**
 * One peer: its socket, role, identity, limits, and the protocol. Nothing a peer sends may take
 * more than its connection down: every handler runs guarded, and an error closes this
 * connection (1011) while the room and its other peers carry on.
 */
export class Connection implements Peer {
  readonly roomName: string;
  readonly kind: RoomKind;
  readonly accessKey: string;
  readonly space: string | null;
  readonly role: Role;
  readonly identityId: string | null;
  readonly address: string;
  /** whether the map's content is locked, as last heard (see `lockChanged`) */
  private locked: boolean;
  private room: Room | null = null;
  private alive = true;
  private closing = false;
  private closeLabel: string | null = null;
  private busy = true; // until the room is loaded
  private readonly backlog: Uint8Array[] = [];
  private backlogBytes = 0;
  /** the socket is not being read while messages wait (TCP pushes back on the peer) */
  private paused = false;
  private readonly messageBucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  /** main-thread milliseconds this connection's worker-checked updates may take to integrate */
  private readonly applyBudget: TokenBucket;
  /** sync step 1 requests: each one is answered with what the room has */
  private readonly syncRequests: TokenBucket;
  private readonly awarenessQueries: TokenBucket;
  private readonly awarenessUpdates: TokenBucket;
  private readonly awarenessBytes: TokenBucket;
  /** the biggest awareness message this connection can need */
  private readonly maxAwarenessBytes: number;
  /** bytes handed to the socket and not yet written out */
  private buffered = 0;
  private readonly log: Logger;
  readonly closed: Promise<void>;

  constructor(
    readonly id: number,
    private readonly ws: WebSocket,
    grant: ConnectionGrant,
    private readonly deps: ConnectionDeps,
    onGone: (c: Connection) => void,
  ) {
    const { config, metrics } = deps;
    ({ roomName: this.roomName, kind: this.kind, accessKey: this.accessKey, space: this.space, role: this.role, locked: this.locked, identityId: this.identityId, address: this.address } = grant);
    const role = this.role;
    this.log = deps.log.child({ conn: id, room: this.roomName, role });
    this.messageBucket = new TokenBucket(config.maxMessagesPerSecond, config.messageBurst);
    this.byteBucket = new TokenBucket(config.maxBytesPerSecond, 2 * config.maxMessageBytes);
    this.applyBudget = new TokenBucket(config.updateApplyMsPerSecond, config.updateCheckTimeoutMs);
    this.syncRequests = new TokenBucket(config.syncRequestsPerMinute / 60, config.syncRequestBurst);
    this.awarenessQueries = new TokenBucket(config.awarenessQueriesPerMinute / 60, Math.max(1, Math.min(5, config.awarenessQueriesPerMinute)));
    this.awarenessUpdates = new TokenBucket(config.awarenessUpdatesPerSecond, 2 * config.awarenessUpdatesPerSecond);
    // a stock client echoes every presence change it hears, the whole room's on joining: a
    // message may carry the room's states, not only the connection's own
    this.maxAwarenessBytes = Math.max(256 * 1024, config.awarenessClientsPerConnection * (config.awarenessStateBytes + 32) + 16);
    this.awarenessBytes = new TokenBucket(config.awarenessBytesPerSecond, this.maxAwarenessBytes);
    metrics.connections.inc({ role });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for MAX_MESSAGE_BYTES, 1002/1007 for broken frames)
      this.closeLabel ??= error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'too-big' : 'protocol-error';
      this.log.info({ err: error.message }, 'connection error');
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code: number) => {
        const reason = this.closeLabel ?? 'peer';
        metrics.connections.dec({ role });
        metrics.closed.inc({ code: String(code), reason });
        this.log.info({ code, reason }, 'connection closed');
        this.closing = true;
        this.backlog.length = 0;
        // what never reached the peer no longer waits for anyone
        deps.budgets.bufferedBytes -= this.buffered;
        this.buffered = 0;
        try {
          if (this.room) deps.rooms.leave(this.room, this);
        } catch (error) {
          this.log.error({ err: (error as Error).message }, 'leaving the room failed');
        }
        this.room = null;
        onGone(this);
        resolve();
      });
    });
  }

  /** Joins the room (loading it if needed), then greets the peer with sync step 1 and presence. */
  async start(afterJoin: () => Promise<void>): Promise<void> {
    let room: Room;
    try {
      room = await this.deps.rooms.join(this.roomName, this);
    } catch {
      this.close(CLOSE.internalError, 'room unavailable', 'store-error');
      return;
    }
    try {
      if (this.closing || this.ws.readyState !== WebSocket.OPEN) {
        this.deps.rooms.leave(room, this);
        return;
      }
      this.room = room;
      this.send(syncStep1Message(room.doc));
      const presence = room.presence.snapshot();
      if (presence) this.send(presence);
      await afterJoin();
      this.busy = false;
      this.drainBacklog();
    } catch (error) {
      this.internalError(error);
    }
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) return;
    const { config, budgets, metrics } = this.deps;
    if (this.ws.bufferedAmount > config.maxBufferedBytes) {
      this.close(CLOSE.tryAgainLater, 'not reading fast enough', 'slow-consumer');
      return;
    }
    const size = message.length;
    // the server's memory is shared: past the total, those holding the most go first
    if (budgets.bufferedBytes + size > config.maxTotalBufferedBytes) {
      budgets.shed(size);
      if (this.closing) return;
    }
    if (message[0] === MESSAGE.awareness) {
      // a stock client echoes every presence change it hears: what it is sent, it may send back
      this.awarenessBytes.give(size);
      this.awarenessUpdates.give(1);
      budgets.awarenessByAddress.get(this.address).give(size);
    }
    this.buffered += size;
    budgets.bufferedBytes += size;
    this.ws.send(message, () => {
      // after a close the connection's whole backlog was already given back
      if (this.closing && this.buffered === 0) return;
      this.buffered -= size;
      budgets.bufferedBytes -= size;
    });
    metrics.messagesOut.inc();
    metrics.bytesOut.inc(size);
  }

  /** bytes handed to this socket and not yet written out */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Closed to free the server's memory: its backlog is given back now, not when the socket goes. */
  shed(): void {
    this.deps.budgets.bufferedBytes -= this.buffered;
    this.buffered = 0;
    this.close(CLOSE.tryAgainLater, 'not reading fast enough', 'slow-consumer');
    this.terminate();
  }

  close(code: number, reason: string, label = 'server'): void {
    if (this.closing) return;
    this.closing = true;
    this.closeLabel = label;
    this.backlog.length = 0;
    this.backlogBytes = 0;
    // the closing handshake has to be read
    if (this.paused) this.ws.resume();
    if (code !== CLOSE.goingAway) this.log.info({ code, reason }, 'closing connection');
    this.ws.close(code, clampReason(reason));
    // a peer that ignores the closing handshake is cut off instead of waiting out ws's 30 s
    setTimeout(() => this.terminate(), 2000).unref();
  }

  terminate(): void {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.closeLabel ??= 'terminated';
    this.ws.terminate();
  }

  /**
   * The map was locked or unlocked. A connection whose right to write its room follows the lock
   * (an edit link's to the map room, src/access/roles.ts) is closed with 4409, so its client
   * refetches its access and reconnects; other connections' rights do not change (the flag is
   * kept up to date all the same).
   */
  lockChanged(locked: boolean): void {
    if (locked === this.locked) return;
    this.locked = locked;
    if (writeRefusal(this.role, this.kind, true) !== writeRefusal(this.role, this.kind, false)) this.close(CLOSE.accessChanged, 'access changed', 'access-changed');
  }

  ping(): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.alive) {
      this.closeLabel = 'ping-timeout';
      this.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  /** A bug of ours met something a peer sent: that peer goes, the room stays. */
  private internalError(error: unknown): void {
    this.log.error({ err: (error as Error)?.message ?? String(error) }, 'handling a message failed');
    this.close(CLOSE.internalError, 'internal error', 'internal-error');
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    try {
      if (this.closing) return;
      this.alive = true;
      if (!isBinary) return this.close(CLOSE.unsupportedData, 'binary frames only', 'non-binary');
      const bytes: Uint8Array = data instanceof Buffer ? data : Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);
      this.deps.metrics.bytesIn.inc(bytes.length);
      if (!this.messageBucket.take(1) || !this.byteBucket.take(bytes.length)) {
        return this.close(CLOSE.policyViolation, 'rate limit', 'rate-limit');
      }
      if (this.busy) {
        if (this.backlog.length >= MAX_BACKLOG || this.backlogBytes + bytes.length > 2 * this.deps.config.maxMessageBytes) {
          return this.close(CLOSE.policyViolation, 'too many messages in flight', 'rate-limit');
        }
        this.backlog.push(bytes);
        this.backlogBytes += bytes.length;
        // what waits is what was already read: stop reading until it is handled
        if (!this.paused) {
          this.paused = true;
          this.ws.pause();
        }
        return;
      }
      this.process(bytes);
    } catch (error) {
      this.internalError(error);
    }
  }

  private process(bytes: Uint8Array): void {
    const pending = this.handle(bytes);
    if (!pending) return;
    this.busy = true;
    void pending
      .catch((error: unknown) => this.internalError(error))
      .then(() => {
        this.busy = false;
        try {
          this.drainBacklog();
        } catch (error) {
          this.internalError(error);
        }
      });
  }

  private drainBacklog(): void {
    while (!this.busy && !this.closing && this.backlog.length) {
      const next = this.backlog.shift()!;
      this.backlogBytes -= next.length;
      this.process(next);
    }
    if (!this.busy && !this.backlog.length && this.paused && !this.closing) {
      this.paused = false;
      this.ws.resume();
    }
  }

  /** One protocol message. Returns a promise only when it has to wait (an update being checked). */
  private handle(bytes: Uint8Array): Promise<void> | void {
    const room = this.room!;
    const decoder = decoding.createDecoder(bytes);
    let type: number;
    try {
      type = decoding.readVarUint(decoder);
    } catch {
      return this.close(CLOSE.invalidPayload, 'truncated message', 'malformed');
    }
    this.deps.metrics.messagesIn.inc({ type: MESSAGE_NAMES[type] ?? 'unknown' });
    switch (type) {
      case MESSAGE.sync: {
        let step: number;
        let payload: Uint8Array;
        try {
          step = decoding.readVarUint(decoder);
          payload = decoding.readVarUint8Array(decoder);
        } catch {
          return this.close(CLOSE.invalidPayload, 'truncated sync message', 'malformed');
        }
        if (step === SYNC.step1) return this.answerSync(room, payload);
        if (step !== SYNC.step2 && step !== SYNC.update) {
          return this.close(CLOSE.unsupportedData, `unknown sync message type ${step}`, 'unknown-type');
        }
        return this.write(room, payload);
      }
      case MESSAGE.awareness: {
        // every entry is decoded, even the ones dropped: bytes are what presence costs the server
        const size = bytes.length;
        if (!this.awarenessUpdates.take(1) || !this.awarenessBytes.take(size) || !this.deps.budgets.awarenessByAddress.get(this.address).take(size)) {
          return this.close(CLOSE.policyViolation, 'awareness rate limit', 'rate-limit');
        }
        let verdict;
        try {
          const update = decoding.readVarUint8Array(decoder);
          if (update.length > this.maxAwarenessBytes) return this.close(CLOSE.messageTooBig, 'awareness update too big', 'too-big');
          verdict = room.presence.accept(this, update);
        } catch {
          return this.close(CLOSE.invalidPayload, 'awareness update does not decode', 'malformed');
        }
        if (!verdict.ok) return this.close(verdict.code, verdict.reason, 'awareness-refused');
        return;
      }
      case MESSAGE.queryAwareness: {
        // answered from a cache, and only now and then: a peer that never reads cannot make the
        // server encode and buffer the room's presence over and over
        if (!this.awarenessQueries.take(1)) return;
        const presence = room.presence.snapshot();
        if (presence) this.send(presence);
        return;
      }
      case MESSAGE.auth:
        // permission messages go from server to client; one from a client means nothing
        return;
      default:
        return this.close(CLOSE.unsupportedData, `unknown message type ${type}`, 'unknown-type');
    }
  }

  /** Sync step 1: "here is what I have", answered with what the room has beyond it. */
  private answerSync(room: Room, stateVector: Uint8Array): void {
    if (!this.syncRequests.take(1)) return this.close(CLOSE.policyViolation, 'sync rate limit', 'rate-limit');
    // answering a state vector that is not empty encodes a diff as big as the room: the time
    // it takes counts against the address's main-thread share, like integrating updates
    const { budgets } = this.deps;
    const share = budgets.applyByAddress.get(this.address);
    if (share.msUntilSolvent() > 0) return this.close(CLOSE.policyViolation, 'sync rate limit', 'rate-limit');
    let reply: Uint8Array[];
    const start = performance.now();
    try {
      reply = room.syncAnswer(stateVector);
    } catch {
      return this.close(CLOSE.invalidPayload, 'state vector does not decode', 'malformed');
    } finally {
      const spent = performance.now() - start;
      share.charge(spent);
      budgets.applyTotal.charge(spent);
    }
    room.sendAfterStored(this, reply);
  }

  /** Sync step 2 or an update: a write, if this connection may write this room. */
  private write(room: Room, payload: Uint8Array): Promise<void> | void {
    const refusal = writeRefusal(this.role, this.kind, this.locked);
    if (refusal) return this.refuseWrite(payload, refusal);
    if (isEmptyUpdate(payload)) return; // a peer with nothing the room lacks
    // a copy of exactly these bytes (the frame may be a view into a larger buffer)
    const update = payload.slice();
    if (room.bytes + update.length > this.deps.config.maxRoomBytes) {
      // a full room still takes deletions, so that its owner can make room (by the rules of the
      // room: a participant deletes only their own), and is compacted to see what they freed
      if (!deletesOnly(update)) return this.refuseFull(room);
      room.compactSoon();
    }
    // a participant's feedback is judged by who they are; nothing of it is applied unjudged
    const judge: Judge | null = this.kind === 'feedback' && !isFacilitator(this.role) ? { identityId: this.identityId } : null;
    // inline only while none of the room's updates wait for a worker: applied here at once, it
    // would reach the room before them and the worker's copy after them
    if (!judge && !this.deps.checker.pending(room.name)) {
      const inline = this.deps.checker.tryInline(room, update);
      if (inline) return this.apply(room, inline, update);
    }
    // an address that has spent its share of main-thread or worker time gets nothing checked
    // until it has earned it back: its sockets are closed before they cost anything more
    const { budgets } = this.deps;
    if (budgets.applyByAddress.get(this.address).msUntilSolvent() > 0 || budgets.checkByAddress.get(this.address).msUntilSolvent() > 0) {
      return this.close(CLOSE.policyViolation, 'update rate limit', 'rate-limit');
    }
    const wait = budgets.applyTotal.msUntilSolvent();
    if (wait > 0) return new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => (this.closing || room.destroyed ? undefined : this.check(room, update, judge)));
    return this.check(room, update, judge);
  }

  /**
   * Sends `update` to an update-check worker and applies it on its verdict. The main thread's time
   * is budgeted: an address over its share has the update refused and its connection closed; when
   * all connections together are over theirs, the update waits (its sender's later messages wait
   * behind it) rather than the event loop stalling for everyone. Either way the worker's copy,
   * which took the update, is dropped, so the room and its copy stay alike.
   */
  private check(room: Room, update: Uint8Array, judge: Judge | null): Promise<void> {
    const { budgets, checker } = this.deps;
    return new Promise<void>((resolve) => {
      // not worth a worker's time: a room gone, a sender that left or is over its address's share
      const wanted = () =>
        !room.destroyed &&
        !room.failed &&
        !this.closing &&
        budgets.checkByAddress.get(this.address).msUntilSolvent() === 0 &&
        budgets.applyByAddress.get(this.address).msUntilSolvent() === 0;
      checker.submit(
        room,
        update,
        (result) => {
          let retryIn = 0;
          if (!result.ok && result.reason === 'unwanted') {
            if (!this.closing && !room.destroyed && !room.failed) this.close(CLOSE.policyViolation, 'update rate limit', 'rate-limit');
            return resolve();
          }
          const workerInDebt = result.workerMs !== undefined && !budgets.checkByAddress.get(this.address).charge(result.workerMs);
          try {
            if (result.ok && !result.inline && !room.destroyed && !room.failed) {
              if (budgets.applyByAddress.get(this.address).msUntilSolvent() > 0) {
                checker.discard(room.name);
                return this.close(CLOSE.policyViolation, 'update rate limit', 'rate-limit');
              }
              retryIn = budgets.applyTotal.msUntilSolvent();
              if (retryIn > 0) return checker.discard(room.name);
            }
            this.apply(room, result, update, workerInDebt);
          } finally {
            if (retryIn > 0) {
              setTimeout(() => {
                if (wanted()) void this.check(room, update, judge).then(resolve);
                else resolve();
              }, retryIn);
            } else resolve();
          }
        },
        wanted,
        judge,
      );
    });
  }

  /**
   * Read-only, the Hocuspocus way: the update is never applied, broadcast or stored, the peer is
   * told (y-protocols auth, permission-denied "read-only", or "locked" for an editor of a locked
   * map) and stays connected — a viewer whose local copy has stray changes would otherwise
   * reconnect, resend and be closed forever.
   */
  private refuseWrite(payload: Uint8Array, reason: 'read-only' | 'locked'): void {
    if (isEmptyUpdate(payload)) return; // "I have nothing you lack": not a write
    this.deps.metrics.refusedWrites.inc();
    this.log.debug({ bytes: payload.length, reason }, 'refused a write');
    this.send(permissionDeniedMessage(reason));
  }

  /** The room holds MAX_ROOM_BYTES: the peer is told why, then closed for good (4413). */
  private refuseFull(room: Room): void {
    this.deps.metrics.refusedWrites.inc();
    this.log.warn({ bytes: room.bytes, limit: this.deps.config.maxRoomBytes }, 'room is full; refused a write');
    this.send(permissionDeniedMessage('map-full'));
    this.close(CLOSE.mapFull, 'map too large', 'map-full');
  }

  /**
   * The update-check verdict (updateCheck.ts). Called synchronously before the worker gets its
   * next job: on `ok` the update is applied here and now, even if its sender has left meanwhile,
   * so that the room and the worker's copy of it stay the same.
   */
  private apply(room: Room, result: CheckResult, update: Uint8Array, workerInDebt = false): void {
    const { metrics, budgets, checker } = this.deps;
    metrics.updateChecks.inc({ where: result.ok && result.inline ? 'inline' : 'worker', result: result.ok ? 'ok' : result.reason });
    if (!result.ok) {
      if (result.reason === 'forbidden') this.close(CLOSE.policyViolation, `not allowed: ${result.detail}`, 'forbidden');
      else if (result.reason !== 'closed') this.close(CLOSE.invalidPayload, result.detail, result.reason === 'malformed' ? 'malformed' : 'expensive-update');
      return;
    }
    // a room on its way out has no peers (its sender left too, and sends it again on reconnect):
    // its last compaction has the room's document as it was, and a change now would be stored
    // after it, perhaps after the room was loaded afresh without it
    if (room.destroyed || room.failed || room.evicting) return;
    const start = performance.now();
    try {
      Y.applyUpdate(room.doc, update, this);
    } catch {
      // the worker applied it to an identical copy without complaint; this is not expected, and
      // the copy may now differ from the room
      checker.diverged(room.name);
      this.close(CLOSE.invalidPayload, 'update does not apply', 'malformed');
    } finally {
      // Structs or deletions whose dependencies the room lacks wait in the doc as "pending" and are
      // re-read on every later update. A y-websocket client never needs them kept (whatever it
      // sent before its sync step 2 is contained in that step 2), so they are dropped, here and in
      // the worker's copy alike: no peer can park megabytes in a room.
      const store = room.doc.store as { pendingStructs: unknown; pendingDs: unknown };
      store.pendingStructs = null;
      store.pendingDs = null;
    }
    if (result.inline) {
      // cheap by construction, and the message rate limit bounds how often
      checker.appliedInline(room, update);
      return;
    }
    const spent = performance.now() - start;
    budgets.applyTotal.charge(spent);
    const addressInDebt = !budgets.applyByAddress.get(this.address).charge(spent);
    if (!this.applyBudget.charge(spent) || addressInDebt || workerInDebt) {
      this.close(CLOSE.policyViolation, 'update rate limit', 'rate-limit');
    }
  }
}
