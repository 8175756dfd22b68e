import type * as Y from 'yjs';
import { z } from 'zod';
import { versionPath, versionsPath } from '../access/routes';
import { clampText, LIMITS } from '../model/limits';
import { CHECKPOINT_REASONS, VERSION_LIMITS, type CheckpointReason, type VersionInfo } from '../model/versions';
import { fromJSON } from '../schema/file';
import { apiCall, ShareApiError } from './api';

export { isUnreachable } from './api';

/**
 * The relay's version history API (the README's API section; paths from src/access/routes.ts).
 * Errors are ShareApiErrors as for the share API: the relay's status (403 a role that may not
 * make versions, 409 named versions fill the map's limit, 429 too many writes), 0 when the relay
 * could not be reached, 502 when it answered something that is not what the contract says.
 */

export interface VersionsApiOptions {
  /** the relay's origin; '' (this page's) in the app */
  base?: string;
}

/** What the relay says of a version, checked: a list entry shown to the user comes from the network. */
const countSchema = z.number().int().nonnegative();
const versionInfoSchema = z.object({
  id: z.string().regex(/^[0-9A-Za-z]{1,32}$/),
  name: z.string().transform((name) => clampText(name, VERSION_LIMITS.name)),
  kind: z.enum(['named', 'auto']),
  reason: z.enum(CHECKPOINT_REASONS).nullable(),
  createdAt: z.string().refine((at) => at.length <= 40 && Number.isFinite(Date.parse(at))),
  by: z.string().transform((by) => clampText(by, LIMITS.author)),
  counts: z.object({ stages: countSchema, cards: countSchema, pains: countSchema, opportunities: countSchema }),
});

function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ShareApiError(502, 'the relay answered something that is not a version');
  return parsed.data;
}

/** JSON bodies that are not JSON (a proxy's error page) count as a bad answer, not a crash. */
async function request<T>(path: string, init: Parameters<typeof apiCall>[1]): Promise<T> {
  try {
    return await apiCall<T>(path, init);
  } catch (error) {
    if (error instanceof ShareApiError) throw error;
    throw new ShareApiError(502, 'the relay answered something that is not JSON');
  }
}

/** The map's versions on the relay, newest first (any token of the map). */
export async function fetchVersionList(mapId: string, token: string, options: VersionsApiOptions = {}): Promise<VersionInfo[]> {
  const body = await request<unknown>(versionsPath(mapId), { token, base: options.base });
  // one entry this client cannot read (a newer relay's reason, say) leaves the others listed
  const entries = checked(z.object({ versions: z.array(z.unknown()) }), body).versions;
  return entries.flatMap((entry) => {
    const parsed = versionInfoSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A named version of the room as the relay holds it now (owner and edit tokens). */
export async function postNamedVersion(mapId: string, token: string, name: string, by: string, options: VersionsApiOptions = {}): Promise<VersionInfo> {
  const body = await request<unknown>(versionsPath(mapId), { method: 'POST', token, base: options.base, body: JSON.stringify({ name, by }) });
  return checked(versionInfoSchema, body);
}

/** A checkpoint on the relay before a restore or an import replaces the content (owner and edit tokens). */
export async function postCheckpoint(
  mapId: string,
  token: string,
  reason: Extract<CheckpointReason, 'restore' | 'import'>,
  by: string,
  options: VersionsApiOptions = {},
): Promise<VersionInfo> {
  const body = await request<unknown>(versionsPath(mapId), { method: 'POST', token, base: options.base, body: JSON.stringify({ name: '', reason, by }) });
  return checked(versionInfoSchema, body);
}

/**
 * One version's content: the relay sends it as a Waymark file, read like any imported file
 * (checked, migrated, images kept) into a new map doc the caller destroys. The file's feedback
 * (comments, votes) is no part of a version and is dropped.
 */
export async function fetchVersionDoc(mapId: string, token: string, versionId: string, options: VersionsApiOptions = {}): Promise<Y.Doc> {
  const body = await request<unknown>(versionPath(mapId, versionId), { token, base: options.base });
  const read = fromJSON(body);
  if (!read.ok) throw new ShareApiError(502, `the version is not a readable Waymark file: ${read.issues[0]?.message ?? ''}`);
  read.feedback.destroy();
  return read.doc;
}
