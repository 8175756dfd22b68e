import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perTest } from '../support/perTest';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { connect, httpUrl, registerMap, spawnRelay, waitFor, whenSynced } from '../support/relay';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What an operator and a client see when PostgreSQL is missing, refuses, or goes away. */
let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
  await postgres.sql("CREATE ROLE app LOGIN PASSWORD 'the-right-password'");
});
afterAll(async () => {
  await postgres?.close();
});

const { track, trackProcess } = perTest();

const healthz = async (port: number) => {
  const res = await fetch(httpUrl(port, '/healthz'));
  return { status: res.status, body: (await res.json()) as { status: string; store: unknown } };
};

describe('starting on PostgreSQL', () => {
  it('a wrong password stops the start with a message naming the database, never the password', async () => {
    const failed = spawnRelay({ PORT: '0', STORE: 'postgres', DATABASE_URL: `postgres://app:a-wrong-secret-4711@127.0.0.1:${postgres.port}/waymark` });
    const error = (await failed.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`Waymark could not start: PostgreSQL at 127.0.0.1:${postgres.port}/waymark refused the login`);
    expect(error.message).not.toContain('a-wrong-secret-4711');
  });

  it('a database nobody answers for stops the start with a message naming host, port and database', async () => {
    const failed = spawnRelay({ PORT: '0', STORE: 'postgres', DATABASE_URL: 'postgres://app:the-right-password@127.0.0.1:1/maps' });
    const error = (await failed.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Waymark could not start: could not reach PostgreSQL at 127.0.0.1:1/maps');
    expect(error.message).not.toContain('the-right-password');
  });
});

describe('npm start without PostgreSQL', () => {
  it('a relay on LevelDB never loads the PostgreSQL driver; one on PostgreSQL does', () => {
    const loaded = (...args: string[]) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/driversLoaded.mts', ...args], { cwd: root, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return Number(run.stdout);
    };
    expect(loaded('leveldb')).toBe(0);
    expect(loaded('postgres', postgres.url())).toBeGreaterThan(0);
  });
});

describe('PostgreSQL going away mid-session', () => {
  it('closes the clients with 1011 and answers /healthz 503; once it is back, they reconnect and nothing acknowledged is lost', async () => {
    const url = await postgres.createDatabase();
    const relay = trackProcess(await spawnRelay({ PORT: '0', STORE: 'postgres', DATABASE_URL: url, ROOM_IDLE_MS: '0' }));
    expect(await healthz(relay.port)).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', store: { kind: 'postgres', ok: true } }) });
    const map = await registerMap(relay.port);
    const editor = track(connect(relay.port, map.id, map.editToken));
    const viewer = track(connect(relay.port, map.id, map.viewToken));
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.doc.getMap('m').set('before', 1);
    await waitFor(() => viewer.doc.getMap('m').get('before') === 1, 'the first edit at the viewer');

    await postgres.stop();
    editor.doc.getMap('m').set('during', 2);
    await waitFor(() => editor.closes.some((c) => c.code === 1011) && viewer.closes.some((c) => c.code === 1011), 'both peers to be closed with 1011');
    expect(viewer.doc.getMap('m').has('during')).toBe(false); // never broadcast unstored
    await waitFor(async () => (await healthz(relay.port)).status === 503, '/healthz to say the store is down');
    expect((await healthz(relay.port)).body).toMatchObject({ status: 'degraded', store: { kind: 'postgres', ok: false } });
    // the operator's log says so, once however often the probe asks (the log comes through a
    // pipe, the answer through a socket: either may reach this process first)
    const saidDown = () => relay.logs.filter((line) => line.includes('/healthz answers 503: store not answering'));
    await waitFor(() => saidDown().length > 0, 'the log to say /healthz answers 503');
    expect(saidDown()).toHaveLength(1);

    await postgres.start();
    // the clients keep retrying; the editor's sync brings its edit again once the store takes it
    await waitFor(() => viewer.doc.getMap('m').get('during') === 2, 'the edit to arrive after PostgreSQL is back', 20_000);
    await waitFor(async () => (await healthz(relay.port)).status === 200, '/healthz to say the store is back');
    await waitFor(() => relay.logs.some((line) => line.includes('/healthz answers ok again')), 'the log to say /healthz answers ok again');
    expect(saidDown()).toHaveLength(1);
    expect(relay.child.exitCode).toBeNull(); // broken pooled connections never ended the process

    // and it is in the database: a relay started afresh on it has both edits
    relay.child.kill('SIGKILL');
    await relay.exited;
    editor.destroy();
    viewer.destroy();
    const again = trackProcess(await spawnRelay({ PORT: '0', STORE: 'postgres', DATABASE_URL: url }));
    const late = track(connect(again.port, map.id, map.viewToken));
    await whenSynced(late);
    expect(late.doc.getMap('m').toJSON()).toEqual({ before: 1, during: 2 });
  });
});
