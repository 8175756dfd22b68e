import * as z from 'zod';
import { MAP_ID } from '../access/mapId';
import { exportFileName } from '../export/filename';
import { shareLink } from './shares';

/**
 * The owner key: the owner token of a shared map, kept by the owner outside this browser so that
 * another device or browser can take over as owner (manage links, lock the map). It travels as an
 * owner link (a share link with the owner token, `/map/<id>#token=…`) or as a small key file,
 * `<title>.waymark-key.json`, made only when the owner asks for it.
 *
 * A key file is read as hostile input: it may be anything a user picks, so it is size-checked
 * before parsing, every field is checked, and a key for another relay is refused (its token would
 * otherwise be sent to this one).
 */

export const OWNER_KEY_FORMAT = 'waymark-owner-key';
export const OWNER_KEY_EXTENSION = 'waymark-key.json';
/** a key file is a few hundred bytes; anything much bigger is not one */
export const OWNER_KEY_MAX_BYTES = 4096;
const MAX_TITLE_LENGTH = 200;

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

export type OwnerKey = z.infer<typeof ownerKeySchema>;

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export interface OwnerKeyInput {
  mapId: string;
  mapTitle: string;
  relay: string;
  ownerToken: string;
  note: string;
  now?: Date;
}

/** The key file's content: pretty JSON, so someone who opens it sees what it is. */
export function ownerKeyFile({ mapId, mapTitle, relay, ownerToken, note, now = new Date() }: OwnerKeyInput): { fileName: string; text: string } {
  const key: OwnerKey = {
    format: OWNER_KEY_FORMAT,
    version: 1,
    mapId,
    mapTitle: Array.from(mapTitle).slice(0, MAX_TITLE_LENGTH).join(''),
    relay,
    ownerToken,
    createdAt: now.toISOString(),
    note,
  };
  return { fileName: exportFileName(mapTitle, OWNER_KEY_EXTENSION, 'waymark-map'), text: `${JSON.stringify(key, null, 2)}\n` };
}

/** The owner link: like the other links, with the owner token. */
export const ownerLink = (origin: string, mapId: string, ownerToken: string): string => shareLink(origin, mapId, ownerToken);

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
  const parsed = ownerKeySchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'notAKey' };
  if (parsed.data.relay !== originOf(origin)) return { ok: false, problem: 'otherRelay' };
  return { ok: true, key: parsed.data };
}
