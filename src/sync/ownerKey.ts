import { exportFileName } from '../export/filename';
import { shareLink } from './shares';

/**
 * The owner key: the owner token of a shared map, kept by the owner outside this browser so that
 * another device or browser can take over as owner (manage links, lock the map). It travels as an
 * owner link (a share link with the owner token, `/map/<id>#token=…`) or as a small key file,
 * `<title>.waymark-key.json`, made only when the owner asks for it.
 *
 * Reading a key file is ownerKeyRead.ts, loaded only when someone opens one.
 */

/** What a key file holds (ownerKeyRead.ts checks each field). */
export interface OwnerKey {
  format: typeof OWNER_KEY_FORMAT;
  version: 1;
  mapId: string;
  mapTitle: string;
  /** the origin of the app and relay the map is shared on, e.g. `https://maps.example.com` */
  relay: string;
  ownerToken: string;
  createdAt: string;
  /** for whoever opens the file in a text editor: what it is and how to treat it (not read back) */
  note?: string;
}

export const OWNER_KEY_FORMAT = 'waymark-owner-key' as const;
export const OWNER_KEY_EXTENSION = 'waymark-key.json';
/** a key file is a few hundred bytes; anything much bigger is not one */
export const OWNER_KEY_MAX_BYTES = 4096;
export const MAX_TITLE_LENGTH = 200;

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

