import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { API_SPACES, spaceMapsPath, versionsPath } from '../../src/access/routes';
import { readJourney } from '../../src/model/doc';
import { addCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import { runWaymark } from '../support/cli';
import { perTest } from '../support/perTest';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { connect, httpUrl, registerMap, tempDataDir, upgradeStatus, waitFor, whenSynced, type Server, type Tokens } from '../support/relay';
import { call, createVersion, listVersions } from '../support/versions';

/**
 * A team moving from LevelDB to PostgreSQL (and back) with `waymark store copy`: every map opens
 * with the same tokens and the same content, the lock holds, the space still opens its map, and
 * the versions are listed.
 */
let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.close();
});

const { relay, track } = perTest();
const json = (doc: Y.Doc) => JSON.stringify(toJSON(doc));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type Space = { id: string; ownerToken: string; editToken: string; commentToken: string; viewToken: string };

/** what a team holds in its relay: two maps (one locked, one with a rotated link and versions) and a space with a map */
async function fill(server: Server) {
  const a = await registerMap(server.port);
  const editor = track(connect(server.port, a.id, a.editToken, createMapFromTemplate('retail', 'en')));
  await whenSynced(editor);
  const { stages, lanes } = readJourney(editor.doc);
  for (let i = 0; i < 5; i++) addCard(editor.doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, title: `moved card ${i}` });
  const viewer = track(connect(server.port, a.id, a.viewToken));
  await waitFor(() => json(viewer.doc) === json(editor.doc), 'the viewer to have the map');
  expect((await createVersion(server.port, a.id, a.ownerToken, { name: 'Before the move' })).status).toBe(201);
  addCard(editor.doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, title: 'after the first version' });
  await waitFor(() => json(viewer.doc) === json(editor.doc), 'the viewer to have the last card');
  expect((await createVersion(server.port, a.id, a.ownerToken, { name: 'Just before' })).status).toBe(201);
  const rotated = await fetch(httpUrl(server.port, `/api/maps/${a.id}/links/view/rotate`), { method: 'POST', headers: bearer(a.ownerToken) });
  const { token: newViewToken } = (await rotated.json()) as { token: string };

  const b = await registerMap(server.port);
  const locked = await fetch(httpUrl(server.port, `/api/maps/${b.id}/lock`), { method: 'PUT', headers: { 'Content-Type': 'application/json', ...bearer(b.ownerToken) }, body: JSON.stringify({ locked: true }) });
  expect(locked.status).toBe(200);

  const space = (await call<Space>(server.port, API_SPACES, null, { body: { name: 'Moving team' } })).body;
  const added = await call<{ registered: Tokens }>(server.port, spaceMapsPath(space.id), space.editToken, { body: { id: 'space-map-1' } });
  expect(added.status).toBe(201);
  const inSpace = added.body.registered;
  const spaceEditor = track(connect(server.port, inSpace.id, inSpace.editToken));
  await whenSynced(spaceEditor);
  spaceEditor.doc.getMap('m').set('in the space', true);
  const spaceViewer = track(connect(server.port, inSpace.id, space.viewToken));
  await waitFor(() => spaceViewer.doc.getMap('m').get('in the space') === true, 'the space map at the space viewer');

  const expected = { a: json(editor.doc), inSpace: JSON.stringify(spaceEditor.doc.getMap('m').toJSON()) };
  for (const c of [editor, viewer, spaceEditor, spaceViewer]) c.destroy();
  return { a, newViewToken, b, space, inSpace, expected };
}

type Filled = Awaited<ReturnType<typeof fill>>;

