import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type StoreKind = 'leveldb' | 'memory' | 'postgres';

/** Everything the server can be told, from the environment, with defaults that work as they are. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  logLevel: string;
  /** where rooms and tokens live: LevelDB under dataDir, PostgreSQL at databaseUrl, or memory (tests; lost on exit) */
  store: StoreKind;
  /** PostgreSQL connection string (STORE=postgres), e.g. postgres://waymark@db/waymark; null otherwise */
  databaseUrl: string | null;
  /** connections the PostgreSQL store's pool opens at most */
  databasePoolSize: number;
  /**
   * Redis for running more than one relay process (fan-out of updates, awareness and access changes,
   * shared quotas), e.g. redis://cache:6379; null: this process serves alone
   */
  redisUrl: string | null;
  /** each room's Redis stream is trimmed to about this many changes (a process further behind catches up from the store) */
  redisStreamMaxLength: number;
  /**
   * a stored change bigger than this goes into the room's stream as its reference in the store
   * instead of itself (the others read it there): a room's stream then holds at most about
   * redisStreamMaxLength × this
   */
  redisStreamEntryMaxBytes: number;
  /** a bigger WebSocket message closes its connection with 1009 */
  maxMessageBytes: number;
  /** token bucket per connection: sustained messages per second … */
  maxMessagesPerSecond: number;
  /** … and how many may come at once */
  messageBurst: number;
  /** token bucket per connection on bytes, refilled at this rate (burst: 2 × maxMessageBytes) */
  maxBytesPerSecond: number;
  /** upgrades beyond this many peers in one room are refused with 503 */
  maxConnectionsPerRoom: number;
  /** a peer that has not answered the previous ping when the next is due is dropped */
  pingIntervalMs: number;
  /** how long a room stays in memory after its last peer left */
  roomIdleMs: number;
  /** browser origins allowed to open /sync; empty: any */
  allowedOrigins: string[];
  /** a room's stored updates are merged into one after this many */
  compactAfterUpdates: number;
  /** time the update-check worker may spend integrating one update into its copy of the room */
  updateCheckTimeoutMs: number;
  /** old-generation heap of the update-check worker (it holds a copy of every room in memory) */
  updateCheckMemoryMb: number;
  /** main-thread time one connection's updates may take to integrate, per second (burst: UPDATE_CHECK_TIMEOUT_MS) */
  updateApplyMsPerSecond: number;
  /** a peer whose unsent backlog exceeds this is closed with 1013 (it cannot keep up) */
  maxBufferedBytes: number;
  /** unsent bytes over all connections; past it, a peer with a backlog of its own is closed with 1013 */
  maxTotalBufferedBytes: number;
  /** main-thread time the updates from one client address may take to integrate, per second */
  updateApplyMsPerSecondPerAddress: number;
  /** main-thread time all worker-checked updates may take to integrate, per second; beyond it they wait */
  updateApplyMsPerSecondTotal: number;
  /** update-check worker threads (one slow room then cannot hold up the rooms of another) */
  updateCheckWorkers: number;
  /** a worker's copy of a room is dropped after this long without a check */
  updateCheckCopyIdleMs: number;
  /** update-check worker time the updates from one client address may take, per second */
  updateCheckMsPerSecondPerAddress: number;
  /** sync step 1 requests (each answered with what the room has) per connection and minute … */
  syncRequestsPerMinute: number;
  /** … and how many may come at once */
  syncRequestBurst: number;
  /** awareness queries per connection and minute (more are not answered) */
  awarenessQueriesPerMinute: number;
  /** awareness updates per connection and second (burst: twice as many) */
  awarenessUpdatesPerSecond: number;
  /** awareness bytes per connection and second (burst: the biggest awareness message, 256 KiB) */
  awarenessBytesPerSecond: number;
  /** awareness bytes from one client address per second (burst: one second's worth) */
  awarenessBytesPerSecondPerAddress: number;
  /** one presence state, as JSON */
  awarenessStateBytes: number;
  /** how deep a presence state may nest */
  awarenessStateDepth: number;
  /** presence client ids one connection may introduce */
  awarenessClientsPerConnection: number;
  /** presence entries one room holds */
  awarenessStatesPerRoom: number;
  /** a room (map or its feedback) takes no more writes once it holds this many bytes */
  maxRoomBytes: number;
  /** rooms held in memory at once; a join that would load one more gets 503 */
  maxRoomsInMemory: number;
  /**
   * how many reverse proxies in front of the server append to X-Forwarded-For: 0 (none; the
   * socket's peer is the client), 1 (the right-most entry is the client), n (the n-th from the
   * right). Every per-address limit counts clients by this (address.ts).
   */
  trustProxy: number;
  /** map registrations (POST /api/maps) one client address may make per minute; more get 429 */
  registrationsPerAddressPerMinute: number;
  /** map registrations all clients together may make per minute; more get 429 */
  registrationsPerMinute: number;
  /** maps one space may hold (registered in it or moved in); one more is refused with 409 */
  maxMapsPerSpace: number;
  /** open WebSockets per client address; the next upgrade gets 429 */
  maxConnectionsPerAddress: number;
  /** WebSocket upgrades per client address and second (burst: MAX_CONNECTIONS_PER_ADDRESS); more get 429 */
  upgradesPerSecondPerAddress: number;
  /** open TCP sockets in total (HTTP and WebSocket); more are closed at once */
  maxSockets: number;
  /** open TCP sockets per peer address (not applied behind a trusted proxy, which is the one peer) */
  maxSocketsPerAddress: number;
  /** a socket that has not sent a complete request head this long after connecting (or starting the request) is closed */
  headersTimeoutMs: number;
  /** a request (head and body) that has not arrived in full this long after it started is answered 408 and closed */
  requestTimeoutMs: number;
  /** an idle keep-alive socket between two requests is closed after this */
  keepAliveTimeoutMs: number;
  /** who may embed the app in a frame (CSP frame-ancestors); empty: nobody ('none', and X-Frame-Options: DENY) */
  frameAncestors: string[];
  /** the bearer token /metrics asks for; null: /metrics is off (404) */
  metricsToken: string | null;
  /** versions one map keeps; past it the oldest checkpoints go, and a named version is refused (409) once named ones alone fill it */
  versionsPerMap: number;
  /** bytes of snapshots one map keeps; past it the oldest checkpoints go, and a named version is refused (409) */
  versionBytesPerMap: number;
  /** versions made through the API (named, or a checkpoint before a restore or import) per map and minute; more get 429 */
  versionCreatesPerMapPerMinute: number;
  /** the same per client address and minute, over all maps */
  versionCreatesPerAddressPerMinute: number;
  /** versions fetched as a file (each one decoded and written out on the server) per client address and minute; more get 429 */
  versionReadsPerAddressPerMinute: number;
  /** memory for version files already written out (a team opening one version pays for one decode) */
  versionFileCacheBytes: number;
  /** a map room with changes takes a checkpoint once nobody has changed it for this long */
  checkpointIdleMs: number;
  /** … and at most this long after its first change since the last checkpoint, however busy it is */
  checkpointIntervalMs: number;
  /** retention of checkpoints (src/model/versions.ts, `checkpointsToThin`): all kept while younger than this … */
  checkpointKeepAllMs: number;
  /** … then one per hour until this age … */
  checkpointHourlyUntilMs: number;
  /** … then one per day until this age; older checkpoints go (named versions are always kept) */
  checkpointDailyUntilMs: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MiB = 1024 * 1024;
