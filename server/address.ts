import type http from 'node:http';
import net from 'node:net';

/**
 * The address every per-address limit counts a client under (registrations, WebSockets, TCP
 * sockets): one function, so that all limits agree on who a client is.
 *
 * - Without a trusted proxy (`trustProxy` 0, the default) it is the socket's peer address, and
 *   X-Forwarded-For is ignored: anyone can send that header.
 * - Behind `trustProxy` = n proxies, each of which appends the address it received the request
 *   from to X-Forwarded-For, the client is the n-th entry from the right (with one proxy, the
 *   right-most entry): the entries to its right were written by our own proxies, the ones to
 *   its left by whoever sent the request, so they are whatever an attacker wants them to be
 *   (taking the left-most entry would give every forged request a fresh quota). A request with
 *   fewer entries than proxies counts under the left-most entry there is; one whose entry is not
 *   an IP address, under the socket's peer (the proxy).
 * - IPv4-mapped IPv6 addresses count as their IPv4 address, and an IPv6 address counts as its
 *   /64 network: a single host usually gets a whole /64, so counting each IPv6 address on its
 *   own would give it 2^64 quotas.
 */
export function clientAddress(source: http.IncomingMessage | net.Socket, trustProxy = 0): string {
  const socket = isRequest(source) ? source.socket : source;
  const peer = normalize(socket.remoteAddress) ?? 'unknown';
  if (trustProxy <= 0 || !isRequest(source)) return peer;
  const header = source.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return peer;
  // the socket's peer is the last proxy; each proxy hop back is one entry further left
  const entry = entries[Math.max(0, entries.length - trustProxy)]!;
  return normalize(stripPort(entry)) ?? peer;
}

function isRequest(source: http.IncomingMessage | net.Socket): source is http.IncomingMessage {
  return 'headers' in source && 'socket' in source;
}

/** `1.2.3.4:5678` and `[2001:db8::1]:443` as some proxies write them; a bare address stays as it is. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}

/** An IPv4 address as it is, an IPv6 address as its /64 network; null for what is not an address. */
export function normalize(address: string | undefined): string | null {
  if (!address) return null;
  const unzoned = address.replace(/%.*$/, '');
  const kind = net.isIP(unzoned);
  if (kind === 4) return unzoned;
  if (kind !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(unzoned);
  if (mapped) return mapped[1]!;
  return `${expand(unzoned).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case hex without leading zeros. */
function expand(address: string): string[] {
  let text = address.toLowerCase();
  // a trailing embedded IPv4 address (::ffff:… handled above, also e.g. 64:ff9b::1.2.3.4)
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
