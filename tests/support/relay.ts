import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RoomKind } from '../../src/access/roles';
import { accessKey, roomName, type RegisteredMap } from '../../src/access/rooms';
import { startServer } from '../../server/index';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { addComment, readComments } from '../../src/model/feedback';

export type Server = Awaited<ReturnType<typeof startServer>>;

// every stock provider adds a process 'exit' listener; tests open dozens
process.setMaxListeners(Math.max(process.getMaxListeners(), 200));

/** A folder with a stand-in built app, so the server serves something. */
export function staticDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-static-'));
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Waymark</title><div id="root"></div>');
  return dir;
}

export const tempDataDir = () => mkdtempSync(path.join(tmpdir(), 'waymark-relay-'));

/**
 * Every test client comes from 127.0.0.1, so the per-address limits are lifted unless a test
 * sets them (tests/integration/edge-*.test.ts do).
 */
export const UNLIMITED_ADDRESS: Record<string, string> = {
  REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '1000000',
  REGISTRATIONS_PER_MINUTE: '1000000',
  UPGRADES_PER_SECOND_PER_ADDRESS: '1000000',
};

/** /metrics is off unless METRICS_TOKEN is set: test servers set this one. */
export const METRICS_TOKEN = 'test-metrics-token-0123456789';

/** GET /metrics as Prometheus would, with the token; the text, or a thrown error on any other status. */
export async function metricsText(port: number): Promise<string> {
  const res = await fetch(httpUrl(port, '/metrics'), { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

/** A real server on a free port; rooms leave memory as soon as they are empty. */
export async function startRelay(env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const settings: NodeJS.ProcessEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: tempDataDir(),
    STATIC_DIR: staticDir(),
    LOG_LEVEL: 'silent',
    STORE: 'memory',
    ROOM_IDLE_MS: '0',
    ...UNLIMITED_ADDRESS,
    METRICS_TOKEN,
    ...env,
  };
  return startServer({ ...settings, ...(await testStore(settings)) });
}

/**
 * For a test that looks into the LevelDB files themselves (y-leveldb's layout, what the files
 * hold): its relay stays on LevelDB when the suite runs against PostgreSQL.
 */
export const STAYS_ON_LEVELDB = { WAYMARK_TEST_STAYS_ON_LEVELDB: '1' } as const;

/**
 * The relay suite once more against PostgreSQL (vitest project relay-postgres:
 * WAYMARK_TEST_STORE=postgres, and WAYMARK_TEST_DATABASE_URL from tests/support/postgresSetup.ts):
 * every relay a test starts on memory or LevelDB runs on PostgreSQL instead, in a schema of its
 * own so tests stay apart. LevelDB's DATA_DIR names the schema: a test that restarts a relay on
 * the same DATA_DIR finds what the first one stored, as it would on disk.
 */
async function testStore(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const server = process.env.WAYMARK_TEST_DATABASE_URL;
  if (process.env.WAYMARK_TEST_STORE !== 'postgres' || env.WAYMARK_TEST_STAYS_ON_LEVELDB || env.STORE === 'postgres') return {};
  if (!server) throw new Error('WAYMARK_TEST_STORE=postgres needs WAYMARK_TEST_DATABASE_URL (tests/support/postgresSetup.ts sets it)');
  const schema = env.STORE === 'leveldb' && env.DATA_DIR ? `d_${createHash('sha256').update(env.DATA_DIR).digest('hex').slice(0, 24)}` : `m_${process.pid}_${++schemaCounter}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: server });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
  return { STORE: 'postgres', DATABASE_URL: `${server}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
}
let schemaCounter = 0;

export const httpUrl = (port: number, p: string) => `http://127.0.0.1:${port}${p}`;
export const syncUrl = (port: number) => `ws://127.0.0.1:${port}/sync`;

/** what registering a map answers */
export type Tokens = RegisteredMap;

let mapCounter = 0;
export const newRoomId = (prefix = 'map') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++mapCounter}`;

/**
 * The name the relay stores a registered map's room under: its access key `<mapId>~<registration
 * id>` (src/access/rooms.ts), with `/feedback` for its feedback room. Clients never see it: they
 * connect to `/sync/<mapId>` with a token, and the token names the registration.
 */
export function storedRoomName(map: Tokens, room: RoomKind = 'map'): string {
  return roomName(accessKey(map.id, map.ownerToken)!, room);
}

export async function registerMap(port: number, id = newRoomId()): Promise<Tokens> {
  const res = await fetch(httpUrl(port, '/api/maps'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  if (res.status !== 201) throw new Error(`registering ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Tokens;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** reasons of every permission-denied auth message the server sent */
  denied: string[];
  /** close events the provider saw */
  closes: Array<{ code: number; reason: string }>;
  /** the identity id this client proved (with `identity`), else null */
  identityId: string | null;
  destroy(): void;
}

export interface ConnectOptions {
  connect?: boolean;
  /** an identity secret (src/access/identity.ts) to prove, as the app does */
  identity?: string;
  /** the WebSocket class (another client address, say) */
  WebSocket?: typeof WebSocket;
}

