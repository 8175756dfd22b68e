import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../server/fanout/coalesce';

/** Fixed seeds keep CI deterministic; FC_SEED explores others locally. */
const seed = (fallback: number) => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fallback);
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The catch-ups of one room (server/fanout/roomStreams.ts) go through a Coalescer: a process that
 * gets a burst of "read the room again" reads it at most twice, and never answers a request with a
 * read that began before it was made (that read could miss what the request was about).
 */
describe('coalesced catch-ups', () => {
  it('one run at a time per key; a request is answered only by a run that started after it; a burst costs at most two runs (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.record({ op: fc.constant('request' as const), key: fc.constantFrom('a', 'b') }), fc.record({ op: fc.constant('finish' as const), key: fc.constantFrom('a', 'b'), fail: fc.boolean() })), { maxLength: 60 }),
        async (ops) => {
          const coalescer = new Coalescer<string>();
          let clock = 0;
          const running = new Map<string, { started: number; end: (fail: boolean) => void }>();
          const runs = new Map<string, number>();
          /** when the run that ended last (per key) had started */
          const endedStart = new Map<string, number>();
          let answered = 0;
          let requested = 0;
          const job = (key: string) => () =>
            new Promise<void>((resolve, reject) => {
              expect(running.has(key)).toBe(false);
              runs.set(key, (runs.get(key) ?? 0) + 1);
              running.set(key, { started: ++clock, end: (fail) => (fail ? reject(new Error('store away')) : resolve()) });
            });
          const finish = async (key: string, fail: boolean) => {
            const run = running.get(key);
            if (!run) return;
            running.delete(key);
            endedStart.set(key, run.started);
            run.end(fail);
            await settle();
          };
          for (const step of ops) {
            if (step.op === 'finish') {
              await finish(step.key, step.fail);
              continue;
            }
            const at = ++clock;
            requested++;
            const { done } = coalescer.run(step.key, job(step.key));
            const answer = done.then(
              () => endedStart.get(step.key)!,
              () => endedStart.get(step.key)!,
            );
            // the run that answers this request started after it was made
            void answer.then((started) => {
              if (started < at) throw new Error(`request at ${at} answered by a run started at ${started}`);
              answered++;
            });
            await settle();
          }
          // drain: every request is answered, in at most (finishes + 2) runs per key, and nothing is held after
          while (running.size) for (const key of [...running.keys()]) await finish(key, false);
          await settle();
          expect(answered).toBe(requested);
          expect(coalescer.size).toBe(0);
          for (const key of ['a', 'b']) {
            const finishes = ops.filter((s) => s.op === 'finish' && s.key === key).length;
            expect(runs.get(key) ?? 0).toBeLessThanOrEqual(finishes + 2);
          }
        },
      ),
      { seed: seed(20261205), numRuns: 150 },
    );
  });

  it('fifty requests while one run goes cost one more run, not fifty', async () => {
    const coalescer = new Coalescer<string>();
    let runs = 0;
    let release: () => void = () => {};
    const job = () =>
      new Promise<void>((resolve) => {
        runs++;
        release = resolve;
      });
    const first = coalescer.run('room', job);
    const burst = Array.from({ length: 50 }, () => coalescer.run('room', job));
    expect(first.merged).toBe(false);
    expect(burst.filter((r) => r.merged).length).toBe(49);
    release();
    await settle();
    release();
    await Promise.all(burst.map((r) => r.done));
    expect(runs).toBe(2);
    expect(coalescer.size).toBe(0);
  });
});
