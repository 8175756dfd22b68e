import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { API_MAPS, versionsPath } from '../../src/access/routes';
import { readJourney } from '../../src/model/doc';
import { addCard, deleteCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { VERSION_LIMITS } from '../../src/model/versions';
import { LIMITS } from '../../src/model/limits';
import { serializeMap } from '../../src/schema/file';
import { perTest } from '../support/perTest';
import { connect, registerMap, waitFor, whenSynced, type Tokens } from '../support/relay';
import { call, cardTitles, createVersion, docTitles, fetchVersion, kill, listVersions, spawnVersionRelay } from '../support/versions';

/*
 * Version history through the relay's API (issue 15), against the relay as production runs it:
 * a child process with a LevelDB store, real y-websocket clients making the edits.
 */

const { track } = perTest();
type Relay = Awaited<ReturnType<typeof spawnVersionRelay>>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shared map holding a template, open in an editor and a watcher (which sees what the relay has). */
async function sharedMap(port: number) {
  const map = await registerMap(port);
  const editor = track(connect(port, map.id, map.editToken, createMapFromTemplate('retail', 'en')));
  const watcher = track(connect(port, map.id, map.viewToken));
  await Promise.all([whenSynced(editor), whenSynced(watcher)]);
  await waitFor(() => readJourney(watcher.doc).cards.length === readJourney(editor.doc).cards.length && readJourney(editor.doc).cards.length > 0, 'the watcher to see the map');
  const cell = () => {
    const { stages, lanes } = readJourney(editor.doc);
    return { stageId: stages[0]!.id, laneId: lanes[0]!.id };
  };
  /** an edit, resolved once the relay has stored and passed it on */
  const edit = async (change: () => void) => {
    change();
    const want = JSON.stringify(docTitles(editor.doc));
    await waitFor(() => JSON.stringify(docTitles(watcher.doc)) === want, 'the edit to reach the watcher');
  };
  return { map, editor, watcher, cell, edit };
}

describe('version history through the API', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await spawnVersionRelay({ ROOM_IDLE_MS: '60000' });
  });
  afterAll(() => kill(relay));

  it('owner and edit links make named versions (201); comment and view get 403; no or a wrong token 401; every role lists and fetches them', async () => {
    const { map } = await sharedMap(relay.port);
    const byOwner = await createVersion(relay.port, map.id, map.ownerToken, { name: '  Before the Q3 workshop  ', by: 'Ana' });
    expect(byOwner.status).toBe(201);
    expect(byOwner.body).toMatchObject({ name: 'Before the Q3 workshop', kind: 'named', reason: null, by: 'Ana' });
    expect(byOwner.body.counts.cards).toBeGreaterThan(0);
    expect(byOwner.body.counts.stages).toBeGreaterThan(0);
    await pause(5);
    const byEditor = await createVersion(relay.port, map.id, map.editToken, { name: 'After sorting' });
    expect(byEditor.status).toBe(201);
    expect(byEditor.body.by).toBe('');

    for (const token of [map.commentToken, map.viewToken]) {
      const refused = await createVersion(relay.port, map.id, token, { name: 'Not mine to make' });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ error: expect.any(String) });
    }
    for (const token of [null, 'wrong-token', `${map.ownerToken.slice(0, 12)}${'x'.repeat(32)}`]) {
      expect((await createVersion(relay.port, map.id, token, { name: 'x' })).status).toBe(401);
      expect((await listVersions(relay.port, map.id, token)).status).toBe(401);
      expect((await fetchVersion(relay.port, map.id, token, byOwner.body.id)).status).toBe(401);
    }

    for (const token of [map.ownerToken, map.editToken, map.commentToken, map.viewToken]) {
      const list = await listVersions(relay.port, map.id, token);
      expect(list.status).toBe(200);
      expect(list.body.versions.map((v) => v.name)).toEqual(['After sorting', 'Before the Q3 workshop']); // newest first
      const file = await fetchVersion(relay.port, map.id, token, byOwner.body.id);
      expect(file.status).toBe(200);
      expect(file.body.format).toBe('waymark');
    }
  });

  it('an edit link cannot make a version while the owner has locked the map; the owner still can', async () => {
    const map = await registerMap(relay.port);
    const locked = await call(relay.port, `${API_MAPS}/${map.id}/lock`, map.ownerToken, { method: 'PUT', body: { locked: true } });
    expect(locked.status).toBe(200);
    const refused = await createVersion(relay.port, map.id, map.editToken, { name: 'While locked' });
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as { error: string }).error).toMatch(/locked/);
    expect((await createVersion(relay.port, map.id, map.ownerToken, { name: 'While locked' })).status).toBe(201);
  });

  it('a version is the map as the room held it when it was made, in the JSON export\'s exact shape, however the map changes later', async () => {
    const { map, editor, cell, edit } = await sharedMap(relay.port);
    await edit(() => addCard(editor.doc, { ...cell(), title: 'Queue at the counter' }));
    const then = new Y.Doc();
    Y.applyUpdate(then, Y.encodeStateAsUpdate(editor.doc));
    const made = await createVersion(relay.port, map.id, map.editToken, { name: 'With the queue' });
    expect(made.status).toBe(201);

    // later: a card is deleted, another added
    const first = readJourney(editor.doc).cards.find((c) => c.title !== 'Queue at the counter')!;
    await edit(() => deleteCard(editor.doc, first.id));
    await edit(() => addCard(editor.doc, { ...cell(), title: 'Added afterwards' }));

    const file = await fetchVersion(relay.port, map.id, map.viewToken, made.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^application\/json/);
    expect(file.text).toBe(serializeMap(then)); // byte for byte what the JSON export writes
    expect(cardTitles(file.body.journey.cards)).toEqual(docTitles(then));
    expect(cardTitles(file.body.journey.cards)).toContain(first.title);
    expect(cardTitles(file.body.journey.cards)).not.toContain('Added afterwards');
    expect(made.body.counts.cards).toBe(readJourney(then).cards.length);
  });

  it('the app asks for a checkpoint before a restore or an import: no name, a reason, an auto version', async () => {
    const { map } = await sharedMap(relay.port);
    const restore = await createVersion(relay.port, map.id, map.editToken, { name: '', reason: 'restore', by: 'Ben' });
    expect(restore.status).toBe(201);
    expect(restore.body).toMatchObject({ name: '', kind: 'auto', reason: 'restore', by: 'Ben' });
    await pause(5);
    const imported = await createVersion(relay.port, map.id, map.ownerToken, { name: '', reason: 'import' });
    expect(imported.body).toMatchObject({ kind: 'auto', reason: 'import' });
    expect((await listVersions(relay.port, map.id, map.viewToken)).body.versions.map((v) => v.reason)).toEqual(['import', 'restore']);
    expect((await createVersion(relay.port, map.id, map.commentToken, { name: '', reason: 'restore' })).status).toBe(403);
  });

  it('two shares of one map id never see each other\'s versions', async () => {
    const ours = await registerMap(relay.port, `shared-id-${Date.now()}`);
    const theirs = await registerMap(relay.port, ours.id);
    const made = await createVersion(relay.port, ours.id, ours.ownerToken, { name: 'Ours' });
    expect(made.status).toBe(201);
    expect((await listVersions(relay.port, theirs.id, theirs.ownerToken)).body).toEqual({ versions: [] });
    expect((await fetchVersion(relay.port, theirs.id, theirs.viewToken, made.body.id)).status).toBe(404);
    expect((await listVersions(relay.port, ours.id, ours.viewToken)).body.versions).toHaveLength(1);
  });

  it('hostile bodies and paths get 400, 404, 405 or 413, and the relay goes on serving', async () => {
    const map: Tokens = await registerMap(relay.port);
    const bad: unknown[] = [
      null,
      [],
      'a name',
      42,
      {},
      { name: 5 },
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(VERSION_LIMITS.name + 1) },
      { name: 'x'.repeat(10_000) },
      { name: 'two\nlines' },
      { name: 'bell\u0007' },
      { name: ['list'] },
      { name: { toString: 'x' } },
      { name: 'ok', reason: 'restore' },
      { name: '', reason: 'idle' },
      { name: '', reason: 'device' },
      { name: '', reason: 7 },
      { name: 'ok', by: 12 },
      { name: 'ok', by: { evil: true } },
    ];
    for (const body of bad) {
      const answer = await createVersion(relay.port, map.id, map.ownerToken, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    expect((await call(relay.port, versionsPath(map.id), map.ownerToken, { rawBody: '{"name": "unfinished' })).status).toBe(400);
    expect((await call(relay.port, versionsPath(map.id), map.ownerToken, { rawBody: JSON.stringify({ name: 'x'.repeat(16 * 1024) }) })).status).toBe(413);
    expect((await call(relay.port, versionsPath(map.id), map.ownerToken, { rawBody: '{"name": "proto", "__proto__": {"kind": "named"}}' })).status).toBe(201);

    const long = await createVersion(relay.port, map.id, map.ownerToken, { name: 'Long author', by: `  ${'é'.repeat(5000)}\u0000` });
    expect(long.status).toBe(201);
    expect(long.body.by).toHaveLength(LIMITS.author);

    for (const path of [
      `${versionsPath(map.id)}/unknownVersion1`,
      `${versionsPath(map.id)}/${'a'.repeat(33)}`,
      `${versionsPath(map.id)}/..%2F..%2Faccess`,
      `${versionsPath(map.id)}/a/b`,
      `${versionsPath(map.id)}/a-b`,
      `${versionsPath(map.id)}/%00`,
      `${API_MAPS}/not~a~map/versions`,
    ]) {
      expect({ path, status: (await call(relay.port, path, map.ownerToken)).status }).toEqual({ path, status: 404 });
    }
    expect((await call(relay.port, versionsPath(map.id), map.ownerToken, { method: 'DELETE' })).status).toBe(405);
    expect((await call(relay.port, `${versionsPath(map.id)}/${long.body.id}`, map.ownerToken, { method: 'PUT', body: {} })).status).toBe(405);

    const list = await listVersions(relay.port, map.id, map.viewToken);
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v) => v.name)).toEqual(['Long author', 'proto']);
    expect(relay.child.exitCode).toBeNull();
  });
});

