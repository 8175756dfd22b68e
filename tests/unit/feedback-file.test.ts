import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addComment, deleteComment, readComments, readThreads } from '../../src/model/feedback';
import { createMapFromTemplate } from '../../src/model/templates';
import { countedDots, placeDot, readRounds, revealRound, startRound, tally } from '../../src/model/votes';
import { readPresenter, readTimer, setPresenter, startTimer } from '../../src/model/workshop';
import { FORMAT_VERSION, fromJSON, serializeMap, toJSON, type FileIssue } from '../../src/schema';
import { OWNER } from '../support/actors';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

/** A map with a discussed card and a revealed round; the file and the ids used. */
function workshop() {
  const doc = createMapFromTemplate('retail', 'en');
  const cards = readJourney(doc).cards.map((c) => c.id);
  const feedback = new Y.Doc();
  addComment(feedback, OWNER, { id: 'root1', cardId: cards[0]!, author: 'Ana', authorId: 'ana-0001', text: 'Too slow', mentions: ['ben-0002'], at: at(0).toISOString() });
  addComment(feedback, OWNER, { id: 'reply1', cardId: cards[0]!, parentId: 'root1', author: 'Ben', authorId: 'ben-0002', text: 'Yes', at: at(1).toISOString() });
  const roundId = startRound(feedback, OWNER, { id: 'round1', title: 'Top pains', votesPerPerson: 2, laneIds: [], anonymous: false, durationMs: 300_000, startedBy: 'Fay', now: at(2) });
  placeDot(feedback, OWNER, { roundId, cardId: cards[0]!, voterId: 'ana-0001', voterName: 'Ana', now: at(3) });
  placeDot(feedback, OWNER, { roundId, cardId: cards[1]!, voterId: 'ben-0002', voterName: 'Ben', now: at(4) });
  placeDot(feedback, OWNER, { roundId, cardId: cards[0]!, voterId: 'ben-0002', voterName: 'Ben', now: at(5) });
  revealRound(feedback, OWNER, roundId);
  startRound(feedback, OWNER, { id: 'round2', title: 'Quiet', votesPerPerson: 1, laneIds: [readJourney(doc).lanes[0]!.id], anonymous: true, durationMs: null, startedBy: 'Fay', now: at(6) });
  placeDot(feedback, OWNER, { roundId: 'round2', cardId: cards[2]!, voterId: 'cy-00003', voterName: 'Cy', now: at(7) });
  return { doc, feedback, cards };
}

