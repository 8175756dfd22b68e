import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import * as Y from 'yjs';

/**
 * Crafted updates: the decision.
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
 * The main thread still integrates accepted updates, each at most about the budget, and each
 * connection's total integration time is rate-limited (UPDATE_APPLY_MS_PER_SECOND, relay.ts), so
 * one editor cannot keep the event loop busy with updates that are each just under the budget.
 *
 * The costs: a second copy of every room in memory, and a round trip to the worker (a fraction
 * of a millisecond) for updates that are not cheap by construction. Only writers' updates are
 * checked; viewers' are refused unread.
 */

export type CheckResult =
  | { ok: true; inline?: boolean }
  | { ok: false; reason: 'malformed' | 'timeout' | 'memory' | 'crashed' | 'closed'; detail: string };

/** The room an update is for: its name, and its document to seed the worker's copy from. */
export interface CheckTarget {
  readonly name: string;
  readonly doc: Y.Doc;
}

interface Job {
  id: number;
  target: CheckTarget;
  update: Uint8Array;
  /** called synchronously with the verdict, before the next job is sent (so seeds see its effect) */
  done: (result: CheckResult) => void;
  /** false once nobody waits for the result (the sender left) */
  wanted: () => boolean;
}

export interface UpdateCheckOptions {
  timeoutMs: number;
  memoryMb: number;
}

const WORKER_URL = new URL('./updateCheck.worker.mjs', import.meta.url);

/** jobs sent to the worker ahead of its answers, so its round trips overlap */
const MAX_IN_FLIGHT = 64;
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

export class UpdateChecker {
  private worker: Worker | null = null;
  /** the worker has loaded yjs and listens (its start-up does not count against any update) */
  private ready = false;
  /** rooms the current worker holds a copy of */
  private readonly seeded = new Set<string>();
  /** not yet sent to the worker */
  private queue: Job[] = [];
  /** sent, answered in this order; the clock runs for the first */
  private inFlight: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: UpdateCheckOptions,
    private readonly log: Logger,
  ) {}

  /** Starts the worker now rather than on the first update. */
  start(): void {
    if (!this.worker && !this.closed) this.worker = this.spawn();
  }

  /**
   * Checks `update` against the worker's copy of `target`. `done` is called with the verdict;
   * on `ok` the caller must apply the update to `target.doc` right there, synchronously, so the
   * room and its copy stay in step. Verdicts come in the order of submission.
   */
  submit(target: CheckTarget, update: Uint8Array, done: Job['done'], wanted: Job['wanted']): void {
    if (this.closed) return done({ ok: false, reason: 'closed', detail: 'server is shutting down' });
    this.queue.push({ id: this.nextId++, target, update, done, wanted });
    this.pump();
  }

  /**
   * The verdict for an update that is cheap by construction (see above), or null when it must go
   * to the worker. After applying an `ok` update the caller reports it with `appliedInline`.
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
    // a room the worker has no copy of gets one, current, with its next job
    if (this.worker && this.seeded.has(target.name)) this.worker.postMessage({ type: 'apply', room: target.name, update });
  }

  /** The room left memory: the worker drops its copy. */
  forget(name: string): void {
    if (!this.seeded.delete(name)) return;
    this.worker?.postMessage({ type: 'drop', room: name });
  }

  /**
   * The main thread failed to apply an update the worker had applied: the two copies may differ
   * now, so the worker (and every copy) is replaced.
   */
  diverged(): void {
    this.replaceWorker();
    this.pump();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // plain JavaScript: no TypeScript loader needed, whoever started us
      execArgv: [],
    });
    worker.unref();
    worker.on('message', (message: { type?: 'ready' | 'diverged'; id: number; ok: boolean; intact?: boolean; detail?: string }) => {
      if (worker !== this.worker) return;
      if (message.type === 'ready') {
        this.ready = true;
        this.pump();
        return;
      }
      if (message.type === 'diverged') {
        this.log.warn('the update-check worker could not follow an update; replacing it');
        return this.diverged();
      }
      const head = this.inFlight[0];
      if (!head || message.id !== head.id) return;
      if (message.ok) return this.answer({ ok: true });
      const result: CheckResult = { ok: false, reason: 'malformed', detail: message.detail ?? 'update does not decode' };
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

  /** Drops the worker and every room copy; what was in flight goes back to the queue, in order. */
  private replaceWorker(): void {
    const old = this.worker;
    this.worker = null;
    this.ready = false;
    this.seeded.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [...this.inFlight, ...this.queue];
    this.inFlight = [];
    if (old) void old.terminate();
  }

  /** The first job in flight gets `result`, and the worker goes (it is the one that failed). */
  private fail(result: CheckResult): void {
    const head = this.inFlight.shift();
    this.replaceWorker();
    if (head) this.deliver(head, result);
    this.pump();
  }

  /** The first job in flight gets `result`; the clock starts for the next. */
  private answer(result: CheckResult): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const head = this.inFlight.shift()!;
    this.deliver(head, result);
    this.startClock();
    this.pump();
  }

  private deliver(job: Job, result: CheckResult): void {
    try {
      job.done(result);
    } catch (error) {
      this.log.error({ err: (error as Error).message }, 'applying a checked update failed');
    }
  }

  private startClock(): void {
    const head = this.inFlight[0];
    if (!head || this.timer) return;
    this.timer = setTimeout(() => {
      this.log.warn({ room: head.target.name, bytes: head.update.length, budgetMs: this.options.timeoutMs }, 'update over its time budget; replacing the update-check worker');
      this.fail({ ok: false, reason: 'timeout', detail: 'update too expensive to apply' });
    }, this.options.timeoutMs);
  }

  private pump(): void {
    if (this.closed || this.queue.length === 0) return;
    if (!this.worker) this.worker = this.spawn();
    if (!this.ready) return; // pumped again on 'ready'
    while (this.inFlight.length < MAX_IN_FLIGHT && this.queue.length) {
      const job = this.queue.shift()!;
      if (!job.wanted()) continue;
      const { name, doc } = job.target;
      // the first job for a room brings the room along; every earlier job for it has been applied
      // by now, or is in flight before this one, so the copy and the room stay alike
      const seed = this.seeded.has(name) ? undefined : Y.encodeStateAsUpdate(doc);
      this.seeded.add(name);
      this.worker.postMessage({ type: 'check', id: job.id, room: name, update: job.update, seed });
      this.inFlight.push(job);
    }
    this.startClock();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = [...this.inFlight, ...this.queue];
    this.inFlight = [];
    this.queue = [];
    for (const job of pending) job.done({ ok: false, reason: 'closed', detail: 'server is shutting down' });
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    if (worker) await worker.terminate();
  }
}
