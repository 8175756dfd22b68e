import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordCache } from '../../server/recordCache';

/**
 * A store of one record whose reads the test lets finish when it wants: each read takes the
 * value as it is when the read starts (the stalest a read can be) and returns it only on `finish`.
 */
function slowStore(initial: number) {
  const store = {
    value: initial,
    reads: [] as Array<{ value: number; finish: () => void }>,
    load: (_id: string) =>
      new Promise<{ v: number } | undefined>((resolve) => {
        const value = store.value;
        store.reads.push({ value, finish: () => resolve({ v: value }) });
      }),
  };
  return store;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the record cache (access and space records)', () => {
  it('a change another process made, heard of while a read is in flight, is not undone by that read', async () => {
    const store = slowStore(1);
    const cache = new RecordCache(store.load, 10);
    const reading = cache.get('r');
    // another process writes 2 and says so on the control stream before our read returns 1
    store.value = 2;
    cache.forget('r');
    store.reads[0]!.finish();
    // the caller gets what it read, but nobody after it does
    expect(await reading).toEqual({ v: 1 });
    const next = cache.get('r');
    await settle();
    expect(store.reads).toHaveLength(2);
    store.reads[1]!.finish();
    expect(await next).toEqual({ v: 2 });
    // and that one is kept
    expect(await cache.get('r')).toEqual({ v: 2 });
    expect(store.reads).toHaveLength(2);
  });

  it("a change of ours that another process's change overtook is not kept: a link they revoked does not open here from our copy", async () => {
    const store = slowStore(1);
    const cache = new RecordCache(store.load, 10);
    expect((await Promise.all([cache.get('r'), (settle().then(() => store.reads[0]!.finish()))]))[0]).toEqual({ v: 1 });
    // our change is stored first; theirs (made on ours) second, and heard of before our write returns
    let finishWrite!: () => void;
    const writing = cache.write('r', () => new Promise<{ v: number }>((resolve) => (finishWrite = () => resolve({ v: 2 }))), true);
    const generation = cache.generation('r');
    store.value = 3;
    cache.forget('r');
    finishWrite();
    expect(await writing).toEqual({ v: 2 });
    expect(cache.generation('r')).not.toBe(generation);
    // the next check reads the store, which has both
    const next = cache.get('r');
    await settle();
    store.reads.at(-1)!.finish();
    expect(await next).toEqual({ v: 3 });
  });

  it('a change of ours nobody overtook is kept, and with `moves` its generation moves', async () => {
    const cache = new RecordCache(slowStore(1).load, 10);
    const generation = cache.generation('r');
    await cache.write('r', async () => ({ v: 2 }), false);
    expect(cache.generation('r')).toBe(generation);
    expect(await cache.get('r')).toEqual({ v: 2 });
    await cache.write('r', async () => ({ v: 3 }), true);
    expect(cache.generation('r')).not.toBe(generation);
    expect(await cache.get('r')).toEqual({ v: 3 });
  });

  it('a change this process made while a read was in flight is what the read answers and what stays', async () => {
    const store = slowStore(1);
    const cache = new RecordCache(store.load, 10);
    const reading = cache.get('r');
    store.value = 2;
    cache.changed('r', { v: 2 });
    store.reads[0]!.finish();
    expect(await reading).toEqual({ v: 2 });
    expect(await cache.get('r')).toEqual({ v: 2 });
  });

  it('after changes may have been missed (forgetAll), a read in flight keeps nothing and every generation moves', async () => {
    const store = slowStore(1);
    const cache = new RecordCache(store.load, 10);
    const before = [cache.generation('r'), cache.generation('other')];
    const reading = cache.get('r');
    cache.forgetAll();
    store.reads[0]!.finish();
    await reading;
    expect([cache.generation('r'), cache.generation('other')]).not.toContain(before[0]);
    expect(cache.generation('other')).not.toBe(before[1]);
    void cache.get('r');
    await settle();
    expect(store.reads).toHaveLength(2);
  });

  it('forgetting a record nobody here holds or reads leaves its generation as it was; one held moves it', async () => {
    const cache = new RecordCache(async () => ({ v: 1 }), 10);
    const untouched = cache.generation('elsewhere');
    cache.forget('elsewhere');
    expect(cache.generation('elsewhere')).toBe(untouched);
    await cache.get('held');
    const held = cache.generation('held');
    cache.forget('held');
    expect(cache.generation('held')).not.toBe(held);
  });

  it('keeps at most its size, dropping the least recently kept', async () => {
    let loads = 0;
    const cache = new RecordCache(async (id: string) => {
      loads++;
      return { id };
    }, 2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    expect(loads).toBe(3);
    await cache.get('b');
    await cache.get('c');
    expect(loads).toBe(3);
    await cache.get('a');
    expect(loads).toBe(4);
  });

  it('whatever the interleaving of reads, local changes and others\' changes, once all is heard the cache answers what the store holds (seeded)', async () => {
    type Step = { kind: 'read' } | { kind: 'finish'; which: number } | { kind: 'local' } | { kind: 'remote' } | { kind: 'hear' } | { kind: 'forgetAll' };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'read' }),
      fc.nat({ max: 20 }).map((which): Step => ({ kind: 'finish', which })),
      fc.constant<Step>({ kind: 'local' }),
      fc.constant<Step>({ kind: 'remote' }),
      fc.constant<Step>({ kind: 'hear' }),
      fc.constant<Step>({ kind: 'forgetAll' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const store = slowStore(0);
        const cache = new RecordCache(store.load, 10);
        let unheard = 0;
        const finished = new Set<number>();
        const pending = () => store.reads.map((_, i) => i).filter((i) => !finished.has(i));
        const answers: Array<Promise<unknown>> = [];
        for (const s of steps) {
          if (s.kind === 'read') {
            // a read the cache answers never reaches the store
            answers.push(cache.get('r'));
          } else if (s.kind === 'finish' && pending().length) {
            const which = pending()[s.which % pending().length]!;
            finished.add(which);
            store.reads[which]!.finish();
          } else if (s.kind === 'local') {
            store.value++;
            cache.changed('r', { v: store.value });
          } else if (s.kind === 'remote') {
            // another process's write: in the store now, heard of later
            store.value++;
            unheard++;
          } else if (s.kind === 'hear' && unheard) {
            unheard--;
            cache.forget('r');
          } else if (s.kind === 'forgetAll') {
            unheard = 0;
            cache.forgetAll();
          }
          await settle();
        }
        for (; unheard; unheard--) cache.forget('r');
        for (const which of pending()) store.reads[which]!.finish();
        await Promise.all(answers);
        const last = cache.get('r');
        await settle();
        for (const read of store.reads) read.finish();
        expect(await last).toEqual({ v: store.value });
      }),
      { seed: 1917, numRuns: 300 },
    );
  });
});
