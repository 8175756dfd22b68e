import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, health, type Cluster } from '../support/cluster';
import { connectAs, registerMap, waitFor, whenSynced } from '../support/relay';

describe('scale-out smoke', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('a change made on one process reaches a client of another', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const one = connectAs(a!.port, map.id, map.editToken);
    const two = connectAs(b!.port, map.id, map.editToken);
    await Promise.all([whenSynced(one), whenSynced(two)]);
    one.doc.getMap('m').set('x', 1);
    await waitFor(() => two.doc.getMap('m').get('x') === 1, 'B to see A');
    two.doc.getMap('m').set('y', 2);
    await waitFor(() => one.doc.getMap('m').get('y') === 2, 'A to see B');
    expect((await health(a!.port)).redis?.state).toBe('up');
    one.destroy();
    two.destroy();
  });
});
