import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import { addEvidence, assignEvidence, deleteEvidence, updateEvidence } from '../../src/model/ops/evidence';
import { deleteCard, updateCard } from '../../src/model/ops/cards';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { parseMapFile, serializeMap } from '../../src/schema/file';
import { FORMAT_VERSION } from '../../src/schema/migrate';
import { JourneyView } from '../../src/store/journeyView';

function retail(): Y.Doc {
  return createMapFromTemplate('retail', 'en');
}

describe('customer evidence in the map', () => {
  it('an imported item waits in the inbox until it is put on a card, and one Undo takes the assignment back', () => {
    const doc = retail();
    const card = readJourney(doc).cards[0]!;
    const { ids } = addEvidence(doc, [{ text: 'The parcel came three days late', source: 'support', count: 37, date: '2026-03-02' }]);
    expect(readJourney(doc).evidence).toEqual([expect.objectContaining({ id: ids[0], cardId: null, count: 37, source: 'support', date: '2026-03-02' })]);
    const undo = createUndoManager(doc);
    assignEvidence(doc, ids, card.id);
    expect(readJourney(doc).evidence[0]!.cardId).toBe(card.id);
    undo.undo();
    expect(readJourney(doc).evidence[0]!.cardId).toBeNull();
  });

  it('deleting a card puts its evidence back in the inbox instead of losing it, and Undo puts it back on the card', () => {
    const doc = retail();
    const card = readJourney(doc).cards[0]!;
    addEvidence(doc, [{ text: 'I could not find the size chart', cardId: card.id }]);
    const undo = createUndoManager(doc);
    deleteCard(doc, card.id);
    expect(readJourney(doc).evidence[0]!.cardId).toBeNull();
    undo.undo();
    expect(readJourney(doc).evidence[0]!.cardId).toBe(card.id);
  });

  it('a score off its scale, a date that is no day and a count below one are dropped, not stored', () => {
    const doc = retail();
    const { ids } = addEvidence(doc, [{ text: 'x', score: 11, scale: 'nps', date: '2026-02-30', count: 0 }]);
    expect(readJourney(doc).evidence[0]).toMatchObject({ score: null, scale: null, date: '', count: 1 });
    updateEvidence(doc, ids[0]!, { score: 9, scale: 'nps', sentiment: 'positive' });
    expect(readJourney(doc).evidence[0]).toMatchObject({ score: 9, scale: 'nps', sentiment: 'positive' });
    updateEvidence(doc, ids[0]!, { sentiment: null });
    expect(readJourney(doc).evidence[0]!.sentiment).toBeNull();
  });

  it('a hostile quote is clamped to the limit, and the map refuses items past its evidence limit', () => {
    const doc = retail();
    addEvidence(doc, [{ text: 'x'.repeat(100_000) }]);
    expect(readJourney(doc).evidence[0]!.text).toHaveLength(LIMITS.evidenceText);
    const many = Array.from({ length: LIMITS.evidence + 5 }, (_, i) => ({ text: `row ${i}` }));
    const result = addEvidence(doc, many);
    expect(result.refused).toBe(6);
    expect(readJourney(doc).evidence).toHaveLength(LIMITS.evidence);
  });

  it('evidence and a card\u2019s confidence survive a JSON export and import, on the same cards', () => {
    const doc = retail();
    const journey = readJourney(doc);
    const card = journey.cards[3]!;
    updateCard(doc, card.id, { confidence: 'observed' });
    addEvidence(doc, [
      { text: '„Die Lieferung kam zu spät“', source: 'review', score: 2, scale: 'stars', cardId: card.id, reference: 'https://example.com/r/1' },
      { text: 'Hotline: refund took 3 weeks', source: 'support', stageId: journey.stages[2]!.id, channel: 'phone' },
    ]);
    const parsed = parseMapFile(serializeMap(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const back = readJourney(parsed.doc);
    const backCard = back.cards.find((c) => c.title === card.title && c.confidence === 'observed');
    expect(backCard).toBeDefined();
    expect(back.evidence.map((e) => [e.text, e.cardId, e.stageId])).toEqual([
      ['„Die Lieferung kam zu spät“', backCard!.id, null],
      ['Hotline: refund took 3 weeks', null, journey.stages[2]!.id],
    ]);
  });

  it('a file whose evidence names a card that is not in it is refused with the path', () => {
    const doc = retail();
    const file = JSON.parse(serializeMap(doc));
    file.journey.evidence = [{ id: 'e1', cardId: 'nope', text: 'x', order: 'a0' }];
    const parsed = parseMapFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toContain('journey.evidence[0].cardId');
  });

  it('a version 3 file opens with no evidence and no confidence', () => {
    const file = JSON.parse(serializeMap(retail()));
    file.version = 3;
    delete file.journey.evidence;
    for (const card of file.journey.cards) delete card.confidence;
    const parsed = parseMapFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.version).toBe(FORMAT_VERSION);
    expect(parsed.file.journey.evidence).toEqual([]);
  });

  it('the editor view follows evidence changes and keeps its order', () => {
    const doc = retail();
    const view = new JourneyView(doc);
    addEvidence(doc, [{ text: 'first' }, { text: 'second' }]);
    addEvidence(doc, [{ text: 'third' }]);
    expect(view.journey.evidence.map((e) => e.text)).toEqual(['first', 'second', 'third']);
    deleteEvidence(doc, [view.journey.evidence[1]!.id]);
    expect(view.journey.evidence.map((e) => e.text)).toEqual(['first', 'third']);
    view.destroy();
  });
});

describe('the editor view of a big evidence inbox', () => {
  it('keeps the same evidence list while a card is typed into, so nothing memoised on it redoes its work', () => {
    const doc = retail();
    addEvidence(doc, Array.from({ length: 2_000 }, (_, i) => ({ text: `row ${i}` })));
    const view = new JourneyView(doc);
    const before = view.journey.evidence;
    updateCard(doc, view.journey.cards[0]!.id, { title: 'Typed' });
    expect(view.journey.evidence).toBe(before);
    addEvidence(doc, [{ text: 'one more' }]);
    expect(view.journey.evidence).not.toBe(before);
    expect(view.journey.evidence).toHaveLength(2_001);
    view.destroy();
  });

  it('puts an item back in the inbox when its card is deleted, and on the card again after Undo', () => {
    const doc = retail();
    const view = new JourneyView(doc);
    const card = view.journey.cards[0]!;
    addEvidence(doc, [{ text: 'seen in store', cardId: card.id }]);
    const undo = createUndoManager(doc);
    deleteCard(doc, card.id);
    expect(view.journey.evidence[0]!.cardId).toBeNull();
    undo.undo();
    expect(view.journey.evidence[0]!.cardId).toBe(card.id);
    view.destroy();
  });

  it('reads a broken order key a peer wrote as a0, and the next import still works', () => {
    const doc = retail();
    const { ids } = addEvidence(doc, [{ text: 'x' }]);
    (doc.getMap('evidence').get(ids[0]!) as Y.Map<unknown>).set('order', '~~');
    expect(readJourney(doc).evidence[0]!.order).toBe('a0');
    expect(addEvidence(doc, [{ text: 'y' }]).ids).toHaveLength(1);
    expect(parseMapFile(serializeMap(doc)).ok).toBe(true);
  });
});

describe('a big feedback import added in slices', () => {
  it('undoes in one step when the slices follow each other a macrotask apart, as the import dialog adds them', async () => {
    const doc = retail();
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    for (let slice = 0; slice < 5; slice++) {
      if (slice > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      addEvidence(doc, Array.from({ length: 1_000 }, (_, i) => ({ text: `row ${slice * 1_000 + i}` })));
    }
    expect(readJourney(doc).evidence).toHaveLength(5_000);
    undo.undo();
    expect(readJourney(doc).evidence).toHaveLength(0);
  });
});
