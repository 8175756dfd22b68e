import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnections } from '../../server/fanout/connections';
import { StreamReader, type StreamEntry } from '../../server/fanout/streamReader';
import { startRedis, type RedisServer } from '../support/redis';
import { waitFor } from '../support/relay';

/**
 * One XREAD loop serves every room of a process and its control stream. A room whose handler
 * waits on the store (a catch-up of a big room, a big change fetched on its own) must not hold
 * up the changes of the other rooms nor a revocation; its own entries still come in order, after
 * it is done.
 */
describe('the stream reader', () => {
  let server: RedisServer;
  let redis: RedisConnections;
  let reader: StreamReader;

  beforeAll(async () => {
    server = await startRedis();
    redis = await connectRedis(server.url, pino({ level: 'silent' }));
    reader = new StreamReader(redis, pino({ level: 'silent' }), 256);
    reader.start();
  }, 30_000);
  afterAll(async () => {
    await reader?.close();
    await redis?.close();
    await server?.close();
  });

  const add = (key: string, value: string) => redis.command.xadd(key, '*', 'v', value);
  const values = (entries: StreamEntry[]) => entries.map((e) => e.fields.get('v')!.toString());

  it('reads on the other streams while one stream\'s handler waits, and gives that stream its later entries in order once it is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: string[][] = [];
    const fast: string[] = [];
    let slowRunning = 0;
    let slowOverlapped = false;
    reader.follow('slow', '0-0', async (entries) => {
      slowRunning++;
      if (slowRunning > 1) slowOverlapped = true;
      slow.push(values(entries));
      if (slow.length === 1) await gate;
      slowRunning--;
    });
    reader.follow('fast', '0-0', (entries) => void fast.push(...values(entries)));

    try {
      await add('slow', 's1');
      await waitFor(() => slow.length === 1, 'the slow stream\'s first entry to be handled');
      // the slow handler is waiting (on the store, say): the other stream's entries still come
      for (const v of ['f1', 'f2', 'f3']) {
        await add('fast', v);
        await waitFor(() => fast.includes(v), `${v} to be handled while the slow stream waits`);
      }
      await add('slow', 's2');
      await add('slow', 's3');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(slow).toEqual([['s1']]);
    } finally {
      release();
    }
    await waitFor(() => slow.flat().length === 3, 'the slow stream\'s later entries once it is done');
    expect(slow.flat()).toEqual(['s1', 's2', 's3']);
    expect(slowOverlapped).toBe(false);
    // and it is followed on as before
    await add('slow', 's4');
    await waitFor(() => slow.flat().includes('s4'), 's4 to be handled');
    expect(fast).toEqual(['f1', 'f2', 'f3']);
    reader.unfollow('slow');
    reader.unfollow('fast');
  }, 30_000);

  it('streams whose handlers finish a few milliseconds apart are all read again at once, not after the blocked read times out', async () => {
    const count = 6;
    const releases: Array<() => void> = [];
    const later = new Map<number, number>();
    try {
      for (let i = 0; i < count; i++) {
        const gate = new Promise<void>((resolve) => releases.push(resolve));
        let first = true;
        reader.follow(`gated-${i}`, '0-0', async (entries) => {
          if (first) {
            first = false;
            await gate;
          } else if (values(entries).includes('later')) later.set(i, performance.now());
        });
        await add(`gated-${i}`, 'first');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (let i = 0; i < count; i++) await add(`gated-${i}`, 'later');
    } finally {
      // one after another, each while the read that the one before it woke may be under way
      for (const release of releases) {
        release();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    const released = performance.now();
    await waitFor(() => later.size === count, 'every stream\'s later entry');
    // a wake-up lost to the one before it would leave its stream out until the read blocked
    // meanwhile gives up (2 s)
    expect(Math.max(...later.values()) - released).toBeLessThan(1500);
    for (let i = 0; i < count; i++) reader.unfollow(`gated-${i}`);
  }, 30_000);

  it('a handler that throws does not stop its stream', async () => {
    const seen: string[] = [];
    reader.follow('throwing', '0-0', (entries) => {
      seen.push(...values(entries));
      if (seen.length === 1) throw new Error('a bad entry');
    });
    await add('throwing', 'a');
    await waitFor(() => seen.length === 1, 'the first entry');
    await add('throwing', 'b');
    await waitFor(() => seen.includes('b'), 'the entry after the one that threw');
    reader.unfollow('throwing');
  }, 30_000);
});
