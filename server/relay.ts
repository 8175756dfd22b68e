import type http from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { clientAddress } from './address';
import { writeRefusal, type AccessControl, type LinkRole, type Role, type RoomKind } from './auth';
import type { ServerConfig } from './config';
import { CLOSE, MAX_AWARENESS_BYTES, TokenBucket, isEmptyUpdate } from './limits';
import type { Metrics } from './metrics';
import { MESSAGE, MESSAGE_NAMES, SYNC, awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message } from './protocol';
import type { Peer, Room, Rooms } from './rooms';
import type { CheckResult, UpdateChecker } from './updateCheck';

/** `/sync/<mapId>` is the map's room, `/sync/<mapId>/feedback` its feedback room (same tokens). */
const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})(\/feedback)?$/;

/** messages a connection may have waiting while an earlier one of its own is being checked */
const MAX_BACKLOG = 256;

export interface RelayDeps {
  config: ServerConfig;
  log: Logger;
  metrics: Metrics;
  access: AccessControl;
  rooms: Rooms;
  checker: UpdateChecker;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The sync relay: WebSocket upgrades on `/sync/…` of the app's own HTTP server, speaking the
 * standard y-websocket protocol, with tokens, roles and limits.
 */
export class Relay {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly pingTimer: NodeJS.Timeout;
  /** sockets per client address (address.ts), from their upgrade request until they close */
  private readonly socketsByAddress = new Map<string, number>();
  private closing = false;
  private nextId = 1;

  constructor(private readonly deps: RelayDeps) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    // both callbacks name the access key of a registration (auth.ts), which is what each
    // connection's `mapId` holds (see upgrade)
    deps.access.onRevoked = (key, role) => this.revoked(key, role);
    deps.access.onLockChanged = (key, locked) => this.lockChanged(key, locked);
    this.pingTimer = setInterval(() => this.ping(), deps.config.pingIntervalMs);
    this.pingTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** The HTTP server's 'upgrade' listener. */
  handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    // a peer that resets the socket while we check its token must not take the process down
    socket.on('error', () => {});
    this.upgrade(req, socket, head).catch((error: unknown) => {
      this.deps.log.error({ err: (error as Error).message }, 'upgrade failed');
      this.refuse(socket, 500, 'internal error');
    });
  };

