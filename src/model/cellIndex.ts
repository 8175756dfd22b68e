import * as Y from 'yjs';
import { journeyMaps, type Record_ } from './doc';
import type { Ordered } from './order';

/**
 * Which cards sit in which cell, kept up to date by observing the cards map. Finding a card's
 * neighbours is then a lookup instead of a scan over every card: on a 5,000-card map the scan
 * alone costs milliseconds, and adding or moving a card must stay well under one.
 *
 * The index follows committed transactions (observers run at their end). An operation running
 * inside a transaction that has already changed cards falls back to a scan, so it never reads
 * a stale index.
 */
interface CellIndex {
  /** cell key → (card id → order) */
  byCell: Map<string, Map<string, string>>;
  /** card id → cell key */
  cellOf: Map<string, string>;
}

const indexes = new WeakMap<Y.Doc, CellIndex>();

export function cellKey(stageId: string, laneId: string): string {
  return `${stageId}\u0000${laneId}`;
}

function place(index: CellIndex, id: string, record: Record_ | undefined): void {
  const old = index.cellOf.get(id);
  if (old !== undefined) {
    index.byCell.get(old)?.delete(id);
    index.cellOf.delete(id);
  }
  if (!(record instanceof Y.Map)) return;
  const key = cellKey(String(record.get('stageId')), String(record.get('laneId')));
  const order = record.get('order');
  let cell = index.byCell.get(key);
  if (!cell) index.byCell.set(key, (cell = new Map()));
  cell.set(id, typeof order === 'string' ? order : 'a0');
  index.cellOf.set(id, key);
}

function buildIndex(doc: Y.Doc): CellIndex {
  const { cards } = journeyMaps(doc);
  const index: CellIndex = { byCell: new Map(), cellOf: new Map() };
  cards.forEach((record, id) => place(index, id, record));
  cards.observeDeep((events) => {
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent)) continue; // body text edits do not move cards
      if (event.target === cards) {
        for (const id of event.keysChanged) place(index, id, cards.get(id));
      } else if (event.target.parent === cards) {
        const changed = event.keysChanged;
        if (changed.has('stageId') || changed.has('laneId') || changed.has('order')) {
          const id = event.target._item?.parentSub;
          if (id) place(index, id, cards.get(id));
        }
      }
    }
  });
  indexes.set(doc, index);
  return index;
}

function openTransactionChangedCards(doc: Y.Doc): boolean {
  const tx = doc._transaction;
  if (!tx) return false;
  const { cards } = journeyMaps(doc);
  for (const type of tx.changed.keys()) {
    if ((type as unknown) === cards || type._item?.parent === cards) return true;
  }
  return false;
}

/** The cards in a cell, as (id, order) pairs, unsorted; `excludeId` is left out. */
export function cardsInCell(doc: Y.Doc, stageId: string, laneId: string, excludeId?: string): Ordered[] {
  if (openTransactionChangedCards(doc)) {
    const out: Ordered[] = [];
    journeyMaps(doc).cards.forEach((r, id) => {
      if (id !== excludeId && r.get('stageId') === stageId && r.get('laneId') === laneId) {
        const order = r.get('order');
        out.push({ id, order: typeof order === 'string' ? order : 'a0' });
      }
    });
    return out;
  }
  const index = indexes.get(doc) ?? buildIndex(doc);
  const cell = index.byCell.get(cellKey(stageId, laneId));
  const out: Ordered[] = [];
  if (cell) for (const [id, order] of cell) if (id !== excludeId) out.push({ id, order });
  return out;
}
