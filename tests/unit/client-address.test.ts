import type http from 'node:http';
import type net from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/address';

const socket = (remoteAddress: string | undefined) => ({ remoteAddress }) as net.Socket;
const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({ socket: socket(remoteAddress), headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as http.IncomingMessage;

describe('the client address every per-address limit counts by', () => {
  it('is the peer of the socket when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), 0)).toBe('203.0.113.7');
    expect(clientAddress(socket('203.0.113.7'))).toBe('203.0.113.7');
  });

  it('behind one trusted proxy is the right-most X-Forwarded-For entry, so a forged left part gives no fresh quota', () => {
    // the client sent "X-Forwarded-For: 1.1.1.1"; our proxy appended the address it saw
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 198.51.100.9'), 1)).toBe('198.51.100.9');
    expect(clientAddress(request('10.0.0.2', '2.2.2.2, 198.51.100.9'), 1)).toBe('198.51.100.9');
    // repeated headers count as one list
    expect(clientAddress(request('10.0.0.2', ['1.1.1.1', '198.51.100.9']), 1)).toBe('198.51.100.9');
  });

  it('behind two trusted proxies is the second entry from the right', () => {
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.9, 10.0.0.1'), 2)).toBe('198.51.100.9');
    // fewer entries than proxies: the left-most there is
    expect(clientAddress(request('10.0.0.2', '198.51.100.9'), 2)).toBe('198.51.100.9');
  });

  it('behind a trusted proxy falls back to the peer without X-Forwarded-For or when the entry is not an address', () => {
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', 'unknown'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '198.51.100.9, '), 1)).toBe('198.51.100.9');
    // a socket has no headers: its peer
    expect(clientAddress(socket('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('reads ports and brackets as some proxies write them', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.9:51234'), 1)).toBe('198.51.100.9');
    expect(clientAddress(request('10.0.0.2', '[2001:db8:1:2::5]:443'), 1)).toBe('2001:db8:1:2::/64');
  });

  it('counts an IPv4-mapped address as IPv4 and an IPv6 address as its /64 network', () => {
    expect(clientAddress(socket('::ffff:192.0.2.1'))).toBe('192.0.2.1');
    expect(clientAddress(socket('2001:db8:1:2:aaaa:bbbb:cccc:dddd'))).toBe('2001:db8:1:2::/64');
    expect(clientAddress(socket('2001:0db8:0001:0002::1'))).toBe('2001:db8:1:2::/64');
    expect(clientAddress(socket('2001:db8::1'))).toBe('2001:db8:0:0::/64');
    expect(clientAddress(socket('2001:db8:1:3::1'))).not.toBe(clientAddress(socket('2001:db8:1:2::1')));
    expect(clientAddress(socket('::1'))).toBe('0:0:0:0::/64');
    expect(clientAddress(socket('fe80::1%eth0'))).toBe('fe80:0:0:0::/64');
    expect(clientAddress(socket(undefined))).toBe('unknown');
  });
});
