import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addComment, readThreads, setCommentResolved, type Thread } from '../../src/model';
import {
  isCommentNew,
  markSeen,
  markThreadsSeen,
  mergeSeen,
  newestAt,
  parseSeen,
  seenMarks,
  serializeSeen,
  STORAGE_PREFIX,
  unreadThreads,
  useCommentsRead,
  type SeenMarks,
} from '../../src/store/commentsRead';
import { OWNER } from '../support/actors';

const ME = 'me-identity';
const ANN = 'ann-identity';

function feedbackDoc() {
  const doc = new Y.Doc();
  const say = (authorId: string, at: string, text: string, parentId?: string, cardId = 'card-1') =>
    addComment(doc, OWNER, { cardId, author: authorId === ME ? 'Me' : 'Ann', authorId, text, at, parentId });
  return { doc, say, threads: (): Thread[] => readThreads(doc) };
}

const seenAfter = (threads: readonly Thread[], before: SeenMarks = new Map()): SeenMarks => markSeen(before, threads) ?? before;

describe('unread threads', () => {
  it('a thread someone else started is unread until it has been seen', () => {
    const { say, threads } = feedbackDoc();
    say(ANN, '2025-03-01T10:00:00.000Z', 'Why is this step here?');
    expect(unreadThreads(threads(), new Map(), ME)).toHaveLength(1);
    expect(unreadThreads(threads(), seenAfter(threads()), ME)).toHaveLength(0);
  });

  it('my own comments are never unread, seen or not', () => {
    const { say, threads } = feedbackDoc();
    const root = say(ME, '2025-03-01T10:00:00.000Z', 'Check the refund copy');
    say(ME, '2025-03-01T10:05:00.000Z', 'also the email', root);
    expect(unreadThreads(threads(), new Map(), ME)).toEqual([]);
    expect(isCommentNew({ authorId: ME, at: '2030-01-01T00:00:00.000Z' }, undefined, ME)).toBe(false);
  });

  it('a newer reply by someone else makes a read thread unread again; my reply does not', () => {
    const { say, threads } = feedbackDoc();
    const root = say(ME, '2025-03-01T10:00:00.000Z', 'Is this the right lane?');
    say(ANN, '2025-03-01T10:02:00.000Z', 'I think so', root);
    const seen = seenAfter(threads());
    expect(unreadThreads(threads(), seen, ME)).toEqual([]);

    say(ME, '2025-03-01T10:03:00.000Z', 'ok, thanks', root);
    expect(unreadThreads(threads(), seen, ME)).toEqual([]);

    say(ANN, '2025-03-01T10:04:00.000Z', 'actually, no', root);
    const unread = unreadThreads(threads(), seen, ME);
    expect(unread.map((t) => t.root.id)).toEqual([root]);
  });

  it('a resolved thread does not count, even with a reply I have not read', () => {
    const { doc, say, threads } = feedbackDoc();
    const a = say(ANN, '2025-03-01T10:00:00.000Z', 'first');
    say(ANN, '2025-03-01T10:01:00.000Z', 'second', undefined, 'card-2');
    setCommentResolved(doc, a, true);
    say(ANN, '2025-03-01T10:02:00.000Z', 'a late reply', a);
    expect(unreadThreads(threads(), new Map(), ME).map((t) => t.root.text)).toEqual(['second']);
  });

  it('comments without an author id (written before identities) count as someone else’s', () => {
    const { doc, threads } = feedbackDoc();
    addComment(doc, OWNER, { cardId: 'c', author: 'Old', text: 'legacy', at: '2024-01-01T00:00:00.000Z' });
    expect(unreadThreads(threads(), new Map(), ME)).toHaveLength(1);
    expect(unreadThreads(threads(), new Map(), '')).toHaveLength(1);
  });
});

