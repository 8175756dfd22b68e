import type { Target } from '../store/editorStore';
import { cardActions } from './groups/cards';
import { copyPasteActions } from './groups/copyPaste';
import { drillDownActions } from './groups/drillDown';
import { evidenceActions } from './groups/evidence';
import { helpActions } from './groups/help';
import { historyActions } from './groups/history';
import { imageActions } from './groups/images';
import { inboxActions } from './groups/inbox';
import { laneActions } from './groups/lanes';
import { mapActions } from './groups/map';
import { navigationActions } from './groups/navigation';
import { phaseActions } from './groups/phases';
import { stageActions } from './groups/stages';
import { versionActions } from './groups/versions';
import { viewActions } from './groups/view';
import { workshopActions } from './groups/workshop';
import { TOOLBAR_SECTIONS, type Action, type ActionGroup } from './types';

/**
 * Every user action of the editor, once, assembled from the group modules in ./groups. Order
 * matters: the first enabled match wins a key, and it is the order within a group wherever
 * actions are listed.
 */
const all = [
  ...historyActions,
  ...copyPasteActions,
  ...cardActions,
  ...imageActions,
  ...evidenceActions,
  ...stageActions,
  ...laneActions,
  ...mapActions,
  ...phaseActions,
  ...viewActions,
  ...navigationActions,
  ...drillDownActions,
  ...workshopActions,
  ...versionActions,
  ...inboxActions,
  ...helpActions,
];

/** The id of an action that exists: every surface and test names actions by it, so a typo does not compile. */
export type ActionId = (typeof all)[number]['id'];

/** An action from the registry. */
export type RegisteredAction = Action<ActionId>;

export const ACTIONS: readonly RegisteredAction[] = Object.freeze(all);

const byId = new Map<string, RegisteredAction>(ACTIONS.map((a) => [a.id, a]));

/** Undefined only for an id that reached here untyped (it cannot be written as an `ActionId`). */
export function findAction(id: ActionId): RegisteredAction | undefined {
  return byId.get(id);
}

/** Groups in the order the shortcuts help and the palette show them. */
export const ACTION_GROUPS: readonly ActionGroup[] = ['edit', 'card', 'structure', 'view', 'navigate', 'map', 'workshop', 'help'];

/** Actions in group order (as ACTION_GROUPS), registry order within a group. */
export function actionsByGroup(): RegisteredAction[] {
  const group = (a: RegisteredAction) => ACTION_GROUPS.indexOf(a.group);
  return [...ACTIONS].sort((a, b) => group(a) - group(b));
}

/** The actions a context menu on this kind of target offers, by rank, destructive ones last (enabled or not). */
export function menuActions(kind: Target['kind']): RegisteredAction[] {
  const place = (a: RegisteredAction) => (a.destructive ? 1e6 : 0) + (a.menu?.rank ?? 0);
  return ACTIONS.filter((a) => a.menu?.on.includes(kind)).sort((a, b) => place(a) - place(b));
}

/** The toolbar's buttons, left to right: by section, then by order within it. */
export function toolbarActions(): RegisteredAction[] {
  const place = (a: RegisteredAction) => (a.toolbar ? TOOLBAR_SECTIONS.indexOf(a.toolbar.section) * 1e3 + a.toolbar.order : 0);
  return ACTIONS.filter((a) => a.toolbar).sort((a, b) => place(a) - place(b));
}
