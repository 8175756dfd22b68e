import * as Y from 'yjs';
import type { FeedbackActor, OwnerActor } from './actor';
import { newRecord, setField, type Record_ } from './doc';
import { newId } from './ids';
import { clampText, LIMITS } from './limits';
import { LOCAL_ORIGIN } from './origin';
import type { RoundStatus, TallyEntry, VoteDot, VoteRound } from './types';

/**
 * Dot voting in a workshop, in the feedback doc:
 *   rounds  Y.Map  id → Y.Map { title, votesPerPerson, laneIds, anonymous, startedAt, startedBy,
 *                               endsAt, status }
 *   dots    Y.Map  id → Y.Map { roundId, cardId, voterId, voterName, at }
 * Every dot is its own record, written once and never changed: people voting at the same time
 * only ever add or remove different keys, so their edits cannot conflict.
 *
 * Nothing here trusts that a voter stayed within their allowance — two tabs of one person can
 * each place "the last" dot before seeing the other's. Instead the dots that count are derived:
 * per voter, the first `votesPerPerson` by (at, id). Every replica holding the same dots
 * therefore counts the same ones, whatever order they arrived in.
 *
 * Every write takes its writer (actor.ts) and refuses what the relay would refuse from them:
 * rounds are the owner's (the facilitator's) alone; a dot is placed under the voter's own id and
 * taken back only by its voter.
 */

const ROUND_STATUSES: readonly RoundStatus[] = ['open', 'closed', 'revealed'];
/** A round's time limit is at most a week. */
const ROUND_DURATION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export function roundsMap(feedback: Y.Doc): Y.Map<Record_> {
  return feedback.getMap('rounds');
}

export function dotsMap(feedback: Y.Doc): Y.Map<Record_> {
  return feedback.getMap('dots');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const byTime = (a: { at: string; id: string }, b: { at: string; id: string }): number =>
  a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const byStart = (a: VoteRound, b: VoteRound): number =>
  a.startedAt !== b.startedAt ? (a.startedAt < b.startedAt ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function clampVotesPerPerson(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(LIMITS.votesPerPerson, Math.max(1, Math.floor(value)));
}

function laneList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const v of value) {
    if (out.size >= LIMITS.lanes) break;
    if (typeof v === 'string' && v !== '') out.add(v);
  }
  return [...out];
}

/** A round as stored, tolerant of whatever a peer wrote. Its status is as stored (see readRounds). */
export function readRoundRecord(id: string, r: Record_): VoteRound {
  const votes = r.get('votesPerPerson');
  const endsAt = r.get('endsAt');
  const status = r.get('status');
  return {
    id,
    title: str(r.get('title')),
    votesPerPerson: typeof votes === 'number' ? clampVotesPerPerson(votes) : 1,
    laneIds: laneList(r.get('laneIds')),
    anonymous: r.get('anonymous') === true,
    startedAt: str(r.get('startedAt')),
    startedBy: str(r.get('startedBy')),
    endsAt: typeof endsAt === 'string' && endsAt !== '' ? endsAt : null,
    // an unknown status takes no votes
    status: ROUND_STATUSES.includes(status as RoundStatus) ? (status as RoundStatus) : 'closed',
  };
}

/**
 * Every round, oldest first (by startedAt, then id). Only one round is open at a time: when two
 * people started rounds at once, each start closed only the rounds it knew of, so here the
 * newest open round stays open and any older one reads as closed — the same on every replica.
 */
export function readRounds(feedback: Y.Doc): VoteRound[] {
  const out: VoteRound[] = [];
  roundsMap(feedback).forEach((r, id) => {
    if (r instanceof Y.Map) out.push(readRoundRecord(id, r));
  });
  out.sort(byStart);
  let open = false;
  for (let i = out.length - 1; i >= 0; i--) {
    const round = out[i]!;
    if (round.status !== 'open') continue;
    if (open) out[i] = { ...round, status: 'closed' };
    open = true;
  }
  return out;
}

export function readRound(feedback: Y.Doc, id: string): VoteRound | null {
  if (!(roundsMap(feedback).get(id) instanceof Y.Map)) return null;
  return readRounds(feedback).find((r) => r.id === id) ?? null;
}

