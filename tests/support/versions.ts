import type * as Y from 'yjs';
import { versionPath, versionsPath } from '../../src/access/routes';
import { readJourney } from '../../src/model/doc';
import type { VersionInfo } from '../../src/model/versions';
import { httpUrl, spawnRelay, tempDataDir, type RelayProcess } from './relay';

/** An answer of the API: status, parsed body (or text), and headers. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = unknown>(port: number, path: string, token: string | null, init: { method?: string; body?: unknown; rawBody?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(httpUrl(port, path), { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

export const listVersions = (port: number, mapId: string, token: string | null) => call<{ versions: VersionInfo[] }>(port, versionsPath(mapId), token);

export const createVersion = (port: number, mapId: string, token: string | null, body: unknown) =>
  call<VersionInfo>(port, versionsPath(mapId), token, { method: 'POST', body });

export const fetchVersion = (port: number, mapId: string, token: string | null, id: string) => call<{ format: string; journey: { cards: Array<{ title: string }> } }>(port, versionPath(mapId, id), token);

/** Card titles of a doc or of a version file, sorted: what a person compares. */
export const cardTitles = (cards: ReadonlyArray<{ title: string }>) => cards.map((c) => c.title).sort();
export const docTitles = (doc: Y.Doc) => cardTitles(readJourney(doc).cards);

/** A relay in a child process, as production runs it, with a LevelDB store of its own. */
export async function spawnVersionRelay(env: Record<string, string> = {}, dataDir = tempDataDir()): Promise<RelayProcess & { dataDir: string }> {
  const relay = await spawnRelay({
    PORT: '0',
    STORE: 'leveldb',
    DATA_DIR: dataDir,
    VERSION_CREATES_PER_MAP_PER_MINUTE: '100000',
    VERSION_CREATES_PER_ADDRESS_PER_MINUTE: '100000',
    VERSION_READS_PER_ADDRESS_PER_MINUTE: '100000',
    ...env,
  });
  return { ...relay, dataDir };
}

/** SIGKILL, and wait for the exit. */
export async function kill(relay: RelayProcess): Promise<void> {
  if (relay.child.exitCode !== null || relay.child.signalCode !== null) return;
  relay.child.kill('SIGKILL');
  await relay.exited;
}
