/**
 * Store records kept in memory by id: access records (auth.ts) and space records (spaces.ts),
 * read on every token check. Each id has a generation, a number that changes whenever the record
 * changes under this process: its own change (`changed`) or another relay process's, heard on the
 * control stream (server/fanout/control.ts: `forget`, or `forgetAll` after changes may have been
 * missed). A check that read a record notes the generation before it read, and can tell after
 * whether what it read still stands.
 *
 * A read from the store may be overtaken while in flight: a change this process made, or one
 * another process made and this one heard of (`forget`), must not be undone by a read that
 * started before it and ends after. So a read's result is kept only if nobody cached anything
 * newer and the id's generation did not move while it read.
 */
export class RecordCache<R> {
  private readonly records = new Map<string, R>();
  private readonly generations = new Map<string, number>();
  /** bumped by `forgetAll`: every generation changes at once */
  private epoch = 0;
  /** store reads in flight, by id, so that `forget` knows what it must not let through */
  private readonly reading = new Map<string, number>();
  /** this process's changes in flight, by id, and whether another process's change was heard of meanwhile */
  private readonly writing = new Map<string, { count: number; overtaken: boolean }>();

  constructor(
    /** the record as the store has it now, or undefined */
    private readonly load: (id: string) => Promise<R | undefined>,
    /** records kept at most; the least recently kept goes first */
    private readonly size: number,
  ) {}

  /** A number that changes whenever the record `id` changes (here or, once heard of, elsewhere). */
  generation(id: string): number {
    return this.epoch * 2 ** 32 + (this.generations.get(id) ?? 0);
  }

  /**
   * The record, from memory unless `fresh` (then from the store, so that another process's change
   * this one has not heard of yet is not missed).
   */
  async get(id: string, fresh = false): Promise<R | undefined> {
    const cached = fresh ? undefined : this.records.get(id);
    if (cached !== undefined) return cached;
    const generation = this.generation(id);
    this.reading.set(id, (this.reading.get(id) ?? 0) + 1);
    let stored: R | undefined;
    try {
      stored = await this.load(id);
    } finally {
      const left = this.reading.get(id)! - 1;
      if (left > 0) this.reading.set(id, left);
      else this.reading.delete(id);
    }
    // a change that finished while we read has kept what is now true: a read that started
    // before it must not overwrite that with what was
    const fresher = fresh ? undefined : this.records.get(id);
    if (fresher !== undefined) return fresher;
    if (stored === undefined) return undefined;
    // another process changed it while we read (`forget`): what we read may be what was
    if (this.generation(id) === generation) this.set(id, stored);
    return stored;
  }

  /** Keeps `record` as this process just wrote it (a new record, or a change nobody's check depends on). */
  set(id: string, record: R): void {
    this.records.delete(id);
    this.records.set(id, record);
    if (this.records.size > this.size) this.records.delete(this.records.keys().next().value!);
  }

  /** Keeps `record` as this process just changed it, and moves its generation. */
  changed(id: string, record: R): void {
    this.set(id, record);
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /**
   * Makes a change of this process's in the store — `run` is the store's atomic read, change and
   * write, resolving with the record as stored, or null when it changed nothing — and keeps what
   * it stored (`moves`: the generation moves too, as for `changed`). Unless another process's
   * change of the record was heard of (`forget`) while this one was being made: both were made
   * on the store's latest record, but which of the two came last is not known here, and keeping
   * ours could keep a record without theirs (a link they revoked still opening the map here). So
   * then nothing is kept, the generation moves, and the next check reads the store.
   */
  async write(id: string, run: () => Promise<R | null>, moves: boolean): Promise<R | null> {
    const entry = this.writing.get(id) ?? { count: 0, overtaken: false };
    entry.count++;
    this.writing.set(id, entry);
    let stored: R | null;
    try {
      stored = await run();
    } finally {
      if (--entry.count === 0 && this.writing.get(id) === entry) this.writing.delete(id);
    }
    if (stored === null) return null;
    if (entry.overtaken) {
      this.records.delete(id);
      this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
    } else if (moves) this.changed(id, stored);
    else this.set(id, stored);
    return stored;
  }

  /**
   * Another process changed the record: the kept copy goes and its generation moves, so a check
   * that straddled the change reads it again, and a change of ours in flight is not kept (`write`).
   */
  forget(id: string): void {
    const writing = this.writing.get(id);
    if (writing) writing.overtaken = true;
    // a record nobody here holds, reads, writes or depended on (another process's registration,
    // say) leaves no trace: every process hears of every change
    if (!this.records.delete(id) && !this.generations.has(id) && !this.reading.has(id) && !writing) return;
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /** Every kept record goes and every generation moves (after others' changes may have been missed). */
  forgetAll(): void {
    this.records.clear();
    for (const writing of this.writing.values()) writing.overtaken = true;
    this.epoch++;
  }
}