const HOUR = 3_600_000;

export const ENV_DEFAULTS = {
  PORT: '8080',
  HOST: '0.0.0.0',
  DATA_DIR: './data',
  STATIC_DIR: './dist',
  LOG_LEVEL: 'info',
  STORE: 'leveldb',
  DATABASE_URL: '',
  DATABASE_POOL_SIZE: '10',
  REDIS_URL: '',
  REDIS_STREAM_MAX_LENGTH: '1000',
  // 16 KiB: an edit batch is tens to hundreds of bytes (a card about 230), so nearly every change
  // still travels in the stream; a paste or an import beyond it costs each other process holding
  // the room one store read (which a change that size costs anyway). With 1000 entries a room's
  // stream then holds at most about 16 MiB, one full room (MAX_ROOM_BYTES), not 1000 × 8 MiB
  REDIS_STREAM_ENTRY_MAX_BYTES: String(16 * 1024),
  MAX_MESSAGE_BYTES: String(8 * MiB),
  MAX_MESSAGES_PER_SECOND: '100',
  MESSAGE_BURST: '300',
  MAX_BYTES_PER_SECOND: String(8 * MiB),
  MAX_CONNECTIONS_PER_ROOM: '250',
  PING_INTERVAL_MS: '30000',
  ROOM_IDLE_MS: '30000',
  ALLOWED_ORIGINS: '',
  COMPACT_AFTER_UPDATES: '500',
  UPDATE_CHECK_TIMEOUT_MS: '1000',
  UPDATE_CHECK_MEMORY_MB: '512',
  UPDATE_APPLY_MS_PER_SECOND: '200',
  MAX_BUFFERED_BYTES: String(64 * MiB),
  MAX_TOTAL_BUFFERED_BYTES: String(256 * MiB),
  UPDATE_APPLY_MS_PER_SECOND_PER_ADDRESS: '300',
  UPDATE_APPLY_MS_PER_SECOND_TOTAL: '500',
  UPDATE_CHECK_WORKERS: '2',
  UPDATE_CHECK_COPY_IDLE_MS: '2000',
  UPDATE_CHECK_MS_PER_SECOND_PER_ADDRESS: '500',
  SYNC_REQUESTS_PER_MINUTE: '12',
  SYNC_REQUEST_BURST: '4',
  AWARENESS_QUERIES_PER_MINUTE: '30',
  AWARENESS_UPDATES_PER_SECOND: '50',
  AWARENESS_BYTES_PER_SECOND: String(64 * 1024),
  AWARENESS_BYTES_PER_SECOND_PER_ADDRESS: String(MiB),
  AWARENESS_STATE_BYTES: '16384',
  AWARENESS_STATE_DEPTH: '16',
  AWARENESS_CLIENTS_PER_CONNECTION: '4',
  AWARENESS_STATES_PER_ROOM: '1024',
  MAX_ROOM_BYTES: String(16 * MiB),
  MAX_ROOMS_IN_MEMORY: '2000',
  TRUST_PROXY: '0',
  REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '20',
  REGISTRATIONS_PER_MINUTE: '600',
  MAX_MAPS_PER_SPACE: '2000',
  MAX_CONNECTIONS_PER_ADDRESS: '256',
  UPGRADES_PER_SECOND_PER_ADDRESS: '10',
  MAX_SOCKETS: '10000',
  MAX_SOCKETS_PER_ADDRESS: '1024',
  HEADERS_TIMEOUT_MS: '5000',
  REQUEST_TIMEOUT_MS: '30000',
  KEEP_ALIVE_TIMEOUT_MS: '5000',
  FRAME_ANCESTORS: '',
  METRICS_TOKEN: '',
  VERSIONS_PER_MAP: '1000',
  VERSION_BYTES_PER_MAP: String(512 * MiB),
  VERSION_CREATES_PER_MAP_PER_MINUTE: '10',
  VERSION_CREATES_PER_ADDRESS_PER_MINUTE: '30',
  VERSION_READS_PER_ADDRESS_PER_MINUTE: '120',
  VERSION_FILE_CACHE_BYTES: String(64 * MiB),
  CHECKPOINT_IDLE_MS: '60000',
  CHECKPOINT_INTERVAL_MS: '600000',
  CHECKPOINT_KEEP_ALL_MS: String(2 * HOUR),
  CHECKPOINT_HOURLY_UNTIL_MS: String(24 * HOUR),
  CHECKPOINT_DAILY_UNTIL_MS: String(30 * 24 * HOUR),
} as const;

