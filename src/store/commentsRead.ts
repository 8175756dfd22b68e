import { create } from 'zustand';
import type { Thread } from '../model';
import { COMMENTS_READ_KEY_PREFIX } from '../storage/deviceKeys';
import { useEditor } from './editorStore';
import { storedObject } from './storedObject';

/**
 * Which comment threads I have read, per device: for each thread, the time of its newest comment
 * when the comments panel last showed it. Kept in localStorage under
 * `waymark.commentsRead.<mapId>` as `{ threadId: ISO time }`; storage that is missing, full,
 * refused or holding garbage only means threads look unread again.
 *
 * A thread is unread when someone else wrote a comment in it after its mark (or it has none).
 * Only open threads count towards badges; a resolved thread is done with.
 */

/** threadId → ISO time of the newest comment seen in it */
export type SeenMarks = ReadonlyMap<string, string>;

export const STORAGE_PREFIX = COMMENTS_READ_KEY_PREFIX;
/** marks kept per map; the oldest go first (a thread deleted long ago leaves a mark behind) */
export const MAX_MARKS = 5_000;
/** the mark of a thread whose comments carry no readable time: everything in it counts as seen */
const EPOCH = new Date(0).toISOString();

const EMPTY: SeenMarks = new Map();

const timeOf = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** Reads a stored value; anything that is not `{ string: ISO time }` is dropped, never thrown. */
export function parseSeen(raw: string | null | undefined): SeenMarks {
  const value = storedObject(raw);
  if (!value) return EMPTY;
  const out = new Map<string, string>();
  for (const [id, at] of Object.entries(value)) {
    if (id && typeof at === 'string' && at.length <= 40 && Number.isFinite(Date.parse(at))) out.set(id, at);
  }
  return capMarks(out);
}

/** The marks as stored: a plain object (own keys only, so `__proto__` is just a key). */
export function serializeSeen(seen: SeenMarks): string {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [id, at] of seen) out[id] = at;
  return JSON.stringify(out);
}

function capMarks(seen: Map<string, string>): Map<string, string> {
  if (seen.size <= MAX_MARKS) return seen;
  const newest = [...seen].sort((a, b) => timeOf(b[1]) - timeOf(a[1])).slice(0, MAX_MARKS);
  return new Map(newest);
}

/** The time of the newest comment in a thread (mine too), as the mark that says "seen up to here". */
export function newestAt(thread: Thread): string {
  let best = EPOCH;
  let bestTime = 0;
  for (const c of [thread.root, ...thread.replies]) {
    const t = timeOf(c.at);
    if (t > bestTime) {
      best = c.at;
      bestTime = t;
    }
  }
  return best;
}

/** A comment someone else wrote after `mark` (any comment of theirs, when there is no mark). */
export function isCommentNew(comment: { authorId: string; at: string }, mark: string | undefined, myId: string): boolean {
  if (myId && comment.authorId === myId) return false;
  if (mark === undefined) return true;
  return timeOf(comment.at) > timeOf(mark);
}

/** Whether a thread holds a comment by someone else that I have not seen. */
export function isThreadUnread(thread: Thread, seen: SeenMarks, myId: string): boolean {
  const mark = seen.get(thread.root.id);
  if (isCommentNew(thread.root, mark, myId)) return true;
  return thread.replies.some((c) => isCommentNew(c, mark, myId));
}

/** The open threads with a comment I have not seen, written by someone else. */
export function unreadThreads(threads: readonly Thread[], seen: SeenMarks, myId: string): Thread[] {
  return threads.filter((thread) => !thread.root.resolved && isThreadUnread(thread, seen, myId));
}

/**
 * The marks once `threads` have been seen, or null when none of them moves on (so showing the
 * same threads again writes nothing). Marks only ever move forward.
 */
export function markSeen(seen: SeenMarks, threads: readonly Thread[]): SeenMarks | null {
  let next: Map<string, string> | null = null;
  for (const thread of threads) {
    const id = thread.root.id;
    const at = newestAt(thread);
    const old = seen.get(id);
    if (old !== undefined && !(timeOf(at) > timeOf(old))) continue;
    next ??= new Map(seen);
    next.set(id, at);
  }
  return next && capMarks(next);
}

