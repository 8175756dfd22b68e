import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import * as Y from 'yjs';

/**
 * Crafted updates, and who may write what in a feedback room: the decision.
 *
 * Yjs has had inputs that loop or exhaust memory when decoded (yjs#479: a few garbage bytes
 * looped in lib0's readVarUint; yjs#687 and others). Yjs 13.6.33 throws on the truncated and
 * garbage inputs we tried, but *integrating* an update is not bounded by its size: concurrent
 * inserts whose right origins all differ make Yjs's conflict scan walk every earlier sibling, so
 * integration is quadratic. 36 KB of such items take about a second, 144 KB about 13 s (see
 * `craftQuadraticUpdate` in tests/support/relay.ts). Worse, the cost depends on what the room
 * already holds: the same few KB are cheap against an empty document and expensive against a
 * room where a peer first planted a long list. So neither a size cap nor checking the update on
 * its own (decoding it, or applying it to an empty document) bounds the main thread.
 *
 * What we do: an update from a writer is integrated into the room on the main thread only when
 * that is cheap *by construction*, or after it was integrated, in a `worker_threads` worker, into
 * a **shadow copy of its room** within UPDATE_CHECK_TIMEOUT_MS.
 *
 * - Cheap by construction (`tryInline`): at most INLINE_MAX_BYTES (every keystroke, drag and
 *   small paste), decoded in full on the main thread (bounded by its size; a truncated update is
 *   refused whole), and with k structs and deletion ranges in a room of n structs, k × (n + k)
 *   under INLINE_MAX_STEPS. Integration walks at most the items of one parent per struct or range,
 *   so that bounds the work to a few milliseconds whatever the bytes say. The worker's copy is then
 *   sent the same update, in the same order.
 * - Everything else goes to the worker. Its copy is seeded from the room when it first needs it,
 *   then kept in step by applying the same accepted updates in the same order. Only if the update
 *   finished within the budget does the main thread apply it to the room. Over budget, the worker
 *   is terminated (`worker.terminate()` stops even a tight loop) and replaced, the update is never
 *   applied anywhere, and its sender is closed with 1007. A worker that exceeds its heap
 *   (`resourceLimits`, UPDATE_CHECK_MEMORY_MB) dies the same way. It decodes in full before
 *   applying, so a truncated update is refused whole there too.
 *
 * The main thread still integrates accepted updates, each at most about the budget; the time
 * that takes is budgeted per connection, per address and in total, and so is the workers' time
 * per address (relay.ts, budgets.ts), so nobody keeps the event loop or the workers busy with
 * updates that are each just under the budget.
 *
 * One slow map must not hold up the others: there are UPDATE_CHECK_WORKERS workers, each room's
 * copy lives in one of them (the one with the fewest rooms when it is first needed), a worker
 * has one update in flight at a time, and its queue takes rooms in turn, not updates in order of
 * arrival. An update of another room so waits for at most one update of each room ahead of it in
 * the turn, never for a whole backlog of an attacker's.
 *
 * A participant's update to a feedback room is never applied inline: the worker judges it in the
 * transaction that applies it to the copy (feedbackRules.mjs) and refuses what the sender may not
 * change ('forbidden'); a refused update changed the copy, so the worker drops it and the room's
 * next job brings a fresh one.
 *
 * The costs: a second copy of every room in memory, and a round trip to a worker (a fraction of a
 * millisecond) for updates that are not cheap by construction. Only writers' updates are checked;
 * viewers' are refused unread.
 */

export type CheckResult =
  | { ok: true; inline?: boolean; workerMs?: number }
  | { ok: false; reason: 'malformed' | 'timeout' | 'memory' | 'crashed' | 'closed' | 'forbidden' | 'unwanted'; detail: string; workerMs?: number };

/** The room an update is for: its name, its document, and its state to build the worker's copy from. */
export interface CheckTarget {
  readonly name: string;
  readonly doc: Y.Doc;
  /** the document as updates that together hold all of it (a copy is built by applying them) */
  state(): Uint8Array[];
}

/** A participant's write to a feedback room: judged against who they proved to be. */
export interface Judge {
  identityId: string | null;
}

interface Job {
  id: number;
  target: CheckTarget;
  update: Uint8Array;
  judge: Judge | null;
  /** called synchronously with the verdict, before the next job is sent (so seeds see its effect) */
  done: (result: CheckResult) => void;
  /** false once the job is not worth a worker's time (its sender left, or is over its budget): it is answered 'unwanted' unchecked */
  wanted: () => boolean;
}

export interface UpdateCheckOptions {
  timeoutMs: number;
  memoryMb: number;
  /** worker threads; each room's copy lives in one */
  workers: number;
  /** a room's copy is dropped after this long without a check (the next check brings a fresh one) */
  copyIdleMs: number;
}