function issuesOf(value: unknown): FileIssue[] {
  const result = fromJSON(value);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('feedback in the map file', () => {
  it('keeps threads, rounds and dots through export → import, and the results read the same', () => {
    const { doc, feedback, cards } = workshop();
    const text = serializeMap(doc, feedback);
    const file = JSON.parse(text);
    expect(file.version).toBe(FORMAT_VERSION);
    expect(file.feedback.rounds.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([['round1', 'revealed'], ['round2', 'open']]);
    expect(file.feedback.dots).toHaveLength(4);
    expect(file.feedback.comments[1]).toMatchObject({ id: 'reply1', parentId: 'root1', authorId: 'ben-0002' });
    const back = fromJSON(file);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(serializeMap(back.doc, back.feedback)).toBe(text);
    expect(readThreads(back.feedback)).toEqual(readThreads(feedback));
    expect(readRounds(back.feedback)).toEqual(readRounds(feedback));
    expect(tally(back.feedback, 'round1', cards)).toEqual([
      { cardId: cards[0], votes: 2, voters: ['Ana', 'Ben'] },
      { cardId: cards[1], votes: 1, voters: ['Ben'] },
    ]);
    expect(countedDots(back.feedback, 'round2').map((d) => d.voterName)).toEqual(['']);
  });

  it('does not write the workshop timer or presenter: they belong to the session', () => {
    const { doc, feedback } = workshop();
    startTimer(feedback, OWNER, T0);
    setPresenter(feedback, OWNER, { id: 'fay-0001', name: 'Fay' });
    const file = toJSON(doc, feedback);
    expect(Object.keys(file.feedback)).toEqual(['comments', 'rounds', 'dots']);
    const back = fromJSON(JSON.parse(JSON.stringify(file)));
    if (!back.ok) throw new Error('did not import');
    expect(readTimer(back.feedback).status).toBe('idle');
    expect(readPresenter(back.feedback)).toBeNull();
  });

  it('leaves out dots on deleted cards, and writes a reply whose thread start is gone as a thread of its own', () => {
    const { doc, feedback, cards } = workshop();
    deleteComment(feedback, OWNER, 'root1');
    doc.getMap('cards').delete(cards[1]!);
    const file = toJSON(doc, feedback);
    expect(file.feedback.dots.map((d) => d.cardId)).not.toContain(cards[1]);
    expect(file.feedback.comments).toMatchObject([{ id: 'reply1', parentId: null }]);
    const back = fromJSON(JSON.parse(JSON.stringify(file)));
    expect(back.ok).toBe(true);
  });

  it('still reads a version 1 file written before threads and votes', () => {
    const doc = createMapFromTemplate('saas', 'en');
    const card = readJourney(doc).cards[0]!.id;
    const file = JSON.parse(JSON.stringify(toJSON(doc)));
    file.feedback = { comments: [{ id: 'k1', cardId: card, author: 'Ana', text: 'old', at: '2025-01-01T00:00:00.000Z', resolved: true }] };
    const back = fromJSON(file);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.file.feedback.rounds).toEqual([]);
    expect(back.file.feedback.dots).toEqual([]);
    expect(readComments(back.feedback)).toEqual([
      { id: 'k1', cardId: card, parentId: null, author: 'Ana', authorId: '', text: 'old', mentions: [], at: '2025-01-01T00:00:00.000Z', resolved: true, observation: false },
    ]);
    delete file.feedback;
    expect(fromJSON(file).ok).toBe(true);
  });

  it('refuses a dot whose round or card does not exist, and a reply to a missing comment, naming the path', () => {
    const { doc, feedback } = workshop();
    const file = JSON.parse(JSON.stringify(toJSON(doc, feedback)));
    file.feedback.dots[0].roundId = 'noround';
    file.feedback.dots[1].cardId = 'nocard';
    file.feedback.comments[1].parentId = 'nocomment';
    const issues = issuesOf(file);
    expect(issues).toContainEqual({ path: 'feedback.dots[0].roundId', message: 'refers to round "noround", which does not exist' });
    expect(issues).toContainEqual({ path: 'feedback.dots[1].cardId', message: 'refers to card "nocard", which does not exist' });
    expect(issues).toContainEqual({ path: 'feedback.comments[1].parentId', message: 'refers to comment "nocomment", which does not exist' });
  });

  it('refuses a comment that replies to itself, duplicate round and dot ids, and a round out of bounds', () => {
    const { doc, feedback } = workshop();
    const file = JSON.parse(JSON.stringify(toJSON(doc, feedback)));
    file.feedback.comments[0].parentId = file.feedback.comments[0].id;
    file.feedback.rounds[1].id = file.feedback.rounds[0].id;
    file.feedback.dots[2].id = file.feedback.dots[0].id;
    let issues = issuesOf(file);
    expect(issues).toContainEqual({ path: 'feedback.comments[0].parentId', message: 'replies to itself' });
    expect(issues).toContainEqual({ path: 'feedback.rounds[1].id', message: expect.stringMatching(/duplicates the id/) });
    expect(issues).toContainEqual({ path: 'feedback.dots[2].id', message: expect.stringMatching(/duplicates the id/) });

    const bad = JSON.parse(JSON.stringify(toJSON(doc, feedback)));
    bad.feedback.rounds[0].votesPerPerson = 0;
    bad.feedback.rounds[0].status = 'voting';
    bad.feedback.dots[0].voterId = '';
    issues = issuesOf(bad);
    expect(issues).toContainEqual({ path: 'feedback.rounds[0].votesPerPerson', message: 'must be between 1 and 50' });
    expect(issues.map((i) => i.path)).toContain('feedback.rounds[0].status');
    expect(issues.map((i) => i.path)).toContain('feedback.dots[0].voterId');
  });
});
