import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildActionContext, isEnabled, runAction } from '../../src/actions/context';
import { ACTIONS, type ActionId, type RegisteredAction } from '../../src/actions/registry';
import { placeDot, setPresenter, startRound, startTimer } from '../../src/model';
import { addPhase, updateCard, updateLane } from '../../src/model/ops';
import { imageKey, setCardImage } from '../../src/model/images';
import { LOCAL_ORIGIN } from '../../src/model/origin';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Card } from '../../src/model/types';
import { createUndoManager } from '../../src/model/undo';
import { useEditor, type Target } from '../../src/store/editorStore';
import { useAssumptionFilter } from '../../src/store/assumptionFilter';
import type { Identity } from '../../src/sync/identity';
import type { Role } from '../../src/access/roles';
import { OWNER, participant } from '../support/actors';
import { copyOf, memoryVersionHistory } from '../support/versionHistoryFake';
import { closeVersion, setComparing, setPreviewHistory, showVersion } from '../../src/store/versionPreview';
import { deleteCard } from '../../src/model/ops';
import { addEvidence } from '../../src/model/ops/evidence';
import { useInbox } from '../../src/store/evidenceInbox';
import { setStageDetailMap } from '../../src/model/ops/drillDown';
import { setDetailMapChoices } from '../../src/store/detailMapChoices';

/**
 * A read-only map (a view or comment link) runs exactly the actions marked `allowedReadOnly`:
 * the read-only gate is that flag and nothing else, every other action is shown enabled on the
 * same map when writable and refused here, and what does run writes nothing to the map.
 */

const editor = () => useEditor.getState();
const ME: Identity = { id: 'participant-ana', name: 'Ana', color: '#2563eb' };
const FAY: Identity = { id: 'facilitator-fay', name: 'Fay', color: '#c026d3' };
const noNavigation = () => {};

/** What is selected, focused or pointed at when an action is tried. */
interface Situation {
  name: string;
  arrange(cards: { pain: Card; next: Card }, doc: Y.Doc): Target | null;
}

const middleStage = () => editor().journey!.stages[2]!.id;
const middleLane = () => editor().journey!.lanes[3]!.id;