const WORKER_URL = new URL('./updateCheck.worker.mjs', import.meta.url);

/** building a room's copy may take this many times UPDATE_CHECK_TIMEOUT_MS */
const SEED_BUDGET_FACTOR = 10;

/** updates up to this size may be decoded and applied on the main thread … */
export const INLINE_MAX_BYTES = 4096;
/** … when (structs + deletion ranges) × (structs in the room + them) stays under this */
export const INLINE_MAX_STEPS = 200_000;

/** How many structs a document holds (each client's list; merged runs count once). */
function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

interface WorkerMessage {
  type?: 'ready' | 'diverged' | 'seeded';
  id: number;
  ok: boolean;
  intact?: boolean;
  forbidden?: boolean;
  detail?: string;
}

/**
 * One worker thread and the rooms whose copies it holds: a queue per room, taken in turn, and
 * one job in flight with the clock running.
 */
class CheckWorker {
  private worker: Worker | null = null;
  /** the worker has loaded yjs and listens (its start-up does not count against any update) */
  private ready = false;
  /** rooms the current thread holds a copy of, and when each was last checked against */
  private readonly seeded = new Map<string, number>();
  /** when each room (copy or not) was last checked, for the last `copyIdleMs` */
  private readonly lastChecked = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;
  /** rooms assigned here (copy or not) */
  readonly rooms = new Set<string>();
  /** jobs waiting, per room; `turn` lists the rooms with waiting jobs, next first */
  private readonly waiting = new Map<string, Job[]>();
  private turn: string[] = [];
  private inFlight: { job: Job; sentAt: number; keepCopy: boolean } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly options: UpdateCheckOptions,
    private readonly log: Logger,
  ) {
    this.sweeper = setInterval(() => this.dropIdleCopies(), Math.max(100, options.copyIdleMs / 2));
    this.sweeper.unref();
  }

  /**
   * Copies go once their room has gone `copyIdleMs` without a check. Most rooms need one only
   * for a moment (the first upload of a map, an import, a large paste); a kept copy would cost a
   * second copy of the room in memory, and every later keystroke applied again here. Building one
   * again is cheap on the main thread: the room hands over the snapshot it keeps for joiners. A
   * copy built for a room with no other check in the last `copyIdleMs` goes right after its check
   * (see `answer`): only a room that takes larger updates one after another keeps one.
   */
  private dropIdleCopies(): void {
    const before = performance.now() - this.options.copyIdleMs;
    for (const [name, at] of this.seeded) if (at < before && !this.pending(name)) this.discard(name);
    for (const [name, at] of this.lastChecked) if (at < before) this.lastChecked.delete(name);
  }

  get queued(): number {
    let n = this.inFlight ? 1 : 0;
    for (const jobs of this.waiting.values()) n += jobs.length;
    return n;
  }

  start(): void {
    if (!this.worker && !this.closed) this.worker = this.spawn();
  }

  /** rooms this worker holds a copy of */
  get copies(): number {
    return this.seeded.size;
  }

  pending(name: string): boolean {
    return this.inFlight?.job.target.name === name || (this.waiting.get(name)?.length ?? 0) > 0;
  }

  submit(job: Job): void {
    const name = job.target.name;
    let jobs = this.waiting.get(name);
    if (!jobs) {
      this.waiting.set(name, (jobs = []));
      this.turn.push(name);
    }
    jobs.push(job);
    this.pump();
  }

  appliedInline(target: CheckTarget, update: Uint8Array): void {
    // a room the worker has no copy of gets one, current, with its next job
    if (this.worker && this.seeded.has(target.name)) this.worker.postMessage({ type: 'apply', room: target.name, update });
  }

  forget(name: string): void {
    this.rooms.delete(name);
    this.lastChecked.delete(name);
    this.discard(name);
  }

  /** Drops the copy of `name` (its next job brings a fresh one). */
  discard(name: string): void {
    if (!this.seeded.delete(name)) return;
    this.worker?.postMessage({ type: 'drop', room: name });
  }

  /** The main thread failed to apply an update this worker had applied: every copy here is replaced. */
  diverged(): void {
    this.replaceWorker();
    this.pump();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, {
      // a young generation of 2 MB: at 8 it grew to its full size in the first seconds of traffic
      // and stayed (16 MB heap per worker against 10–11), and a 1 MB map's check took as long
      // (116–124 ms with either) — see also the collections after dropped copies in the worker
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 2, stackSizeMb: 4 },
      // plain JavaScript: no TypeScript loader needed, whoever started us
      execArgv: [],
    });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (worker !== this.worker) return;
      if (message.type === 'ready') {
        this.ready = true;
        this.pump();
        return;
      }
      if (message.type === 'seeded') {
        // building the copy is the room's cost, not the update's: its clock starts now
        if (this.inFlight?.job.id === message.id) this.startClock(this.inFlight.job, this.inFlight.keepCopy);
        return;
      }
      if (message.type === 'diverged') {
        this.log.warn('an update-check worker could not follow an update; replacing it');
        return this.diverged();
      }
      const head = this.inFlight;
      if (!head || message.id !== head.job.id) return;
      const workerMs = performance.now() - head.sentAt;
      if (message.ok) return this.answer({ ok: true, workerMs });
      if (message.forbidden) {
        // the worker dropped its changed copy; the room's next job brings a fresh one
        this.seeded.delete(head.job.target.name);
        return this.answer({ ok: false, reason: 'forbidden', detail: message.detail ?? 'not allowed', workerMs });
      }
      const result: CheckResult = { ok: false, reason: 'malformed', detail: message.detail ?? 'update does not decode', workerMs };
      // an update that decoded but failed half way through may have changed the worker's copy
      if (message.intact === false) return this.fail(result);
      this.answer(result);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log.warn({ err: error.message, code: error.code }, 'update-check worker died');
      this.fail({ ok: false, reason: memory ? 'memory' : 'crashed', detail: memory ? 'update needs too much memory' : 'update crashed the decoder' });
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.fail({ ok: false, reason: 'crashed', detail: 'update crashed the decoder' });
    });
    return worker;
  }

  /** Drops the thread and every room copy; the job in flight goes back to the front of its room's queue. */
  private replaceWorker(): void {
    const old = this.worker;
    this.worker = null;
    this.ready = false;
    this.seeded.clear();
    this.stopClock();
    const head = this.inFlight;
    this.inFlight = null;
    if (head) this.requeueFirst(head.job);
    if (old) void old.terminate();
  }

  private requeueFirst(job: Job): void {
    const name = job.target.name;
    const jobs = this.waiting.get(name);
    if (jobs) jobs.unshift(job);
    else {
      this.waiting.set(name, [job]);
      this.turn.unshift(name);
    }
  }

  /** The job in flight gets `result`, and the thread goes (it is the one that failed). */
  private fail(result: CheckResult): void {
    const head = this.inFlight;
    this.inFlight = null;
    this.replaceWorker();
    if (head) this.deliver(head.job, { ...result, workerMs: performance.now() - head.sentAt });
    this.pump();
  }

  private answer(result: CheckResult): void {
    this.stopClock();
    const head = this.inFlight!;
    this.inFlight = null;
    this.deliver(head.job, result);
    const name = head.job.target.name;
    if (!head.keepCopy && !this.pending(name)) this.discard(name);
    this.pump();
  }

  private deliver(job: Job, result: CheckResult): void {
    try {
      job.done(result);
    } catch (error) {
      this.log.error({ err: (error as Error).message }, 'applying a checked update failed');
    }
  }

  private stopClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next job, taking rooms in turn: a room's next job waits behind every other room's. */
  private next(): Job | null {
    while (this.turn.length) {
      const name = this.turn.shift()!;
      const jobs = this.waiting.get(name)!;
      const job = jobs.shift()!;
      if (jobs.length) this.turn.push(name);
      else this.waiting.delete(name);
      if (job.wanted()) return job;
      // never applied anywhere: the copy stays as the room is
      this.deliver(job, { ok: false, reason: 'unwanted', detail: 'not checked' });
    }
    return null;
  }

  private pump(): void {
    if (this.closed || this.inFlight || this.turn.length === 0) return;
    if (!this.worker) this.worker = this.spawn();
    if (!this.ready) return; // pumped again on 'ready'
    const job = this.next();
    if (!job) return;
    const { name } = job.target;
    // the first job for a room brings the room along; every earlier job for it has been applied
    // by now (one job in flight), so the copy and the room stay alike
    const now = performance.now();
    const seed = this.seeded.has(name) ? undefined : job.target.state();
    const keepCopy = now - (this.lastChecked.get(name) ?? -Infinity) <= this.options.copyIdleMs;
    this.seeded.set(name, now);
    this.lastChecked.set(name, now);
    this.worker.postMessage({ type: 'check', id: job.id, room: name, update: job.update, seed, judge: job.judge });
    // building a copy replays what the room already integrated once, so it is bounded; it gets a
    // generous budget of its own, and the update its usual one once the worker says it is built
    this.startClock(job, keepCopy, seed ? this.options.timeoutMs * SEED_BUDGET_FACTOR : this.options.timeoutMs);
  }

  /** The job's time budget runs (again) from now. */
  private startClock(job: Job, keepCopy: boolean, budgetMs = this.options.timeoutMs): void {
    this.stopClock();
    this.inFlight = { job, sentAt: performance.now(), keepCopy };
    this.timer = setTimeout(() => {
      this.log.warn({ room: job.target.name, bytes: job.update.length, budgetMs }, 'update over its time budget; replacing its update-check worker');
      this.fail({ ok: false, reason: 'timeout', detail: 'update too expensive to apply' });
    }, budgetMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopClock();
    clearInterval(this.sweeper);
    const pending = [...(this.inFlight ? [this.inFlight.job] : []), ...[...this.waiting.values()].flat()];
    this.inFlight = null;
    this.waiting.clear();
    this.turn = [];
    for (const job of pending) job.done({ ok: false, reason: 'closed', detail: 'server is shutting down' });
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    if (worker) await worker.terminate();
  }
}