/** The round that is open now (whether or not its time is up), or null. */
export function openRound(feedback: Y.Doc): VoteRound | null {
  return readRounds(feedback).find((r) => r.status === 'open') ?? null;
}

/** Open, and its time (if it has a limit) not yet up. */
export function roundAcceptsVotes(round: VoteRound, now: Date): boolean {
  if (round.status !== 'open') return false;
  if (round.endsAt === null) return true;
  const ends = Date.parse(round.endsAt);
  return !Number.isNaN(ends) && now.getTime() < ends;
}

/** Whether a card in `laneId` may get dots in this round. */
export function cardIsVotable(round: VoteRound, laneId: string): boolean {
  return round.laneIds.length === 0 || round.laneIds.includes(laneId);
}

export interface StartRoundArgs {
  id?: string;
  title: string;
  /** clamped to 1…LIMITS.votesPerPerson */
  votesPerPerson: number;
  /** votable lanes; empty = every lane */
  laneIds: readonly string[];
  anonymous: boolean;
  /** null: no time limit; else endsAt = now + durationMs (clamped to 0 … 7 days) */
  durationMs: number | null;
  startedBy: string;
  now?: Date;
}

/** Starts a round, closing any other open round in the same transaction. Returns its id; null (nothing written) unless `by` is the owner. */
export function startRound(feedback: Y.Doc, by: OwnerActor, args: StartRoundArgs, origin?: unknown): string;
export function startRound(feedback: Y.Doc, by: FeedbackActor, args: StartRoundArgs, origin?: unknown): string | null;
export function startRound(feedback: Y.Doc, by: FeedbackActor, args: StartRoundArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  if (!by.owner) return null;
  const id = args.id ?? newId();
  const now = args.now ?? new Date();
  const duration =
    args.durationMs === null || !Number.isFinite(args.durationMs)
      ? null
      : Math.min(ROUND_DURATION_MAX_MS, Math.max(0, Math.round(args.durationMs)));
  feedback.transact(() => {
    const rounds = roundsMap(feedback);
    rounds.forEach((r, other) => {
      if (other !== id && r instanceof Y.Map && r.get('status') === 'open') r.set('status', 'closed');
    });
    rounds.set(
      id,
      newRecord({
        title: clampText(args.title, LIMITS.roundTitle),
        votesPerPerson: clampVotesPerPerson(args.votesPerPerson),
        laneIds: laneList(args.laneIds),
        anonymous: args.anonymous,
        startedAt: now.toISOString(),
        startedBy: clampText(args.startedBy, LIMITS.author),
        endsAt: duration === null ? null : new Date(now.getTime() + duration).toISOString(),
        status: 'open',
      }),
    );
  }, origin);
  return id;
}

function setStatus(feedback: Y.Doc, roundId: string, status: RoundStatus, origin: unknown): boolean {
  const r = roundsMap(feedback).get(roundId);
  if (!(r instanceof Y.Map)) return false;
  feedback.transact(() => setField(r, 'status', status), origin);
  return true;
}

/**
 * Stops a round taking dots; its results stay hidden until revealed. A revealed round stays
 * revealed (closing it again must not hide results everyone has seen). False if there is no such
 * round or `by` is not the owner.
 */
export function closeRound(feedback: Y.Doc, by: FeedbackActor, roundId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!by.owner) return false;
  const r = roundsMap(feedback).get(roundId);
  if (r instanceof Y.Map && r.get('status') === 'revealed') return true;
  return setStatus(feedback, roundId, 'closed', origin);
}

/** Shows a round's results to everyone; also closes it. False if there is no such round or `by` is not the owner. */
export function revealRound(feedback: Y.Doc, by: FeedbackActor, roundId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!by.owner) return false;
  return setStatus(feedback, roundId, 'revealed', origin);
}

