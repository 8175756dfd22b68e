// Who may change what in a map's feedback room (`<mapId>/feedback`, src/model/feedback.ts):
// the rules the relay holds every participant but the owner to. Plain JavaScript, because the
// update-check worker (updateCheck.worker.mjs) runs them on its copy of the room, in the
// transaction that applies the update, before the room itself is touched.
//
//   comments  a new comment carries the writer's identity id as authorId; only its author may
//             change its fields (never authorId) or delete it; anyone with feedback rights may
//             set `resolved` (resolving a thread is not rewriting it); `resolved` and
//             `observation` (a comment offered as evidence, src/model/observations.ts) are
//             true or false when present
//   dots      a new dot carries the writer's identity id as voterId; dots are never changed;
//             only their voter removes them
//   rounds, workshop
//             vote rounds, timer, presenter and presented stage: the owner (the facilitator) only
//   anything else (another root, a list in a root, types nested in a record): refused
//
// Each rule is about one record and who wrote it, and a record's author never changes: a
// change one participant's client allows is allowed on the relay whatever others do at the same
// time, so a legitimate client is never refused for racing (a refused update cannot be taken out
// of a CRDT's history, and everything its sender writes later would depend on it).
//
// The identity id is the one the connection proved (src/access/identity.ts); without one, a
// participant can write nothing here. How many dots count per voter is not a rule here: the
// first `votesPerPerson` by time count (src/model/votes.ts), so extra dots change nothing.
import * as Y from 'yjs';

/** the roots participants write, and the field of each record naming who wrote it */
const AUTHOR_FIELD = { comments: 'authorId', dots: 'voterId' };

/** every root the app keeps in a feedback doc (src/model/feedback.ts) */
export const FEEDBACK_ROOTS = ['comments', 'dots', 'rounds', 'workshop'];

/** Whether a room name is a feedback room. @param {string} room */
export const isFeedbackRoom = (room) => room.endsWith('/feedback');

/**
 * Makes the app's roots Y.Maps before anything is applied to `doc`. A root first met in an update
 * is a placeholder type until someone asks for it as a map, and asking later swaps the instance
 * under the judge's feet (transaction.changed would hold the old one).
 * @param {Y.Doc} doc
 */
export function prepareFeedbackDoc(doc) {
  for (const root of FEEDBACK_ROOTS) doc.getMap(root);
}

/** @typedef {{ author: string, record: Y.Map<unknown> }} Authored */
/** @typedef {{ comments: Map<string, Authored>, dots: Map<string, Authored> }} FeedbackIndex */

/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : '');

/**
 * Who wrote each comment and dot: the judge needs it for records an update deletes or
 * replaces, whose content is gone by the time it looks.
 * @param {Y.Doc} doc
 * @returns {FeedbackIndex}
 */
export function indexFeedback(doc) {
  /** @type {FeedbackIndex} */
  const index = { comments: new Map(), dots: new Map() };
  for (const root of /** @type {const} */ (['comments', 'dots'])) {
    doc.getMap(root).forEach((record, key) => {
      if (record instanceof Y.Map) index[root].set(key, { author: str(record.get(AUTHOR_FIELD[root])), record });
    });
  }
  return index;
}

/**
 * @param {Y.Doc} doc
 * @param {Y.AbstractType<any>} type
 * @returns {string | undefined} the name of the root `type` is
 */
function rootName(doc, type) {
  for (const [name, root] of doc.share) if (root === type) return name;
  return undefined;
}

/**
 * Where a changed type sits: a root (by name), or a record (root name and key) of a root.
 * @param {Y.Doc} doc
 * @param {Y.AbstractType<any>} type
 * @returns {{ root: string, key: string | null } | null} null: deeper than a record
 */
function locate(doc, type) {
  const item = type._item;
  if (item === null) return { root: rootName(doc, type) ?? '?', key: null };
  const parent = /** @type {Y.AbstractType<any>} */ (item.parent);
  if (parent._item !== null || typeof item.parentSub !== 'string') return null;
  return { root: rootName(doc, parent) ?? '?', key: item.parentSub };
}

/** the comment fields that are flags: absent, true or false */
const COMMENT_FLAGS = ['resolved', 'observation'];

/**
 * @param {Y.Map<unknown>} record
 * @param {string} key
 */
const badFlag = (record, key) => COMMENT_FLAGS.includes(key) && record.get(key) !== undefined && typeof record.get(key) !== 'boolean';

/** @param {Y.Map<unknown>} record */
function holdsTypes(record) {
  for (const value of record.values()) if (value instanceof Y.AbstractType) return true;
  return false;
}

/**
 * Why the changes of `transaction` may not be made by the participant `me` (an identity id, or
 * null), or null when they may. Reads `index` as it was before the transaction.
 * @param {Y.Transaction} transaction
 * @param {FeedbackIndex} index
 * @param {string | null} me
 * @returns {string | null}
 */
export function judgeFeedback(transaction, index, me) {
  const doc = transaction.doc;
  for (const [type, keys] of transaction.changed) {
    const at = locate(doc, type);
    if (!at) return 'nested types are not allowed in feedback';
    if (at.root === 'rounds' || at.root === 'workshop') return `only the facilitator changes ${at.root}`;
    if (!(at.root in AUTHOR_FIELD)) return `unknown feedback data "${at.root}"`;
    const root = /** @type {'comments' | 'dots'} */ (at.root);
    const authorField = AUTHOR_FIELD[root];
    if (at.key === null) {
      // records added, replaced or removed
      for (const key of keys) {
        if (key === null) return `${root} is not a list`;
        const before = index[root].get(key);
        if (before && before.author !== me) return root === 'dots' ? 'only its voter removes a dot' : 'only its author removes or replaces a comment';
        const after = doc.getMap(root).get(key);
        if (after === undefined) continue;
        if (!(after instanceof Y.Map) || holdsTypes(after)) return `a ${root === 'dots' ? 'dot' : 'comment'} is a record of plain values`;
        if (me === null || after.get(authorField) !== me) return `a new ${root === 'dots' ? 'dot' : 'comment'} carries its writer's identity`;
        if (root === 'comments' && COMMENT_FLAGS.some((flag) => badFlag(after, flag))) return 'a comment\'s flags are true or false';
      }
      continue;
    }
    // fields of one record changed
    if (root === 'dots') return 'dots are never changed';
    const author = index.comments.get(at.key)?.author;
    const record = /** @type {Y.Map<unknown>} */ (type);
    for (const key of keys) {
      if (key === null) return 'a comment is not a list';
      if (key === authorField) return 'a comment keeps its author';
      if (record.get(key) instanceof Y.AbstractType) return 'a comment is a record of plain values';
      if (badFlag(record, key)) return 'a comment\'s flags are true or false';
      if (author === me && me !== null) continue;
      if (key !== 'resolved') return 'only its author changes a comment';
    }
  }
  return null;
}

/**
 * Brings `index` up to date with what `transaction` changed (every transaction, judged or not).
 * @param {Y.Transaction} transaction
 * @param {FeedbackIndex} index
 */
export function reindexFeedback(transaction, index) {
  const doc = transaction.doc;
  for (const [type, keys] of transaction.changed) {
    const at = locate(doc, type);
    if (!at || !(at.root in AUTHOR_FIELD)) continue;
    const root = /** @type {'comments' | 'dots'} */ (at.root);
    for (const key of at.key === null ? keys : [at.key]) {
      if (key === null) continue;
      const record = doc.getMap(root).get(key);
      if (record instanceof Y.Map) index[root].set(key, { author: str(record.get(AUTHOR_FIELD[root])), record });
      else index[root].delete(key);
    }
  }
}