export class UpdateChecker {
  private readonly workers: CheckWorker[];
  /** which worker holds (or will hold) each room's copy */
  private readonly assigned = new Map<string, CheckWorker>();
  private nextId = 1;
  private closed = false;

  constructor(options: UpdateCheckOptions, log: Logger) {
    this.workers = Array.from({ length: Math.max(1, options.workers) }, () => new CheckWorker(options, log));
  }

  /** Starts the workers now rather than on the first update. */
  start(): void {
    for (const worker of this.workers) worker.start();
  }

  /**
   * Whether updates of `name` wait for or are in a worker. An update applied inline meanwhile would
   * reach the room before them and the worker's copy after them: the two would differ.
   */
  pending(name: string): boolean {
    return this.assigned.get(name)?.pending(name) ?? false;
  }

  /** Jobs waiting or in flight, over all workers. */
  get queued(): number {
    return this.workers.reduce((n, w) => n + w.queued, 0);
  }

  /** Rooms with a copy in a worker, over all workers. */
  get copies(): number {
    return this.workers.reduce((n, w) => n + w.copies, 0);
  }

  private workerFor(name: string): CheckWorker {
    let worker = this.assigned.get(name);
    if (!worker) {
      worker = this.workers.reduce((a, b) => (b.rooms.size < a.rooms.size ? b : a));
      worker.rooms.add(name);
      this.assigned.set(name, worker);
    }
    return worker;
  }

