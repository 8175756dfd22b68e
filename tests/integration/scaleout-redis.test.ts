import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { health, metricValue, startCluster, type Cluster } from '../support/cluster';
import { connectAs, httpUrl, metricsText, registerMap, waitFor, whenSynced, type Client } from '../support/relay';

/**
 * What an operator sees when Redis goes away under relay processes, and when a process falls
 * behind: each keeps serving its own peers, says so on /healthz and in its metrics, and catches up
 * from PostgreSQL when it can.
 */

const root = path.resolve(import.meta.dirname, '../..');
const value = (client: Client, key: string) => client.doc.getMap('m').get(key);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('relay processes when Redis goes away or a process falls behind', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    // streams kept short, so that a process paused for a moment is behind their trim
    cluster = await startCluster(2, { REDIS_STREAM_MAX_LENGTH: '10' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('Redis stopped and restarted mid-session: local peers keep editing, both processes converge after, /healthz and metrics say down then up, and a revocation made meanwhile still closes its connections', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const a1 = connectAs(a!.port, map.id, map.editToken);
    const a2 = connectAs(a!.port, map.id, map.editToken);
    const b1 = connectAs(b!.port, map.id, map.editToken);
    const viewerOnB = connectAs(b!.port, map.id, map.viewToken);
    await Promise.all([a1, a2, b1, viewerOnB].map((c) => whenSynced(c)));
    a1.doc.getMap('m').set('before', 1);
    await waitFor(() => value(b1, 'before') === 1, 'B to see the change before the outage');
    expect((await health(a!.port)).redis?.state).toBe('up');

    await cluster.redis.stop();
    await waitFor(async () => (await health(a!.port)).redis?.state === 'down' && (await health(b!.port)).redis?.state === 'down', '/healthz to say redis is down', 10_000);
    expect(metricValue(await metricsText(a!.port), 'waymark_redis_up')).toBe(0);
    // still serving: the process's own peers see each other's changes
    a1.doc.getMap('m').set('during-a', 1);
    b1.doc.getMap('m').set('during-b', 1);
    await waitFor(() => value(a2, 'during-a') === 1, 'a peer on A to see a change made on A while Redis is away');
    // the shared quotas fall back to each process's own count: registering still works
    const registered = await fetch(httpUrl(a!.port, '/api/maps'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: `outage-${Date.now()}` }) });
    expect(registered.status).toBe(201);
    // a revocation B cannot hear of now
    expect((await fetch(httpUrl(a!.port, `/api/maps/${map.id}/links/view`), { method: 'DELETE', headers: bearer(map.ownerToken) })).status).toBe(204);

    await cluster.redis.start();
    await waitFor(async () => (await health(a!.port)).redis?.state === 'up' && (await health(b!.port)).redis?.state === 'up', '/healthz to say redis is up again', 10_000);
    for (const client of [a1, a2, b1]) {
      await waitFor(() => value(client, 'during-a') === 1 && value(client, 'during-b') === 1, 'every client to have both processes\' changes', 10_000);
    }
    await waitFor(() => viewerOnB.closes.some((c) => c.code === 4401), 'the revoked viewer on B to be closed once Redis is back', 10_000);
    // and changes flow again
    b1.doc.getMap('m').set('after', 1);
    await waitFor(() => value(a1, 'after') === 1, 'A to see a change made on B after the outage');
    for (const relay of [a!, b!]) {
      const text = await metricsText(relay.port);
      expect(metricValue(text, 'waymark_redis_up')).toBe(1);
      expect(metricValue(text, 'waymark_catch_ups_total', 'reason="redis-away"')).toBeGreaterThan(0);
      // the changes made while Redis was away could not be published (counted), the others' were applied with their lag
      expect(metricValue(text, 'waymark_publish_failures_total', 'kind="update"')).toBeGreaterThan(0);
      expect(metricValue(text, 'waymark_remote_updates_applied_total')).toBeGreaterThan(0);
      expect(metricValue(text, 'waymark_stream_lag_seconds_count')).toBeGreaterThan(0);
      expect(relay.logs.some((line) => line.includes('caught up after redis was away'))).toBe(true);
    }
    for (const client of [a1, a2, b1, viewerOnB]) client.destroy();
  }, 30_000);

  it('a link change on one process does not undo another process\'s change it has not heard of (changes read the record from the store)', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    // B caches the record through a connection's token check
    const onB = connectAs(b!.port, map.id, map.commentToken);
    await whenSynced(onB);
    await cluster.redis.stop();
    await waitFor(async () => (await health(b!.port)).redis?.state === 'down', 'B to see Redis gone', 10_000);
    // A rotates the edit link; B cannot hear of it, and then revokes the view link
    expect((await fetch(httpUrl(a!.port, `/api/maps/${map.id}/links/edit/rotate`), { method: 'POST', headers: bearer(map.ownerToken) })).status).toBe(200);
    expect((await fetch(httpUrl(b!.port, `/api/maps/${map.id}/links/view`), { method: 'DELETE', headers: bearer(map.ownerToken) })).status).toBe(204);
    await cluster.redis.start();
    await waitFor(async () => (await health(a!.port)).redis?.state === 'up' && (await health(b!.port)).redis?.state === 'up', 'Redis back', 10_000);
    // both changes hold, on both processes: the old edit token opens nothing
    for (const relay of [a!, b!]) {
      const stale = connectAs(relay.port, map.id, map.editToken);
      await waitFor(() => stale.closes.length > 0, 'the old edit token to be refused', 10_000);
      expect(stale.provider.synced).toBe(false);
      stale.destroy();
    }
    onB.destroy();
  }, 30_000);

  it('a process that fell behind its room\'s stream trim catches up from the store, and counts it', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const writer = connectAs(a!.port, map.id, map.editToken);
    const reader = connectAs(b!.port, map.id, map.viewToken);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    // one change across first: B's reader is past any catch-up still due from an earlier outage
    writer.doc.getMap('warm-up').set('x', 1);
    await waitFor(() => reader.doc.getMap('warm-up').get('x') === 1, 'B to follow A');
    const trimmed = () => metricsText(b!.port).then((text) => metricValue(text, 'waymark_catch_ups_total', 'reason="trimmed"'));
    const before = await trimmed();
    // B stops for a moment (a long GC pause, a stalled host) while A stores 250 changes
    b!.child.kill('SIGSTOP');
    try {
      // one change per turn: each is stored, and added to the stream, on its own (250: within
      // the writer's message burst, so its connection is not closed for rate)
      for (let i = 0; i < 250; i++) {
        writer.doc.getMap('m').set(`k${i}`, i);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await waitFor(async () => (await fetch(httpUrl(a!.port, '/healthz'))).ok, 'A to answer');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      b!.child.kill('SIGCONT');
    }
    await waitFor(() => reader.doc.getMap('m').size === 250, 'the reader on B to have every change', 10_000);
    expect(await trimmed()).toBeGreaterThan(before);
    expect(b!.logs.some((line) => line.includes('caught up a room from the store') && line.includes('trimmed'))).toBe(true);
    writer.destroy();
    reader.destroy();
  }, 30_000);

  it('a process stopped (SIGTERM) while Redis is away exits cleanly, and what its peers wrote is served by the others once Redis is back', async () => {
    const [a] = cluster.relays;
    const leaving = await cluster.spawn();
    const map = await registerMap(a!.port);
    const writer = connectAs(leaving.port, map.id, map.editToken);
    await whenSynced(writer);
    await cluster.redis.stop();
    await waitFor(async () => (await health(leaving.port)).redis?.state === 'down', 'the process to see Redis gone', 10_000);
    writer.doc.getMap('m').set('written-while-away', 1);
    // the change is stored (store-before-broadcast): a second peer there receives it
    const peer = connectAs(leaving.port, map.id, map.viewToken);
    await waitFor(() => value(peer, 'written-while-away') === 1, 'a peer on the leaving process to have the change');
    const started = Date.now();
    leaving.child.kill('SIGTERM');
    expect(await leaving.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(8000);
    await cluster.redis.start();
    await waitFor(async () => (await health(a!.port)).redis?.state === 'up', 'A to have Redis again', 10_000);
    const reader = connectAs(a!.port, map.id, map.viewToken);
    await whenSynced(reader);
    expect(value(reader, 'written-while-away')).toBe(1);
    for (const client of [writer, peer, reader]) client.destroy();
  }, 30_000);

  it('a process without REDIS_URL never loads the Redis driver; one with it does', () => {
    const loaded = (env: Record<string, string>) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/redisLoaded.mts', JSON.stringify(env)], { cwd: root, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return Number(run.stdout.trim());
    };
    expect(loaded({ STORE: 'leveldb' })).toBe(0);
    expect(loaded({ STORE: 'postgres', DATABASE_URL: cluster.databaseUrl, REDIS_URL: cluster.redis.url })).toBeGreaterThan(0);
  }, 30_000);
});
