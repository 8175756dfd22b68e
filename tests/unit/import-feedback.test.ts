import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/export/import';
import { addComment, placeDot, revealRound, startRound, tally } from '../../src/model';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { feedbackToDoc } from '../../src/schema/file';
import { serializeMap } from '../../src/schema';
import { OWNER } from '../support/actors';

/** A retail map after a workshop: a thread with a reply and a revealed round of dots. */
function workshopMap() {
  const doc = createMapFromTemplate('retail', 'en');
  const cards = readJourney(doc).cards;
  const [first, second] = [cards[0]!, cards[1]!];
  const feedback = new Y.Doc();
  const root = addComment(feedback, OWNER, { cardId: first.id, author: 'Ana', authorId: 'ana-1', text: 'Why so slow?', at: '2026-11-23T09:00:00.000Z' });
  addComment(feedback, OWNER, { cardId: first.id, parentId: root, author: 'Ben', authorId: 'ben-1', text: 'Agreed', at: '2026-11-23T09:01:00.000Z' });
  const round = startRound(feedback, OWNER, { title: 'Biggest pains', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fran' });
  for (const [cardId, voter] of [[first.id, 'ana-1'], [first.id, 'ben-1'], [second.id, 'ana-1']] as const) placeDot(feedback, OWNER, { roundId: round, cardId, voterId: voter, voterName: voter });
  revealRound(feedback, OWNER, round);
  return { doc, feedback, first, second };
}

describe('importing a Waymark file that holds a workshop', () => {
  it('keeps its threads, rounds and dots, on the imported cards’ new ids', () => {
    const { doc, feedback, first, second } = workshopMap();
    const outcome = importFile('workshop.waymark.json', serializeMap(doc, feedback));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const byTitle = new Map(outcome.journey.cards.map((c) => [c.title, c.id]));
    const imported = feedbackToDoc(outcome.feedback!);
    const comments = outcome.feedback!.comments;
    expect(comments.map((c) => c.text)).toEqual(['Why so slow?', 'Agreed']);
    expect(new Set(comments.map((c) => c.cardId))).toEqual(new Set([byTitle.get(first.title)]));
    const [round] = outcome.feedback!.rounds;
    expect(round?.status).toBe('revealed');
    expect(tally(imported, round!.id).map((e) => [e.cardId, e.votes])).toEqual([
      [byTitle.get(first.title), 2],
      [byTitle.get(second.title), 1],
    ]);
    // nothing points at the original map's cards any more
    const oldIds = new Set(readJourney(doc).cards.map((c) => c.id));
    expect([...comments, ...outcome.feedback!.dots].some((x) => oldIds.has(x.cardId))).toBe(false);
  });

  it('a round limited to some lanes still lets people vote on those lanes after the import', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const pains = readJourney(doc).lanes.find((l) => l.kind === 'pains')!;
    const feedback = new Y.Doc();
    startRound(feedback, OWNER, { title: 'Pains only', votesPerPerson: 3, laneIds: [pains.id], anonymous: true, durationMs: null, startedBy: 'Fran' });
    const outcome = importFile('workshop.waymark.json', serializeMap(doc, feedback));
    if (!outcome.ok) throw new Error('import failed');
    const importedPains = outcome.journey.lanes.find((l) => l.kind === 'pains')!;
    expect(outcome.feedback!.rounds[0]!.laneIds).toEqual([importedPains.id]);
  });

  it('a CSV or OpenJourney import has no feedback to bring', () => {
    const { doc } = workshopMap();
    const csv = 'phase,stage,lane,lane kind,title\r\npre-purchase,Awareness,Pains,pains,Slow\r\n';
    const outcome = importFile('map.csv', csv);
    expect(outcome.ok && outcome.feedback).toBeFalsy();
    doc.destroy();
  });
});
