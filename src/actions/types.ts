import type { TFunction } from 'i18next';
import type { LucideIcon } from 'lucide-react';
import type * as Y from 'yjs';
import type { actions as englishLabels } from '../i18n/en/actions';
import type { Journey } from '../model/types';
import type { JourneyLayout } from '../model/layout';
import type { EditorStore, Target } from '../store/editorStore';

/** Everything an action may read or do. Built fresh for each call from the store's state. */
export interface ActionContext {
  /** the editor store's current state and commands */
  editor: EditorStore;
  doc: Y.Doc;
  undo: Y.UndoManager;
  /** the map's feedback doc: comments, vote rounds, workshop state */
  feedback: Y.Doc;
  journey: Journey;
  layout: JourneyLayout;
  /** what a context menu was opened on, when the action runs from one */
  target: Target | null;
  /** files handed to the action by a paste or a drop (a card's image); absent otherwise */
  files?: readonly File[];
  t: TFunction;
  /** leaves the editor for another route, e.g. '/' for the library */
  navigate(path: string): void;
}

export type ActionGroup = 'edit' | 'card' | 'structure' | 'view' | 'navigate' | 'map' | 'workshop' | 'help';

/**
 * The ids that have an English label (`actions.<group>.<name>` in src/i18n/en/actions.ts). An
 * action's id must be one of them, so a new action without a label, or a typo in an id, does not
 * compile; German must fill English's keys, so it follows.
 */
export type LabelledActionId = { [G in ActionGroup]: `${G}.${Extract<keyof (typeof englishLabels)[G], string>}` }[ActionGroup];

/** The toolbar's sections, left to right, each set apart by a divider. */
export const TOOLBAR_SECTIONS = ['history', 'build', 'view'] as const;
export type ToolbarSection = (typeof TOOLBAR_SECTIONS)[number];

export interface ToolbarPlacement {
  section: ToolbarSection;
  /** left to right within the section */
  order: number;
  /** shows its name next to the icon: the main ways to build a map */
  withText?: boolean;
}

export interface MenuPlacement {
  /** the context menus (by target kind) that offer this action */
  on: readonly Target['kind'][];
  /** top to bottom, lower first, across every menu; destructive actions follow all others */
  rank: number;
}

interface ActionFields<Id extends string> {
  /** stable id, `<group>.<name>`, e.g. 'card.add'; its label is `actions.<id>` */
  id: Id;
  group: ActionGroup;
  /** e.g. ['Mod+Z']; 'Mod' is Cmd on macOS and Ctrl elsewhere; the first is the one shown */
  shortcuts?: readonly string[];
  /** a held key runs it again and again (moving around, stepping through history or zoom) */
  repeat?: boolean;
  menu?: MenuPlacement;
  /** removes content: menus set it apart, last */
  destructive?: boolean;
  /**
   * It may run on a read-only map (view or comment link, or content locked): it looks, moves
   * around, copies out, exports, or writes only the feedback doc (checking the rights it needs
   * itself). Left out, the action is off there: a new action is read-only-safe only when someone
   * says it is. (The relay refuses a viewer's writes regardless; this keeps the UI honest.)
   */
  allowedReadOnly?: boolean;
  /** hidden from the command palette (plain arrow-key navigation, the palette itself) */
  paletteHidden?: boolean;
  enabled(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void;
}

/** A toolbar button always has an icon. */
type Placement = { toolbar: ToolbarPlacement; icon: LucideIcon } | { toolbar?: undefined; icon?: LucideIcon };

/**
 * One user action as its group module writes it: what it does and everything the toolbar, the
 * context menus, the keyboard shortcuts, the command palette and the shortcuts help need to
 * offer it (as Excalidraw's and tldraw's actions do). Nothing about an action lives elsewhere.
 */
export type ActionDefinition<Id extends string = string> = ActionFields<Id> & Placement;

/** A registered action: its definition and the label key derived from its id. */
export type Action<Id extends string = string> = ActionDefinition<Id> & {
  /** `actions.<id>`, e.g. 'actions.card.add' */
  labelKey: `actions.${Id}`;
};
