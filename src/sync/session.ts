import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Identity } from './identity';

export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'denied';

/** What a collaborator shows of themselves: name, colour, pointer and selection. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** in canvas coordinates, so it lands on the same card whatever each person's zoom */
  cursor: { x: number; y: number } | null;
  selection: string[];
}

export interface SyncOptions {
  /** default: this page's origin with ws(s) + /sync */
  serverUrl?: string;
  /** for Node tests */
  WebSocketPolyfill?: typeof WebSocket;
}

/** The relay closes a connection whose link was revoked or rotated with this code. */
const LINK_REVOKED = 4401;

export function defaultServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as Partial<Identity> | undefined;
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  const cursor = state.cursor as { x?: unknown; y?: unknown } | null | undefined;
  const selection = Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, 500) : [];
  return {
    clientId,
    // a peer's strings are hostile until proven otherwise: React renders them as text, and they are capped here
    name: user.name.slice(0, 60),
    color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b',
    cursor: cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number' && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
    selection,
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
  private current: ConnectionStatus = 'connecting';

  constructor(doc: Y.Doc, mapId: string, token: string, identity: Identity, options: SyncOptions = {}) {
    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), mapId, doc, {
      params: { token },
      // tabs already share updates through local storage's channel
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.awareness = this.provider.awareness;
    this.awareness.setLocalState({ user: identity, cursor: null, selection: [] });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.setStatus(this.provider.synced ? 'synced' : 'connecting');
      else if (status === 'connecting') this.setStatus(this.current === 'denied' ? 'denied' : 'connecting');
      else this.setStatus(this.current === 'denied' ? 'denied' : 'offline');
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.setStatus('synced');
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === LINK_REVOKED) {
        this.setStatus('denied');
        this.provider.shouldConnect = false;
      }
    });
    this.awareness.on('change', () => this.publishPeers());
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

  peers(): Peer[] {
    const out: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const peer = readPeer(clientId, state);
      if (peer) out.push(peer);
    });
    return out.sort((a, b) => a.clientId - b.clientId);
  }

  setIdentity(identity: Identity): void {
    this.awareness.setLocalStateField('user', identity);
  }

  setCursor(cursor: { x: number; y: number } | null): void {
    this.awareness.setLocalStateField('cursor', cursor);
  }

  setSelection(selection: readonly string[]): void {
    this.awareness.setLocalStateField('selection', [...selection]);
  }

  destroy(): void {
    this.statusListeners.clear();
    this.peerListeners.clear();
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
