import * as Y from 'yjs';
import { journeyScope } from './doc';
import { LOCAL_ORIGIN } from './origin';

/**
 * Undo/redo for this user's own edits only: it tracks LOCAL_ORIGIN, so a collaborator's change
 * or a sync is never undone. Edits closer together than `captureTimeout` ms merge into one step
 * (typing a title is one step, not one per key).
 */
export function createUndoManager(doc: Y.Doc, options: { captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager(journeyScope(doc), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}

/**
 * Undo/redo for this user's comments. It watches the comments alone: a dot placed, a round
 * started or the timer paused in a workshop is not undone with Ctrl+Z (those have their own
 * take-back and reset controls, and undoing them would surprise everyone else in the room).
 */
export function createFeedbackUndoManager(feedback: Y.Doc, options: { captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager(feedback.getMap('comments'), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