  private refuse(socket: Duplex, status: number, message: string): void {
    this.deps.metrics.upgradesRefused.inc({ status: String(status) });
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = `${message}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
        'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    // end() flushes the response, then the socket goes for good even if the peer never closes its side
    socket.once('finish', () => socket.destroy());
    setTimeout(() => socket.destroy(), 1000).unref();
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { config, access, rooms, log } = this.deps;
    if (this.closing) return this.refuse(socket, 503, 'server is shutting down');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = SYNC_PATH.exec(url.pathname);
    if (!match) return this.refuse(socket, 404, 'not found');
    const origin = req.headers.origin;
    // browsers always send Origin; clients that are not browsers may not, and their token protects them
    if (config.allowedOrigins.length && origin !== undefined && !config.allowedOrigins.includes(origin.replace(/\/+$/, ''))) {
      return this.refuse(socket, 403, 'origin not allowed');
    }
    // Counted before the token check (which may read the store) and until the socket closes,
    // whether it becomes a WebSocket or is refused: upgrades still in flight count too.
    const address = clientAddress(req, config.trustProxy);
    const open = this.socketsByAddress.get(address) ?? 0;
    if (open >= config.maxConnectionsPerAddress) return this.refuse(socket, 429, 'too many connections from this address');
    if (socket.destroyed) return;
    this.socketsByAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (this.socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) this.socketsByAddress.set(address, left);
      else this.socketsByAddress.delete(address);
    });
    const mapId = match[1]!;
    const kind: RoomKind = match[2] ? 'feedback' : 'map';
    const token = url.searchParams.get('token');
    // the registration the token belongs to: its record, its rooms, its revocations and lock
    const key = access.keyOf(mapId, token);
    const generation = key === null ? 0 : access.generation(key);
    const granted = key === null ? null : await access.accessOf(mapId, token);
    // unknown map or wrong token: the same answer, so the existence of a map does not leak
    if (!granted) return this.refuse(socket, 401, 'a valid token for this map is required');
    const { role, locked } = granted;
    const roomName = kind === 'feedback' ? `${granted.key}/feedback` : granted.key;
    if (this.closing) return this.refuse(socket, 503, 'server is shutting down');
    if (rooms.occupancy(roomName) >= config.maxConnectionsPerRoom) return this.refuse(socket, 503, 'room is full');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // a Connection's `mapId` is the access key: revoked() and lockChanged() compare it with the key they are given
      const connection = new Connection(this.nextId++, ws, roomName, kind, granted.key, role, locked, this.deps, (c) => this.forget(c));
      this.connections.add(connection);
      log.info({ conn: connection.id, room: roomName, role }, 'connection opened');
      void connection.start(async () => {
        // a rotation or a lock change between our token check and now would otherwise have
        // missed this connection (its messages wait until this has run)
        if (access.generation(granted.key) === generation) return;
        const now = await access.accessOf(mapId, token);
        if (now?.role !== role) connection.close(CLOSE.linkRevoked, 'link revoked', 'revoked');
        else connection.lockChanged(now.locked);
      });
    });
  }

  private forget(connection: Connection): void {
    this.connections.delete(connection);
  }

  /** A link was rotated or revoked: its connections to the map and its feedback room close with 4401. */
  private revoked(mapId: string, role: LinkRole): void {
    for (const connection of this.connections) {
      if (connection.mapId === mapId && connection.role === role) connection.close(CLOSE.linkRevoked, 'link revoked', 'revoked');
    }
  }

  /**
   * The owner locked or unlocked the map: every connection to it learns the new state, and edit
   * connections to its map room (whose rights just changed) close with 4409.
   */
  private lockChanged(mapId: string, locked: boolean): void {
    for (const connection of this.connections) {
      if (connection.mapId === mapId) connection.lockChanged(locked);
    }
  }

  /** A peer that did not answer the previous ping is dropped. */
  private ping(): void {
    for (const connection of this.connections) connection.ping();
  }

  /** Closes every connection with 1001 and waits (briefly) for them to go. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    const all = [...this.connections];
    for (const connection of all) connection.close(CLOSE.goingAway, 'server shutting down', 'shutdown');
    await Promise.race([Promise.all(all.map((c) => c.closed)), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    for (const connection of this.connections) connection.terminate();
    this.wss.close();
  }
}

/** A close frame's reason may hold at most 123 bytes (RFC 6455 § 5.5). */
function clampReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let clamped = reason.slice(0, 123);
  while (Buffer.byteLength(clamped) > 120) clamped = clamped.slice(0, -1);
  return `${clamped}…`;
}

/** One peer: its socket, role, limits, and the protocol. */
class Connection implements Peer {
  private room: Room | null = null;
  private alive = true;
  private closing = false;
  private closeLabel: string | null = null;
  private busy = true; // until the room is loaded
  private readonly backlog: Uint8Array[] = [];
  private readonly messageBucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  /** main-thread milliseconds this connection's worker-checked updates may take to integrate */
  private readonly applyBudget: TokenBucket;
  private readonly log: Logger;
  readonly closed: Promise<void>;

  constructor(
    readonly id: number,
    private readonly ws: WebSocket,
    readonly roomName: string,
    readonly kind: RoomKind,
    readonly mapId: string,
    readonly role: Role,
    /** whether the map's content is locked, as last heard (see `lockChanged`) */
    private locked: boolean,
    private readonly deps: RelayDeps,
    onGone: (c: Connection) => void,
  ) {
    const { config, metrics } = deps;
    this.log = deps.log.child({ conn: id, room: roomName, role });
    this.messageBucket = new TokenBucket(config.maxMessagesPerSecond, config.messageBurst);
    this.byteBucket = new TokenBucket(config.maxBytesPerSecond, 2 * config.maxMessageBytes);
    this.applyBudget = new TokenBucket(config.updateApplyMsPerSecond, config.updateCheckTimeoutMs);
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
        if (this.room) deps.rooms.leave(this.room, this);
        this.room = null;
        onGone(this);
        resolve();
      });
    });
  }

  /** Joins the room (loading it if needed), then greets the peer with sync step 1 and awareness. */
  async start(afterJoin: () => Promise<void>): Promise<void> {
    let room: Room;
    try {
      room = await this.deps.rooms.join(this.roomName, this);
    } catch {
      this.close(CLOSE.internalError, 'room unavailable', 'store-error');
      return;
    }
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) {
      this.deps.rooms.leave(room, this);
      return;
    }
    this.room = room;
    this.send(syncStep1Message(room.doc));
    const states = room.awareness.getStates();
    if (states.size) this.send(awarenessMessage(room.awareness, [...states.keys()]));
    await afterJoin();
    this.busy = false;
    this.drainBacklog();
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.deps.config.maxBufferedBytes) {
      this.close(CLOSE.tryAgainLater, 'not reading fast enough', 'slow-consumer');
      return;
    }
    this.ws.send(message);
    this.deps.metrics.messagesOut.inc();
    this.deps.metrics.bytesOut.inc(message.length);
  }

  close(code: number, reason: string, label = 'server'): void {
    if (this.closing) return;
    this.closing = true;
    this.closeLabel = label;
    this.backlog.length = 0;
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
   * The map was locked or unlocked. An edit connection to the map room is closed with 4409, so
   * its client refetches its access and reconnects; other connections' rights do not change (the
   * flag is kept up to date all the same).
   */
  lockChanged(locked: boolean): void {
    if (locked === this.locked) return;
    this.locked = locked;
    if (this.role === 'edit' && this.kind === 'map') this.close(CLOSE.accessChanged, 'access changed', 'access-changed');
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

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.alive = true;
    if (!isBinary) return this.close(CLOSE.unsupportedData, 'binary frames only', 'non-binary');
    const bytes: Uint8Array = data instanceof Buffer ? data : Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);
    this.deps.metrics.bytesIn.inc(bytes.length);
    if (!this.messageBucket.take(1) || !this.byteBucket.take(bytes.length)) {
      return this.close(CLOSE.policyViolation, 'rate limit', 'rate-limit');
    }
    if (this.busy) {
      if (this.backlog.length >= MAX_BACKLOG) return this.close(CLOSE.policyViolation, 'too many messages in flight', 'rate-limit');
      this.backlog.push(bytes);
      return;
    }
    this.process(bytes);
  }

  private process(bytes: Uint8Array): void {
    const pending = this.handle(bytes);
    if (!pending) return;
    this.busy = true;
    void pending.then(() => {
      this.busy = false;
      this.drainBacklog();
    });
  }

  private drainBacklog(): void {
    while (!this.busy && !this.closing && this.backlog.length) this.process(this.backlog.shift()!);
  }

  /** One protocol message. Returns a promise only when it has to wait (a large update being checked). */
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
        if (step === SYNC.step1) {
          let reply: Uint8Array;
          try {
            reply = syncStep2Message(room.doc, payload);
          } catch {
            return this.close(CLOSE.invalidPayload, 'state vector does not decode', 'malformed');
          }
          room.sendAfterStored(this, reply);
          return;
        }
        if (step !== SYNC.step2 && step !== SYNC.update) {
          return this.close(CLOSE.unsupportedData, `unknown sync message type ${step}`, 'unknown-type');
        }
        const refusal = writeRefusal(this.role, this.kind, this.locked);
        if (refusal) return this.refuseWrite(payload, refusal);
        if (isEmptyUpdate(payload)) return; // a peer with nothing the room lacks
        // a copy of exactly these bytes (the frame may be a view into a larger buffer)
        const update = payload.slice();
        const inline = this.deps.checker.tryInline(room, update);
        if (inline) return this.apply(room, inline, update);
        return new Promise<void>((resolve) => {
          this.deps.checker.submit(
            room,
            update,
            (result) => {
              this.apply(room, result, update);
              resolve();
            },
            () => !room.destroyed && !room.failed,
          );
        });
      }
      case MESSAGE.awareness: {
        // viewers and commenters have cursors too: awareness is relayed for every role, in both rooms
        try {
          const update = decoding.readVarUint8Array(decoder);
          if (update.length > MAX_AWARENESS_BYTES) return this.close(CLOSE.messageTooBig, 'awareness update too big', 'too-big');
          awarenessProtocol.applyAwarenessUpdate(room.awareness, update, this);
        } catch {
          return this.close(CLOSE.invalidPayload, 'awareness update does not decode', 'malformed');
        }
        return;
      }
      case MESSAGE.queryAwareness:
        this.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
        return;
      case MESSAGE.auth:
        // permission messages go from server to client; one from a client means nothing
        return;
      default:
        return this.close(CLOSE.unsupportedData, `unknown message type ${type}`, 'unknown-type');
    }
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

  /**
   * The update-check worker's verdict (updateCheck.ts). Called synchronously before the worker
   * gets its next job: on `ok` the update is applied here and now, even if its sender has left
   * meanwhile, so that the room and the worker's copy of it stay the same.
   */
  private apply(room: Room, result: CheckResult, update: Uint8Array): void {
    const { metrics } = this.deps;
    metrics.updateChecks.inc({ where: result.ok && result.inline ? 'inline' : 'worker', result: result.ok ? 'ok' : result.reason });
    if (!result.ok) {
      if (result.reason !== 'closed') this.close(CLOSE.invalidPayload, result.detail, result.reason === 'malformed' ? 'malformed' : 'expensive-update');
      return;
    }
    if (room.destroyed || room.failed) return;
    const start = performance.now();
    try {
      Y.applyUpdate(room.doc, update, this);
    } catch {
      // the worker applied it to an identical copy without complaint; this is not expected, and
      // the copy may now differ from the room
      this.deps.checker.diverged();
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
      this.deps.checker.appliedInline(room, update);
      return;
    }
    if (!this.applyBudget.charge(performance.now() - start)) {
      this.close(CLOSE.policyViolation, 'update rate limit', 'rate-limit');
    }
  }
}
