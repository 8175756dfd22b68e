import type { EditorState, Panel } from './editorStore';

/** What the side panel's first tab shows, and so what it is called. */
export type PanelSubject = 'card' | 'cards' | 'stage' | 'nothing';

/**
 * The selection as the side panel sees it: one card, several, a stage whose header was clicked
 * (with no card selected), or nothing. Lanes have no panel of their own, so a focused lane
 * header leaves it at "nothing".
 */
export function panelSubject(state: Pick<EditorState, 'selectedCardIds' | 'focus'>): PanelSubject {
  const count = state.selectedCardIds.length;
  if (count === 1) return 'card';
  if (count > 1) return 'cards';
  return state.focus?.kind === 'stage' ? 'stage' : 'nothing';
}

/** The stage the side panel inspects, if its subject is a stage. */
export function inspectedStageId(state: Pick<EditorState, 'selectedCardIds' | 'focus'>): string | null {
  return panelSubject(state) === 'stage' && state.focus?.kind === 'stage' ? state.focus.id : null;
}

/** One string per selection, to notice that the user selected something else. */
export function selectionKey(state: Pick<EditorState, 'selectedCardIds' | 'focus'>): string {
  const subject = panelSubject(state);
  if (subject === 'stage') return `stage:${inspectedStageId(state)}`;
  return subject === 'nothing' ? '' : `cards:${state.selectedCardIds.join(',')}`;
}

export interface FollowContext {
  /** the keyboard focus is in a text field inside the side panel: the user is typing there */
  typingInPanel: boolean;
  /** a vote round accepts dots right now */
  roundOpen: boolean;
}

/**
 * The tab the side panel shows after the user selected a card, some cards or a stage.
 *
 * The rule: the panel follows the selection to the details tab, unless that would pull the user
 * out of something they are in the middle of.
 * - A closed panel stays closed: the user chose the room for the canvas.
 * - The details tab already shows the selection; the Comments tab follows it by itself (it shows
 *   the selected card's threads), so both stay. The evidence inbox stays too: its items are
 *   dropped onto cards, and a look at a card before dropping must not take the inbox away.
 * - While the user types in the panel (a persona's name, say), nothing moves under their hands.
 * - The Workshop tab stays while a vote round is open: the facilitator runs the round (timer,
 *   reveal, close) from it and participants count their dots there, and in a round clicking
 *   cards is how people vote, not a request for details.
 * - Otherwise (Personas, or Workshop between rounds) the details tab takes over.
 */
export function panelAfterSelection(panel: Panel, subject: PanelSubject, context: FollowContext): Panel {
  if (panel === null || subject === 'nothing') return panel;
  if (panel === 'inspector' || panel === 'comments' || panel === 'inbox') return panel;
  if (context.typingInPanel) return panel;
  if (panel === 'workshop' && context.roundOpen) return panel;
  return 'inspector';
}
