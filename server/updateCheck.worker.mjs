// An update-check worker (see updateCheck.ts). Plain JavaScript so that it starts the same way
// under `node --import tsx`, under Vitest and from a build: it only needs yjs.
//
// It keeps a shadow copy of every room it has been given, and integrates each incoming update
// into that copy before the main thread integrates it into the room: an update costs here what it
// would cost there, and if it costs too much, this thread is the one that gets killed. For a
// feedback room it also judges, in the same transaction, whether the sender may make the changes
// (feedbackRules.mjs); a refused update has changed the copy, so the copy is dropped and the main
// thread sends a fresh one with the room's next job.
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { indexFeedback, isFeedbackRoom, judgeFeedback, prepareFeedbackDoc, reindexFeedback } from './feedbackRules.mjs';

/** @typedef {{ doc: Y.Doc, index: import('./feedbackRules.mjs').FeedbackIndex | null, transactions: Y.Transaction[] }} Shadow */

/** @type {Map<string, Shadow>} */
const shadows = new Map();

/**
 * A dropped copy is garbage this thread's heap keeps until V8 decides on a full collection, which
 * in an isolate this small and this quiet can be never: measured after 100 rooms were seeded by
 * their first client, each worker held 11 MB of heap with no copy left (6 MB after a collection).
 * So a full collection runs a second after copies were dropped, once more were dropped than are
 * left: its cost (∝ the copies still held) is then paid for by the ones dropped. `gc` is not
 * exposed in a worker (V8 flags cannot be given to one), hence the flag and a fresh context.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');
const COLLECT_AFTER_DROP_MS = 1000;
let droppedSinceCollected = 0;
let collecting = null;

function collectSoon() {
  droppedSinceCollected++;
  collecting ??= setTimeout(() => {
    collecting = null;
    if (droppedSinceCollected <= shadows.size) return;
    droppedSinceCollected = 0;
    collectGarbage();
  }, COLLECT_AFTER_DROP_MS);
}

/** as relay.ts does after every update: parts whose dependencies are missing are not kept */
function dropPending(doc) {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** @param {string} room @param {Uint8Array[]} seed the room's state, as updates @returns {Shadow} */
function createShadow(room, seed) {
  const doc = new Y.Doc();
  const feedback = isFeedbackRoom(room);
  if (feedback) prepareFeedbackDoc(doc);
  for (const update of seed) Y.applyUpdate(doc, update);
  dropPending(doc);
  /** @type {Shadow} */
  const shadow = { doc, index: feedback ? indexFeedback(doc) : null, transactions: [] };
  if (feedback) doc.on('afterTransaction', (transaction) => shadow.transactions.push(transaction));
  return shadow;
}

function dropShadow(room) {
  const shadow = shadows.get(room);
  if (!shadow) return;
  shadow.doc.destroy();
  shadows.delete(room);
  collectSoon();
}

/**
 * Applies `update` to the copy; with `judge`, refuses (null → ok, string → why not) what its
 * sender may not change. On a refusal the copy is already dropped.
 */
function applyTo(room, shadow, update, judge) {
  shadow.transactions.length = 0;
  Y.applyUpdate(shadow.doc, update);
  dropPending(shadow.doc);
  if (!shadow.index) return null;
  const transactions = shadow.transactions.splice(0);
  if (judge) {
    for (const transaction of transactions) {
      const refusal = judgeFeedback(transaction, shadow.index, judge.identityId ?? null);
      if (refusal) {
        dropShadow(room);
        return refusal;
      }
    }
  }
  for (const transaction of transactions) reindexFeedback(transaction, shadow.index);
  return null;
}

parentPort.on('message', (message) => {
  if (message.type === 'drop') {
    dropShadow(message.room);
    return;
  }
  if (message.type === 'apply') {
    // an update the main thread applied itself (cheap by construction, or from the owner): follow it
    const shadow = shadows.get(message.room);
    if (!shadow) return;
    try {
      applyTo(message.room, shadow, message.update, null);
    } catch {
      parentPort.postMessage({ type: 'diverged' });
    }
    return;
  }
  const { id, room, update, seed, judge } = message;
  if (seed) {
    dropShadow(room);
    shadows.set(room, createShadow(room, seed));
    // the update's own time budget starts now
    parentPort.postMessage({ type: 'seeded', id });
  }
  const shadow = shadows.get(room);
  if (!shadow) {
    // cannot happen while the main thread keeps its books; if it does, it replaces this worker
    parentPort.postMessage({ id, ok: false, intact: false, detail: 'no copy of the room to check against' });
    return;
  }
  try {
    // decode all of it first (structs and deletions): a truncated update never half-applies
    Y.decodeUpdate(update);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, intact: true, detail: `update does not decode: ${error instanceof Error ? error.message : error}` });
    return;
  }
  try {
    const refusal = applyTo(room, shadow, update, judge);
    if (refusal) parentPort.postMessage({ id, ok: false, intact: true, forbidden: true, detail: refusal });
    else parentPort.postMessage({ id, ok: true });
  } catch (error) {
    // the copy may be half changed now: the main thread replaces this worker and its copies
    parentPort.postMessage({ id, ok: false, intact: false, detail: `update does not apply: ${error instanceof Error ? error.message : error}` });
  }
});

// loaded and listening: from now on the main thread's clock runs for each update
parentPort.postMessage({ type: 'ready' });
