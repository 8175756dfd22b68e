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
   * Another process changed the record: the kept copy goes and its generation moves, so a check
   * that straddled the change reads it again.
   */
  forget(id: string): void {
    // a record nobody here holds, reads or depended on (another process's registration, say)
    // leaves no trace: every process hears of every change
    if (!this.records.delete(id) && !this.generations.has(id) && !this.reading.has(id)) return;
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /** Every kept record goes and every generation moves (after others' changes may have been missed). */
  forgetAll(): void {
    this.records.clear();
    this.epoch++;
  }
}
