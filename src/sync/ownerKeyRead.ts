import * as z from 'zod';
import { MAP_ID } from '../access/mapId';
import { MAX_TITLE_LENGTH, OWNER_KEY_FORMAT, OWNER_KEY_MAX_BYTES, type OwnerKey } from './ownerKey';

/**
 * Reading an owner key file (ownerKey.ts). A key file is read as hostile input: it may be anything
 * a user picks, so it is size-checked before parsing, every field is checked, and a key for another
 * relay is refused (its token would otherwise be sent to this one). Kept apart from ownerKey.ts so
 * that the checks load only when someone opens a key file.
 */

/** A token as links carry it (shares.ts, `tokenFromFragment`). */
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

const ownerKeySchema = z.object({
  format: z.literal(OWNER_KEY_FORMAT),
  version: z.literal(1),
  mapId: z.string().regex(MAP_ID),
  mapTitle: z.string().max(MAX_TITLE_LENGTH),
  /** the origin of the app and relay the map is shared on, e.g. `https://maps.example.com` */
  relay: z.string().max(300).refine((value) => originOf(value) === value, 'an origin'),
  ownerToken: z.string().regex(TOKEN),
  createdAt: z.iso.datetime(),
  /** for whoever opens the file in a text editor: what it is and how to treat it (not read back) */
  note: z.string().max(1000).optional(),
});

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** the same type as ownerKey.ts declares: the two cannot drift apart */
const sameShape: z.ZodType<OwnerKey> = ownerKeySchema;

/** Why a key file cannot be used, each with its own message (sharing.ownerKey.errors.<reason>). */
export type OwnerKeyProblem = 'tooBig' | 'notJson' | 'notAKey' | 'otherRelay';

export type ReadOwnerKey = { ok: true; key: OwnerKey } | { ok: false; problem: OwnerKeyProblem };

/**
 * Reads a key file's bytes for this relay (`origin`). Nothing is stored or sent here; the caller
 * asks the relay whether the token is still the owner's before it keeps anything.
 */
export function readOwnerKey(bytes: Uint8Array, origin: string): ReadOwnerKey {
  if (bytes.byteLength > OWNER_KEY_MAX_BYTES) return { ok: false, problem: 'tooBig' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const parsed = sameShape.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'notAKey' };
  if (parsed.data.relay !== originOf(origin)) return { ok: false, problem: 'otherRelay' };
  return { ok: true, key: parsed.data };
}
