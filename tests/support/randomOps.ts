import fc from 'fast-check';
import type * as Y from 'yjs';
import * as ops from '../../src/model/ops';
import { readJourney } from '../../src/model/doc';
import { CHANNELS, CONFIDENCE_LEVELS, LANE_KINDS, DEFAULT_PHASE_IDS, OPPORTUNITY_STATUSES } from '../../src/model/types';

/**
 * A user action picked at random. Targets are chosen by index at the moment the action runs,
 * modulo what that replica can see then, so every generated action means something.
 */
export type RandomOp =
  | { kind: 'addStage'; name: string; index: number; phase: (typeof DEFAULT_PHASE_IDS)[number] }
  | { kind: 'renameStage'; pick: number; name: string }
  | { kind: 'moveStage'; pick: number; index: number }
  | { kind: 'deleteStage'; pick: number }
  | { kind: 'addLane'; name: string; index: number; laneKind: (typeof LANE_KINDS)[number] }
  | { kind: 'collapseLane'; pick: number; collapsed: boolean }
  | { kind: 'moveLane'; pick: number; index: number }
  | { kind: 'deleteLane'; pick: number }
  | { kind: 'addCard'; stage: number; lane: number; index: number; title: string; emotion: number | null; channel: (typeof CHANNELS)[number] | null }
  | { kind: 'updateCard'; pick: number; title: string; emotion: number | null; tags: string[]; momentOfTruth: boolean }
  | { kind: 'setBody'; pick: number; body: string }
  | { kind: 'moveCard'; pick: number; stage: number; lane: number; index: number }
  | { kind: 'deleteCard'; pick: number }
  | { kind: 'addPersona'; name: string }
  | { kind: 'tagPersona'; persona: number; card: number }
  | { kind: 'deletePersona'; pick: number }
  | { kind: 'addLink'; from: number; to: number; label: string }
  | { kind: 'deleteLink'; pick: number }
  | { kind: 'renameMap'; title: string }
  | { kind: 'addEvidence'; text: string; card: number | null; score: number | null; count: number }
  | { kind: 'assignEvidence'; pick: number; card: number | null }
  | { kind: 'deleteEvidence'; pick: number }
  | { kind: 'setConfidence'; pick: number; confidence: (typeof CONFIDENCE_LEVELS)[number] | null }
  | { kind: 'setStatus'; pick: number; status: (typeof OPPORTUNITY_STATUSES)[number] | null; owner: string }
  | { kind: 'setDetailMap'; on: 'stage' | 'card'; pick: number; mapId: string | null }
  | { kind: 'takeLibraryPersona'; library: number; name: string; color: string }
  | { kind: 'applyLibraryPersona'; library: number; name: string; goals: string[]; color: string }
  | { kind: 'unlinkPersona'; pick: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** A space library persona, as the library ops take it. */
export function libraryPersona(library: number, over: { name?: string; goals?: string[]; color?: string } = {}) {
  return { id: `lib-persona-${library}`, name: `Library ${library}`, role: 'Customer', age: '', quote: '', goals: [], frustrations: ['Waiting'], color: '#0ea5e9', ...over };
}

const nat = fc.nat({ max: 1000 });
const text = fc.string({ maxLength: 24, unit: 'grapheme' });
const emotion = fc.option(fc.integer({ min: -3, max: 3 }), { nil: null });

export const randomOp: fc.Arbitrary<RandomOp> = fc.oneof(
  fc.record({ kind: fc.constant('addStage' as const), name: text, index: nat, phase: fc.constantFrom(...DEFAULT_PHASE_IDS) }),
  fc.record({ kind: fc.constant('renameStage' as const), pick: nat, name: text }),
  fc.record({ kind: fc.constant('moveStage' as const), pick: nat, index: nat }),
  fc.record({ kind: fc.constant('deleteStage' as const), pick: nat }),
  fc.record({ kind: fc.constant('addLane' as const), name: text, index: nat, laneKind: fc.constantFrom(...LANE_KINDS) }),
  fc.record({ kind: fc.constant('collapseLane' as const), pick: nat, collapsed: fc.boolean() }),
  fc.record({ kind: fc.constant('moveLane' as const), pick: nat, index: nat }),
  fc.record({ kind: fc.constant('deleteLane' as const), pick: nat }),
  fc.record({ kind: fc.constant('addCard' as const), stage: nat, lane: nat, index: nat, title: text, emotion, channel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }) }),
  fc.record({ kind: fc.constant('addCard' as const), stage: nat, lane: nat, index: nat, title: text, emotion, channel: fc.constant(null) }),
  fc.record({ kind: fc.constant('updateCard' as const), pick: nat, title: text, emotion, tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), momentOfTruth: fc.boolean() }),
  fc.record({ kind: fc.constant('setBody' as const), pick: nat, body: fc.string({ maxLength: 40, unit: 'grapheme' }) }),
  fc.record({ kind: fc.constant('moveCard' as const), pick: nat, stage: nat, lane: nat, index: nat }),
  fc.record({ kind: fc.constant('moveCard' as const), pick: nat, stage: nat, lane: nat, index: nat }),
  fc.record({ kind: fc.constant('deleteCard' as const), pick: nat }),
  fc.record({ kind: fc.constant('addPersona' as const), name: text }),
  fc.record({ kind: fc.constant('tagPersona' as const), persona: nat, card: nat }),
  fc.record({ kind: fc.constant('deletePersona' as const), pick: nat }),
  fc.record({ kind: fc.constant('addLink' as const), from: nat, to: nat, label: text }),
  fc.record({ kind: fc.constant('deleteLink' as const), pick: nat }),
  fc.record({ kind: fc.constant('renameMap' as const), title: text }),
  fc.record({ kind: fc.constant('addEvidence' as const), text, card: fc.option(nat, { nil: null }), score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), count: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('assignEvidence' as const), pick: nat, card: fc.option(nat, { nil: null }) }),
  fc.record({ kind: fc.constant('deleteEvidence' as const), pick: nat }),
  fc.record({ kind: fc.constant('setConfidence' as const), pick: nat, confidence: fc.option(fc.constantFrom(...CONFIDENCE_LEVELS), { nil: null }) }),
  fc.record({ kind: fc.constant('setStatus' as const), pick: nat, status: fc.option(fc.constantFrom(...OPPORTUNITY_STATUSES), { nil: null }), owner: text }),
  fc.record({ kind: fc.constant('setDetailMap' as const), on: fc.constantFrom('stage' as const, 'card' as const), pick: nat, mapId: fc.option(fc.constantFrom('detail-map-a', 'detail-map-b'), { nil: null }) }),
  fc.record({ kind: fc.constant('takeLibraryPersona' as const), library: fc.nat({ max: 2 }), name: text, color: fc.constantFrom('#0ea5e9', '#f43f5e', 'red') }),
  fc.record({ kind: fc.constant('applyLibraryPersona' as const), library: fc.nat({ max: 2 }), name: text, goals: fc.array(text, { maxLength: 2 }), color: fc.constantFrom('#0ea5e9', '#22c55e', 'url(x)') }),
  fc.record({ kind: fc.constant('unlinkPersona' as const), pick: nat }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

function pickFrom<T>(list: readonly T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined;
}

/** Applies one random action to a replica, as its user would. */
export function applyRandomOp(doc: Y.Doc, op: RandomOp, undo?: Y.UndoManager): void {
  const j = readJourney(doc);
  const stage = (n: number) => pickFrom(j.stages, n)?.id;
  const lane = (n: number) => pickFrom(j.lanes, n)?.id;
  const card = (n: number) => pickFrom(j.cards, n)?.id;
  switch (op.kind) {
    case 'addStage':
      ops.addStage(doc, { name: op.name, index: op.index % (j.stages.length + 1), phase: op.phase });
      break;
    case 'renameStage': {
      const id = stage(op.pick);
      if (id) ops.updateStage(doc, id, { name: op.name });
      break;
    }
    case 'moveStage': {
      const id = stage(op.pick);
      if (id) ops.moveStage(doc, id, op.index % j.stages.length);
      break;
    }
    case 'deleteStage': {
      const id = stage(op.pick);
      if (id && j.stages.length > 1) ops.deleteStage(doc, id);
      break;
    }
    case 'addLane':
      ops.addLane(doc, { name: op.name, kind: op.laneKind, index: op.index % (j.lanes.length + 1) });
      break;
    case 'collapseLane': {
      const id = lane(op.pick);
      if (id) ops.updateLane(doc, id, { collapsed: op.collapsed });
      break;
    }
    case 'moveLane': {
      const id = lane(op.pick);
      if (id) ops.moveLane(doc, id, op.index % j.lanes.length);
      break;
    }
    case 'deleteLane': {
      const id = lane(op.pick);
      if (id && j.lanes.length > 1) ops.deleteLane(doc, id);
      break;
    }
    case 'addCard': {
      const s = stage(op.stage);
      const l = lane(op.lane);
      if (s && l) ops.addCard(doc, { stageId: s, laneId: l, index: op.index % 5, title: op.title, emotion: op.emotion, channel: op.channel });
      break;
    }
    case 'updateCard': {
      const id = card(op.pick);
      if (id) ops.updateCard(doc, id, { title: op.title, emotion: op.emotion, tags: op.tags, momentOfTruth: op.momentOfTruth });
      break;
    }
    case 'setBody': {
      const id = card(op.pick);
      if (id) ops.setCardBody(doc, id, op.body);
      break;
    }
    case 'moveCard': {
      const id = card(op.pick);
      const s = stage(op.stage);
      const l = lane(op.lane);
      if (id && s && l) ops.moveCard(doc, id, { stageId: s, laneId: l, index: op.index % 5 });
      break;
    }
    case 'deleteCard': {
      const id = card(op.pick);
      if (id) ops.deleteCard(doc, id);
      break;
    }
    case 'addPersona':
      ops.addPersona(doc, { name: op.name, color: '#0ea5e9' });
      break;
    case 'tagPersona': {
      const p = pickFrom(j.personas, op.persona);
      const c = pickFrom(j.cards, op.card);
      if (p && c && !c.personaIds.includes(p.id)) ops.updateCard(doc, c.id, { personaIds: [...c.personaIds, p.id] });
      break;
    }
    case 'deletePersona': {
      const p = pickFrom(j.personas, op.pick);
      if (p) ops.deletePersona(doc, p.id);
      break;
    }
    case 'addLink': {
      const from = card(op.from);
      const to = card(op.to);
      if (from && to) ops.addLink(doc, { fromCardId: from, toCardId: to, label: op.label });
      break;
    }
    case 'deleteLink': {
      const l = pickFrom(j.links, op.pick);
      if (l) ops.deleteLink(doc, l.id);
      break;
    }
    case 'renameMap':
      ops.updateMeta(doc, { title: op.title });
      break;
    case 'addEvidence':
      ops.addEvidence(doc, [{ text: op.text, cardId: op.card === null ? null : (card(op.card) ?? null), score: op.score, scale: 'nps', count: op.count, source: 'survey' }]);
      break;
    case 'assignEvidence': {
      const e = pickFrom(j.evidence, op.pick);
      const target = op.card === null ? null : card(op.card);
      if (e && target !== undefined) ops.assignEvidence(doc, [e.id], target);
      break;
    }
    case 'deleteEvidence': {
      const e = pickFrom(j.evidence, op.pick);
      if (e) ops.deleteEvidence(doc, [e.id]);
      break;
    }
    case 'setConfidence': {
      const id = card(op.pick);
      if (id) ops.updateCard(doc, id, { confidence: op.confidence });
      break;
    }
    case 'setStatus': {
      const id = card(op.pick);
      if (id) ops.updateCard(doc, id, { status: op.status, owner: op.owner });
      break;
    }
    case 'setDetailMap': {
      if (op.on === 'stage') {
        const id = stage(op.pick);
        if (id) ops.setStageDetailMap(doc, id, op.mapId);
      } else {
        const id = card(op.pick);
        if (id) ops.updateCard(doc, id, { detailMapId: op.mapId });
      }
      break;
    }
    case 'takeLibraryPersona':
      ops.addPersonaFromLibrary(doc, libraryPersona(op.library, { name: op.name, color: op.color }));
      break;
    case 'applyLibraryPersona':
      ops.applyLibraryPersona(doc, libraryPersona(op.library, { name: op.name, goals: op.goals, color: op.color }));
      break;
    case 'unlinkPersona': {
      const p = pickFrom(j.personas, op.pick);
      if (p) ops.unlinkPersona(doc, p.id);
      break;
    }
    case 'undo':
      undo?.undo();
      break;
    case 'redo':
      undo?.redo();
      break;
  }
}