describe('read marks', () => {
  it('record the newest comment of each thread, and only ever move forward', () => {
    const { say, threads } = feedbackDoc();
    const root = say(ANN, '2025-03-01T10:00:00.000Z', 'root');
    say(ME, '2025-03-01T11:00:00.000Z', 'mine, newest', root);
    const seen = seenAfter(threads());
    expect(seen.get(root)).toBe('2025-03-01T11:00:00.000Z');
    expect(markSeen(seen, threads())).toBeNull();
    const later = new Map([[root, '2025-03-02T00:00:00.000Z']]);
    expect(markSeen(later, threads())).toBeNull();
  });

  it('a thread whose times cannot be read counts as seen once shown, not unread forever', () => {
    const { doc, threads } = feedbackDoc();
    addComment(doc, OWNER, { cardId: 'c', author: 'Peer', authorId: ANN, text: 'x', at: 'not a time' });
    const [thread] = threads();
    expect(newestAt(thread!)).toBe(new Date(0).toISOString());
    expect(unreadThreads(threads(), seenAfter(threads()), ME)).toEqual([]);
  });

  it('merging two tabs’ marks keeps the later of each', () => {
    const a = new Map([['t1', '2025-01-01T00:00:00.000Z'], ['t2', '2025-01-05T00:00:00.000Z']]);
    const b = new Map([['t1', '2025-01-03T00:00:00.000Z'], ['t3', '2025-01-01T00:00:00.000Z']]);
    expect(Object.fromEntries(mergeSeen(a, b))).toEqual({
      t1: '2025-01-03T00:00:00.000Z',
      t2: '2025-01-05T00:00:00.000Z',
      t3: '2025-01-01T00:00:00.000Z',
    });
  });
});

describe('stored marks', () => {
  it('a broken or foreign stored value is ignored, never thrown', () => {
    for (const raw of [null, '', '{oops', '[1,2,3]', '"text"', '42', 'null']) expect(parseSeen(raw).size).toBe(0);
    const mixed = parseSeen(JSON.stringify({ good: '2025-03-01T10:00:00.000Z', number: 5, bad: 'yesterday', '': '2025-03-01T10:00:00.000Z' }));
    expect(Object.fromEntries(mixed)).toEqual({ good: '2025-03-01T10:00:00.000Z' });
  });

  it('a thread id like __proto__ is stored and read back as a plain key', () => {
    const marks = new Map([['__proto__', '2025-03-01T10:00:00.000Z']]);
    expect(Object.fromEntries(parseSeen(serializeSeen(marks)))).toEqual({ ['__proto__']: '2025-03-01T10:00:00.000Z' });
  });

  describe('on this device', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      useCommentsRead.setState({ byMap: new Map() });
    });

    function memoryStorage(initial: Record<string, string> = {}) {
      const data = new Map(Object.entries(initial));
      return {
        data,
        getItem: (k: string) => data.get(k) ?? null,
        setItem: (k: string, v: string) => void data.set(k, v),
        removeItem: (k: string) => void data.delete(k),
      };
    }

    it('marks threads seen per map, under waymark.commentsRead.<mapId>, over a broken old value', () => {
      const storage = memoryStorage({ [`${STORAGE_PREFIX}map-a`]: '{not json' });
      vi.stubGlobal('localStorage', storage);
      const { say, threads } = feedbackDoc();
      const root = say(ANN, '2025-03-01T10:00:00.000Z', 'hello');
      expect(seenMarks(useCommentsRead.getState(), 'map-a').size).toBe(0);
      markThreadsSeen('map-a', threads());
      expect(seenMarks(useCommentsRead.getState(), 'map-a').get(root)).toBe('2025-03-01T10:00:00.000Z');
      expect(JSON.parse(storage.data.get(`${STORAGE_PREFIX}map-a`)!)).toEqual({ [root]: '2025-03-01T10:00:00.000Z' });
      expect(seenMarks(useCommentsRead.getState(), 'map-b').size).toBe(0);
    });

    it('storage that refuses every call only means the marks last for this visit', () => {
      const refuse = () => {
        throw new Error('SecurityError');
      };
      vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
      const { say, threads } = feedbackDoc();
      const root = say(ANN, '2025-03-01T10:00:00.000Z', 'hello');
      expect(() => markThreadsSeen('map-c', threads())).not.toThrow();
      expect(seenMarks(useCommentsRead.getState(), 'map-c').get(root)).toBe('2025-03-01T10:00:00.000Z');
    });
  });
});
