// The update-check worker (see updateCheck.ts). Plain JavaScript so that it starts the same way
// under `node --import tsx`, under Vitest and from a build: it only needs yjs.
//
// It keeps a shadow copy of every room it has been asked about, and integrates each incoming
// update into that copy before the main thread integrates it into the room: an update costs here
// what it would cost there, and if it costs too much, this thread is the one that gets killed.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/** @type {Map<string, Y.Doc>} */
const shadows = new Map();

/** as relay.ts does after every update: parts whose dependencies are missing are not kept */
function dropPending(doc) {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

parentPort.on('message', (message) => {
  if (message.type === 'drop') {
    shadows.get(message.room)?.destroy();
    shadows.delete(message.room);
    return;
  }
  if (message.type === 'apply') {
    // an update the main thread applied itself (cheap by construction): follow it
    const doc = shadows.get(message.room);
    if (!doc) return;
    try {
      Y.applyUpdate(doc, message.update);
      dropPending(doc);
    } catch {
      parentPort.postMessage({ type: 'diverged' });
    }
    return;
  }
  const { id, room, update, seed } = message;
  if (seed) {
    shadows.get(room)?.destroy();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    shadows.set(room, doc);
  }
  const doc = shadows.get(room);
  if (!doc) {
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
    Y.applyUpdate(doc, update);
    dropPending(doc);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    // the copy may be half changed now: the main thread replaces this worker and its copies
    parentPort.postMessage({ id, ok: false, intact: false, detail: `update does not apply: ${error instanceof Error ? error.message : error}` });
  }
});

// loaded and listening: from now on the main thread's clock runs for each update
parentPort.postMessage({ type: 'ready' });
