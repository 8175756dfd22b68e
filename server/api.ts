import type http from 'node:http';
import type { Logger } from 'pino';
import { clientAddress } from './address';
import { isMapId } from '../src/access/mapId';
import { writeRefusal, type LinkRole } from '../src/access/roles';
import { tokenField } from '../src/access/rooms';
import { parseApiPath } from '../src/access/routes';
import { SPACE_NAME_MAX_LENGTH } from '../src/access/spaces';
import type { AccessControl, MapAccess } from './auth';
import type { Metrics } from './metrics';
import type { AddressQuota, RegistrationQuota, VersionQuota } from './quotas';
import type { Rooms } from './rooms';
import { spaceNameOf, type JoinRefusal, type SpaceAccess } from './spaces';
import { DraftError, VersionRefused, readVersionDraft, type Versions } from './versions';

/** A JSON body bigger than this is refused with 413. */
export const MAX_API_BODY_BYTES = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: http.OutgoingHttpHeaders = {},
  ) {
    super(message);
  }
}

const methodNotAllowed = (allow: string) => new HttpError(405, `use ${allow}`, { Allow: allow });

function send(res: http.ServerResponse, status: number, body?: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  if (body === undefined) {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(json);
}

/** A body already written as JSON text (a version file, written as the export writes it). */
function sendJsonText(res: http.ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_API_BODY_BYTES) return reject(new HttpError(413, `body over ${MAX_API_BODY_BYTES} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_API_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new HttpError(413, `body over ${MAX_API_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** A JSON body that must be an object: anything else is a 400. */
function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object');
  return body as Record<string, unknown>;
}

function bearer(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

const unauthorized = () => new HttpError(401, 'a valid token for this map is required');
const spaceUnauthorized = () => new HttpError(401, 'a valid token for this space is required');

/** What each refusal to add a map to a space answers. */
const JOIN_REFUSALS: Record<JoinRefusal, () => HttpError> = {
  unauthorized: spaceUnauthorized,
  forbidden: () => new HttpError(403, 'only owner and edit links of the space can add maps to it'),
  'map-unauthorized': () => new HttpError(401, "moving a map in takes the map's own valid owner token"),
  'map-forbidden': () => new HttpError(403, "moving a map in takes the map's own owner token, not another of its links"),
  taken: () => new HttpError(409, 'the map is in a space already'),
  full: () => new HttpError(409, 'the space holds as many maps as it may (MAX_MAPS_PER_SPACE)'),
};

/** What the API needs besides the access records: the registration quota, and who a client is. */
export interface ApiOptions {
  registrations: RegistrationQuota;
  /** spaces; without them, /api/spaces answers 404 */
  spaces?: SpaceAccess;
  /** TRUST_PROXY: how many proxies' X-Forwarded-For entries to trust (address.ts) */
  trustProxy: number;
  metrics?: Metrics;
  /** version history; without it, /versions answers 404 */
  versions?: VersionApi;
}

/** What the /versions routes need: the versions, the rooms in memory (for their live state) and their quotas. */
export interface VersionApi {
  versions: Versions;
  rooms: Rooms;
  creates: VersionQuota;
  reads: AddressQuota;
}

const tooMany = (what: string, retryAfterSeconds: number) =>
  new HttpError(429, `${what}; try again in ${retryAfterSeconds} s`, { 'Retry-After': String(retryAfterSeconds) });

/**
 * The JSON API for maps and their links (README, "Sharing and the relay"):
 *
 *   POST   /api/maps                          {id} → 201 {id, ownerToken, editToken, commentToken, viewToken}, always
 *   POST   /api/maps/:id/links/:role/rotate   owner → 200 {token}; the old token stops working
 *   DELETE /api/maps/:id/links/:role          owner → 204; no token for the role until rotated
 *   PUT    /api/maps/:id/lock                 owner, {locked: boolean} → 200 {locked}; edit connections to the map room close with 4409
 *   GET    /api/maps/:id/access               any token → 200 {role, locked}, and {space: <spaceId>} for a space token
 *   GET    /api/maps/:id/links                owner → 200 {editToken?, commentToken?, viewToken?} (null: turned off; absent: not known)
 *   POST   /api/maps/:id/owner/rotate         owner → 200 {token}; the old owner token stops working, its connections close with 4401
 *   GET    /api/maps/:id/versions             any token → 200 {versions: VersionInfo[]}, newest first
 *   POST   /api/maps/:id/versions             owner, or edit unless locked; {name, by?} → 201 VersionInfo (named), or
 *                                             {name: "", reason: "restore"|"import", by?} → 201 VersionInfo (a checkpoint);
 *                                             409 when named versions fill the map's limits
 *   GET    /api/maps/:id/versions/:versionId  any token → 200 the version as a Waymark file (as the JSON export writes it); 404 unknown
 *
 * Spaces (spaces.ts): a space token opens every map of its space with its role, so the map routes
 * that any token may use (access, versions) take space tokens too; the owner's map routes (links,
 * lock, owner key) take only the map's own owner token (a space token gets 403).
 *
 *   POST   /api/spaces                        {name} → 201 {id, ownerToken, editToken, commentToken, viewToken} (the registration quota)
 *   POST   /api/spaces/:id/maps               space owner or edit, {id} → 201 {id, addedAt, registered: {id, ownerToken, …}}: a new map registered in the space;
 *                                             {id, ownerToken: <the map's own owner token>} → 201 {id, addedAt, registered: null}: a map moved in
 *                                             (it keeps its registration, rooms, content and links); 409 when it is in a space already or the
 *                                             space is full (MAX_MAPS_PER_SPACE); the registration quota
 *   GET    /api/spaces/:id/maps               any space token → 200 {name, role, maps: [{id, addedAt}]}, oldest first
 *   GET    /api/spaces/:id/access             any space token → 200 {role, name}
 *   POST   /api/spaces/:id/links/:role/rotate space owner → 200 {token}; the old token's connections (space room and every map of the space) close with 4401
 *   DELETE /api/spaces/:id/links/:role        space owner → 204; no token for the role until rotated; its connections close with 4401
 *   GET    /api/spaces/:id/links              space owner → 200 {editToken?, commentToken?, viewToken?}
 *
 * Registering never reveals whether an id exists: every registration is a share of its own, with
 * its own access record and rooms (auth.ts, `accessKey`), and its tokens carry its registration
 * id, so the operations below find the share from the token. An id registered by someone else
 * is registered again, separately, and neither share can see or touch the other.
 *
 * Owner operations take `Authorization: Bearer <ownerToken>`. A missing or wrong token and an
 * unknown map answer alike (401); a valid token of another role gets 403. Errors are `{error}`.
 * Registrations are limited per client address and in total per minute, version creates per
 * address and per map, version files per address: over any, 429 with Retry-After (seconds).
 * Versions belong to a share (its access key, found from the token), like its rooms.
 */
export function createApi(access: AccessControl, log: Logger, options: ApiOptions) {
  /**
   * The caller's access if its token is the map's own owner token: 401 for no valid token, 403
   * for another role, or for a space token (even the space owner's: the map's links, lock and
   * owner key stay its own owner's).
   */
  async function ownerOf(mapId: string, token: string | null, refusal: string): Promise<MapAccess> {
    const caller = await access.accessOf(mapId, token);
    if (!caller) throw unauthorized();
    if (caller.role !== 'owner' || caller.space !== null) throw new HttpError(403, refusal);
    return caller;
  }

  /** Spends one registration (a map, a space, a map added to a space) of the caller's address, or throws 429. */
  async function takeRegistration(req: http.IncomingMessage, what: string): Promise<void> {
    // every attempt counts, valid or not: the quota is what bounds the work anyone can cause
    const refused = await options.registrations.take(clientAddress(req, options.trustProxy));
    if (!refused) return;
    options.metrics?.registrationsRefused.inc({ scope: refused.scope });
    const who = refused.scope === 'address' ? 'from this address' : 'on this server';
    throw tooMany(`too many ${what} ${who}`, refused.retryAfterSeconds);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    const method = req.method ?? 'GET';
    const path = parseApiPath(pathname);
    if (path?.route === 'maps') {
      if (method !== 'POST') throw methodNotAllowed('POST');
      await takeRegistration(req, 'map registrations');
      const body = await readJson(req);
      const id = (body as { id?: unknown } | null)?.id;
      if (!isMapId(id)) {
        throw new HttpError(400, 'id must be 1 to 64 letters, digits, "-" or "_"');
      }
      const created = await access.register(id);
      log.info({ map: id, access: access.keyOf(id, created.ownerToken) }, 'map registered');
      return send(res, 201, created);
    }
    if (path?.route === 'link') {
      const { mapId, role, rotate } = path;
      if (role === null) throw new HttpError(400, 'role must be "edit", "comment" or "view"');
      if (rotate ? method !== 'POST' : method !== 'DELETE') throw methodNotAllowed(rotate ? 'POST' : 'DELETE');
      const token = bearer(req);
      const caller = await ownerOf(mapId, token, "only the map's owner can change its links");
      if (rotate) {
        const fresh = await access.rotate(caller.key, token, role);
        if (!fresh) throw unauthorized();
        log.info({ map: mapId, access: caller.key, role }, 'link rotated');
        return send(res, 200, { token: fresh });
      }
      if (!(await access.revoke(caller.key, token, role))) throw unauthorized();
      log.info({ map: mapId, access: caller.key, role }, 'link revoked');
      return send(res, 204);
    }
    if (path?.route === 'lock') {
      const { mapId } = path;
      if (method !== 'PUT') throw methodNotAllowed('PUT');
      const token = bearer(req);
      const caller = await ownerOf(mapId, token, "only the map's owner can lock or unlock it");
      const body = await readJson(req);
      const locked = (body as { locked?: unknown } | null)?.locked;
      if (typeof locked !== 'boolean') throw new HttpError(400, 'body must be {"locked": true} or {"locked": false}');
      const now = await access.setLocked(caller.key, token, locked);
      if (now === null) throw unauthorized();
      log.info({ map: mapId, access: caller.key, locked: now }, now ? 'map locked' : 'map unlocked');
      return send(res, 200, { locked: now });
    }
    if (path?.route === 'links') {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const token = bearer(req);
      const caller = await ownerOf(path.mapId, token, 'only the owner can see the links');
      const links = await access.links(caller.key, token);
      if (!links) throw unauthorized();
      return send(res, 200, Object.fromEntries(Object.entries(links).map(([role, value]) => [tokenField(role as LinkRole), value])));
    }
    if (path?.route === 'ownerRotate') {
      if (method !== 'POST') throw methodNotAllowed('POST');
      const token = bearer(req);
      const caller = await ownerOf(path.mapId, token, 'only the owner can replace the owner key');
      const fresh = await access.rotateOwner(caller.key, token);
      if (!fresh) throw unauthorized();
      log.info({ map: path.mapId, access: caller.key, role: 'owner' }, 'owner key rotated');
      return send(res, 200, { token: fresh });
    }
    if (path?.route === 'access') {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const granted = await access.accessOf(path.mapId, bearer(req));
      if (!granted) throw unauthorized();
      // a space token's answer names its space: the map's owner routes are not for it, even as 'owner'
      return send(res, 200, { role: granted.role, locked: granted.locked, ...(granted.space === null ? {} : { space: granted.space }) });
    }
    if (path?.route === 'versions' && options.versions) return versionsRoute(req, res, method, path.mapId, path.versionId, options.versions);
    if (options.spaces && path && (path.route === 'spaces' || path.route === 'spaceMaps' || path.route === 'spaceAccess' || path.route === 'spaceLink' || path.route === 'spaceLinks')) {
      return spacesRoute(req, res, method, path, options.spaces);
    }
    throw new HttpError(404, 'not found');
  }

  type SpaceRoute = Extract<NonNullable<ReturnType<typeof parseApiPath>>, { route: 'spaces' | 'spaceMaps' | 'spaceAccess' | 'spaceLink' | 'spaceLinks' }>;

  async function spacesRoute(req: http.IncomingMessage, res: http.ServerResponse, method: string, path: SpaceRoute, spaces: SpaceAccess): Promise<void> {
    if (path.route === 'spaces') {
      if (method !== 'POST') throw methodNotAllowed('POST');
      await takeRegistration(req, 'registrations');
      const name = spaceNameOf((objectBody(await readJson(req)) as { name?: unknown }).name);
      if (name === null) throw new HttpError(400, `name must be 1 to ${SPACE_NAME_MAX_LENGTH} characters on one line`);
      const created = await spaces.create(name);
      options.metrics?.spacesCreated.inc();
      log.info({ space: created.id }, 'space created');
      return send(res, 201, created);
    }
    const { spaceId } = path;
    const token = bearer(req);
    if (path.route === 'spaceMaps') {
      if (method === 'GET') {
        const view = await spaces.list(spaceId, token);
        if (!view) throw spaceUnauthorized();
        return send(res, 200, view);
      }
      if (method !== 'POST') throw methodNotAllowed('GET, POST');
      await takeRegistration(req, 'registrations');
      const body = objectBody(await readJson(req)) as { id?: unknown; ownerToken?: unknown };
      if (!isMapId(body.id)) throw new HttpError(400, 'id must be 1 to 64 letters, digits, "-" or "_"');
      if (body.ownerToken !== undefined && typeof body.ownerToken !== 'string') throw new HttpError(400, 'ownerToken, when given, must be the map\'s owner token');
      const moving = typeof body.ownerToken === 'string';
      const result = moving ? await spaces.moveMap(spaceId, token, body.id, body.ownerToken as string) : await spaces.addMap(spaceId, token, body.id);
      if (!result.ok) throw JOIN_REFUSALS[result.refusal]();
      const key = access.keyOf(body.id, result.registered?.ownerToken ?? (body.ownerToken as string));
      log.info({ space: spaceId, map: body.id, access: key }, moving ? 'map moved into a space' : 'map registered in a space');
      return send(res, 201, { ...result.listing, registered: result.registered });
    }
    if (path.route === 'spaceAccess') {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const view = await spaces.list(spaceId, token);
      if (!view) throw spaceUnauthorized();
      return send(res, 200, { role: view.role, name: view.name });
    }
    if (path.route === 'spaceLinks') {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const role = await spaces.roleOf(spaceId, token);
      if (!role) throw spaceUnauthorized();
      if (role !== 'owner') throw new HttpError(403, "only the space's owner can see its links");
      const links = await spaces.links(spaceId, token);
      if (!links) throw spaceUnauthorized();
      return send(res, 200, Object.fromEntries(Object.entries(links).map(([linkRole, value]) => [tokenField(linkRole as LinkRole), value])));
    }
    const { role, rotate } = path;
    if (role === null) throw new HttpError(400, 'role must be "edit", "comment" or "view"');
    if (rotate ? method !== 'POST' : method !== 'DELETE') throw methodNotAllowed(rotate ? 'POST' : 'DELETE');
    const callerRole = await spaces.roleOf(spaceId, token);
    if (!callerRole) throw spaceUnauthorized();
    if (callerRole !== 'owner') throw new HttpError(403, "only the space's owner can change its links");
    if (rotate) {
      const fresh = await spaces.rotate(spaceId, token, role);
      if (!fresh) throw spaceUnauthorized();
      log.info({ space: spaceId, role }, 'space link rotated');
      return send(res, 200, { token: fresh });
    }
    if (!(await spaces.revoke(spaceId, token, role))) throw spaceUnauthorized();
    log.info({ space: spaceId, role }, 'space link revoked');
    return send(res, 204);
  }

  async function versionsRoute(req: http.IncomingMessage, res: http.ServerResponse, method: string, mapId: string, versionId: string | null, api: VersionApi): Promise<void> {
    if (versionId === null ? method !== 'GET' && method !== 'POST' : method !== 'GET') throw methodNotAllowed(versionId === null ? 'GET, POST' : 'GET');
    const caller = await access.accessOf(mapId, bearer(req));
    if (!caller) throw unauthorized();
    const address = clientAddress(req, options.trustProxy);
    if (versionId !== null) {
      const wait = await api.reads.take(address);
      if (wait !== null) throw tooMany('too many version downloads from this address', wait);
      const file = await api.versions.file(caller.key, versionId);
      if (file === null) throw new HttpError(404, 'no such version');
      return sendJsonText(res, 200, file);
    }
    if (method === 'GET') {
      // a list reads and sorts up to a thousand entries: it counts against the same per-address reads as a file
      const wait = await api.reads.take(address);
      if (wait !== null) throw tooMany('too many version requests from this address', wait);
      return send(res, 200, { versions: await api.versions.list(caller.key) });
    }
    const refusal = writeRefusal(caller.role, 'map', caller.locked);
    if (refusal === 'locked') throw new HttpError(403, 'the owner has locked this map: only the owner can make versions');
    if (refusal) throw new HttpError(403, 'only owner and edit links can make versions');
    let draft;
    try {
      draft = readVersionDraft(await readJson(req));
    } catch (error) {
      if (error instanceof DraftError) throw new HttpError(400, error.message);
      throw error;
    }
    const refused = await api.creates.take(address, caller.key);
    if (refused) {
      options.metrics?.versions.inc({ kind: draft.kind, result: 'refused' });
      throw tooMany(`too many new versions ${refused.scope === 'address' ? 'from this address' : 'of this map'}`, refused.retryAfterSeconds);
    }
    let info;
    try {
      info = await api.versions.add(caller.key, draft, await api.versions.current(caller.key, api.rooms.get(caller.key)));
    } catch (error) {
      if (!(error instanceof VersionRefused)) {
        options.metrics?.versions.inc({ kind: draft.kind, result: 'failed' });
        throw error;
      }
      options.metrics?.versions.inc({ kind: draft.kind, result: 'refused' });
      throw new HttpError(409, error.message);
    }
    if (!info) {
      options.metrics?.versions.inc({ kind: draft.kind, result: 'refused' });
      throw new HttpError(409, 'no room for another checkpoint: named versions fill the map');
    }
    options.metrics?.versions.inc({ kind: draft.kind, result: 'stored' });
    log.info({ map: mapId, access: caller.key, version: info.id, kind: info.kind, reason: info.reason }, 'version created');
    return send(res, 201, info);
  }

  return (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void => {
    route(req, res, pathname).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof HttpError) {
        const headers: http.OutgoingHttpHeaders = { ...error.headers };
        if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer';
        if (error.status === 413) headers.Connection = 'close';
        send(res, error.status, { error: error.message }, headers);
        if (error.status === 413) res.once('finish', () => req.destroy());
        return;
      }
      log.error({ err: (error as Error).message }, 'api request failed');
      send(res, 500, { error: 'internal error' });
    });
  };
}
