import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { identityIdOf } from '../src/access/identity';
import { clientAddress } from './address';
import type { Role } from '../src/access/roles';
import { roomName as roomOf } from '../src/access/rooms';
import { parseSpaceSyncPath, parseSyncPath } from '../src/access/routes';
import { spaceRoom } from '../src/access/spaces';
import type { AccessControl } from './auth';
import { RelayBudgets } from './budgets';
import type { ServerConfig } from './config';
import { Connection, type ConnectionGrant } from './connection';
import { BucketsByKey, CLOSE } from './limits';
import type { Metrics } from './metrics';
import type { Rooms } from './rooms';
import type { SpaceAccess } from './spaces';
import type { UpdateChecker } from './updateCheck';

export interface RelayDeps {
  config: ServerConfig;
  log: Logger;
  metrics: Metrics;
  access: AccessControl;
  spaces: SpaceAccess;
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

/** what a token gives now compared with when its connection opened */
type Recheck = 'same' | 'revoked' | { locked: boolean };

/** A connection follows what its token gives now: closed if it gives nothing, told of a lock change. */
function follow(connection: Connection, now: Recheck): void {
  if (now === 'revoked') connection.close(CLOSE.linkRevoked, 'link revoked', 'revoked');
  else if (now !== 'same') connection.lockChanged(now.locked);
}

/**
 * The sync relay: WebSocket upgrades on `/sync/…` of the app's own HTTP server, speaking the
 * standard y-websocket protocol, with tokens, roles and limits.
 */
export class Relay {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  /** how to check each connection's token again (`recheckAll`) */
  private readonly rechecks = new Map<Connection, () => Promise<Recheck>>();
  private readonly pingTimer: NodeJS.Timeout;
  /** sockets per client address (address.ts), from their upgrade request until they close */
  private readonly socketsByAddress = new Map<string, number>();
  private closing = false;
  private nextId = 1;
  private readonly budgets: RelayBudgets;
  /** upgrades per client address: a socket that reconnects as soon as it is closed costs a token check and a greeting each time */
  private readonly upgradesByAddress: BucketsByKey;