const SITUATIONS: readonly Situation[] = [
  { name: 'nothing selected', arrange: () => null },
  {
    name: 'a card selected',
    arrange: ({ pain }) => {
      editor().selectCards([pain.id], 'replace');
      return null;
    },
  },
  {
    name: 'two cards selected',
    arrange: ({ pain, next }) => {
      editor().selectCards([pain.id, next.id], 'replace');
      return null;
    },
  },
  {
    name: 'a stage header focused',
    arrange: () => {
      editor().setFocus({ kind: 'stage', id: middleStage() });
      return null;
    },
  },
  {
    name: 'a lane header focused',
    arrange: () => {
      editor().setFocus({ kind: 'lane', id: middleLane() });
      return null;
    },
  },
  {
    name: 'a collapsed lane focused',
    arrange: (_, doc) => {
      updateLane(doc, middleLane(), { collapsed: true }, 'fixture');
      editor().setFocus({ kind: 'lane', id: middleLane() });
      return null;
    },
  },
  {
    name: 'a phase focused',
    arrange: () => {
      editor().setFocus({ kind: 'phase', id: 'purchase' });
      return null;
    },
  },
  {
    name: 'a phase of the map’s own focused',
    arrange: (_, doc) => {
      addPhase(doc, { id: 'recovery', name: 'Service recovery' }, 'fixture');
      editor().setFocus({ kind: 'phase', id: 'recovery' });
      return null;
    },
  },
  {
    name: 'a card with an image selected',
    arrange: ({ pain }, doc) => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
      setCardImage(doc, [pain.id], { key: imageKey(bytes), mime: 'image/jpeg', width: 4, height: 3, bytes }, 'fixture');
      editor().selectCards([pain.id], 'replace');
      return null;
    },
  },
  {
    name: 'the map context menu',
    arrange: () => ({ kind: 'map' }),
  },
  {
    name: 'a card marked assumed selected',
    arrange: ({ pain }, doc) => {
      updateCard(doc, pain.id, { confidence: 'assumed' }, 'fixture');
      editor().selectCards([pain.id], 'replace');
      return null;
    },
  },
  {
    // "show assumptions" on, nothing selected: Escape stops it
    name: 'showing assumptions',
    arrange: () => {
      useAssumptionFilter.getState().toggle();
      return null;
    },
  },
  {
    // the evidence inbox holds a piece of feedback and it is picked: "Assign to card…" is on offer
    name: 'an inbox item picked',
    arrange: (_, doc) => {
      const { ids } = addEvidence(doc, [{ text: 'The refund took three weeks' }], 'fixture');
      useInbox.getState().setPicked(ids);
      return null;
    },
  },
  {
    // journey hierarchy: a stage of a map in a team space drills down to another map of the space
    name: 'a stage that drills down, its menu open',
    arrange: ({ pain }, doc) => {
      setStageDetailMap(doc, pain.stageId, 'checkout-detail', 'fixture');
      const detail = { id: 'checkout-detail', title: 'Checkout in detail', stageCount: 4, cardCount: 12, emotion: -1.2, archived: false };
      setDetailMapChoices([{ id: detail.id, title: detail.title }], { spaceId: 'space-1', summaries: new Map([[detail.id, detail]]) });
      return { kind: 'stage', id: pain.stageId };
    },
  },
  {
    // a version shows (read-only for everyone), compared with now: the card deleted since is its ghost, selected
    name: 'comparing a version, a removed card selected',
    arrange: ({ pain }, doc) => {
      const entry = { id: 'v-before', name: 'Before', kind: 'named' as const, reason: null, createdAt: new Date().toISOString(), by: 'Ana', counts: { stages: 0, cards: 0, pains: 0, opportunities: 0 }, place: 'device' as const };
      const version = copyOf(doc);
      deleteCard(doc, pain.id, 'fixture');
      showVersion(entry, version);
      setComparing(true);
      editor().selectCards([pain.id], 'replace');
      return null;
    },
  },
];

/**
 * The retail map open as `role` (null: a private map, all mine), with an undone edit (undo and
 * redo both possible), a clipboard, a persona filter, a viewport, a running vote round with one
 * of my dots, a running timer and Fay leading (not followed): every action has a reason to be on
 * somewhere.
 */
