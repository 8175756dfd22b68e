import * as Y from 'yjs';
import { journeyMaps, newRecord, type Record_ } from '../doc';
import { evidenceFields, normaliseEvidence, type EvidenceDraft, type EvidenceItem } from '../evidence';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { isValidOrderKey, ordersAfter } from '../order';
import { LOCAL_ORIGIN } from '../origin';
import { applyPatch, recordOf, siblings } from './records';

/**
 * Customer evidence, written (evidence.ts says what an item is). Every change is one transaction,
 * so one Undo takes back a whole import, an assignment of twenty items or a deletion.
 */

/** The last order key among all items, so new ones come after every item already there. */
function lastOrder(doc: Y.Doc): string | null {
  // a broken key a peer wrote would make every new key throw: only valid ones count
  const all = siblings(journeyMaps(doc).evidence, () => true).filter((item) => isValidOrderKey(item.order));
  return all.length > 0 ? all[all.length - 1]!.order : null;
}

export interface AddEvidenceResult {
  ids: string[];
  /** drafts left out because the map holds LIMITS.evidence items */
  refused: number;
}

/**
 * Adds items after every item already there (an import keeps its file order); `cardId` on a
 * draft puts it on that card, else it waits in the inbox. A draft naming a card or stage that
 * does not exist goes to the inbox without that reference. Beyond LIMITS.evidence items in the
 * map, the rest are refused and counted.
 */
export function addEvidence(doc: Y.Doc, drafts: readonly EvidenceDraft[], origin: unknown = LOCAL_ORIGIN): AddEvidenceResult {
  const { evidence, cards, stages } = journeyMaps(doc);
  const room = Math.max(0, LIMITS.evidence - evidence.size);
  const taken = drafts.slice(0, room);
  const ids: string[] = [];
  if (taken.length > 0) {
    doc.transact(() => {
      const orders = ordersAfter(lastOrder(doc), taken.length);
      taken.forEach((draft, i) => {
        const item = normaliseEvidence(draft);
        if (item.cardId !== null && !recordOf(cards, item.cardId)) item.cardId = null;
        if (item.stageId !== null && !recordOf(stages, item.stageId)) item.stageId = null;
        const id = newId();
        evidence.set(id, newRecord(evidenceFields({ ...item, order: orders[i]! })));
        ids.push(id);
      });
    }, origin);
  }
  return { ids, refused: drafts.length - taken.length };
}

export type EvidencePatch = Partial<Omit<EvidenceItem, 'id' | 'order' | 'cardId'>>;

/**
 * Changes an item's fields; what does not fit (a score off its scale, a bad date) is dropped as
 * normaliseEvidence drops it. Returns false when the item is gone.
 */
export function updateEvidence(doc: Y.Doc, id: string, patch: EvidencePatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).evidence, id);
  if (!record) return false;
  doc.transact(() => {
    const current = currentDraft(record);
    const next = normaliseEvidence({ ...current, ...patch });
    const { order: _order, cardId: _cardId, ...fields } = evidenceFields({ ...next, order: '' });
    // a field back at its default (null) is deleted by setField, as every record keeps defaults out
    applyPatch(record, fields);
  }, origin);
  return true;
}

function currentDraft(record: Record_): EvidenceDraft {
  const raw: Record<string, unknown> = {};
  record.forEach((value, key) => (raw[key] = value));
  return { ...(raw as Partial<EvidenceItem>), text: typeof raw.text === 'string' ? raw.text : '' };
}

/**
 * Puts items on a card (after the card's own items), or back into the inbox with `cardId` null.
 * Items gone meanwhile are skipped; returns how many moved. A card that does not exist moves nothing.
 */
export function assignEvidence(doc: Y.Doc, ids: readonly string[], cardId: string | null, origin: unknown = LOCAL_ORIGIN): number {
  const { evidence, cards } = journeyMaps(doc);
  if (cardId !== null && !recordOf(cards, cardId)) return 0;
  const present = [...new Set(ids)].filter((id) => recordOf(evidence, id) !== undefined);
  if (present.length === 0) return 0;
  doc.transact(() => {
    for (const id of present) {
      const record = recordOf(evidence, id)!;
      if (cardId === null) record.delete('cardId');
      else record.set('cardId', cardId);
    }
  }, origin);
  return present.length;
}

/** Deletes items; returns how many went. */
export function deleteEvidence(doc: Y.Doc, ids: readonly string[], origin: unknown = LOCAL_ORIGIN): number {
  const { evidence } = journeyMaps(doc);
  const present = [...new Set(ids)].filter((id) => evidence.has(id));
  if (present.length === 0) return 0;
  doc.transact(() => {
    for (const id of present) evidence.delete(id);
  }, origin);
  return present.length;
}
