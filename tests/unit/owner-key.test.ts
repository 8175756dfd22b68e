import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OWNER_KEY_MAX_BYTES, ownerKeyFile, ownerLink } from '../../src/sync/ownerKey';
import { readOwnerKey } from '../../src/sync/ownerKeyRead';
import { ownerShareFromKey, tokenFromFragment } from '../../src/sync/shares';

const ORIGIN = 'https://maps.example.com';
const TOKEN = 'AbCdEfGhIjKl' + 'x'.repeat(32);
const bytes = (text: string) => new TextEncoder().encode(text);
const keyText = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    ...JSON.parse(ownerKeyFile({ mapId: 'map-1', mapTitle: 'Returning a washing machine', relay: ORIGIN, ownerToken: TOKEN, note: 'keep it', now: new Date('2026-12-03T10:00:00Z') }).text),
    ...overrides,
  });

describe('the owner key file', () => {
  it('holds the format, the map, its relay, the owner token and the date, and reads back', () => {
    const file = ownerKeyFile({ mapId: 'map-1', mapTitle: 'Returning: a washing/machine?', relay: ORIGIN, ownerToken: TOKEN, note: 'keep it', now: new Date('2026-12-03T10:00:00Z') });
    expect(file.fileName).toBe('Returning a washing machine.waymark-key.json');
    const json = JSON.parse(file.text) as Record<string, unknown>;
    expect(json).toEqual({
      format: 'waymark-owner-key',
      version: 1,
      mapId: 'map-1',
      mapTitle: 'Returning: a washing/machine?',
      relay: ORIGIN,
      ownerToken: TOKEN,
      createdAt: '2026-12-03T10:00:00.000Z',
      note: 'keep it',
    });
    const read = readOwnerKey(bytes(file.text), ORIGIN);
    expect(read.ok && read.key.ownerToken).toBe(TOKEN);
    // the app's origin is compared as an origin: a trailing slash or a path do not matter
    expect(readOwnerKey(bytes(file.text), `${ORIGIN}/map/x`).ok).toBe(true);
  });

  it('names an untitled map’s file after Waymark, and keeps a long title short', () => {
    expect(ownerKeyFile({ mapId: 'm', mapTitle: '', relay: ORIGIN, ownerToken: TOKEN, note: '' }).fileName).toBe('waymark-map.waymark-key.json');
    const long = ownerKeyFile({ mapId: 'm', mapTitle: 'ä'.repeat(500), relay: ORIGIN, ownerToken: TOKEN, note: '' });
    expect(readOwnerKey(bytes(long.text), ORIGIN).ok).toBe(true);
  });

  it('the owner link is a share link with the owner token, which a link’s fragment reads back', () => {
    const link = ownerLink(ORIGIN, 'map-1', TOKEN);
    expect(link).toBe(`${ORIGIN}/map/map-1#token=${TOKEN}`);
    expect(tokenFromFragment(new URL(link).hash)).toBe(TOKEN);
  });

  it('refuses a key for another Waymark server: its token is not sent to this one', () => {
    expect(readOwnerKey(bytes(keyText()), 'https://other.example.com')).toEqual({ ok: false, problem: 'otherRelay' });
    expect(readOwnerKey(bytes(keyText()), 'http://maps.example.com')).toEqual({ ok: false, problem: 'otherRelay' });
  });

  it.each([
    ['another format', { format: 'waymark-map' }],
    ['another version', { version: 2 }],
    ['a map id with a slash', { mapId: 'map/feedback' }],
    ['a map id naming a registration', { mapId: 'map~abc' }],
    ['an empty map id', { mapId: '' }],
    ['a short token', { ownerToken: 'short' }],
    ['a token too long', { ownerToken: 'x'.repeat(201) }],
    ['a token with other characters', { ownerToken: `${TOKEN.slice(0, 40)}&a=b` }],
    ['a number for a token', { ownerToken: 12345678901234567890 }],
    ['no token', { ownerToken: undefined }],
    ['a relay with a path', { relay: `${ORIGIN}/evil` }],
    ['a relay that is no web origin', { relay: 'javascript:alert(1)' }],
    ['a title too long', { mapTitle: 'x'.repeat(201) }],
    ['a date that is no date', { createdAt: 'yesterday' }],
  ])('refuses a file with %s', (_what, overrides) => {
    expect(readOwnerKey(bytes(keyText(overrides)), ORIGIN)).toEqual({ ok: false, problem: 'notAKey' });
  });

  it('refuses what is not JSON, not UTF-8, or too big before reading it', () => {
    expect(readOwnerKey(bytes('not json {'), ORIGIN)).toEqual({ ok: false, problem: 'notJson' });
    expect(readOwnerKey(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), ORIGIN)).toEqual({ ok: false, problem: 'notJson' });
    expect(readOwnerKey(bytes(''), ORIGIN)).toEqual({ ok: false, problem: 'notJson' });
    expect(readOwnerKey(bytes(keyText({ note: ' '.repeat(OWNER_KEY_MAX_BYTES) })), ORIGIN)).toEqual({ ok: false, problem: 'tooBig' });
    for (const json of ['null', '[]', '"waymark-owner-key"', '42', '{"__proto__":{"format":"waymark-owner-key"}}']) {
      expect(readOwnerKey(bytes(json), ORIGIN)).toEqual({ ok: false, problem: 'notAKey' });
    }
  });

  it('never throws, and accepts a field replaced by anything else only when it is still of its kind', () => {
    const original = JSON.parse(keyText()) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom('format', 'version', 'mapId', 'relay', 'ownerToken', 'createdAt'), fc.jsonValue(), (field, value) => {
        const read = readOwnerKey(bytes(keyText({ [field]: value })), ORIGIN);
        if (!read.ok) return;
        // the format, version and relay are fixed; the others only take strings of their pattern
        if (field === 'format' || field === 'version' || field === 'relay') expect(value).toEqual(original[field]);
        else expect(typeof value).toBe('string');
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (random) => {
      expect(readOwnerKey(random, ORIGIN).ok).toBe(false);
    }));
  });
});

describe('the share an owner key gives', () => {
  it('is the owner’s, with the links the relay unsealed, else those this device knew', () => {
    const known = { role: 'owner' as const, token: 'old-owner-token-0123', editToken: 'edit-known-0123456789', commentToken: null, viewToken: 'view-known-0123456789' };
    expect(ownerShareFromKey(TOKEN, { editToken: 'edit-new-0123456789', viewToken: null }, known)).toEqual({
      role: 'owner',
      token: TOKEN,
      editToken: 'edit-new-0123456789',
      commentToken: null,
      viewToken: null,
    });
    // a device that joined with an edit link keeps no link tokens of its own
    expect(ownerShareFromKey(TOKEN, {}, { role: 'edit', token: 'edit-known-0123456789' })).toEqual({ role: 'owner', token: TOKEN });
    expect(ownerShareFromKey(TOKEN, { commentToken: 'c-0123456789abcdef' }, null)).toEqual({ role: 'owner', token: TOKEN, commentToken: 'c-0123456789abcdef' });
  });
});
