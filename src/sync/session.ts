import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { SYNC_PREFIX } from '../access/routes';
import { publicIdentity, type Identity } from './identity';

/**
 * - connecting, synced: as they say
 * - offline: the socket closed, or the browser says it has no network (its `offline` event comes
 *   at once; y-websocket alone notices a dead socket only after its 30 s message timeout)
 * - denied: the link was revoked or rotated (final)
 * - full: the map (or its feedback) reached its storage quota on the relay, which takes no more
 *   of its changes (final for this session): they stay on this device
 */
export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'denied' | 'full';

/** What a connection proves to the relay: the link's token and this device's identity secret. */
export interface RelayCredentials {
  token: string;
  /** the device's identity secret (src/access/identity.ts); the relay binds the id it proves to the connection */
  identitySecret: string;
}

/** A rectangle of the map in canvas coordinates. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What someone is looking at, so others can follow them. */
export interface PeerView {
  /** the part of the map on their screen; null in present mode */
  area: Area | null;
  /** the stage they present or have in the middle of their screen */
  stageId: string | null;
  presenting: boolean;
}

/** What a collaborator shows of themselves: name, colour, pointer, selection and view. */
export interface Peer {
  clientId: number;
  /** their identity id (stable across reloads), '' for clients that send none */
  id: string;
  name: string;
  color: string;
  /** in canvas coordinates, so it lands on the same card whatever each person's zoom */
  cursor: { x: number; y: number } | null;
  selection: string[];
  view: PeerView | null;
}

export interface SyncOptions {
  /** default: this page's origin with ws(s) + /sync */
  serverUrl?: string;
  /** for Node tests */
  WebSocketPolyfill?: typeof WebSocket;
  /** the room: default the map id; `feedbackRoom(mapId)` (src/access/rooms.ts) for the feedback doc */
  room?: string;
  /** publish who I am (default true); the feedback room's connection leaves presence to the map's */
  presence?: boolean;
}

/** The relay closes a connection whose link was revoked or rotated with this code. */
const LINK_REVOKED = 4401;
/** …and an edit connection with this one when the owner locks or unlocks the content. */
const ACCESS_CHANGED = 4409;
/** …and any connection with this one once its map reached the stored-bytes quota (after a permission-denied `map-full`). */
export const MAP_FULL = 4413;
/** The permission-denied reason the relay sends before closing with MAP_FULL. */
const MAP_FULL_REASON = 'map-full';

/** Statuses a session keeps whatever the socket does next: nothing but a new session changes them. */
const FINAL: readonly ConnectionStatus[] = ['denied', 'full'];

