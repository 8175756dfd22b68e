/**
 * One job at a time per key, and at most one more waiting: a request while one runs queues a
 * second run, and requests while that one waits share it (they asked for a run that starts after
 * they asked, which it does). A burst of requests thus costs two runs, not one per request.
 * Keys are held only while a run is due.
 */
export class Coalescer<K> {
  private readonly keys = new Map<K, { settled: Promise<void>; waiting: Promise<void> | null }>();

  /** Runs `job` for `key` now or after the running one; `merged` when an already-waiting run answers instead. */
  run(key: K, job: () => Promise<void>): { done: Promise<void>; merged: boolean } {
    const entry = this.keys.get(key);
    if (entry?.waiting) return { done: entry.waiting, merged: true };
    const state = entry ?? { settled: Promise.resolve(), waiting: null };
    const done = entry
      ? entry.settled.then(() => {
          state.waiting = null;
          return job();
        })
      : job();
    if (entry) state.waiting = done;
    const settled: Promise<void> = done.then(
      () => this.release(key, state, settled),
      () => this.release(key, state, settled),
    );
    state.settled = settled;
    this.keys.set(key, state);
    return { done, merged: false };
  }

  private release(key: K, state: { settled: Promise<void> }, settled: Promise<void>): void {
    // a run queued meanwhile has replaced `settled`: the key stays for it
    if (state.settled === settled && this.keys.get(key) === state) this.keys.delete(key);
  }

  /** keys with a run going or due (tests and figures) */
  get size(): number {
    return this.keys.size;
  }
}