/** everything `fill` made, seen through another relay */
async function expectSame(server: Server, f: Filled) {
  const a = track(connect(server.port, f.a.id, f.newViewToken));
  await whenSynced(a);
  expect(json(a.doc)).toBe(f.expected.a);
  expect(await upgradeStatus(server.port, f.a.id, f.a.viewToken)).toBe(401); // the rotated link stays revoked
  expect(await upgradeStatus(server.port, f.a.id, f.a.ownerToken)).toBe(101);
  const versions = (await listVersions(server.port, f.a.id, f.newViewToken)).body.versions;
  // the named ones, and the checkpoints the relay took itself
  expect(versions.filter((v) => v.kind === 'named').map((v) => v.name).sort()).toEqual(['Before the move', 'Just before']);
  for (const v of versions) expect((await call(server.port, `${versionsPath(f.a.id)}/${v.id}`, f.newViewToken)).status).toBe(200);
  const access = await (await fetch(httpUrl(server.port, `/api/maps/${f.b.id}/access`), { headers: bearer(f.b.editToken) })).json();
  expect(access).toEqual({ role: 'edit', locked: true });
  const spaceViewer = track(connect(server.port, f.inSpace.id, f.space.viewToken));
  await whenSynced(spaceViewer);
  expect(JSON.stringify(spaceViewer.doc.getMap('m').toJSON())).toBe(f.expected.inSpace);
  const listed = await call<{ maps: Array<{ id: string }> }>(server.port, spaceMapsPath(f.space.id), f.space.viewToken);
  expect(listed.body.maps.map((m) => m.id)).toEqual(['space-map-1']);
  return versions;
}

describe('waymark store copy', () => {
  it('moves a LevelDB relay into PostgreSQL and back: every map opens with the same tokens and content, locks, spaces and versions', async () => {
    const dataDir = tempDataDir();
    const first = await relay({ STORE: 'leveldb', DATA_DIR: dataDir });
    const filled = await fill(first);
    await first.close();

    // a password in the URL is never printed
    const database = (await postgres.createDatabase()).replace('postgres://waymark@', 'postgres://waymark:never-printed@');
    const into = runWaymark(['store', 'copy', '--from', dataDir, '--to', database]);
    expect(into.stderr).toBe('');
    expect(into.code).toBe(0);
    // map A and the space's map have content (map B none); A has two named versions and the relay's checkpoints
    expect(into.stdout).toMatch(/rooms: [2-9]\n\s+access records: 3\n\s+spaces: 1\n\s+versions: [2-9]/);
    expect(into.stdout).toContain(`PostgreSQL at 127.0.0.1:${postgres.port}/`);
    expect(into.stdout + into.stderr).not.toContain('never-printed');

    const onPostgres = await relay({ STORE: 'postgres', DATABASE_URL: database });
    const versionsOnPostgres = await expectSame(onPostgres, filled);
    await onPostgres.close();

    // a second copy into the same database would mix two stores: refused unless --force
    const again = runWaymark(['store', 'copy', '--from', dataDir, '--to', database]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the target is not empty');
    expect(again.stderr).not.toContain('never-printed');

    const backDir = tempDataDir();
    const back = runWaymark(['store', 'copy', '--from', database, '--to', backDir]);
    expect(back.code).toBe(0);
    const onLevelDb = await relay({ STORE: 'leveldb', DATA_DIR: backDir });
    expect(await expectSame(onLevelDb, filled)).toEqual(versionsOnPostgres);
  });

  it('says what is wrong, and exits non-zero, for a missing source, an unreachable database, or a missing option', async () => {
    const missing = runWaymark(['store', 'copy', '--from', '/nonexistent/waymark-data', '--to', tempDataDir()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/waymark-data is not a directory');
    const unreachable = runWaymark(['store', 'copy', '--from', tempDataDir(), '--to', 'postgres://waymark:hush@127.0.0.1:1/maps']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('could not reach PostgreSQL at 127.0.0.1:1/maps');
    expect(unreachable.stderr).not.toContain('hush');
    const incomplete = runWaymark(['store', 'copy', '--from', tempDataDir()]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('--from <DATA_DIR|postgres://…> --to <DATA_DIR|postgres://…>');
  });
});