describe('version limits', () => {
  const relays: Relay[] = [];
  afterAll(() => Promise.all(relays.map(kill)));
  const start = async (env: Record<string, string>) => {
    const relay = await spawnVersionRelay(env);
    relays.push(relay);
    return relay;
  };

  it('past VERSIONS_PER_MAP the oldest checkpoint goes; named versions may fill only half the map, so naming cannot push the checkpoints out', async () => {
    const relay = await start({ VERSIONS_PER_MAP: '4' });
    const map = await registerMap(relay.port);
    const make = async (body: object) => {
      await pause(5); // distinct createdAt: "oldest" is by time
      return createVersion(relay.port, map.id, map.editToken, body);
    };
    const names = async () => (await listVersions(relay.port, map.id, map.viewToken)).body.versions.map((v) => v.name || v.reason);
    const oldest = await make({ name: '', reason: 'import' });
    await make({ name: 'n1' });
    await make({ name: '', reason: 'restore' });
    expect((await make({ name: 'n2' })).status).toBe(201);
    expect(await names()).toEqual(['n2', 'restore', 'n1', 'import']);
    expect((await fetchVersion(relay.port, map.id, map.viewToken, oldest.body.id)).status).toBe(200);
    expect((await make({ name: '', reason: 'restore' })).status).toBe(201);
    expect(await names()).toEqual(['restore', 'n2', 'restore', 'n1']); // the oldest checkpoint went …
    expect((await fetchVersion(relay.port, map.id, map.viewToken, oldest.body.id)).status).toBe(404); // … file and all
    const full = await make({ name: 'n3' });
    expect(full.status).toBe(409);
    expect((full.body as unknown as { error: string }).error).toMatch(/named versions/);
    expect((await make({ name: '', reason: 'restore' })).status).toBe(201);
    expect(await names()).toEqual(['restore', 'restore', 'n2', 'n1']);

    // a dozen at once on another map: each makes room in turn, none counts the same free place twice
    const other = await registerMap(relay.port);
    const answers = await Promise.all(Array.from({ length: 12 }, () => createVersion(relay.port, other.id, other.ownerToken, { name: '', reason: 'restore' })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 201));
    const kept = (await listVersions(relay.port, other.id, other.viewToken)).body.versions;
    expect(kept).toHaveLength(4);
    for (const v of kept) expect((await fetchVersion(relay.port, other.id, other.viewToken, v.id)).status).toBe(200);
  });

  it('past VERSION_BYTES_PER_MAP the oldest checkpoints go; a named version past half the bytes gets 409', async () => {
    const probe = createMapFromTemplate('retail', 'en');
    const size = Y.encodeStateAsUpdate(probe).length;
    const relay = await start({ VERSION_BYTES_PER_MAP: String(Math.floor(size * 2.5)) });
    const map = await registerMap(relay.port);
    const editor = track(connect(relay.port, map.id, map.editToken, probe));
    await whenSynced(editor);
    const viewer = track(connect(relay.port, map.id, map.viewToken));
    await waitFor(() => readJourney(viewer.doc).cards.length === readJourney(probe).cards.length, 'the relay to hold the map');
    const make = async (body: object) => {
      await pause(5);
      return createVersion(relay.port, map.id, map.editToken, body);
    };
    const names = async () => (await listVersions(relay.port, map.id, map.viewToken)).body.versions.map((v) => v.name || v.reason);
    await make({ name: '', reason: 'import' });
    await make({ name: '', reason: 'restore' });
    expect(await names()).toEqual(['restore', 'import']);
    expect((await make({ name: 'n1' })).status).toBe(201);
    expect(await names()).toEqual(['n1', 'restore']);
    // named versions may hold half the bytes: a second copy of this map is more than that
    const full = await make({ name: 'n2' });
    expect(full.status).toBe(409);
    expect((full.body as unknown as { error: string }).error).toMatch(/named versions/);
    expect(await names()).toEqual(['n1', 'restore']);
  });

  it('named versions are never thinned, however old the checkpoints around them', async () => {
    // retention of zero: every checkpoint but the newest (the last copy before what came next) is thinned at once
    const relay = await start({ CHECKPOINT_KEEP_ALL_MS: '0', CHECKPOINT_HOURLY_UNTIL_MS: '0', CHECKPOINT_DAILY_UNTIL_MS: '0' });
    const map = await registerMap(relay.port);
    for (const body of [{ name: 'n1' }, { name: '', reason: 'import' }, { name: 'n2' }, { name: '', reason: 'restore' }, { name: 'n3' }]) {
      await pause(5);
      expect((await createVersion(relay.port, map.id, map.ownerToken, body)).status).toBe(201);
    }
    const versions = (await listVersions(relay.port, map.id, map.viewToken)).body.versions;
    expect(versions.map((v) => v.name || v.reason)).toEqual(['n3', 'restore', 'n2', 'n1']);
  });

  it('creates over the per-map or per-address rate get 429 with Retry-After', async () => {
    const relay = await start({ VERSION_CREATES_PER_MAP_PER_MINUTE: '2', VERSION_CREATES_PER_ADDRESS_PER_MINUTE: '3', VERSION_READS_PER_ADDRESS_PER_MINUTE: '2' });
    const first = await registerMap(relay.port);
    const second = await registerMap(relay.port);
    const made = await createVersion(relay.port, first.id, first.ownerToken, { name: 'a' });
    expect(made.status).toBe(201);
    expect((await createVersion(relay.port, first.id, first.ownerToken, { name: 'b' })).status).toBe(201);
    const perMap = await createVersion(relay.port, first.id, first.editToken, { name: 'c' });
    expect(perMap.status).toBe(429);
    expect(Number(perMap.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((perMap.body as unknown as { error: string }).error).toMatch(/of this map/);
    const perAddress = await createVersion(relay.port, second.id, second.ownerToken, { name: 'd' });
    expect(perAddress.status).toBe(429);
    expect((perAddress.body as unknown as { error: string }).error).toMatch(/from this address/);
    // reading files and lists counts against one per-address budget
    const id = made.body.id;
    expect((await fetchVersion(relay.port, first.id, first.viewToken, id)).status).toBe(200);
    expect((await fetchVersion(relay.port, first.id, first.viewToken, id)).status).toBe(200);
    const reads = await fetchVersion(relay.port, first.id, first.viewToken, id);
    expect(reads.status).toBe(429);
    expect(reads.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await listVersions(relay.port, first.id, first.viewToken)).status).toBe(429);
  });
});
