import type { CardImage } from '../model/images';
import type * as Y from 'yjs';
import { create } from 'zustand';
import type { JourneyLayout } from '../model/layout';
import { layoutJourney } from '../model/layout';
import type { FeedbackActor } from '../model/actor';
import type { Card, Journey } from '../model/types';
import { publicIdentity, type Identity } from '../sync/identity';
import type { ConnectionStatus, Peer } from '../sync/session';
import { isFacilitator, mayWrite, type Role } from '../access/roles';
import { EMPTY_FEEDBACK, FeedbackView, type FeedbackSnapshot } from './feedbackView';
import { JourneyView } from './journeyView';
import { blueprintLaneIds } from '../model/blueprintView';
import { readBlueprintHidden, rememberBlueprintHidden } from './blueprintView';

/** Something on the map that keyboard focus or a context menu can point at. */
export type Target =
  | { kind: 'card'; id: string }
  | { kind: 'stage'; id: string }
  | { kind: 'lane'; id: string }
  | { kind: 'phase'; id: string }
  | { kind: 'cell'; stageId: string; laneId: string }
  | { kind: 'map' };

/** What the text being edited in place belongs to. */
export type EditingTarget = { kind: 'card' | 'stage' | 'lane' | 'phase' | 'mapTitle'; id: string };

export type Panel = 'inspector' | 'personas' | 'comments' | 'workshop' | 'versions' | 'inbox' | null;
export type Dialog = 'palette' | 'shortcuts' | 'share' | 'export' | 'phases' | 'laneKind' | 'nameVersion' | 'restoreVersion' | 'importFeedback' | 'pasteFeedback' | 'assignEvidence' | null;

/** Canvas functions the actions need; the canvas registers them once React Flow is ready. */
export interface ViewportControls {
  zoomIn(): void;
  zoomOut(): void;
  fitView(): void;
  zoomTo100(): void;
  /** scrolls a card into view */
  revealCard(id: string): void;
}

/** Presence functions the canvas calls; the editor screen registers them for a shared map. */
export interface PresenceControls {
  setCursor(point: { x: number; y: number } | null): void;
  /** what I am looking at, for the people who follow me */
  setView(view: { area: { x: number; y: number; width: number; height: number } | null; stageId: string | null; presenting: boolean }): void;
}

/** A copied selection: plain cards, pasted as new cards with new ids. */
export interface Clipboard {
  cards: Card[];
  /** the copied cards' images, so a paste after a cut, or into another map, still shows them */
  images?: CardImage[];
}

export interface EditorSession {
  mapId: string;
  doc: Y.Doc;
  undo: Y.UndoManager;
  /** comments, vote rounds and workshop state: synced in the map's feedback room */
  feedback: Y.Doc;
}

/** A shared map's live state; null while the map is private (it never touches the relay). */
export interface Collaboration {
  status: ConnectionStatus;
  role: Role;
  peers: Peer[];
}

export interface EditorState {
  session: EditorSession | null;
  collab: Collaboration | null;
  /** the map's content cannot be changed from here (view or comment link, or locked): no editing affordances, and the relay refuses writes anyway */
  readOnly: boolean;
  /** may comment and vote: everyone but a view link */
  canGiveFeedback: boolean;
  /** runs the workshop (rounds, timer, lock, bring everyone): the owner, or anyone on a private map */
  facilitator: boolean;
  /** who I am to the others: author of my comments, voter of my dots */
  identity: Identity | null;
  feedback: FeedbackSnapshot;
  /** my view tracks the presenter's; panning by hand stops it */
  following: boolean;
  /** the owner locked the map's content for the workshop: edit links write feedback only (the relay enforces it) */
  contentLocked: boolean;
  /**
   * The map as the editor shows it: the open doc's journey, or while a version is previewed
   * (`preview`) that version (or the comparison of it with now, src/store/versionPreview.ts).
   */
  journey: Journey | null;
  /**
   * A version of the map shown instead of the live one (version history): everything reads it
   * as it reads the map, and nothing can be edited or voted on while it shows (`readOnly`).
   * The live doc is untouched; null when the live map shows.
   */
  preview: Journey | null;
  /** the journey as the canvas shows it: without the blueprint lanes while this device hides them */
  layout: JourneyLayout | null;
  /** this device hides the map's blueprint lanes ("blueprint view" off; remembered per map, src/store/blueprintView.ts) */
  blueprintHidden: boolean;
  selectedCardIds: readonly string[];
  /** the stage or lane header last clicked or focused, for header actions */
  focus: Target | null;
  /** cards of this persona are highlighted, the rest dimmed */
  personaFilter: string | null;
  panel: Panel;
  /** the card whose comment box should take the keyboard focus once it shows (Ctrl+Alt+M); one-shot */
  composeFor: string | null;
  dialog: Dialog;
  contextMenu: { x: number; y: number; target: Target } | null;
  /** link mode: the first card has been picked, the next card clicked is the link's end */
  linkFrom: string | null;
  editing: EditingTarget | null;
  canUndo: boolean;
  canRedo: boolean;
  clipboard: Clipboard | null;
  viewport: ViewportControls | null;
  presence: PresenceControls | null;
}

