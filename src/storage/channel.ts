/**
 * Tabs of one browser that have the same map open keep each other up to date over a
 * BroadcastChannel, without the relay. Messages carry raw Yjs update bytes:
 * - { kind: 'update', update }: an update one tab made or received;
 * - { kind: 'hello', stateVector }: a tab that just loaded asks the others for what it lacks;
 *   they answer with an 'update' holding the difference.
 */
export type TabMessage = { kind: 'update'; update: Uint8Array } | { kind: 'hello'; stateVector: Uint8Array };

export function mapChannelName(mapId: string): string {
  return `waymark:map:${mapId}`;
}

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

/** Opens a channel, or returns null where BroadcastChannel does not exist (or cannot be made). */
export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return null;
  }
  let open = true;
  channel.onmessage = (event: MessageEvent) => {
    const message = parseTabMessage(event.data);
    if (message) onMessage(message);
  };
  return {
    post(message) {
      if (!open) return;
      try {
        channel.postMessage(message);
      } catch {
        // a closed or broken channel only costs the other tabs a live update; the relay and
        // the database still carry it
      }
    },
    close() {
      if (!open) return;
      open = false;
      channel.onmessage = null;
      channel.close();
    },
  };
}

/** One message to a map's channel, for writers that do not keep the map open (the library). */
export function postToTabs(name: string, message: TabMessage): void {
  const channel = openTabChannel(name, () => {});
  if (!channel) return;
  channel.post(message);
  channel.close();
}

/** Anything that arrives on the channel is checked: another version of the app may be open. */
function parseTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as { kind?: unknown; update?: unknown; stateVector?: unknown };
  if (m.kind === 'update' && m.update instanceof Uint8Array) return { kind: 'update', update: m.update };
  if (m.kind === 'hello' && m.stateVector instanceof Uint8Array) return { kind: 'hello', stateVector: m.stateVector };
  return null;
}
