import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard, moveCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';

function cellTitles(doc: Y.Doc, stageId: string, laneId: string): string[] {
  return readJourney(doc).cards.filter((c) => c.stageId === stageId && c.laneId === laneId).map((c) => c.title);
}

describe('placing cards among their neighbours', () => {
  const base = () => {
    const doc = createMapFromTemplate('blank', 'en');
    const j = readJourney(doc);
    return { doc, stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id };
  };

  it('a card a collaborator added is a neighbour of the next card I add', () => {
    const { doc, stageId, laneId } = base();
    addCard(doc, { stageId, laneId, title: 'mine' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    addCard(peer, { stageId, laneId, title: 'theirs', index: 0 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    addCard(doc, { stageId, laneId, title: 'between', index: 1 });
    expect(cellTitles(doc, stageId, laneId)).toEqual(['theirs', 'between', 'mine']);
  });

  it('an undone move puts the card back among its old neighbours for the next insert', () => {
    const { doc, stageId, laneId } = base();
    const other = readJourney(doc).stages[1]!.id;
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    addCard(doc, { stageId, laneId, title: 'a' });
    const b = addCard(doc, { stageId, laneId, title: 'b' })!;
    moveCard(doc, b, { stageId: other, laneId });
    undo.undo();
    addCard(doc, { stageId, laneId, title: 'c', index: 2 });
    expect(cellTitles(doc, stageId, laneId)).toEqual(['a', 'b', 'c']);
  });

  it('several cards pasted in one transaction keep the order they were pasted in', () => {
    const { doc, stageId, laneId } = base();
    doc.transact(() => {
      for (const title of ['one', 'two', 'three']) addCard(doc, { stageId, laneId, title });
    });
    expect(cellTitles(doc, stageId, laneId)).toEqual(['one', 'two', 'three']);
  });
});