function open(role: Role | null, situation: Situation) {
  const doc = createMapFromTemplate('retail', 'en');
  const undo = createUndoManager(doc, { captureTimeout: 0 });
  const feedback = new Y.Doc();
  closeVersion();
  setDetailMapChoices(null);
  useInbox.getState().reset();
  editor().closeSession();
  editor().setCollab(null);
  editor().setContentLocked(false);
  editor().setIdentity(ME);
  editor().openSession({ mapId: 'map-under-test', doc, undo, feedback });
  setPreviewHistory(memoryVersionHistory(doc));
  if (role) editor().setCollab({ status: 'synced', role, peers: [] });
  const journey = editor().journey!;
  const painLane = journey.lanes.find((l) => l.kind === 'pains')!;
  const pains = journey.cards.filter((c) => c.laneId === painLane.id && c.stageId === journey.stages[2]!.id);
  const pain = pains[0]!;
  const next = journey.cards.find((c) => c.id !== pain.id && c.stageId === journey.stages[3]!.id)!;
  updateCard(doc, pain.id, { title: 'first edit' }, LOCAL_ORIGIN);
  updateCard(doc, pain.id, { title: 'second edit' }, LOCAL_ORIGIN);
  undo.undo();
  editor().setClipboard({ cards: [pain] });
  editor().setPersonaFilter(journey.personas[0]!.id);
  editor().setViewport({ zoomIn() {}, zoomOut() {}, fitView() {}, zoomTo100() {}, revealCard() {} });
  const roundId = startRound(feedback, OWNER, { title: 'Pains', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fay' });
  placeDot(feedback, participant(ME.id), { roundId, cardId: pain.id, voterName: ME.name });
  startTimer(feedback, OWNER);
  setPresenter(feedback, OWNER, { id: FAY.id, name: FAY.name });
  // wandered off, so following the presenter is on offer
  editor().setFollowing(false);
  const target = situation.arrange({ pain: editor().journey!.cards.find((c) => c.id === pain.id)!, next }, doc);
  return { doc, target };
}

const enabledNow = (action: RegisteredAction, target: Target | null) => isEnabled(action, buildActionContext({ target, navigate: noNavigation }));

/** Its own `enabled`, without the read-only gate. */
const wouldRun = (action: RegisteredAction, target: Target | null) => {
  const ctx = buildActionContext({ target, navigate: noNavigation })!;
  try {
    return action.enabled(ctx);
  } catch {
    return false;
  }
};

/** Runs an action in a fresh copy of the situation; whether it ran and how many map updates it made. */
function tryRun(role: Role | null, situation: Situation, id: ActionId): { ran: boolean; mapUpdates: number } {
  const { doc, target } = open(role, situation);
  let mapUpdates = 0;
  doc.on('update', () => mapUpdates++);
  const ran = runAction(id, { target, navigate: noNavigation });
  return { ran, mapUpdates };
}

describe('a read-only map', () => {
  const allowed = new Set<ActionId>(ACTIONS.filter((a) => a.allowedReadOnly).map((a) => a.id));

  it('is what a view or comment link opens', () => {
    for (const role of ['view', 'comment'] as const) {
      open(role, SITUATIONS[0]!);
      expect(editor().readOnly, role).toBe(true);
    }
  });

  it('runs exactly the actions marked allowedReadOnly, each writing nothing to the map, and refuses every other', () => {
    const ranReadOnly = new Set<ActionId>();
    const refusedReadOnly = new Set<ActionId>();
    for (const situation of SITUATIONS) {
      // the same map, writable: which actions would run here
      const { target: writableTarget } = open(null, situation);
      const writable = new Set(ACTIONS.filter((a) => enabledNow(a, writableTarget)).map((a) => a.id));
      for (const role of ['view', 'comment'] as const) {
        const { target } = open(role, situation);
        const enabled = ACTIONS.filter((a) => enabledNow(a, target));
        for (const action of ACTIONS) {
          // the gate is the flag: an allowed action is on exactly when it would be anyway
          const expected = action.allowedReadOnly === true && wouldRun(action, target);
          expect({ situation: situation.name, role, id: action.id, enabled: enabled.includes(action) }).toEqual({
            situation: situation.name,
            role,
            id: action.id,
            enabled: expected,
          });
        }
        for (const action of enabled) {
          expect(tryRun(role, situation, action.id), `${situation.name}, ${role}: ${action.id}`).toEqual({ ran: true, mapUpdates: 0 });
          ranReadOnly.add(action.id);
        }
        for (const id of writable) {
          if (allowed.has(id)) continue;
          expect(tryRun(role, situation, id), `${situation.name}, ${role}: ${id}`).toEqual({ ran: false, mapUpdates: 0 });
          refusedReadOnly.add(id);
        }
      }
    }
    // nothing else ran, and every action not marked was shown on when writable and refused here
    expect([...ranReadOnly].filter((id) => !allowed.has(id))).toEqual([]);
    expect(new Set(refusedReadOnly)).toEqual(new Set(ACTIONS.filter((a) => !a.allowedReadOnly).map((a) => a.id)));
    // every marked action ran, but those only the facilitator (the map's owner, never read-only)
    // may run, and the restores from a version (which change the live map: owners and edit links)
    const facilitatorOnly = ['workshop.newRound', 'workshop.closeRound', 'workshop.revealRound', 'workshop.toggleTimer', 'workshop.resetTimer', 'workshop.bringEveryone', 'workshop.stopPresenting'];
    const editorsOnly = ['map.restoreVersion', 'card.restoreFromVersion', 'structure.restoreStageFromVersion'];
    expect(new Set([...allowed].filter((id) => !ranReadOnly.has(id)))).toEqual(new Set([...facilitatorOnly, ...editorsOnly]));
  });
});