export type EnvKey = keyof typeof ENV_DEFAULTS;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const get = (key: EnvKey) => env[key]?.trim() || ENV_DEFAULTS[key];
  const int = (key: EnvKey, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = Number(get(key));
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${key} must be a whole number from ${min} to ${max}, got "${env[key]}"`);
    }
    return value;
  };
  const port = int('PORT', 0, 65535);
  const store = get('STORE');
  if (store !== 'leveldb' && store !== 'memory' && store !== 'postgres') {
    throw new Error(`STORE must be "leveldb", "postgres" or "memory", got "${env.STORE}"`);
  }
  const databaseUrl = get('DATABASE_URL') || null;
  if (store === 'postgres' && !databaseUrl) throw new Error('STORE=postgres needs DATABASE_URL (e.g. postgres://waymark@localhost/waymark)');
  const redisUrl = get('REDIS_URL') || null;
  if (redisUrl && store !== 'postgres') {
    throw new Error('REDIS_URL runs several processes over one store: it needs STORE=postgres (LevelDB and memory belong to one process)');
  }
  const allowedOrigins = get('ALLOWED_ORIGINS')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return {
    port,
    host: get('HOST'),
    dataDir: path.resolve(root, get('DATA_DIR')),
    staticDir: path.resolve(root, get('STATIC_DIR')),
    logLevel: get('LOG_LEVEL'),
    store,
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 1, 1000),
    redisUrl,
    redisStreamMaxLength: int('REDIS_STREAM_MAX_LENGTH', 10, 1_000_000),
    redisStreamEntryMaxBytes: int('REDIS_STREAM_ENTRY_MAX_BYTES', 1024, 64 * MiB),
    maxMessageBytes: int('MAX_MESSAGE_BYTES', 1024, 1024 * MiB),
    maxMessagesPerSecond: int('MAX_MESSAGES_PER_SECOND', 1),
    messageBurst: int('MESSAGE_BURST', 1),
    maxBytesPerSecond: int('MAX_BYTES_PER_SECOND', 1024),
    maxConnectionsPerRoom: int('MAX_CONNECTIONS_PER_ROOM', 1),
    pingIntervalMs: int('PING_INTERVAL_MS', 100),
    roomIdleMs: int('ROOM_IDLE_MS', 0),
    allowedOrigins,
    compactAfterUpdates: int('COMPACT_AFTER_UPDATES', 1),
    updateCheckTimeoutMs: int('UPDATE_CHECK_TIMEOUT_MS', 10),
    updateCheckMemoryMb: int('UPDATE_CHECK_MEMORY_MB', 16),
    updateApplyMsPerSecond: int('UPDATE_APPLY_MS_PER_SECOND', 1),
    maxBufferedBytes: int('MAX_BUFFERED_BYTES', 1024),
    maxTotalBufferedBytes: int('MAX_TOTAL_BUFFERED_BYTES', 1024),
    updateApplyMsPerSecondPerAddress: int('UPDATE_APPLY_MS_PER_SECOND_PER_ADDRESS', 1),
    updateApplyMsPerSecondTotal: int('UPDATE_APPLY_MS_PER_SECOND_TOTAL', 1),
    updateCheckWorkers: int('UPDATE_CHECK_WORKERS', 1, 64),
    updateCheckCopyIdleMs: int('UPDATE_CHECK_COPY_IDLE_MS', 100, MAX_TIMER_MS),
    updateCheckMsPerSecondPerAddress: int('UPDATE_CHECK_MS_PER_SECOND_PER_ADDRESS', 1),
    syncRequestsPerMinute: int('SYNC_REQUESTS_PER_MINUTE', 1),
    syncRequestBurst: int('SYNC_REQUEST_BURST', 1),
    awarenessQueriesPerMinute: int('AWARENESS_QUERIES_PER_MINUTE', 1),
    awarenessUpdatesPerSecond: int('AWARENESS_UPDATES_PER_SECOND', 1),
    awarenessBytesPerSecond: int('AWARENESS_BYTES_PER_SECOND', 1024),
    awarenessBytesPerSecondPerAddress: int('AWARENESS_BYTES_PER_SECOND_PER_ADDRESS', 1024),
    awarenessStateBytes: int('AWARENESS_STATE_BYTES', 256, 1024 * 1024),
    awarenessStateDepth: int('AWARENESS_STATE_DEPTH', 2, 256),
    awarenessClientsPerConnection: int('AWARENESS_CLIENTS_PER_CONNECTION', 1),
    awarenessStatesPerRoom: int('AWARENESS_STATES_PER_ROOM', 1),
    maxRoomBytes: int('MAX_ROOM_BYTES', 1024),
    maxRoomsInMemory: int('MAX_ROOMS_IN_MEMORY', 1),
    trustProxy: readTrustProxy(get('TRUST_PROXY')),
    registrationsPerAddressPerMinute: int('REGISTRATIONS_PER_ADDRESS_PER_MINUTE', 1),
    registrationsPerMinute: int('REGISTRATIONS_PER_MINUTE', 1),
    maxMapsPerSpace: int('MAX_MAPS_PER_SPACE', 1, 1_000_000),
    maxConnectionsPerAddress: int('MAX_CONNECTIONS_PER_ADDRESS', 1),
    upgradesPerSecondPerAddress: int('UPGRADES_PER_SECOND_PER_ADDRESS', 1),
    maxSockets: int('MAX_SOCKETS', 1),
    maxSocketsPerAddress: int('MAX_SOCKETS_PER_ADDRESS', 1),
    ...readTimeouts(int('HEADERS_TIMEOUT_MS', 100), int('REQUEST_TIMEOUT_MS', 100), int('KEEP_ALIVE_TIMEOUT_MS', 100)),
    frameAncestors: readFrameAncestors(get('FRAME_ANCESTORS')),
    metricsToken: readMetricsToken(get('METRICS_TOKEN')),
    versionsPerMap: int('VERSIONS_PER_MAP', 1, 1_000_000),
    versionBytesPerMap: int('VERSION_BYTES_PER_MAP', 1024),
    versionCreatesPerMapPerMinute: int('VERSION_CREATES_PER_MAP_PER_MINUTE', 1),
    versionCreatesPerAddressPerMinute: int('VERSION_CREATES_PER_ADDRESS_PER_MINUTE', 1),
    versionReadsPerAddressPerMinute: int('VERSION_READS_PER_ADDRESS_PER_MINUTE', 1),
    versionFileCacheBytes: int('VERSION_FILE_CACHE_BYTES', 0),
    checkpointIdleMs: int('CHECKPOINT_IDLE_MS', 10, MAX_TIMER_MS),
    checkpointIntervalMs: int('CHECKPOINT_INTERVAL_MS', 10, MAX_TIMER_MS),
    ...readRetention(int('CHECKPOINT_KEEP_ALL_MS', 0), int('CHECKPOINT_HOURLY_UNTIL_MS', 0), int('CHECKPOINT_DAILY_UNTIL_MS', 0)),
  };
}

/** `0`/`false` (default), `true` (= 1), or how many proxies (1 to 10) stand in front of the server. */
function readTrustProxy(value: string): number {
  const lower = value.toLowerCase();
  if (lower === 'false' || lower === 'off' || lower === 'no') return 0;
  if (lower === 'true' || lower === 'on' || lower === 'yes') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be false, true or the number of proxies in front of the server (0 to 10), got "${value}"`);
  }
  return hops;
}

