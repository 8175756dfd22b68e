export const CHANNELS = ['web', 'app', 'email', 'phone', 'store', 'social', 'delivery', 'chat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Whether a channel is digital (online) or happens in person / by voice (offline).
 * Derived rather than stored, so a card can never claim "store, online".
 */
const ONLINE_CHANNELS: ReadonlySet<Channel> = new Set(['web', 'app', 'email', 'social', 'chat']);
export function isOnlineChannel(channel: Channel): boolean {
  return ONLINE_CHANNELS.has(channel);
}
