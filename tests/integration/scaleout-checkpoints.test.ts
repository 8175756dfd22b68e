import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJourney } from '../../src/model/doc';
import { addCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { serializeMap } from '../../src/schema/file';
import { metricValue, startCluster, type Cluster } from '../support/cluster';
import { connectAs, metricsText, registerMap, waitFor, whenSynced, type Client } from '../support/relay';
import { docTitles, fetchVersion, listVersions } from '../support/versions';

/**
 * Two relay processes over one PostgreSQL and Redis, with writers on both in one map: each
 * process counts only its own peers' changes, so both take an automatic checkpoint when the map
 * goes quiet; by then both hold the same map, and the version list shows it once.
 */

const IDLE_MS = 600;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('automatic checkpoints with several relay processes', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(2, { CHECKPOINT_IDLE_MS: String(IDLE_MS), VERSION_READS_PER_ADDRESS_PER_MINUTE: '100000' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('writers on two processes edit one map and go quiet: the version list holds one checkpoint of the final map, not two', async () => {
    const [a, b] = cluster.relays;
    const map = await registerMap(a!.port);
    const ann = connectAs(a!.port, map.id, map.editToken, createMapFromTemplate('saas', 'en'));
    await whenSynced(ann);
    const bob = connectAs(b!.port, map.id, map.editToken);
    await whenSynced(bob);
    const same = (x: Client, y: Client) => JSON.stringify(docTitles(x.doc)) === JSON.stringify(docTitles(y.doc));
    await waitFor(() => readJourney(bob.doc).stages.length > 0 && same(ann, bob), 'Bob to get the map');
    const cell = (client: Client) => {
      const { stages, lanes } = readJourney(client.doc);
      return { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    };
    const counted = async (port: number, result: string) => metricValue(await metricsText(port), 'waymark_versions_total', `kind="auto",result="${result}"`);

    for (let i = 0; i < 4; i++) {
      addCard(ann.doc, { ...cell(ann), title: `Ann ${i}` });
      addCard(bob.doc, { ...cell(bob), title: `Bob ${i}` });
      await pause(30);
    }
    // Bob's last change comes a while after Ann's: A's checkpoint (IDLE_MS after Ann's last
    // change) already holds it, and B's comes well after A's is stored. Two processes that go
    // quiet in the same instant may still both store one: the known limit, not tested here.
    await pause(IDLE_MS / 3);
    addCard(bob.doc, { ...cell(bob), title: 'Bob, last' });
    await waitFor(() => same(ann, bob) && docTitles(ann.doc).includes('Bob, last'), 'both writers to hold every card');
    const final = serializeMap(ann.doc);

    // B's only checkpoint is this one (Bob's changes came without a quiet spell), and A's came first
    await waitFor(async () => (await counted(b!.port, 'stored')) + (await counted(b!.port, 'unchanged')) >= 1, 'B to take its checkpoint', 10_000);
    const versions = (await listVersions(a!.port, map.id, map.viewToken)).body.versions;
    const files = await Promise.all(versions.map(async (v) => (await fetchVersion(a!.port, map.id, map.viewToken, v.id)).text));
    expect(files[0]).toBe(final);
    expect(versions[0]).toMatchObject({ kind: 'auto', reason: 'idle' });
    expect(files.filter((file) => file === final)).toHaveLength(1);
    expect(await counted(b!.port, 'unchanged')).toBe(1);
    expect((await counted(a!.port, 'stored')) + (await counted(b!.port, 'stored'))).toBe(versions.length);
    ann.destroy();
    bob.destroy();
  });
});