export interface EditorCommands {
  openSession(session: EditorSession): void;
  closeSession(): void;
  /** replace the selection, or toggle the ids in/out of it (shift-click) */
  selectCards(ids: readonly string[], mode?: 'replace' | 'toggle' | 'add'): void;
  clearSelection(): void;
  setFocus(target: Target | null): void;
  setPersonaFilter(personaId: string | null): void;
  setPanel(panel: Panel): void;
  /** asks the comments panel to focus the comment box of this card (null: the request was served) */
  setComposeFor(cardId: string | null): void;
  setDialog(dialog: Dialog): void;
  openContextMenu(x: number, y: number, target: Target): void;
  closeContextMenu(): void;
  setLinkFrom(cardId: string | null): void;
  startEditing(target: EditingTarget): void;
  stopEditing(): void;
  setClipboard(clipboard: Clipboard | null): void;
  setViewport(controls: ViewportControls | null): void;
  setCollab(collab: Collaboration | null): void;
  setPresence(presence: PresenceControls | null): void;
  setIdentity(identity: Identity): void;
  setFollowing(following: boolean): void;
  setContentLocked(locked: boolean): void;
  /** shows or hides the open map's blueprint lanes on this device, and remembers it for the map */
  setBlueprintHidden(hidden: boolean): void;
  /** shows this journey (a version) instead of the live map, read-only; null shows the live map again */
  setPreview(journey: Journey | null): void;
}

export type EditorStore = EditorState & EditorCommands;

const initial: EditorState = {
  session: null,
  collab: null,
  readOnly: false,
  canGiveFeedback: true,
  facilitator: true,
  identity: null,
  feedback: EMPTY_FEEDBACK,
  following: true,
  contentLocked: false,
  journey: null,
  preview: null,
  layout: null,
  blueprintHidden: false,
  selectedCardIds: [],
  focus: null,
  personaFilter: null,
  panel: 'inspector',
  composeFor: null,
  dialog: null,
  contextMenu: null,
  linkFrom: null,
  editing: null,
  canUndo: false,
  canRedo: false,
  clipboard: null,
  viewport: null,
  presence: null,
};

/**
 * UI and session state of the editor, plus the derived view of the open map. Map content is
 * never stored here: it lives in the Y.Doc, and `journey`/`layout` are read from it.
 */
