import * as Y from 'yjs';
import { journeyMaps, newPhaseRecord, readPhase, readPhases, readStage, type Record_ } from '../doc';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { compareOrdered, orderAtIndex, ordersAfter, sortOrdered } from '../order';
import { LOCAL_ORIGIN } from '../origin';
import { isDefaultPhaseId, nextPhaseColor, phaseShownFor, safePhaseColor } from '../phases';
import type { Phase, Stage } from '../types';

/**
 * A map's phases: add one of its own, rename, recolour, reorder, delete. The three default
 * phases stay (they can be renamed, recoloured and moved, not deleted), so a map always has a
 * phase for its stages. Each operation is one transaction, so one undo takes it back.
 */

/**
 * The phase's record, made from what was there before when needed: a map from before custom
 * phases holds a default phase's name as a string, or nothing at all. Call inside a transaction.
 */
function phaseRecord(doc: Y.Doc, id: string): Record_ | null {
  const { phases } = journeyMaps(doc);
  const entry = phases.get(id);
  if (entry instanceof Y.Map) return entry as Record_;
  if (!isDefaultPhaseId(id)) return null;
  const { id: _id, ...fields } = readPhase(id, entry);
  const record = newPhaseRecord(fields);
  phases.set(id, record);
  return record;
}

function phaseExists(doc: Y.Doc, id: string): boolean {
  return isDefaultPhaseId(id) || journeyMaps(doc).phases.get(id) instanceof Y.Map;
}

export interface AddPhaseArgs {
  id?: string;
  name: string;
  /** default: the first palette colour no phase uses yet */
  color?: string;
  /** position among the phases; default: last */
  index?: number;
}

/** Adds a phase of the map's own; returns its id, or null when the map has as many as it may. */
export function addPhase(doc: Y.Doc, args: AddPhaseArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  const existing = readPhases(doc);
  if (existing.length >= LIMITS.phases) return null;
  const id = args.id ?? newId();
  doc.transact(() => {
    journeyMaps(doc).phases.set(
      id,
      newPhaseRecord({
        name: clampText(args.name, LIMITS.name),
        color: args.color ? safePhaseColor(args.color) : nextPhaseColor(existing),
        order: orderAtIndex(existing, args.index ?? existing.length),
      }),
    );
  }, origin);
  return id;
}

export function renamePhase(doc: Y.Doc, id: string, name: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!phaseExists(doc, id)) return false;
  doc.transact(() => phaseRecord(doc, id)?.set('name', clampText(name, LIMITS.name)), origin);
  return true;
}

export function recolourPhase(doc: Y.Doc, id: string, color: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!phaseExists(doc, id)) return false;
  doc.transact(() => phaseRecord(doc, id)?.set('color', safePhaseColor(color)), origin);
  return true;
}

/**
 * Moves a phase to `index` among the others (counted without it), and its stages with it:
 * afterwards the stages run phase by phase in the new phase order, each phase's stages in the
 * order they had, so every phase is one band again.
 */
export function movePhase(doc: Y.Doc, id: string, index: number, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!phaseExists(doc, id)) return false;
  doc.transact(() => {
    const others = readPhases(doc).filter((p) => p.id !== id);
    phaseRecord(doc, id)?.set('order', orderAtIndex(others, index));
    groupStagesByPhase(doc);
  }, origin);
  return true;
}

/** Moves a phase one place left (-1) or right (+1); false at either end. */
export function movePhaseBy(doc: Y.Doc, id: string, delta: -1 | 1, origin: unknown = LOCAL_ORIGIN): boolean {
  const phases = readPhases(doc);
  const at = phases.findIndex((p) => p.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= phases.length) return false;
  return movePhase(doc, id, to, origin);
}

/** The stages of the doc in column order, each with the phase it shows in. */
function stagesInOrder(doc: Y.Doc, phases: readonly Phase[]): Stage[] {
  const stages: Stage[] = [];
  journeyMaps(doc).stages.forEach((record, id) => {
    if (record instanceof Y.Map) stages.push(readStage(id, record));
  });
  return sortOrdered(stages).map((s) => ({ ...s, phase: phaseShownFor(s.phase, phases).id }));
}

/** Rewrites stage order keys so the columns run phase by phase (a stable sort by phase). */
function groupStagesByPhase(doc: Y.Doc): void {
  const phases = readPhases(doc);
  const rank = new Map(phases.map((p, i) => [p.id, i]));
  const stages = stagesInOrder(doc, phases);
  const grouped = [...stages].sort((a, b) => rank.get(a.phase)! - rank.get(b.phase)! || compareOrdered(a, b));
  if (grouped.every((s, i) => s.id === stages[i]!.id)) return;
  const keys = ordersAfter(null, grouped.length);
  const map = journeyMaps(doc).stages;
  grouped.forEach((s, i) => (map.get(s.id) as Record_).set('order', keys[i]!));
}

/**
 * Puts a stage into a phase and next to that phase's stages: after its last stage, or, when the
 * phase has none yet, where the phase order puts it (after the stages of the phases before).
 */
export function moveStageToPhase(doc: Y.Doc, stageId: string, phaseId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = journeyMaps(doc).stages.get(stageId);
  if (!(record instanceof Y.Map) || !phaseExists(doc, phaseId)) return false;
  doc.transact(() => {
    const phases = readPhases(doc);
    const rank = new Map(phases.map((p, i) => [p.id, i]));
    const target = rank.get(phaseId)!;
    const others = stagesInOrder(doc, phases).filter((s) => s.id !== stageId);
    let index = 0;
    others.forEach((s, i) => {
      if (rank.get(s.phase)! <= target) index = i + 1;
    });
    record.set('phase', phaseId);
    record.set('order', orderAtIndex(others, index));
  }, origin);
  return true;
}

/** Where a phase's stages go when it is deleted: the phase before it, or after it when it is first. */
export function phaseTakingOver(phases: readonly Phase[], id: string): Phase | null {
  const at = phases.findIndex((p) => p.id === id);
  if (at < 0) return null;
  return phases[at - 1] ?? phases[at + 1] ?? null;
}

/** Whether a phase may be deleted: one of the map's own (the defaults stay). */
export function canDeletePhase(id: string): boolean {
  return !isDefaultPhaseId(id);
}

/**
 * Deletes a map's own phase. Its stages (and their cards) are kept: they move into the
 * neighbouring phase (`phaseTakingOver`), in the same transaction, so no stage is left without
 * a phase and one undo brings the phase and its stages back. Returns the ids of the stages that
 * moved, or null when nothing was deleted.
 */
export function deletePhase(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): { movedTo: string; stageIds: string[] } | null {
  if (!canDeletePhase(id) || !phaseExists(doc, id)) return null;
  const heir = phaseTakingOver(readPhases(doc), id);
  if (!heir) return null;
  const stageIds: string[] = [];
  doc.transact(() => {
    journeyMaps(doc).stages.forEach((record, stageId) => {
      if (record instanceof Y.Map && record.get('phase') === id) {
        record.set('phase', heir.id);
        stageIds.push(stageId);
      }
    });
    journeyMaps(doc).phases.delete(id);
  }, origin);
  return { movedTo: heir.id, stageIds };
}

/** Ids of the stages in a phase: what a "delete phase" should say will move. */
export function stagesInPhase(doc: Y.Doc, phaseId: string): string[] {
  const ids: string[] = [];
  journeyMaps(doc).stages.forEach((record, id) => {
    if (record instanceof Y.Map && record.get('phase') === phaseId) ids.push(id);
  });
  return ids;
}
