import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
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
  t: TFunction;
  /** leaves the editor for another route, e.g. '/' for the library */
  navigate(path: string): void;
}

export type ActionGroup = 'edit' | 'card' | 'structure' | 'view' | 'navigate' | 'map' | 'workshop' | 'help';

/**
 * One user action, registered once; the toolbar, the context menu, the keyboard shortcuts, the
 * command palette and the shortcuts help all read the same list (as Excalidraw's actions do).
 */
export interface Action {
  /** stable id, e.g. 'card.delete' */
  id: string;
  /** i18n key of the label, e.g. 'actions.card.delete' */
  labelKey: string;
  group: ActionGroup;
  /** e.g. ['Mod+Z']; 'Mod' is Cmd on macOS and Ctrl elsewhere; the first is the one shown */
  shortcuts?: readonly string[];
  /** the context menus (by target kind) that offer this action */
  contexts?: readonly Target['kind'][];
  /** shown as a toolbar button */
  toolbar?: boolean;
  /** hidden from the command palette (e.g. plain arrow-key navigation) */
  paletteHidden?: boolean;
  enabled(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void;
}
