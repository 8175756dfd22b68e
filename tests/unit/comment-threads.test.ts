import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, commentsMap, deleteComment, moveComment, readComments, readThreads, setCommentResolved } from '../../src/model/feedback';
import { LIMITS } from '../../src/model/limits';
import { OWNER } from '../support/actors';

const t = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function conversation() {
  const feedback = new Y.Doc();
  addComment(feedback, OWNER, { id: 'a', cardId: 'c1', author: 'Ana', authorId: 'ana-0001', text: 'Too many steps', at: t(0) });
  addComment(feedback, OWNER, { id: 'b', cardId: 'c2', author: 'Ben', text: 'Price unclear', at: t(1) });
  addComment(feedback, OWNER, { id: 'a2', cardId: 'c1', parentId: 'a', author: 'Ben', text: 'Agreed', at: t(3) });
  addComment(feedback, OWNER, { id: 'a1', cardId: 'c1', parentId: 'a', author: 'Cy', text: 'Which steps?', at: t(2) });
  return feedback;
}

describe('comment threads', () => {
  it('groups replies under the comment that started the thread, oldest first, threads by start time', () => {
    const threads = readThreads(conversation());
    expect(threads.map((th) => [th.root.id, th.replies.map((r) => r.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', []],
    ]);
    expect(threads[0]!.replies[0]).toMatchObject({ parentId: 'a', cardId: 'c1', author: 'Cy' });
  });

  it('lists only the threads of one card when asked', () => {
    expect(readThreads(conversation(), 'c2').map((th) => th.root.id)).toEqual(['b']);
  });

  it('a reply to a reply joins the thread of the first comment', () => {
    const feedback = conversation();
    addComment(feedback, OWNER, { id: 'a3', cardId: 'c1', parentId: 'a1', author: 'Ana', text: 'Login and address', at: t(4) });
    expect(readComments(feedback).find((c) => c.id === 'a3')!.parentId).toBe('a');
    expect(readThreads(feedback)[0]!.replies.map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('an orphan reply, whose first comment was deleted, becomes its own thread and is never lost', () => {
    const feedback = conversation();
    deleteComment(feedback, OWNER, 'a');
    expect(readThreads(feedback).map((th) => [th.root.id, th.replies.map((r) => r.id)])).toEqual([
      ['b', []],
      ['a1', []],
      ['a2', []],
    ]);
  });

  it('a reply to a comment this replica has not received yet shows as a thread until it arrives', () => {
    const feedback = new Y.Doc();
    addComment(feedback, OWNER, { id: 'r', cardId: 'c1', parentId: 'elsewhere', author: 'Ben', text: 'yes', at: t(5) });
    expect(readThreads(feedback).map((th) => th.root.id)).toEqual(['r']);
    addComment(feedback, OWNER, { id: 'elsewhere', cardId: 'c1', author: 'Ana', text: 'first', at: t(4) });
    expect(readThreads(feedback).map((th) => [th.root.id, th.replies.map((x) => x.id)])).toEqual([['elsewhere', ['r']]]);
  });

  it('comments whose parents go round in a circle still each show once', () => {
    const feedback = new Y.Doc();
    addComment(feedback, OWNER, { id: 'x', cardId: 'c1', author: 'A', text: 'x', at: t(1) });
    addComment(feedback, OWNER, { id: 'y', cardId: 'c1', author: 'B', text: 'y', at: t(2) });
    addComment(feedback, OWNER, { id: 'z', cardId: 'c1', author: 'C', text: 'z', at: t(3) });
    // a peer's garbage: x → y → x, and z hangs off the circle; s replies to itself
    commentsMap(feedback).get('x')!.set('parentId', 'y');
    commentsMap(feedback).get('y')!.set('parentId', 'x');
    commentsMap(feedback).get('z')!.set('parentId', 'y');
    addComment(feedback, OWNER, { id: 's', cardId: 'c1', author: 'D', text: 's', at: t(4) });
    commentsMap(feedback).get('s')!.set('parentId', 's');
    const threads = readThreads(feedback);
    expect(threads.map((th) => [th.root.id, th.replies.map((r) => r.id)])).toEqual([
      ['x', []],
      ['y', ['z']],
      ['s', []],
    ]);
  });

  it('resolving a thread resolves its first comment', () => {
    const feedback = conversation();
    setCommentResolved(feedback, 'a', true);
    const [thread] = readThreads(feedback);
    expect(thread!.root.resolved).toBe(true);
    expect(thread!.replies.every((r) => !r.resolved)).toBe(true);
  });

  it('moving a thread to another card takes its replies along', () => {
    const feedback = conversation();
    moveComment(feedback, OWNER, 'a', 'c9');
    expect(readComments(feedback).filter((c) => c.cardId === 'c9').map((c) => c.id).sort()).toEqual(['a', 'a1', 'a2']);
  });

  it('records mentions and the author id, dropping repeats and capping the list', () => {
    const feedback = new Y.Doc();
    const many = Array.from({ length: LIMITS.mentionsPerComment + 10 }, (_, i) => `person-${i}`);
    const id = addComment(feedback, OWNER, { cardId: 'c1', author: 'Ana', authorId: 'ana-0001', text: '@Ben @Ben', mentions: ['ben-0002', 'ben-0002', '', ...many] });
    const comment = readComments(feedback).find((c) => c.id === id)!;
    expect(comment.authorId).toBe('ana-0001');
    expect(comment.mentions[0]).toBe('ben-0002');
    expect(comment.mentions).toHaveLength(LIMITS.mentionsPerComment);
    expect(new Set(comment.mentions).size).toBe(comment.mentions.length);
  });

  it('reads a comment written before threads existed with the new fields at their defaults', () => {
    const feedback = new Y.Doc();
    const old = new Y.Map<unknown>();
    feedback.transact(() => {
      commentsMap(feedback).set('old', old);
      old.set('cardId', 'c1');
      old.set('author', 'Ana');
      old.set('text', 'from last year');
      old.set('at', t(0));
    });
    expect(readComments(feedback)).toEqual([
      { id: 'old', cardId: 'c1', parentId: null, author: 'Ana', authorId: '', text: 'from last year', mentions: [], at: t(0), resolved: false, observation: false },
    ]);
    expect(readThreads(feedback)).toEqual([{ root: readComments(feedback)[0], replies: [] }]);
  });

  it('reads new fields of the wrong type from a peer as defaults', () => {
    const feedback = new Y.Doc();
    addComment(feedback, OWNER, { id: 'k', cardId: 'c1', author: 'A', text: 'x', at: t(0) });
    const r = commentsMap(feedback).get('k')!;
    r.set('parentId', 5);
    r.set('authorId', { evil: true });
    r.set('mentions', ['ok-id', 3, null, '']);
    expect(readComments(feedback)[0]).toMatchObject({ parentId: null, authorId: '', mentions: ['ok-id'] });
  });
});