  constructor(private readonly deps: RelayDeps) {
    this.budgets = new RelayBudgets(deps.config);
    this.budgets.shed = (needed) => this.shed(needed);
    this.upgradesByAddress = new BucketsByKey(deps.config.upgradesPerSecondPerAddress, deps.config.maxConnectionsPerAddress);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    // both callbacks name the access key of a registration (auth.ts), which is what each
    // connection's `accessKey` holds
    deps.access.onRevoked = (key, role) => this.revoked(key, role);
    deps.access.onLockChanged = (key, locked) => this.lockChanged(key, locked);
    deps.spaces.onRevoked = (spaceId, role) => this.spaceRevoked(spaceId, role);
    this.pingTimer = setInterval(() => this.ping(), deps.config.pingIntervalMs);
    this.pingTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** bytes handed to sockets and not yet written out, over all connections */
  get bufferedBytes(): number {
    return this.budgets.bufferedBytes;
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
    const { config, access, spaces, rooms, log, metrics } = this.deps;
    if (this.closing) return this.refuse(socket, 503, 'server is shutting down');
    const url = new URL(req.url ?? '/', 'http://localhost');
    // `/sync/<mapId>` is the map's room, `/sync/<mapId>/feedback` its feedback room (same tokens),
    // `/sync/spaces/<spaceId>` a space's index room (space tokens only)
    const space = parseSpaceSyncPath(url.pathname);
    const room = space ? null : parseSyncPath(url.pathname);
    if (!room && !space) return this.refuse(socket, 404, 'not found');
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
    if (!this.upgradesByAddress.get(address).take(1)) return this.refuse(socket, 429, 'too many connections from this address');
    if (socket.destroyed) return;
    this.socketsByAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (this.socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) this.socketsByAddress.set(address, left);
      else this.socketsByAddress.delete(address);
    });
    const token = url.searchParams.get('token');
    // who the client is: proven by its identity secret (src/access/identity.ts), else nobody
    const identitySecret = url.searchParams.get('identity');
    const identityId = identitySecret ? identityIdOf(identitySecret) : null;
    let grant: ConnectionGrant;
    /** after joining: whether what the token gave at the check still holds (see below) */
    let recheck: () => Promise<Recheck>;
    if (space) {
      // a space's index room: owner and edit write it, comment and view read it (as a map room
      // that is never locked); its name starts with "~", which no map room's can
      const generation = spaces.generation(space.spaceId);
      const role = await spaces.roleOf(space.spaceId, token);
      // unknown space or wrong token: the same answer
      if (!role) return this.refuse(socket, 401, 'a valid token for this space is required');
      const name = spaceRoom(space.spaceId);
      grant = { roomName: name, kind: 'map', accessKey: name, space: space.spaceId, role, locked: false, identityId, address };
      recheck = async () => {
        if (spaces.generation(space.spaceId) === generation) return 'same';
        return (await spaces.roleOf(space.spaceId, token)) === role ? 'same' : 'revoked';
      };
    } else {
      const { mapId, kind } = room!;
      // the registration the token belongs to (its record, its rooms, its revocations and lock),
      // or, for a space token, the space's role on that registration if the map is in the space
      const granted = await access.accessOf(mapId, token);
      // unknown map, wrong token, a space the map is not in: the same answer, so the existence of a map does not leak
      if (!granted) return this.refuse(socket, 401, 'a valid token for this map is required');
      grant = { roomName: roomOf(granted.key, kind), kind, accessKey: granted.key, space: granted.space, role: granted.role, locked: granted.locked, identityId, address };
      recheck = async () => {
        if (access.isCurrent(granted)) return 'same';
        const now = await access.accessOf(mapId, token);
        return now?.role === granted.role && now.key === granted.key ? { locked: now.locked } : 'revoked';
      };
    }
    const { roomName, role } = grant;
    if (this.closing) return this.refuse(socket, 503, 'server is shutting down');
    if (rooms.occupancy(roomName) >= config.maxConnectionsPerRoom) return this.refuse(socket, 503, 'room is full');
    // every open room is a document here and a copy in a worker: their number is bounded
    if (!rooms.get(roomName) && rooms.size >= config.maxRoomsInMemory) return this.refuse(socket, 503, 'server busy');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(this.nextId++, ws, grant, { ...this.deps, budgets: this.budgets }, (c) => this.forget(c));
      this.connections.add(connection);
      if (grant.space !== null) metrics.spaceConnections.inc({ room: space ? 'index' : grant.kind });
      log.info({ conn: connection.id, room: roomName, role, ...(grant.space === null ? {} : { space: grant.space }) }, 'connection opened');
      this.rechecks.set(connection, recheck);
      void connection.start(async () => {
        // a rotation, revocation or lock change (of the map's links, or of its space's) between
        // our token check and now would otherwise have missed this connection (its messages
        // wait until this has run)
        follow(connection, await recheck());
      });
    });
  }

  private forget(connection: Connection): void {
    this.connections.delete(connection);
    this.rechecks.delete(connection);
  }

  /**
   * Checks every open connection's token again, against the store (the caller has dropped the
   * cached records): after this process may have missed another's revocations, rotations or lock
   * changes (server/fanout/, Redis away), they take effect now.
   */
  async recheckAll(): Promise<void> {
    await Promise.all(
      [...this.rechecks].map(async ([connection, recheck]) => {
        try {
          follow(connection, await recheck());
        } catch (error) {
          this.deps.log.warn({ conn: connection.id, err: (error as Error).message }, 'could not check a connection\'s access again');
        }
      }),
    );
  }

  /**
   * A map's link (or its owner's token) was rotated or revoked: the connections opened with it to
   * the map and its feedback room close with 4401 (not those opened there with a space token).
   */
  private revoked(key: string, role: Role): void {
    for (const connection of this.connections) {
      if (connection.accessKey === key && connection.space === null && connection.role === role) connection.close(CLOSE.linkRevoked, 'link revoked', 'revoked');
    }
  }

  /**
   * A space's link was rotated or revoked: every connection opened with that role's space token
   * closes with 4401, to the space's index room and to every map and feedback room of the space.
   */
  private spaceRevoked(spaceId: string, role: Role): void {
    for (const connection of this.connections) {
      if (connection.space === spaceId && connection.role === role) connection.close(CLOSE.linkRevoked, 'link revoked', 'revoked');
    }
  }

  /**
   * The owner locked or unlocked the map: every connection to it learns the new state, and edit
   * connections to its map room (whose rights just changed) close with 4409.
   */
  private lockChanged(key: string, locked: boolean): void {
    for (const connection of this.connections) {
      if (connection.accessKey === key) connection.lockChanged(locked);
    }
  }

  /**
   * The bytes waiting to be sent reached MAX_TOTAL_BUFFERED_BYTES: the connections holding the
   * most are closed (with 1013) until `needed` more fits with a tenth to spare.
   */
  private shed(needed: number): void {
    const { config } = this.deps;
    const target = config.maxTotalBufferedBytes * 0.9 - needed;
    const biggest = [...this.connections].filter((c) => c.bufferedBytes > 0).sort((a, b) => b.bufferedBytes - a.bufferedBytes);
    for (const connection of biggest) {
      if (this.budgets.bufferedBytes <= target) break;
      connection.shed();
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