/** Removes a round and all its dots (everyone's: the owner's to do). False if there is no such round or `by` is not the owner. */
export function deleteRound(feedback: Y.Doc, by: FeedbackActor, roundId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const rounds = roundsMap(feedback);
  if (!by.owner || !rounds.has(roundId)) return false;
  feedback.transact(() => {
    rounds.delete(roundId);
    const dots = dotsMap(feedback);
    const doomed: string[] = [];
    dots.forEach((d, id) => {
      if (d instanceof Y.Map && d.get('roundId') === roundId) doomed.push(id);
    });
    for (const id of doomed) dots.delete(id);
  }, origin);
  return true;
}

export function readDot(id: string, r: Record_): VoteDot {
  return {
    id,
    roundId: str(r.get('roundId')),
    cardId: str(r.get('cardId')),
    voterId: clampText(str(r.get('voterId')), LIMITS.identityId),
    voterName: str(r.get('voterName')),
    at: str(r.get('at')),
  };
}

/** Every dot placed in a round (counted or not), by (at, id); every dot of every round without one. */
export function readDots(feedback: Y.Doc, roundId?: string): VoteDot[] {
  const out: VoteDot[] = [];
  dotsMap(feedback).forEach((r, id) => {
    if (!(r instanceof Y.Map)) return;
    if (roundId !== undefined && r.get('roundId') !== roundId) return;
    out.push(readDot(id, r));
  });
  return out.sort(byTime);
}

/** Keeps, per voter, the first `allowance` dots (dots come sorted by (at, id)). */
function firstPerVoter(dots: readonly VoteDot[], allowance: number): VoteDot[] {
  const used = new Map<string, number>();
  return dots.filter((d) => {
    const n = used.get(d.voterId) ?? 0;
    if (n >= allowance) return false;
    used.set(d.voterId, n + 1);
    return true;
  });
}

/** The dots that count, by (at, id): per voter, only the first votesPerPerson. */
export function countedDots(feedback: Y.Doc, roundId: string): VoteDot[] {
  const round = readRound(feedback, roundId);
  if (!round) return [];
  return firstPerVoter(
    readDots(feedback, roundId).filter((d) => d.voterId !== ''),
    round.votesPerPerson,
  );
}

export interface MyDots {
  /** cardId → this voter's counted dots on it */
  byCard: Record<string, number>;
  used: number;
  left: number;
}

/** One voter's counted dots in a round and how many they have left. */
export function myDots(feedback: Y.Doc, roundId: string, voterId: string): MyDots {
  const round = readRound(feedback, roundId);
  const byCard: Record<string, number> = {};
  if (!round) return { byCard, used: 0, left: 0 };
  const mine = countedDots(feedback, roundId).filter((d) => d.voterId === voterId);
  for (const d of mine) byCard[d.cardId] = (byCard[d.cardId] ?? 0) + 1;
  return { byCard, used: mine.length, left: Math.max(0, round.votesPerPerson - mine.length) };
}

export interface PlaceDotArgs {
  roundId: string;
  cardId: string;
  /** the writer's identity id (the default); another only for the owner */
  voterId?: string;
  voterName: string;
  now?: Date;
}

/** The voter a dot write is for: the writer, or (the owner only) someone named. Null when `by` may not. */
function voterFor(by: FeedbackActor, voterId: string | undefined): string | null {
  const voter = clampText(voterId ?? by.id, LIMITS.identityId);
  if (voter === '') return null;
  return by.owner || voter === by.id ? voter : null;
}

/**
 * Puts one of the voter's dots on a card. Returns the dot's id, or null (nothing written) when
 * the round is not taking votes, the voter has none left, or `by` would vote as someone else.
 * The caller checks the card's lane (cardIsVotable).
 */
export function placeDot(feedback: Y.Doc, by: FeedbackActor, args: PlaceDotArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  const now = args.now ?? new Date();
  const voterId = voterFor(by, args.voterId);
  const round = readRound(feedback, args.roundId);
  if (!round || !roundAcceptsVotes(round, now) || voterId === null || args.cardId === '') return null;
  if (myDots(feedback, round.id, voterId).left <= 0) return null;
  const id = newId();
  feedback.transact(() => {
    dotsMap(feedback).set(
      id,
      newRecord({
        roundId: round.id,
        cardId: args.cardId,
        voterId,
        voterName: round.anonymous ? null : clampText(args.voterName, LIMITS.author) || null,
        at: now.toISOString(),
      }),
    );
  }, origin);
  return id;
}

