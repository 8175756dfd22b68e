import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import type { Role } from '../../src/access/roles';
import { parseApiPath } from '../../src/access/routes';
import { readJourney } from '../../src/model/doc';
import { newId } from '../../src/model/ids';
import { versionCounts, sortVersions, namedVersionFits, type VersionInfo } from '../../src/model/versions';
import { toJSON } from '../../src/schema/file';

/**
 * A small real HTTP server that answers the relay's version routes as the contract says
 * (README, "Version history"): GET the list (any token), POST a named version or a checkpoint
 * (owner and edit; 403 otherwise; 409 when named versions fill `maxNamed`), GET one version as
 * a Waymark file. It snapshots `room`, which stands for the relay's room state. `down` makes it
 * drop every connection, as an unreachable relay looks to fetch; `posts` records what came in.
 * For the device's side of version history until the relay's routes land beside it.
 */
export interface VersionRelay {
  base: string;
  mapId: string;
  room: Y.Doc;
  down: boolean;
  maxNamed: number;
  posts: { name: string; reason: string | null; by: string }[];
  /** when set, the list answers this body instead (a relay gone wrong) */
  rawList: unknown;
  versions: { info: VersionInfo; snapshot: Uint8Array }[];
  close(): Promise<void>;
}

export async function startVersionRelay(mapId: string, tokens: Record<string, Role>, room: Y.Doc): Promise<VersionRelay> {
  const relay: VersionRelay = {
    base: '',
    mapId,
    room,
    down: false,
    maxNamed: 50,
    posts: [],
    rawList: undefined,
    versions: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    if (relay.down) {
      req.socket.destroy();
      return;
    }
    const route = parseApiPath(new URL(req.url ?? '/', 'http://relay').pathname);
    const role = tokens[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
    if (!route || route.route !== 'versions' || route.mapId !== mapId) return answer(res, 404, { error: 'not found' });
    if (!role) return answer(res, 401, { error: 'unauthorized' });
    if (req.method === 'GET' && route.versionId === null) {
      return answer(res, 200, relay.rawList ?? { versions: sortVersions(relay.versions.map((v) => v.info)) });
    }
    if (req.method === 'GET') {
      const version = relay.versions.find((v) => v.info.id === route.versionId);
      if (!version) return answer(res, 404, { error: 'no such version' });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, version.snapshot);
      answer(res, 200, toJSON(doc));
      doc.destroy();
      return;
    }
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      if (role !== 'owner' && role !== 'edit') return answer(res, 403, { error: 'this link cannot make versions' });
      const body = JSON.parse(text) as { name: string; reason?: string; by: string };
      const reason = body.reason ?? null;
      if (reason === null && !namedVersionFits(relay.versions.map((v) => v.info), relay.maxNamed)) return answer(res, 409, { error: 'named versions fill the limit' });
      relay.posts.push({ name: body.name, reason, by: body.by });
      const info: VersionInfo = {
        id: newId(),
        name: reason === null ? body.name : '',
        kind: reason === null ? 'named' : 'auto',
        reason: reason as VersionInfo['reason'],
        createdAt: new Date().toISOString(),
        by: body.by,
        counts: versionCounts(readJourney(relay.room)),
      };
      relay.versions.push({ info, snapshot: Y.encodeStateAsUpdate(relay.room) });
      answer(res, 201, info);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}
