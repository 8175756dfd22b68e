import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CLOSE } from './limits';
import { awarenessMessage } from './protocol';

/**
 * Presence (awareness) in a room, with the rules y-protocols does not have.
 *
 * Stock awareness trusts every peer with every client id: anyone may set or clear anyone's
 * presence, announce millions of ids (each leaves an entry in `meta` forever), or store a state
 * that parses but cannot be encoded again (JSON nested thousands deep overflows the stack in
 * `JSON.stringify`, and the next peer to join would take the process down). Here:
 *
 * - a state is checked at the door: null or a JSON object, at most `maxStateBytes`, nested at
 *   most `maxDepth` deep, encodable again, and its `user.id` (who someone says they are) must be
 *   the identity the connection proved (src/access/identity.ts) — a peer cannot show up as the
 *   presenter; a state that fails closes its sender and is never stored;
 * - a client id belongs to the connection that introduced it: another connection cannot set or
 *   clear it; a connection may introduce at most `clientsPerConnection` ids and a room holds at
 *   most `statesPerRoom`; entries beyond those are dropped;
 * - when a connection goes, its states and their meta leave the room.
 *
 * Stock y-websocket clients echo every presence change they hear back to the server, their own
 * and everyone else's, so entries for ids a connection does not own are normal and are dropped
 * quietly: only the entries a connection may set are checked and can get it closed. An id whose
 * connection left is retired for a while, so a late echo of it cannot bring it back under
 * someone else's name; only the same proven identity (the same tab reconnecting) may take it up.
 */

export interface AwarenessLimits {
  maxStateBytes: number;
  maxDepth: number;
  clientsPerConnection: number;
  statesPerRoom: number;
}

/** Who sends presence: a connection, with the identity id it proved (or none). */
export interface AwarenessPeer {
  readonly identityId: string | null;
}

export type AwarenessVerdict = { ok: true } | { ok: false; code: number; reason: string };

/**
 * How deep a JSON text nests, counting brackets outside strings. Runs before `JSON.parse`, so a
 * state nested too deep is refused before anything recursive (parse, compare, stringify) sees it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a presence state may not be stored, or null if it may. */
export function stateRefusal(text: string, identityId: string | null, limits: AwarenessLimits): string | null {
  if (text.length > limits.maxStateBytes) return 'state too big';
  if (jsonDepth(text) > limits.maxDepth) return 'state nested too deep';
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return 'state is not JSON';
  }
  if (state === null) return null;
  if (!isObject(state)) return 'state is not an object';
  try {
    JSON.stringify(state);
  } catch {
    return 'state does not encode';
  }
  const user = state.user;
  if (isObject(user) && 'id' in user && (identityId === null || user.id !== identityId)) return 'user id is not this connection\u2019s identity';
  return null;
}

/** One presence entry as the awareness protocol carries it: client id, clock, state as JSON text. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  text: string;
}
type Entry = AwarenessEntry;

/** More entries than this in one message cannot be a client's own, nor its echo of a room (see `accept`). */
function decodeEntries(update: Uint8Array, maxEntries: number): Entry[] | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > maxEntries) return null;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), text: decoding.readVarString(decoder) });
  }
  return entries;
}

/** The awareness update (y-protocols' format) that carries `entries`. */
export function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, text } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, text);
  }
  return encoding.toUint8Array(encoder);
}

/** how long the id of a connection that left stays retired (late echoes arrive within seconds) */
const RETIRED_MS = 60_000;

/** A room's awareness and who owns each of its client ids. */
export class RoomAwareness<P extends AwarenessPeer> {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly ownerOf = new Map<number, P>();
  private readonly owned = new Map<P, Set<number>>();
  /** ids whose connection left: when, and the identity that owned them (oldest first) */
  private readonly retired = new Map<number, { at: number; identityId: string | null }>();
  /** every state, encoded, for joins and queries; dropped on the next change */
  private snapshotCache: Uint8Array | null | undefined;
  /**
   * ids whose state came from another relay process (server/fanout/), with the identity their
   * state claims (checked by that process): no peer of ours may set or clear them, except the same
   * proven identity (a client that moved here); they go when cleared, or after y-protocols' 30 s
   * without renewal (their process died)
   */
  private readonly remote = new Map<number, unknown>();

