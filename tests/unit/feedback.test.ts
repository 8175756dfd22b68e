import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  commentsMap,
  deleteComment,
  editComment,
  moveComment,
  readComments,
  setCommentResolved,
} from '../../src/model/feedback';
import { LIMITS } from '../../src/model/limits';
import { updateMeta } from '../../src/model/ops';
import { createFeedbackUndoManager, createUndoManager } from '../../src/model/undo';
import { OWNER } from '../support/actors';

const REMOTE = 'remote';

/** A feedback doc with two comments on card c1; the undo history starts empty. */
function seeded() {
  const feedback = new Y.Doc();
  const um = createFeedbackUndoManager(feedback, { captureTimeout: 0 });
  addComment(feedback, OWNER, { id: 'k1', cardId: 'c1', author: 'Ana', text: 'Too many steps here', at: '2026-03-01T10:00:00.000Z' });
  addComment(feedback, OWNER, { id: 'k2', cardId: 'c1', author: 'Ben', text: 'Agreed', at: '2026-03-01T10:05:00.000Z' });
  um.clear();
  return { feedback, um };
}

function expectUndoRedo(feedback: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readComments>) {
  const after = readComments(feedback);
  expect(after).not.toEqual(before);
  expect(um.undoStack).toHaveLength(1);
  um.undo();
  expect(readComments(feedback)).toEqual(before);
  um.redo();
  expect(readComments(feedback)).toEqual(after);
}

function expectNoChange(feedback: Y.Doc, um: Y.UndoManager, before: ReturnType<typeof readComments>) {
  expect(readComments(feedback)).toEqual(before);
  expect(um.undoStack).toHaveLength(0);
}

const comment = (feedback: Y.Doc, id: string) => readComments(feedback).find((c) => c.id === id);

describe('addComment', () => {
  it('posts an unresolved comment on a card, and one undo takes it back', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    const id = addComment(feedback, OWNER, { cardId: 'c2', author: 'Cy', text: 'Where is the price?', at: '2026-03-02T09:00:00.000Z' });
    expect(comment(feedback, id)).toEqual({
      id,
      cardId: 'c2',
      parentId: null,
      author: 'Cy',
      authorId: '',
      text: 'Where is the price?',
      mentions: [],
      at: '2026-03-02T09:00:00.000Z',
      resolved: false,
      observation: false,
    });
    expectUndoRedo(feedback, um, before);
  });

  it('stamps a comment with the current time when none is given', () => {
    const { feedback } = seeded();
    const start = Date.now();
    const id = addComment(feedback, OWNER, { cardId: 'c1', author: 'Cy', text: 'now' });
    const at = comment(feedback, id)!.at;
    expect(new Date(at).toISOString()).toBe(at);
    expect(Date.parse(at)).toBeGreaterThanOrEqual(start - 1);
    expect(Date.parse(at)).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('lists comments oldest first, whatever order they were posted in', () => {
    const { feedback } = seeded();
    addComment(feedback, OWNER, { id: 'k0', cardId: 'c1', author: 'Early', text: 'first!', at: '2026-02-01T00:00:00.000Z' });
    addComment(feedback, OWNER, { id: 'k3', cardId: 'c1', author: 'Late', text: 'last', at: '2026-04-01T00:00:00.000Z' });
    expect(readComments(feedback).map((c) => c.id)).toEqual(['k0', 'k1', 'k2', 'k3']);
  });

  it('cuts an over-long author and text to the limits', () => {
    const { feedback } = seeded();
    const id = addComment(feedback, OWNER, { cardId: 'c1', author: 'a'.repeat(LIMITS.author + 1), text: 't'.repeat(LIMITS.commentText + 1) });
    const c = comment(feedback, id)!;
    expect(c.author).toBe('a'.repeat(LIMITS.author));
    expect(c.text).toBe('t'.repeat(LIMITS.commentText));
  });
});

describe('editComment', () => {
  it('rewrites the text of a comment, and undo restores the old text', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(editComment(feedback, OWNER, 'k1', 'Far too many steps here')).toBe(true);
    expect(comment(feedback, 'k1')).toMatchObject({ text: 'Far too many steps here', author: 'Ana', cardId: 'c1' });
    expectUndoRedo(feedback, um, before);
  });

  it('cuts an over-long text to the limit', () => {
    const { feedback } = seeded();
    editComment(feedback, OWNER, 'k1', 'e'.repeat(LIMITS.commentText * 2));
    expect(comment(feedback, 'k1')!.text).toHaveLength(LIMITS.commentText);
  });

  it('reports false and changes nothing for a comment that does not exist', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(editComment(feedback, OWNER, 'missing', 'text')).toBe(false);
    expectNoChange(feedback, um, before);
  });
});

