import * as Y from 'yjs';
import { mayChangeRecordOf, type FeedbackActor, type OwnerActor } from './actor';
import { newRecord, setField } from './doc';
import { newId } from './ids';
import { clampText, LIMITS } from './limits';
import { LOCAL_ORIGIN } from './origin';
import type { Comment, Thread } from './types';

/**
 * The feedback doc sits beside the map doc, in room `<mapId>/feedback`, so the relay can let a
 * workshop participant comment and vote without being able to change the map.
 *   comments  Y.Map  id → Y.Map { cardId, parentId, author, authorId, text, mentions, at, resolved, observation }
 *   rounds    Y.Map  id → Y.Map { title, votesPerPerson, laneIds, … }      (votes.ts)
 *   dots      Y.Map  id → Y.Map { roundId, cardId, voterId, voterName, at } (votes.ts)
 *   workshop  Y.Map  timer, presenter, presented stage                    (workshop.ts)
 * A reply's parentId is its thread's first comment. Fields at their default (parentId null,
 * authorId '', no mentions, not an observation) are left out, so comments written before threads read the same.
 *
 * Every write takes its writer (actor.ts) and refuses what the relay would refuse from them:
 * a comment is written by its author, changed and deleted by its author (or the owner); anyone
 * may resolve or reopen it.
 */
export function commentsMap(feedback: Y.Doc): Y.Map<Y.Map<unknown>> {
  return feedback.getMap('comments');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A list of identity ids: strings only, no empties or repeats, each and the list capped. */
export function identityIds(value: unknown, max: number = LIMITS.mentionsPerComment): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const v of value) {
    if (out.size >= max) break;
    if (typeof v === 'string' && v !== '') out.add(clampText(v, LIMITS.identityId));
  }
  return [...out];
}

export function readComment(id: string, r: Y.Map<unknown>): Comment {
  const parentId = r.get('parentId');
  return {
    id,
    cardId: str(r.get('cardId')),
    parentId: typeof parentId === 'string' && parentId !== '' ? parentId : null,
    author: str(r.get('author')),
    authorId: clampText(str(r.get('authorId')), LIMITS.identityId),
    text: str(r.get('text')),
    mentions: identityIds(r.get('mentions')),
    at: str(r.get('at')),
    resolved: r.get('resolved') === true,
    observation: r.get('observation') === true,
  };
}

const byTime = (a: { at: string; id: string }, b: { at: string; id: string }): number =>
  a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** All comments, oldest first. */
export function readComments(feedback: Y.Doc): Comment[] {
  const out: Comment[] = [];
  commentsMap(feedback).forEach((r, id) => {
    if (r instanceof Y.Map) out.push(readComment(id, r));
  });
  return out.sort(byTime);
}

/**
 * For each comment, the id of the thread it is shown in. A comment starts a thread when it has
 * no parent, when its parent is gone (deleted by a peer, say: a reply is never lost) or when
 * following parents leads round in a circle (garbage from a peer); a reply to a reply joins
 * the thread its parent is in.
 */
function threadRoots(comments: readonly Comment[]): Map<string, string> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = new Map<string, string>();
  for (const comment of comments) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current = comment;
    let root: string;
    for (;;) {
      const known = rootOf.get(current.id);
      if (known !== undefined) {
        root = known;
        break;
      }
      const parent = current.parentId === null ? undefined : byId.get(current.parentId);
      if (!parent) {
        root = current.id;
        break;
      }
      if (onPath.has(current.id)) {
        // a circle: each comment on it starts its own thread; those that led here join the first
        for (const id of path.slice(path.indexOf(current.id))) rootOf.set(id, id);
        root = current.id;
        break;
      }
      path.push(current.id);
      onPath.add(current.id);
      current = parent;
    }
    for (const id of path) if (!rootOf.has(id)) rootOf.set(id, root);
    if (!rootOf.has(current.id)) rootOf.set(current.id, root);
  }
  return rootOf;
}

/**
 * The comments as threads, ordered by when each thread was started, replies oldest first.
 * With `cardId`, only the threads on that card.
 */
export function readThreads(feedback: Y.Doc, cardId?: string): Thread[] {
  const comments = readComments(feedback);
  const rootOf = threadRoots(comments);
  const threads = new Map<string, Thread>();
  for (const c of comments) if (rootOf.get(c.id) === c.id) threads.set(c.id, { root: c, replies: [] });
  for (const c of comments) {
    const root = rootOf.get(c.id)!;
    if (root !== c.id) threads.get(root)!.replies.push(c);
  }
  // comments are oldest first, so the threads and their replies already are
  const all = [...threads.values()];
  return cardId === undefined ? all : all.filter((t) => t.root.cardId === cardId);
}

export interface AddCommentArgs {
  id?: string;
  cardId: string;
  /** the comment replied to; a reply to a reply joins the first comment's thread */
  parentId?: string | null;
  /** the author's display name */
  author: string;
  /** the author's identity id: the writer's (the default); another only for the owner */
  authorId?: string;
  text: string;
  /** identity ids of people @mentioned; repeats dropped, at most LIMITS.mentionsPerComment */
  mentions?: readonly string[];
  /** ISO 8601; default now */
  at?: string;
  /** offered as customer evidence (observations.ts); default false */
  observation?: boolean;
}