/** A stock y-websocket client in Node, as the app uses it (no BroadcastChannel: every byte goes through the relay). */
export function connect(port: number, room: string, token: string, doc = new Y.Doc(), options: ConnectOptions = {}): Client {
  const provider = new WebsocketProvider(syncUrl(port), room, doc, {
    params: options.identity ? { token, identity: options.identity } : { token },
    WebSocketPolyfill: (options.WebSocket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    connect: options.connect ?? true,
  });
  const denied: string[] = [];
  const closes: Array<{ code: number; reason: string }> = [];
  // the stock handler only logs; record the reason instead (message type 2 = auth, 0 = permission denied)
  provider.messageHandlers[2] = (_encoder, decoder) => {
    const kind = decoding.readVarUint(decoder);
    if (kind === 0) denied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  return {
    doc,
    provider,
    denied,
    closes,
    identityId: options.identity ? identityIdOf(options.identity) : null,
    destroy() {
      provider.destroy();
      provider.awareness.destroy();
    },
  };
}

/** connect() with a fresh identity, proven to the relay as the app proves its own */
export function connectAs(port: number, room: string, token: string, doc = new Y.Doc(), options: ConnectOptions = {}): Client {
  return connect(port, room, token, doc, { identity: newIdentitySecret(), ...options });
}

/** A comment written as the app writes it: by the client's proven identity. */
export function writeComment(client: Client, id: string, text: string, cardId = 'card-1'): void {
  if (!client.identityId) throw new Error('writeComment needs a client connected with an identity');
  addComment(client.doc, { id: client.identityId, owner: false }, { id, cardId, author: 'Tester', text });
}

/** The text of a comment in a client's feedback doc, or undefined. */
export function commentText(client: Client, id: string): string | undefined {
  return readComments(client.doc).find((c) => c.id === id)?.text;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function whenSynced(client: Client, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => client.provider.synced, 'the client to sync', timeoutMs);
}

/** A raw WebSocket to the relay, for the frames a stock client never sends. */
export function rawSocket(port: number, room: string, token: string | null, headers: Record<string, string> = {}): WebSocket {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return new WebSocket(`${syncUrl(port)}/${room}${query}`, { headers });
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** The HTTP status an upgrade was refused with (or 101 if it was accepted). */
export function upgradeStatus(port: number, room: string, token: string | null, headers: Record<string, string> = {}): Promise<number> {
  const ws = rawSocket(port, room, token, headers);
  return new Promise((resolve) => {
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', () => {});
  });
}

/** Sends sync step 1 and resolves with the time until the server's sync step 2 answer. */
export function timeSyncAnswer(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    const onMessage = (data: Buffer) => {
      // [0 sync][1 step 2]
      if (data[0] === 0 && data[1] === 1) {
        ws.off('message', onMessage);
        resolve(performance.now() - start);
      }
    };
    ws.on('message', onMessage);
    ws.send(Uint8Array.from([0, 0, 1, 0])); // sync step 1 with an empty state vector
  });
}

/**
 * A legitimate-looking list: items `from` to `to - 1` of a list appended one after the other to
 * the root array `name`, each by another client (ids from `firstClient`), so Yjs cannot merge
 * them into one struct. Item k's left origin is item k - 1, so a list can be planted in pieces.
 * Cheap to integrate.
 */
export function craftPlantedList(to: number, from = 0, firstClient = 1_000_000, name = 'a'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, to - from); // clients
  for (let k = to - 1; k >= from; k--) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, firstClient + k);
    encoding.writeVarUint(e, 0); // clock
    if (k === 0) {
      encoding.writeUint8(e, 8); // ContentAny, no origins: parent info follows
      encoding.writeVarUint(e, 1); // parent is a root type, by name
      encoding.writeVarString(e, name);
    } else {
      encoding.writeUint8(e, 8 | 0x80); // ContentAny with a left origin: the previous item
      encoding.writeVarUint(e, firstClient + k - 1);
      encoding.writeVarUint(e, 0);
    }
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, k);
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/**
 * The crafted update: `count` clients each insert one item at the start of a planted list, all
 * with its last item as right origin. Yjs's conflict resolution then walks the whole list and
 * every earlier sibling for each of them: integration is quadratic. Against a room holding the
 * planted list it takes seconds; against an empty document every item lacks its right origin,
 * waits as "pending", and costs little. About 18 bytes per item.
 */
export function craftQuadraticUpdate(count: number, plantedLength: number, plantedFirstClient = 1_000_000, firstClient = 2_000_000): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (let client = firstClient + count - 1; client >= firstClient; client--) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 8 | 0x40); // ContentAny with a right origin
    encoding.writeVarUint(e, plantedFirstClient + plantedLength - 1);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, client);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** A y-websocket "update" message carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export interface RelayProcess {
  child: ChildProcess;
  port: number;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  /** every log line so far */
  logs: string[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The relay as production runs it: `node --import tsx server/index.ts`, configured by env. */
export async function spawnRelay(env: Record<string, string>): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', STATIC_DIR: staticDir(), ...UNLIMITED_ADDRESS, METRICS_TOKEN, ...env, ...(await testStore(env)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        logs.push(line);
        try {
          const entry = JSON.parse(line) as { port?: number; msg?: string };
          if (entry.port && entry.msg?.includes('listening')) resolve({ child, port: entry.port, exited, logs });
        } catch {
          // not JSON: keep it in logs
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`the relay exited (${code}) before listening:\n${logs.join('\n')}`)));
  });
}