describe('setCommentResolved', () => {
  it('resolves a comment and reopens it, each one undo step', () => {
    const { feedback, um } = seeded();
    const open = readComments(feedback);
    expect(setCommentResolved(feedback, 'k1', true)).toBe(true);
    expect(comment(feedback, 'k1')!.resolved).toBe(true);
    expect(comment(feedback, 'k2')!.resolved).toBe(false);
    expectUndoRedo(feedback, um, open);

    um.clear();
    const resolved = readComments(feedback);
    expect(setCommentResolved(feedback, 'k1', false)).toBe(true);
    expect(comment(feedback, 'k1')!.resolved).toBe(false);
    expectUndoRedo(feedback, um, resolved);
  });

  it('reports false and changes nothing for a comment that does not exist', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(setCommentResolved(feedback, 'missing', true)).toBe(false);
    expectNoChange(feedback, um, before);
  });
});

describe('moveComment', () => {
  it('moves a comment to another card, and undo moves it back', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(moveComment(feedback, OWNER, 'k2', 'c9')).toBe(true);
    expect(readComments(feedback).map((c) => [c.id, c.cardId])).toEqual([
      ['k1', 'c1'],
      ['k2', 'c9'],
    ]);
    expectUndoRedo(feedback, um, before);
  });

  it('reports false and changes nothing for a comment that does not exist', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(moveComment(feedback, OWNER, 'missing', 'c9')).toBe(false);
    expectNoChange(feedback, um, before);
  });
});

describe('deleteComment', () => {
  it('deletes a comment, and undo brings it back exactly', () => {
    const { feedback, um } = seeded();
    setCommentResolved(feedback, 'k1', true);
    um.clear();
    const before = readComments(feedback);
    expect(deleteComment(feedback, OWNER, 'k1')).toBe(true);
    expect(readComments(feedback).map((c) => c.id)).toEqual(['k2']);
    expectUndoRedo(feedback, um, before);
    um.undo();
    expect(comment(feedback, 'k1')).toEqual({
      id: 'k1',
      cardId: 'c1',
      parentId: null,
      author: 'Ana',
      authorId: '',
      text: 'Too many steps here',
      mentions: [],
      at: '2026-03-01T10:00:00.000Z',
      resolved: true,
      observation: false,
    });
  });

  it('reports false and changes nothing for a comment that does not exist', () => {
    const { feedback, um } = seeded();
    const before = readComments(feedback);
    expect(deleteComment(feedback, OWNER, 'missing')).toBe(false);
    expectNoChange(feedback, um, before);
  });
});

describe('createFeedbackUndoManager', () => {
  it("does not undo a collaborator's comments, only this user's own", () => {
    const { feedback, um } = seeded();
    addComment(feedback, OWNER, { id: 'r1', cardId: 'c1', author: 'Remote', text: 'from afar', at: '2026-03-03T00:00:00.000Z' }, REMOTE);
    editComment(feedback, OWNER, 'k1', 'edited remotely', REMOTE);
    setCommentResolved(feedback, 'k2', true, REMOTE);
    moveComment(feedback, OWNER, 'k2', 'c5', REMOTE);
    deleteComment(feedback, OWNER, 'r1', REMOTE);
    expect(um.undoStack).toHaveLength(0);
    const afterRemote = readComments(feedback);

    addComment(feedback, OWNER, { cardId: 'c1', author: 'Me', text: 'mine', at: '2026-03-04T00:00:00.000Z' });
    um.undo();
    expect(readComments(feedback)).toEqual(afterRemote);
    um.undo();
    expect(readComments(feedback)).toEqual(afterRemote);
    expect(comment(feedback, 'k1')!.text).toBe('edited remotely');
  });

  it('merges quick successive edits into one undo step by default', () => {
    const feedback = new Y.Doc();
    const um = createFeedbackUndoManager(feedback);
    const id = addComment(feedback, OWNER, { cardId: 'c1', author: 'Me', text: 'h', at: '2026-03-04T00:00:00.000Z' });
    editComment(feedback, OWNER, id, 'he');
    editComment(feedback, OWNER, id, 'hey');
    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(readComments(feedback)).toEqual([]);
  });

  it('keeps comment history apart from the map history', () => {
    const map = new Y.Doc();
    const mapUm = createUndoManager(map, { captureTimeout: 0 });
    const { feedback, um } = seeded();
    updateMeta(map, { title: 'Map title' });
    editComment(feedback, OWNER, 'k1', 'comment edit');
    expect(mapUm.undoStack).toHaveLength(1);
    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(comment(feedback, 'k1')!.text).toBe('Too many steps here');
    expect(map.getMap('meta').get('title')).toBe('Map title');
    expect(commentsMap(feedback).size).toBe(2);
  });
});