  constructor(
    doc: Y.Doc,
    private readonly limits: AwarenessLimits,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ removed }: { removed: number[] }) => {
      this.snapshotCache = undefined;
      for (const id of removed) this.remote.delete(id);
    });
  }

  /** How many client ids have an entry (state or meta) in the room. */
  get size(): number {
    return this.awareness.meta.size;
  }

  /**
   * Applies the presence entries of `update` that `peer` may set; the others are dropped. A state
   * that `peer` may set but that breaks the rules refuses the whole message (the caller closes
   * the connection). Throws when the update does not decode.
   */
  accept(peer: P, update: Uint8Array): AwarenessVerdict {
    // a stock client echoes what it hears, at most the whole room's presence at once
    const entries = decodeEntries(update, this.limits.statesPerRoom + this.limits.clientsPerConnection);
    if (!entries) return { ok: false, code: CLOSE.policyViolation, reason: 'awareness refused: too many entries' };
    let mine = this.owned.get(peer);
    const kept: Entry[] = [];
    const now = performance.now();
    for (const entry of entries) {
      const owner = this.ownerOf.get(entry.clientId);
      if (owner !== undefined && owner !== peer) continue; // someone else's (an echo, or an attempt)
      if (owner === undefined) {
        if (entry.text === 'null') continue; // clearing what nobody shows changes nothing
        // another process's client: only that same proven person, having moved here, takes it up
        if (this.remote.has(entry.clientId) && (peer.identityId === null || this.remote.get(entry.clientId) !== peer.identityId)) continue;
        const retired = this.retired.get(entry.clientId);
        if (retired && now - retired.at < RETIRED_MS && (peer.identityId === null || retired.identityId !== peer.identityId)) continue;
        if ((mine?.size ?? 0) >= this.limits.clientsPerConnection) continue;
        // a full room takes no new faces; those already in it still update theirs
        if (this.awareness.meta.size >= this.limits.statesPerRoom) continue;
      }
      const refusal = stateRefusal(entry.text, peer.identityId, this.limits);
      if (refusal) return { ok: false, code: CLOSE.invalidPayload, reason: `awareness refused: ${refusal}` };
      if (owner === undefined) {
        if (!mine) this.owned.set(peer, (mine = new Set()));
        mine.add(entry.clientId);
        this.ownerOf.set(entry.clientId, peer);
        this.retired.delete(entry.clientId);
        this.remote.delete(entry.clientId);
      }
      kept.push(entry);
    }
    if (kept.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(kept), peer);
    return { ok: true };
  }

  /**
   * Presence another relay process accepted from its peers (by the rules above, there): applied
   * with `origin`, under this room's cap on states; ids a peer of ours holds are left alone, and so
   * is anything that does not decode or breaks the size and depth rules.
   */
  acceptRemote(update: Uint8Array, origin: unknown): void {
    let entries: Entry[] | null;
    try {
      // another process's snapshot holds as many as its own limit allows (which may be higher):
      // decoded whole, then held to this room's cap below
      entries = decodeEntries(update, Number.MAX_SAFE_INTEGER);
    } catch {
      return;
    }
    if (!entries) return;
    const kept: Array<Entry & { claims: unknown }> = [];
    for (const entry of entries) {
      if (this.ownerOf.has(entry.clientId)) continue;
      if (!this.remote.has(entry.clientId)) {
        if (entry.text === 'null') continue;
        if (this.awareness.meta.size + kept.length >= this.limits.statesPerRoom) continue;
      }
      if (entry.text.length > this.limits.maxStateBytes || jsonDepth(entry.text) > this.limits.maxDepth) continue;
      let state: unknown;
      try {
        state = JSON.parse(entry.text);
      } catch {
        continue;
      }
      if (state !== null && !isObject(state)) continue;
      const user = isObject(state) ? state.user : undefined;
      kept.push({ ...entry, claims: isObject(user) ? user.id : undefined });
    }
    if (!kept.length) return;
    for (const entry of kept) if (entry.text !== 'null') this.remote.set(entry.clientId, entry.claims);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(kept), origin);
  }

  /** One message with the states this process's peers hold, or null (for a process that just joined the room). */
  localSnapshot(): Uint8Array | null {
    const states = this.awareness.getStates();
    const ids = [...this.ownerOf.keys()].filter((id) => states.has(id));
    return ids.length ? awarenessMessage(this.awareness, ids) : null;
  }

  /** The peer left: its presence goes (peers are told), and so does every trace of its ids. */
  release(peer: P): void {
    const ids = this.owned.get(peer);
    this.owned.delete(peer);
    if (!ids?.size) return;
    const gone = [...ids];
    awarenessProtocol.removeAwarenessStates(this.awareness, gone, 'left');
    const now = performance.now();
    for (const id of gone) {
      this.ownerOf.delete(id);
      this.awareness.meta.delete(id);
      this.retired.delete(id);
      this.retired.set(id, { at: now, identityId: peer.identityId });
    }
    // bounded: the oldest go first (they are also the first to expire)
    for (const [id, { at }] of this.retired) {
      if (this.retired.size <= this.limits.statesPerRoom && now - at < RETIRED_MS) break;
      this.retired.delete(id);
    }
  }

  /** One message with every state in the room, or null when nobody shows presence. */
  snapshot(): Uint8Array | null {
    if (this.snapshotCache === undefined) {
      const ids = [...this.awareness.getStates().keys()];
      this.snapshotCache = ids.length ? awarenessMessage(this.awareness, ids) : null;
    }
    return this.snapshotCache;
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