export interface TakeBackDotArgs {
  roundId: string;
  cardId: string;
  /** the writer's identity id (the default); another only for the owner */
  voterId?: string;
  now?: Date;
}

/**
 * Removes the voter's most recent dot on the card. False (nothing written) when there is none,
 * the round is not taking votes, or `by` would take back someone else's. Only dots stored under
 * exactly the voter's id are ever deleted, whatever two tabs or a peer wrote meanwhile.
 */
export function takeBackDot(feedback: Y.Doc, by: FeedbackActor, args: TakeBackDotArgs, origin: unknown = LOCAL_ORIGIN): boolean {
  const voterId = voterFor(by, args.voterId);
  const round = readRound(feedback, args.roundId);
  if (!round || voterId === null || !roundAcceptsVotes(round, args.now ?? new Date())) return false;
  const counted = new Set(countedDots(feedback, round.id).map((d) => d.id));
  const dots = dotsMap(feedback);
  // the stored voterId itself, not a capped reading of it: a longer id must never pass for mine
  const all = readDots(feedback, round.id).filter((d) => {
    const stored = dots.get(d.id);
    return stored instanceof Y.Map && stored.get('voterId') === voterId;
  });
  // the dot taken back is one the voter can see (a counted one) on that card
  const last = all.filter((d) => d.cardId === args.cardId && counted.has(d.id)).pop();
  if (!last) return false;
  // dots over the allowance (two tabs voting at once) would otherwise move up and take its
  // place, so taking back would seem to do nothing: they go too
  const extra = all.filter((d) => !counted.has(d.id));
  feedback.transact(() => {
    dotsMap(feedback).delete(last.id);
    for (const d of extra) dotsMap(feedback).delete(d.id);
  }, origin);
  return true;
}

/**
 * A round's result: the cards that got counted dots, most votes first; ties in `cardOrder`
 * order (cards it does not list after those it does), else by card id. Voter names are listed
 * one per dot, sorted, and left out of anonymous rounds.
 */
export function tally(feedback: Y.Doc, roundId: string, cardOrder?: readonly string[]): TallyEntry[] {
  const round = readRound(feedback, roundId);
  if (!round) return [];
  const entries = new Map<string, TallyEntry>();
  for (const d of countedDots(feedback, roundId)) {
    let entry = entries.get(d.cardId);
    if (!entry) entries.set(d.cardId, (entry = { cardId: d.cardId, votes: 0, voters: [] }));
    entry.votes++;
    if (!round.anonymous) entry.voters.push(d.voterName);
  }
  const rank = new Map((cardOrder ?? []).map((id, i) => [id, i]));
  const out = [...entries.values()];
  for (const e of out) e.voters.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out.sort((a, b) => {
    if (a.votes !== b.votes) return b.votes - a.votes;
    const ra = rank.get(a.cardId) ?? Infinity;
    const rb = rank.get(b.cardId) ?? Infinity;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0;
  });
}

/** The results of every round that has ended (closed or revealed), oldest round first: what exports show. */
export function finishedRoundResults(feedback: Y.Doc, cardOrder?: readonly string[]): { round: VoteRound; tally: TallyEntry[] }[] {
  return readRounds(feedback)
    .filter((round) => round.status !== 'open')
    .map((round) => ({ round, tally: tally(feedback, round.id, cardOrder) }));
}

/** Writes rounds into an empty feedback doc (imports: a new map, so its owner's). */
export function writeRounds(feedback: Y.Doc, rounds: readonly VoteRound[], origin: unknown = null): void {
  feedback.transact(() => {
    for (const { id, ...fields } of rounds) roundsMap(feedback).set(id, newRecord(fields));
  }, origin);
}

/** Writes dots into an empty feedback doc (imports: a new map, so its owner's). */
export function writeDots(feedback: Y.Doc, dots: readonly VoteDot[], origin: unknown = null): void {
  feedback.transact(() => {
    for (const { id, voterName, ...fields } of dots) dotsMap(feedback).set(id, newRecord({ ...fields, voterName: voterName || null }));
  }, origin);
}
