import type * as Y from 'yjs';
import { countedDots, openRound, readPresenter, readRounds, readThreads, readTimer } from '../model';
import type { Presenter, Thread, TimerState, VoteDot, VoteRound } from '../model';

/** What the workshop UI shows of a map's feedback doc, as plain data. */
export interface FeedbackSnapshot {
  threads: Thread[];
  /** oldest first */
  rounds: VoteRound[];
  /** the one round taking votes (or closed and not yet revealed), if any */
  currentRound: VoteRound | null;
  /** the dots that count, per round id */
  dots: ReadonlyMap<string, readonly VoteDot[]>;
  /** round id → card id → votes that count (what a reveal shows) */
  totals: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** round id → voter id → card id → that voter's dots, so a card finds mine in O(1) */
  perVoter: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** per card: how many threads, and how many still open, for the card's badge */
  cardThreads: ReadonlyMap<string, { open: number; total: number }>;
  timer: TimerState;
  presenter: Presenter | null;
  /** grows each time a presenter is set, so "bring everyone to me" again resumes following */
  presenterEpoch: number;
}

export const EMPTY_FEEDBACK: FeedbackSnapshot = {
  threads: [],
  rounds: [],
  currentRound: null,
  dots: new Map(),
  totals: new Map(),
  perVoter: new Map(),
  cardThreads: new Map(),
  timer: { status: 'idle', durationMs: 5 * 60_000 },
  presenter: null,
  presenterEpoch: 0,
};

function readSnapshot(feedback: Y.Doc, presenterEpoch: number): FeedbackSnapshot {
  const threads = readThreads(feedback);
  const rounds = readRounds(feedback);
  const dots = new Map<string, VoteDot[]>();
  const totals = new Map<string, Map<string, number>>();
  const perVoter = new Map<string, Map<string, Map<string, number>>>();
  for (const round of rounds) {
    const counted = countedDots(feedback, round.id);
    dots.set(round.id, counted);
    const byCard = new Map<string, number>();
    const byVoter = new Map<string, Map<string, number>>();
    for (const dot of counted) {
      byCard.set(dot.cardId, (byCard.get(dot.cardId) ?? 0) + 1);
      const mine = byVoter.get(dot.voterId) ?? new Map<string, number>();
      mine.set(dot.cardId, (mine.get(dot.cardId) ?? 0) + 1);
      byVoter.set(dot.voterId, mine);
    }
    totals.set(round.id, byCard);
    perVoter.set(round.id, byVoter);
  }
  const cardThreads = new Map<string, { open: number; total: number }>();
  for (const thread of threads) {
    const entry = cardThreads.get(thread.root.cardId) ?? { open: 0, total: 0 };
    entry.total++;
    if (!thread.root.resolved) entry.open++;
    cardThreads.set(thread.root.cardId, entry);
  }
  const latest = rounds[rounds.length - 1] ?? null;
  // the open round, wherever clocks put its start; else the latest if it awaits its reveal
  const open = openRound(feedback);
  return {
    threads,
    rounds,
    currentRound: open ?? (latest && latest.status === 'closed' ? latest : null),
    dots,
    totals,
    perVoter,
    cardThreads,
    timer: readTimer(feedback),
    presenter: readPresenter(feedback),
    presenterEpoch,
  };
}

/**
 * The feedback doc read as plain data after every transaction that touched it. A workshop's
 * feedback is small (hundreds of comments and dots), so reading it whole is cheaper than
 * tracking what changed; it is the map doc that needs the incremental view.
 */
export class FeedbackView {
  private snapshot: FeedbackSnapshot;
  private epoch = 0;
  private readonly listeners = new Set<(snapshot: FeedbackSnapshot) => void>();
  private readonly onAfterTransaction = (tx: Y.Transaction) => {
    if (tx.changed.size === 0) return;
    const workshop = this.feedback.getMap('workshop') as unknown as Y.AbstractType<Y.YEvent<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (tx.changed.get(workshop)?.has('presenter')) this.epoch++;
    this.snapshot = readSnapshot(this.feedback, this.epoch);
    for (const listener of this.listeners) listener(this.snapshot);
  };

  constructor(private readonly feedback: Y.Doc) {
    this.snapshot = readSnapshot(feedback, 0);
    feedback.on('afterTransaction', this.onAfterTransaction);
  }

  get current(): FeedbackSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: FeedbackSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.listeners.clear();
    this.feedback.off('afterTransaction', this.onAfterTransaction);
  }
}
