import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../server/store/postgres';
import { metricValue, startCluster, type Cluster } from '../support/cluster';
import { connectAs, metricsText, registerMap, storedRoomName, waitFor, whenSynced, type Client, type Tokens } from '../support/relay';

/**
 * An owner who sends big updates cannot park them in Redis: a change over
 * REDIS_STREAM_ENTRY_MAX_BYTES (16 KiB by default) is stored, and only its reference in the store
 * goes into its stream. The other processes read that change alone from the store and converge;
 * none reads the whole room for it (for a big room, that would cost each of them far more than
 * the change), unless a compaction merged the change meanwhile.
 */

const BIG = 24 * 1024;
/** a value bigger than the default bound, incompressible */
const big = () => randomBytes(BIG / 2).toString('hex');
const streamOf = (map: Tokens) => `waymark:room:${storedRoomName(map)}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('big updates and the Redis stream', () => {
  let cluster: Cluster;
  let redis: Redis;
  let db: pg.Client;

  /** the stream's entries as [type, data length, why] */
  const entries = async (key: string) =>
    ((await redis.xrangeBuffer(key, '-', '+')) as Array<[Buffer, Buffer[]]>).map(([, flat]) => {
      const fields = new Map<string, Buffer>();
      for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!.toString(), flat[i + 1]!);
      return { type: fields.get('t')?.toString(), bytes: fields.get('d')?.length ?? 0, why: fields.get('w')?.toString(), ref: fields.get('i')?.toString() };
    });
  const oversizedIn = async (key: string) => (await entries(key)).filter((e) => e.why === 'oversized').length;
  const metric = async (port: number, name: string, label = '') => metricValue(await metricsText(port), name, label);

  beforeAll(async () => {
    // the default bound: what an operator runs
    cluster = await startCluster(2);
    redis = new Redis(cluster.redis.url, { lazyConnect: true });
    await redis.connect();
    db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    redis?.disconnect();
    await cluster?.close();
  });

  it('updates bigger than the bound sent through one process reach a client on another, while the room\'s Redis stream stays a few KiB and the store holds them', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const writer = connectAs(a!.port, map.id, map.editToken);
    const reader = connectAs(b!.port, map.id, map.viewToken);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const publishedBefore = await metric(a!.port, 'waymark_stream_oversized_changes_total');
    const values: string[] = [];
    for (let i = 0; i < 6; i++) {
      values.push(big());
      writer.doc.getMap('m').set(`big${i}`, values[i]);
      await pause(20);
    }
    await waitFor(() => values.every((v, i) => reader.doc.getMap('m').get(`big${i}`) === v), 'the reader on B to have every big value');
    // a small change still travels in the stream itself
    writer.doc.getMap('m').set('small', 'hello');
    await waitFor(() => reader.doc.getMap('m').get('small') === 'hello', 'the reader on B to have the small change');

    const key = streamOf(map);
    const inStream = await entries(key);
    const oversized = inStream.filter((e) => e.why === 'oversized');
    expect(oversized.length).toBeGreaterThan(0);
    expect(oversized.every((e) => e.type === 'r' && e.bytes === 0 && /^\d+$/.test(e.ref ?? ''))).toBe(true);
    expect(Math.max(...inStream.map((e) => e.bytes))).toBeLessThan(16 * 1024);
    expect(inStream.some((e) => e.type === 'u' && e.bytes > 0)).toBe(true);
    // what Redis holds for the room: 6 × 24 KiB would be 144 KiB
    const memory = Number(await redis.call('MEMORY', 'USAGE', key));
    console.info(`stream of ${inStream.length} entries: ${memory} bytes in Redis`);
    expect(memory).toBeLessThan(8192);
    const stored = await db.query<{ bytes: string }>('SELECT coalesce(sum(octet_length(data)), 0) AS bytes FROM waymark_updates WHERE room = $1', [storedRoomName(map)]);
    expect(Number(stored.rows[0]!.bytes)).toBeGreaterThan(6 * BIG);
    expect((await metric(a!.port, 'waymark_stream_oversized_changes_total')) - publishedBefore).toBe(oversized.length);
    // B read each big change on its own, and never the whole room for one
    expect(await metric(b!.port, 'waymark_stream_fetched_changes_total')).toBeGreaterThanOrEqual(oversized.length);
    expect(await metric(b!.port, 'waymark_catch_ups_total', 'reason="oversized"')).toBe(0);
    writer.destroy();
    reader.destroy();
  }, 30_000);

  it('a burst of 50 big updates that piles up for a busy process costs it a read of each change, never of the whole room; one compacted meanwhile costs one read of the room', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const other = await registerMap(a!.port);
    const writer = connectAs(a!.port, map.id, map.editToken);
    const reader = connectAs(b!.port, map.id, map.viewToken);
    const otherWriter = connectAs(a!.port, other.id, other.editToken);
    const otherReader = connectAs(b!.port, other.id, other.viewToken);
    const peerOnA = connectAs(a!.port, map.id, map.viewToken);
    const clients: Client[] = [writer, reader, otherWriter, otherReader, peerOnA];
    await Promise.all(clients.map((c) => whenSynced(c)));
    // B follows both rooms' streams
    writer.doc.getMap('m').set('warm-up', 1);
    otherWriter.doc.getMap('m').set('warm-up', 1);
    await waitFor(() => reader.doc.getMap('m').get('warm-up') === 1 && otherReader.doc.getMap('m').get('warm-up') === 1, 'B to follow both rooms');
    // A's notice that it loaded a room (a RESYNC) may have shared B's read with the warm-up, and
    // B's catch-up for it may still be running; B reads the next entries only once it is done
    writer.doc.getMap('m').set('settled', 1);
    otherWriter.doc.getMap('m').set('settled', 1);
    await waitFor(() => reader.doc.getMap('m').get('settled') === 1 && otherReader.doc.getMap('m').get('settled') === 1, 'B to be done with what came before');
    const catchUps = () => metric(b!.port, 'waymark_catch_ups_total');
    const before = await catchUps();
    const fetched = () => metric(b!.port, 'waymark_stream_fetched_changes_total');
    const fetchedBefore = await fetched();
    const publishedBefore = await metric(a!.port, 'waymark_stream_oversized_changes_total');

    const values: string[] = [];
    // B stops for a moment (a GC pause, a busy host). A change to the other room answers the read
    // B has waiting, so the burst piles up in the stream until B reads again: in one read
    b!.child.kill('SIGSTOP');
    try {
      const otherLength = await redis.xlen(streamOf(other));
      otherWriter.doc.getMap('m').set('wake', 1);
      await waitFor(async () => (await redis.xlen(streamOf(other))) > otherLength, 'the other room\'s change to be in Redis');
      for (let i = 0; i < 50; i++) {
        values.push(big());
        writer.doc.getMap('m').set(`k${i}`, values[i]);
        await pause(5);
      }
      // a small change after the burst: once a peer on A has it, A has stored the whole burst
      // and published it, and once every change A counted as oversized is in the stream, Redis has it
      writer.doc.getMap('m').set('done', 1);
      await waitFor(() => peerOnA.doc.getMap('m').get('done') === 1, 'a peer on A to have the whole burst');
      await waitFor(async () => (await oversizedIn(streamOf(map))) === (await metric(a!.port, 'waymark_stream_oversized_changes_total')) - publishedBefore, 'Redis to have the whole burst');
    } finally {
      b!.child.kill('SIGCONT');
    }
    const burst = await oversizedIn(streamOf(map));
    await waitFor(() => reader.doc.getMap('m').get('done') === 1 && values.every((v, i) => reader.doc.getMap('m').get(`k${i}`) === v), 'the reader on B to have the whole burst', 15_000);
    // B reads its streams one read at a time: once it applied a change that came after the
    // burst through the stream, it is done with the burst's read
    const applied = await metric(b!.port, 'waymark_remote_updates_applied_total');
    writer.doc.getMap('m').set('after', 1);
    await waitFor(async () => (await metric(b!.port, 'waymark_remote_updates_applied_total')) > applied, 'B to read past the burst', 15_000);
    const readAgain = (await catchUps()) - before;
    const readAlone = (await fetched()) - fetchedBefore;
    console.info(`burst: ${burst} oversized entries; B read ${readAlone} of them alone and the room ${readAgain} time(s)`);
    // A stores (and publishes) nearly every change of the burst on its own
    expect(burst).toBeGreaterThanOrEqual(10);
    expect(readAlone).toBe(burst);
    expect(readAgain).toBe(0);

    // B stops again; meanwhile A stores two big changes and a compaction (any process's) merges
    // the room's rows: their references lead nowhere, so B reads the room once, and has both
    b!.child.kill('SIGSTOP');
    try {
      const otherLength = await redis.xlen(streamOf(other));
      otherWriter.doc.getMap('m').set('wake-again', 1);
      await waitFor(async () => (await redis.xlen(streamOf(other))) > otherLength, 'the other room\'s change to be in Redis');
      const length = await redis.xlen(streamOf(map));
      values.push(big(), big());
      writer.doc.getMap('m').set('late0', values[50]);
      writer.doc.getMap('m').set('late1', values[51]);
      await waitFor(async () => (await redis.xlen(streamOf(map))) > length, 'the late changes to be in Redis');
      const store = await PostgresStore.open({ url: cluster.databaseUrl, poolSize: 1 });
      try {
        await store.compact(storedRoomName(map));
      } finally {
        await store.close();
      }
    } finally {
      b!.child.kill('SIGCONT');
    }
    await waitFor(() => reader.doc.getMap('m').get('late0') === values[50] && reader.doc.getMap('m').get('late1') === values[51], 'the reader on B to have the changes compacted away', 15_000);
    expect(await metric(b!.port, 'waymark_catch_ups_total', 'reason="oversized"')).toBeGreaterThanOrEqual(1);
    for (const client of clients) client.destroy();
  }, 30_000);
});
