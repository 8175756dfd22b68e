import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, startCluster, type Cluster } from '../support/cluster';
import { connectAs, metricsText, registerMap, waitFor, whenSynced, type RelayProcess } from '../support/relay';

/**
 * Stream lag is read from stream ids, which carry the Redis server's clock. A relay on a host
 * whose clock is off must not report the skew as lag (an hour ahead: every change an hour late)
 * nor hide real lag behind it (an hour behind: every change on time).
 */
const skewedClock = fileURLToPath(new URL('../support/skewedClock.mjs', import.meta.url));
const HOUR = 3_600_000;

describe('stream lag across hosts whose clocks differ', () => {
  let cluster: Cluster;
  let writerSide: RelayProcess;
  const skewed = (ms: number) => cluster.spawn({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${skewedClock}`.trim(), WAYMARK_TEST_CLOCK_SKEW_MS: String(ms) });

  beforeAll(async () => {
    cluster = await startCluster(1);
    writerSide = cluster.relays[0]!;
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it.each([
    ['an hour ahead of', HOUR],
    ['an hour behind', -HOUR],
  ])('a process whose clock is %s the Redis server\'s reports the lag of changes from another process in milliseconds, not the skew', async (_how, skew) => {
    const readerSide = await skewed(skew);
    const map = await registerMap(writerSide.port);
    const writer = connectAs(writerSide.port, map.id, map.editToken);
    const reader = connectAs(readerSide.port, map.id, map.viewToken);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    for (let i = 0; i < 5; i++) {
      writer.doc.getMap('m').set(`k${i}`, i);
      await waitFor(() => reader.doc.getMap('m').get(`k${i}`) === i, `change ${i} on the skewed process`);
    }
    // one change really late: the reading process stops for 600 ms meanwhile
    readerSide.child.kill('SIGSTOP');
    try {
      writer.doc.getMap('m').set('late', 1);
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      readerSide.child.kill('SIGCONT');
    }
    await waitFor(() => reader.doc.getMap('m').get('late') === 1, 'the late change on the skewed process');
    const text = await metricsText(readerSide.port);
    const count = metricValue(text, 'waymark_stream_lag_seconds_count');
    expect(count).toBeGreaterThanOrEqual(6);
    // every change within 2.5 s (an hour ahead would put them all past the last bucket) …
    expect(metricValue(text, 'waymark_stream_lag_seconds_bucket', 'le="2.5"')).toBe(count);
    // … and the late one shows as late (an hour behind would floor it to 0)
    expect(metricValue(text, 'waymark_stream_lag_seconds_bucket', 'le="0.25"')).toBeLessThan(count);
    writer.destroy();
    reader.destroy();
  }, 30_000);
});