/** Marks from two places (this tab and another), the later of each. */
export function mergeSeen(a: SeenMarks, b: SeenMarks): SeenMarks {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Map(a);
  for (const [id, at] of b) {
    const old = out.get(id);
    if (old === undefined || timeOf(at) > timeOf(old)) out.set(id, at);
  }
  return capMarks(out);
}

// ---------- storage ----------

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // a sandboxed frame or blocked cookies throw on access
    return null;
  }
}

function readStored(mapId: string): SeenMarks {
  try {
    return parseSeen(storage()?.getItem(STORAGE_PREFIX + mapId));
  } catch {
    return EMPTY;
  }
}

function writeStored(mapId: string, seen: SeenMarks): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + mapId, serializeSeen(seen));
  } catch {
    // full or refused: the marks still hold for this visit
  }
}

// ---------- the store ----------

interface CommentsReadState {
  /** marks per map id, for the maps this tab has looked at */
  byMap: ReadonlyMap<string, SeenMarks>;
}

/** Marks read from storage before this tab changed any, so a selector can return a stable value. */
const loaded = new Map<string, SeenMarks>();

function loadedMarks(mapId: string): SeenMarks {
  let marks = loaded.get(mapId);
  if (!marks) {
    marks = readStored(mapId);
    loaded.set(mapId, marks);
  }
  return marks;
}

export const useCommentsRead = create<CommentsReadState>()(() => ({ byMap: new Map() }));

/** The read marks of a map: this tab's, or those stored on the device. */
export function seenMarks(state: CommentsReadState, mapId: string | null | undefined): SeenMarks {
  if (!mapId) return EMPTY;
  return state.byMap.get(mapId) ?? loadedMarks(mapId);
}

function setMarks(mapId: string, marks: SeenMarks): void {
  const byMap = new Map(useCommentsRead.getState().byMap);
  byMap.set(mapId, marks);
  useCommentsRead.setState({ byMap });
}

/** Records that the panel has shown these threads, here and in storage (merged with other tabs'). */
export function markThreadsSeen(mapId: string, threads: readonly Thread[]): void {
  const current = seenMarks(useCommentsRead.getState(), mapId);
  const next = markSeen(current, threads);
  if (!next) return;
  const merged = mergeSeen(next, readStored(mapId));
  setMarks(mapId, merged);
  writeStored(mapId, merged);
}

// another tab of this map read some threads: take its marks too
if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('storage', (event) => {
    if (!event.key?.startsWith(STORAGE_PREFIX)) return;
    const mapId = event.key.slice(STORAGE_PREFIX.length);
    const state = useCommentsRead.getState();
    if (!state.byMap.has(mapId) && !loaded.has(mapId)) return;
    const merged = mergeSeen(seenMarks(state, mapId), parseSeen(event.newValue));
    if (merged !== seenMarks(state, mapId)) setMarks(mapId, merged);
  });
}

// ---------- hooks ----------

/** The marks of the open map. */
export function useSeenMarks(): SeenMarks {
  const mapId = useEditor((s) => s.session?.mapId ?? null);
  return useCommentsRead((s) => seenMarks(s, mapId));
}

let memo: { threads: readonly Thread[]; seen: SeenMarks; myId: string; unread: Thread[]; cards: Set<string> } | null = null;

/** Unread open threads and the cards they are on, computed once per (threads, marks, me) for every caller. */
function unreadIndex(threads: readonly Thread[], seen: SeenMarks, myId: string): { unread: Thread[]; cards: Set<string> } {
  if (memo && memo.threads === threads && memo.seen === seen && memo.myId === myId) return memo;
  const unread = unreadThreads(threads, seen, myId);
  memo = { threads, seen, myId, unread, cards: new Set(unread.map((t) => t.root.cardId)) };
  return memo;
}

/** How many open threads of the map have something I have not read: the comments tab's badge. */
export function useUnreadCount(): number {
  const seen = useSeenMarks();
  return useEditor((s) => unreadIndex(s.feedback.threads, seen, s.identity?.id ?? '').unread.length);
}

/** Whether an open thread on this card has something I have not read. Cheap: one Set lookup per card. */
export function useCardUnread(cardId: string): boolean {
  const seen = useSeenMarks();
  return useEditor((s) => {
    const counts = s.feedback.cardThreads.get(cardId);
    if (!counts || counts.open === 0) return false;
    return unreadIndex(s.feedback.threads, seen, s.identity?.id ?? '').cards.has(cardId);
  });
}