/** the longest delay setTimeout takes as given (longer fires at once) */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The retention ages must grow: all, then hourly, then daily. */
function readRetention(checkpointKeepAllMs: number, checkpointHourlyUntilMs: number, checkpointDailyUntilMs: number) {
  if (checkpointKeepAllMs > checkpointHourlyUntilMs || checkpointHourlyUntilMs > checkpointDailyUntilMs) {
    throw new Error(
      `CHECKPOINT_KEEP_ALL_MS (${checkpointKeepAllMs}) ≤ CHECKPOINT_HOURLY_UNTIL_MS (${checkpointHourlyUntilMs}) ≤ CHECKPOINT_DAILY_UNTIL_MS (${checkpointDailyUntilMs}) must hold`,
    );
  }
  return { checkpointKeepAllMs, checkpointHourlyUntilMs, checkpointDailyUntilMs };
}

function readTimeouts(headersTimeoutMs: number, requestTimeoutMs: number, keepAliveTimeoutMs: number) {
  // Node refuses a head timeout longer than the whole request's
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new Error(`HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not be longer than REQUEST_TIMEOUT_MS (${requestTimeoutMs})`);
  }
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs };
}

/**
 * CSP frame-ancestors sources: origins such as `https://intranet.example` or
 * `https://*.example.com`, or `'self'`; separated by spaces or commas. Nothing else may get into
 * the header.
 */
function readFrameAncestors(value: string): string[] {
  const sources = value.split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (source !== "'self'" && !/^https?:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(source)) {
      throw new Error(`FRAME_ANCESTORS takes origins like https://intranet.example or 'self', got "${source}"`);
    }
  }
  return sources;
}

/** Off when empty; otherwise at least 16 printable characters, so that it is not guessed. */
function readMetricsToken(value: string): string | null {
  if (!value) return null;
  if (value.length < 16 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new Error('METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return value;
}