/**
 * Adds a comment by `by` and returns its id; null (nothing written) when `by` may not: a
 * non-owner writes only under their own id, and never over an existing comment.
 */
export function addComment(feedback: Y.Doc, by: OwnerActor, args: AddCommentArgs, origin?: unknown): string;
export function addComment(feedback: Y.Doc, by: FeedbackActor, args: AddCommentArgs, origin?: unknown): string | null;
export function addComment(feedback: Y.Doc, by: FeedbackActor, args: AddCommentArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  const id = args.id ?? newId();
  const authorId = clampText(args.authorId ?? by.id, LIMITS.identityId);
  const comments = commentsMap(feedback);
  if (!by.owner && (by.id === '' || authorId !== by.id || comments.has(id))) return null;
  feedback.transact(() => {
    comments.set(
      id,
      newRecord({
        cardId: args.cardId,
        parentId: threadStart(comments, args.parentId ?? null, id),
        author: clampText(args.author, LIMITS.author),
        authorId: authorId || null,
        text: clampText(args.text, LIMITS.commentText),
        mentions: identityIds(args.mentions ?? []),
        at: args.at ?? new Date().toISOString(),
        resolved: false,
        observation: args.observation === true,
      }),
    );
  }, origin);
  return id;
}

/** The first comment of the thread `parentId` is in (itself when it starts one, or is unknown here). */
function threadStart(comments: Y.Map<Y.Map<unknown>>, parentId: string | null, self: string): string | null {
  if (parentId === null || parentId === '' || parentId === self) return null;
  let current = parentId;
  const seen = new Set([self]);
  for (;;) {
    seen.add(current);
    const record = comments.get(current);
    const next = record instanceof Y.Map ? record.get('parentId') : undefined;
    if (typeof next !== 'string' || next === '' || seen.has(next) || !(comments.get(next) instanceof Y.Map)) return current;
    current = next;
  }
}

function withComment(feedback: Y.Doc, id: string, origin: unknown, fn: (r: Y.Map<unknown>) => void): boolean {
  const r = commentsMap(feedback).get(id);
  if (!(r instanceof Y.Map)) return false;
  feedback.transact(() => fn(r), origin);
  return true;
}

/** May `by` edit, move or delete this comment? Its author may, and the owner. (Anyone may resolve it.) */
export function mayChangeComment(comment: Pick<Comment, 'authorId'>, by: FeedbackActor | null): boolean {
  return by !== null && mayChangeRecordOf(by, comment.authorId);
}

/** The stored record's own authorId, not a capped reading of it: what the relay compares. */
function mayChangeStored(feedback: Y.Doc, id: string, by: FeedbackActor): boolean {
  const r = commentsMap(feedback).get(id);
  return r instanceof Y.Map && mayChangeRecordOf(by, r.get('authorId'));
}

/** Changes a comment's text. False (nothing written) when there is no such comment or `by` is neither its author nor the owner. */
export function editComment(feedback: Y.Doc, by: FeedbackActor, id: string, text: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!mayChangeStored(feedback, id, by)) return false;
  return withComment(feedback, id, origin, (r) => setField(r, 'text', clampText(text, LIMITS.commentText)));
}

/** Resolves or reopens a thread (its first comment): anyone who may give feedback may, on anyone's comment. */
export function setCommentResolved(feedback: Y.Doc, id: string, resolved: boolean, origin: unknown = LOCAL_ORIGIN): boolean {
  return withComment(feedback, id, origin, (r) => setField(r, 'resolved', resolved));
}

/**
 * Moves a comment to another card (when a card is split, say); a thread's replies go with it.
 * False (nothing written) when `by` may not change every comment that would move: a non-owner
 * moves only a thread that is theirs alone.
 */
export function moveComment(feedback: Y.Doc, by: FeedbackActor, id: string, cardId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const comments = commentsMap(feedback);
  if (!mayChangeStored(feedback, id, by)) return false;
  const replies: Y.Map<unknown>[] = [];
  comments.forEach((reply) => {
    if (reply instanceof Y.Map && reply.get('parentId') === id) replies.push(reply);
  });
  if (!replies.every((reply) => mayChangeRecordOf(by, reply.get('authorId')))) return false;
  return withComment(feedback, id, origin, (r) => {
    setField(r, 'cardId', cardId);
    for (const reply of replies) setField(reply, 'cardId', cardId);
  });
}

/**
 * Deletes one comment (its replies stay, each then starting a thread of its own). False (nothing
 * written) when there is no such comment or `by` is neither its author nor the owner.
 */
export function deleteComment(feedback: Y.Doc, by: FeedbackActor, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const comments = commentsMap(feedback);
  if (!comments.has(id) || !mayChangeStored(feedback, id, by)) return false;
  feedback.transact(() => comments.delete(id), origin);
  return true;
}

/**
 * Writes comments into an empty feedback doc (imports: a new map, so its owner's). Whoever does
 * not own the map never writes its feedback doc this way.
 */
export function writeComments(feedback: Y.Doc, comments: readonly Comment[], origin: unknown = null): void {
  feedback.transact(() => {
    for (const { id, authorId, ...fields } of comments) commentsMap(feedback).set(id, newRecord({ ...fields, authorId: authorId || null }));
  }, origin);
}