function connectionParams(credentials: RelayCredentials): Record<string, string> {
  return { token: credentials.token, identity: credentials.identitySecret };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readArea(value: unknown): Area | null {
  const a = value as Partial<Area> | null | undefined;
  if (!a || !finite(a.x) || !finite(a.y) || !finite(a.width) || !finite(a.height) || a.width <= 0 || a.height <= 0) return null;
  return { x: a.x, y: a.y, width: a.width, height: a.height };
}

function readView(value: unknown): PeerView | null {
  const v = value as Partial<PeerView> | null | undefined;
  if (!v || typeof v !== 'object') return null;
  return {
    area: readArea(v.area),
    stageId: typeof v.stageId === 'string' ? v.stageId.slice(0, 64) : null,
    presenting: v.presenting === true,
  };
}

/** The browser says it has no network at all (false where there is no `navigator`, as in Node). */
function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export function defaultServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PREFIX}`;
}

function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as Partial<Identity> | undefined;
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  const cursor = state.cursor as { x?: unknown; y?: unknown } | null | undefined;
  const selection = Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, 500) : [];
  return {
    clientId,
    id: typeof user.id === 'string' ? user.id.slice(0, 64) : '',
    // a peer's strings are hostile until proven otherwise: React renders them as text, and they are capped here
    name: user.name.slice(0, 60),
    color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b',
    cursor: cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number' && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
    selection,
    view: readView(state.view),
  };
}

/**
 * A shared map's live connection to the relay: the standard y-websocket provider over the map's
 * Y.Doc (which stays bound to local storage too), plus presence through awareness. Edits made
 * while offline stay in the doc and merge when the connection comes back.
 */
export class SyncSession {
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  private statusListeners = new Set<(status: ConnectionStatus) => void>();
  private peerListeners = new Set<(peers: Peer[]) => void>();
  private accessListeners = new Set<() => void>();
  private current: ConnectionStatus;
  private destroyed = false;
  /** my identity id: my own presence under another client id (a tab of mine, or mine from before a reload) is not a peer */
  private selfId: string;
  private readonly offBrowser: () => void;

  constructor(doc: Y.Doc, mapId: string, credentials: RelayCredentials, identity: Identity, options: SyncOptions = {}) {
    // a map opened without a network says so at once, instead of "connecting" to nowhere; it
    // still tries, because a relay on this machine answers without any network
    this.current = browserOffline() ? 'offline' : 'connecting';
    this.selfId = identity.id;
    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), options.room ?? mapId, doc, {
      params: connectionParams(credentials),
      // tabs already share updates through local storage's channel
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    // The stock handler logs the connection's URL, which carries the token and the identity
    // secret: this one logs nothing, and notes a full map.
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc: unknown, reason: string) => {
        if (reason === MAP_FULL_REASON) this.setStatus('full');
      });
    };
    this.awareness = this.provider.awareness;
    this.awareness.setLocalState(options.presence === false ? null : { user: publicIdentity(identity), cursor: null, selection: [], view: null });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (FINAL.includes(this.current)) return;
      if (status === 'connected') this.setStatus(this.provider.synced ? 'synced' : 'connecting');
      else if (status === 'connecting' && !browserOffline()) this.setStatus('connecting');
      else this.setStatus('offline');
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced && !FINAL.includes(this.current)) this.setStatus('synced');
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === LINK_REVOKED) {
        this.setStatus('denied');
        this.provider.shouldConnect = false;
      } else if (event?.code === MAP_FULL) {
        // y-websocket does not come back after a 44xx close; the doc keeps every change
        this.setStatus('full');
        this.provider.shouldConnect = false;
      } else if (event?.code === ACCESS_CHANGED) {
        // y-websocket treats 44xx closes as final; this one only means "ask again and come back"
        for (const listener of this.accessListeners) listener();
        setTimeout(() => {
          if (!this.destroyed) this.provider.connect();
        }, 0);
      }
    });
    this.awareness.on('change', () => this.publishPeers());
    this.offBrowser = this.followBrowser();
  }

  /**
   * The browser's network and page events: offline shows at once and drops the socket (it may
   * look open for half a minute more), online connects again without waiting for the backoff,
   * and a page being closed takes my presence with it, so peers do not keep my pointer.
   */
  private followBrowser(): () => void {
    const target = globalThis as unknown as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    if (typeof target.addEventListener !== 'function') return () => undefined;
    let hidden: Record<string, unknown> | null = null;
    const onOffline = () => {
      if (FINAL.includes(this.current)) return;
      this.setStatus('offline');
      // drop the socket, which may look open for half a minute more, and start over: a remote
      // relay stays unreachable (retried with backoff until \`online\`), one on this machine
      // answers again at once
      this.provider.disconnect();
      this.provider.connect();
    };
    const onOnline = () => {
      if (FINAL.includes(this.current) || this.destroyed || this.provider.wsconnected) return;
      this.setStatus('connecting');
      // now, not after the backoff's wait
      this.provider.connect();
    };
    const onPageHide = () => {
      hidden = this.awareness.getLocalState();
      if (hidden) this.awareness.setLocalState(null);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      // back from the back/forward cache: show myself again
      if (event.persisted && hidden && !this.destroyed) this.awareness.setLocalState(hidden);
      hidden = null;
    };
    target.addEventListener('offline', onOffline);
    target.addEventListener('online', onOnline);
    target.addEventListener('pagehide', onPageHide);
    target.addEventListener('pageshow', onPageShow);
    return () => {
      target.removeEventListener?.('offline', onOffline);
      target.removeEventListener?.('online', onOnline);
      target.removeEventListener?.('pagehide', onPageHide);
      target.removeEventListener?.('pageshow', onPageShow);
    };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onPeers(listener: (peers: Peer[]) => void): () => void {
    this.peerListeners.add(listener);
    return () => this.peerListeners.delete(listener);
  }

  /** The relay said this connection's rights changed (content locked or unlocked): ask again. */
  onAccessChanged(listener: () => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /**
   * The others here, one entry per person: a client id that shows my own identity (another tab
   * of mine, or this tab before a reload, which the relay may still hold for a moment) is left
   * out, and of several client ids with one identity the one heard from last stands for it.
   */
  peers(): Peer[] {
    const byIdentity = new Map<string, { peer: Peer; heard: number }>();
    const anonymous: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const peer = readPeer(clientId, state);
      if (!peer || (peer.id !== '' && peer.id === this.selfId)) return;
      if (peer.id === '') return void anonymous.push(peer);
      const heard = this.awareness.meta.get(clientId)?.lastUpdated ?? 0;
      const known = byIdentity.get(peer.id);
      if (!known || heard > known.heard || (heard === known.heard && clientId > known.peer.clientId)) byIdentity.set(peer.id, { peer, heard });
    });
    return [...anonymous, ...[...byIdentity.values()].map((entry) => entry.peer)].sort((a, b) => a.clientId - b.clientId);
  }

  setIdentity(identity: Identity): void {
    this.selfId = identity.id;
    if (this.awareness.getLocalState()) this.awareness.setLocalStateField('user', publicIdentity(identity));
  }

  /**
   * Another tab settled on another identity secret: connect again proving that one (the relay
   * binds an identity to a connection when it opens).
   */
  setIdentitySecret(secret: string): void {
    if (this.provider.params.identity === secret) return;
    this.provider.params = { ...this.provider.params, identity: secret };
    if (this.destroyed || !this.provider.shouldConnect) return;
    this.provider.disconnect();
    this.provider.connect();
  }

  setView(view: PeerView | null): void {
    this.awareness.setLocalStateField('view', view);
  }

  setCursor(cursor: { x: number; y: number } | null): void {
    this.awareness.setLocalStateField('cursor', cursor);
  }

  setSelection(selection: readonly string[]): void {
    this.awareness.setLocalStateField('selection', [...selection]);
  }

  destroy(): void {
    this.destroyed = true;
    this.statusListeners.clear();
    this.peerListeners.clear();
    this.accessListeners.clear();
    this.offBrowser();
    this.awareness.setLocalState(null);
    this.provider.destroy();
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private publishPeers(): void {
    const peers = this.peers();
    for (const listener of this.peerListeners) listener(peers);
  }
}
