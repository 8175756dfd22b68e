import type * as Y from 'yjs';
import { journeyMaps, newRecord } from '../doc';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { Lane, LaneKind } from '../types';
import { deleteCardRecords } from './cards';
import { applyPatch, orderFor, placeAt, recordOf, siblings } from './records';

export interface AddLaneArgs {
  id?: string;
  name: string;
  kind: LaneKind;
  /** position among the lanes; default: last */
  index?: number;
}

export function addLane(doc: Y.Doc, args: AddLaneArgs, origin: unknown = LOCAL_ORIGIN): string {
  const { lanes } = journeyMaps(doc);
  const id = args.id ?? newId();
  doc.transact(() => {
    lanes.set(
      id,
      newRecord({
        name: clampText(args.name, LIMITS.name),
        kind: args.kind,
        order: orderFor(siblings(lanes, () => true), args.index),
        collapsed: false,
      }),
    );
  }, origin);
  return id;
}

export type LanePatch = Partial<Pick<Lane, 'name' | 'kind' | 'collapsed'>>;

export function updateLane(doc: Y.Doc, id: string, patch: LanePatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).lanes, id);
  if (!record) return false;
  doc.transact(() => {
    applyPatch(record, { ...patch, name: patch.name === undefined ? undefined : clampText(patch.name, LIMITS.name) });
  }, origin);
  return true;
}

/** Moves a lane to `index` in the row order (counted without the lane itself). */
export function moveLane(doc: Y.Doc, id: string, index: number, origin: unknown = LOCAL_ORIGIN): boolean {
  const { lanes } = journeyMaps(doc);
  const record = recordOf(lanes, id);
  if (!record) return false;
  doc.transact(() => placeAt(lanes, record, id, index), origin);
  return true;
}

export function cardsInLane(doc: Y.Doc, laneId: string): string[] {
  const ids: string[] = [];
  journeyMaps(doc).cards.forEach((card, id) => {
    if (card.get('laneId') === laneId) ids.push(id);
  });
  return ids;
}

/** Deletes a lane with its cards (and their links) in one undoable transaction; returns the card ids. */
export function deleteLane(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): string[] {
  const { lanes } = journeyMaps(doc);
  if (!recordOf(lanes, id)) return [];
  const cardIds = cardsInLane(doc, id);
  doc.transact(() => {
    deleteCardRecords(doc, cardIds);
    lanes.delete(id);
  }, origin);
  return cardIds;
}