export const useEditor = create<EditorStore>()((set, get) => {
  let teardown: (() => void) | null = null;
  /** lays the open map out again (the blueprint lanes shown or hidden), null without a map */
  let relayout: (() => void) | null = null;
  /** the open doc's journey, whatever is shown */
  let live: Journey | null = null;

  return {
    ...initial,

    openSession(session) {
      teardown?.();
      const view = new JourneyView(session.doc);
      /** lays out what is shown: the preview while there is one, else the live map */
      const show = () => {
        const { selectedCardIds, linkFrom, personaFilter, blueprintHidden, preview } = get();
        const journey = preview ?? live;
        if (!journey) return;
        const hiddenLaneIds = blueprintHidden ? blueprintLaneIds(journey) : undefined;
        // a card in a hidden lane is not on the canvas, so it cannot stay selected either
        const alive = new Set(journey.cards.filter((c) => !hiddenLaneIds?.has(c.laneId)).map((c) => c.id));
        set({
          journey,
          // every cell keeps room for its "add card" button under its cards
          layout: layoutJourney(journey, { addCardRow: true, hiddenLaneIds }),
          // a card a collaborator deleted can no longer be selected
          selectedCardIds: selectedCardIds.every((id) => alive.has(id)) ? selectedCardIds : selectedCardIds.filter((id) => alive.has(id)),
          linkFrom: linkFrom && alive.has(linkFrom) ? linkFrom : null,
          personaFilter: personaFilter && journey.personas.some((p) => p.id === personaFilter) ? personaFilter : null,
        });
      };
      const publish = (latest: Journey) => {
        live = latest;
        // a preview is not the live map: whoever shows it hands over a new one when it should change
        if (!get().preview) show();
      };
      const unsubscribe = view.subscribe(publish);
      const feedbackView = new FeedbackView(session.feedback);
      const unsubscribeFeedback = feedbackView.subscribe((feedback) => {
        // a presenter set again ("bring everyone to me") brings back those who had wandered off
        const resumed = feedback.presenterEpoch !== get().feedback.presenterEpoch;
        set(resumed ? { feedback, following: true } : { feedback });
      });
      const onStack = () => set({ canUndo: session.undo.canUndo(), canRedo: session.undo.canRedo() });
      session.undo.on('stack-item-added', onStack);
      session.undo.on('stack-item-popped', onStack);
      session.undo.on('stack-cleared', onStack);
      teardown = () => {
        unsubscribe();
        view.destroy();
        unsubscribeFeedback();
        feedbackView.destroy();
        session.undo.off('stack-item-added', onStack);
        session.undo.off('stack-item-popped', onStack);
        session.undo.off('stack-cleared', onStack);
      };
      const { viewport, clipboard, identity, collab, contentLocked } = get();
      set({ ...initial, ...access(collab, contentLocked, null), viewport, clipboard, identity, collab, contentLocked, session, feedback: feedbackView.current, blueprintHidden: readBlueprintHidden(session.mapId) });
      publish(view.journey);
      relayout = show;
      onStack();
    },

    closeSession() {
      teardown?.();
      teardown = null;
      relayout = null;
      live = null;
      set({ ...initial, clipboard: get().clipboard, identity: get().identity });
    },

    selectCards(ids, mode = 'replace') {
      const current = get().selectedCardIds;
      let next: string[];
      if (mode === 'replace') next = [...new Set(ids)];
      else if (mode === 'add') next = [...new Set([...current, ...ids])];
      else {
        const set_ = new Set(current);
        for (const id of ids) if (set_.has(id)) set_.delete(id); else set_.add(id);
        next = [...set_];
      }
      const same = next.length === current.length && next.every((id, i) => id === current[i]);
      if (!same) set({ selectedCardIds: next, focus: next.length === 1 ? { kind: 'card', id: next[0]! } : get().focus });
    },
    clearSelection() {
      if (get().selectedCardIds.length) set({ selectedCardIds: [] });
    },
    setFocus(focus) {
      set({ focus });
    },
    setPersonaFilter(personaFilter) {
      set({ personaFilter });
    },
    setPanel(panel) {
      set({ panel });
    },
    setComposeFor(composeFor) {
      if (get().composeFor !== composeFor) set({ composeFor });
    },
    setDialog(dialog) {
      set({ dialog, contextMenu: null });
    },
    openContextMenu(x, y, target) {
      set({ contextMenu: { x, y, target } });
    },
    closeContextMenu() {
      if (get().contextMenu) set({ contextMenu: null });
    },
    setLinkFrom(linkFrom) {
      if (!linkFrom || !get().readOnly) set({ linkFrom });
    },
    startEditing(editing) {
      if (!get().readOnly) set({ editing });
    },
    stopEditing() {
      set({ editing: null });
    },
    setClipboard(clipboard) {
      set({ clipboard });
    },
    setViewport(viewport) {
      set({ viewport });
    },
    setPresence(presence) {
      set({ presence });
    },
    setCollab(collab) {
      const rights = access(collab, get().contentLocked, get().preview);
      set(rights.readOnly ? { collab, ...rights, editing: null, linkFrom: null } : { collab, ...rights });
    },
    setContentLocked(contentLocked) {
      const rights = access(get().collab, contentLocked, get().preview);
      set(rights.readOnly ? { contentLocked, ...rights, editing: null, linkFrom: null } : { contentLocked, ...rights });
    },
    setIdentity(identity) {
      // only what peers may see: the store is read everywhere, the DOM included
      set({ identity: publicIdentity(identity) });
    },
    setFollowing(following) {
      if (get().following !== following) set({ following });
    },
    setBlueprintHidden(blueprintHidden) {
      const mapId = get().session?.mapId;
      if (!mapId || get().blueprintHidden === blueprintHidden) return;
      rememberBlueprintHidden(mapId, blueprintHidden);
      set({ blueprintHidden });
      relayout?.();
    },
    setPreview(preview) {
      if (!get().session || get().preview === preview) return;
      const rights = access(get().collab, get().contentLocked, preview);
      set({ preview, ...rights, editing: null, linkFrom: null, contextMenu: null });
      relayout?.();
    },
  };
});

/**
 * What a role may do here, by the rights the relay enforces (src/access/roles.ts). A private map
 * is its owner's alone. A version being previewed is read by everyone and written by no one.
 */
function access(collab: Collaboration | null, locked: boolean, preview: Journey | null): Pick<EditorState, 'readOnly' | 'canGiveFeedback' | 'facilitator'> {
  const role: Role = collab?.role ?? 'owner';
  return {
    readOnly: preview !== null || !mayWrite(role, 'map', locked),
    canGiveFeedback: preview === null && mayWrite(role, 'feedback', locked),
    facilitator: isFacilitator(role),
  };
}

/**
 * Who I am to the feedback doc's rules (model/actor.ts): my identity id, and whether I am its
 * owner — the facilitator of a shared map, or anyone on a private one. Null until I have an
 * identity. Every write to the feedback doc passes this, and the model refuses what the relay
 * would refuse from me.
 */
export function feedbackActor(state: Pick<EditorState, 'identity' | 'facilitator'>): FeedbackActor | null {
  return state.identity ? { id: state.identity.id, owner: state.facilitator } : null;
}

/** Whether my role may change the live map, whatever is shown now (a version's preview is read-only for everyone). */
export function mayEditLiveMap(state: Pick<EditorState, 'collab' | 'contentLocked'>): boolean {
  return mayWrite(state.collab?.role ?? 'owner', 'map', state.contentLocked);
}

/** The selected cards, in map order. */
export function selectedCards(state: EditorState): Card[] {
  if (!state.journey || state.selectedCardIds.length === 0) return [];
  const ids = new Set(state.selectedCardIds);
  return state.journey.cards.filter((c) => ids.has(c.id));
}
