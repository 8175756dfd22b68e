import type * as Y from 'yjs';
import { journeyMaps, newRecord } from '../doc';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import type { PhaseId, Stage } from '../types';
import { deleteCardRecords } from './cards';
import { applyPatch, orderFor, placeAt, recordOf, siblings } from './records';

export interface AddStageArgs {
  id?: string;
  name: string;
  /** defaults to the phase of the stage it is inserted after, so a new column joins its neighbours */
  phase?: PhaseId;
  color?: string | null;
  /** position among the stages; default: last */
  index?: number;
}

export function addStage(doc: Y.Doc, args: AddStageArgs, origin: unknown = LOCAL_ORIGIN): string {
  const { stages } = journeyMaps(doc);
  const id = args.id ?? newId();
  doc.transact(() => {
    const sibs = siblings(stages, () => true);
    const index = args.index ?? sibs.length;
    const before = sibs[Math.min(index, sibs.length) - 1];
    const inheritedPhase = before ? (recordOf(stages, before.id)?.get('phase') as PhaseId | undefined) : undefined;
    stages.set(
      id,
      newRecord({
        name: clampText(args.name, LIMITS.name),
        phase: args.phase ?? inheritedPhase ?? 'pre-purchase',
        order: orderFor(sibs, index),
        color: args.color ? clampText(args.color, LIMITS.color) : null,
      }),
    );
  }, origin);
  return id;
}

export type StagePatch = Partial<Pick<Stage, 'name' | 'phase' | 'color' | 'description'>>;

export function updateStage(doc: Y.Doc, id: string, patch: StagePatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).stages, id);
  if (!record) return false;
  doc.transact(() => {
    applyPatch(record, {
      ...patch,
      name: patch.name === undefined ? undefined : clampText(patch.name, LIMITS.name),
      // an empty description is the default, so it is removed rather than stored
      description: patch.description === undefined ? undefined : clampText(patch.description, LIMITS.description) || null,
      color: patch.color === undefined ? undefined : patch.color ? clampText(patch.color, LIMITS.color) : null,
    });
  }, origin);
  return true;
}

/** Moves a stage to `index` in the column order (counted without the stage itself). */
export function moveStage(doc: Y.Doc, id: string, index: number, origin: unknown = LOCAL_ORIGIN): boolean {
  const { stages } = journeyMaps(doc);
  const record = recordOf(stages, id);
  if (!record) return false;
  doc.transact(() => placeAt(stages, record, id, index), origin);
  return true;
}

/** Ids of the cards that sit in a stage: what a "delete stage" confirmation should mention. */
export function cardsInStage(doc: Y.Doc, stageId: string): string[] {
  const ids: string[] = [];
  journeyMaps(doc).cards.forEach((card, id) => {
    if (card.get('stageId') === stageId) ids.push(id);
  });
  return ids;
}

/**
 * Deletes a stage together with its cards (and their links), in one transaction, so a single
 * undo brings all of it back. Returns the ids of the cards that went with it.
 */
export function deleteStage(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): string[] {
  const { stages } = journeyMaps(doc);
  if (!recordOf(stages, id)) return [];
  const cardIds = cardsInStage(doc, id);
  doc.transact(() => {
    deleteCardRecords(doc, cardIds);
    stages.delete(id);
  }, origin);
  return cardIds;
}