  /**
   * Checks `update` against a worker's copy of `target` (and, with `judge`, whether its sender
   * may make it). `done` is called with the verdict; on `ok` the caller must apply the update to
   * `target.doc` right there, synchronously, so the room and its copy stay in step. Verdicts for
   * one room come in the order of submission.
   */
  submit(target: CheckTarget, update: Uint8Array, done: Job['done'], wanted: Job['wanted'], judge: Judge | null = null): void {
    if (this.closed) return done({ ok: false, reason: 'closed', detail: 'server is shutting down' });
    this.workerFor(target.name).submit({ id: this.nextId++, target, update, judge, done, wanted });
  }

  /**
   * The verdict for an update that is cheap by construction (see above), or null when it must go
   * to a worker. After applying an `ok` update the caller reports it with `appliedInline`.
   */
  tryInline(target: CheckTarget, update: Uint8Array): CheckResult | null {
    if (update.length > INLINE_MAX_BYTES) return null;
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      return { ok: false, reason: 'malformed', detail: `update does not decode: ${(error as Error).message}` };
    }
    let k = decoded.structs.length;
    for (const ranges of decoded.ds.clients.values()) k += ranges.length;
    if (k * (structCount(target.doc) + k) > INLINE_MAX_STEPS) return null;
    return { ok: true, inline: true };
  }

  /** An update applied on the main thread goes to the worker's copy of the room too. */
  appliedInline(target: CheckTarget, update: Uint8Array): void {
    this.assigned.get(target.name)?.appliedInline(target, update);
  }

  /**
   * An update a worker accepted is not going to be applied after all (its sender is over budget):
   * the copy, which has it, is dropped and the room's next job brings the room as it is. Call it
   * from the verdict callback, before the next job goes out.
   */
  discard(name: string): void {
    this.assigned.get(name)?.discard(name);
  }

  /** The room left memory: its worker drops its copy. */
  forget(name: string): void {
    this.assigned.get(name)?.forget(name);
    this.assigned.delete(name);
  }

  /**
   * The main thread failed to apply an update a worker had applied to its copy of `name`: the
   * two may differ now, so that worker (and every copy it holds) is replaced.
   */
  diverged(name: string): void {
    this.assigned.get(name)?.diverged();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
