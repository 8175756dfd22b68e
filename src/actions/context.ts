import type { TFunction } from 'i18next';
import { useEditor, type EditorStore, type Target } from '../store/editorStore';
import { findAction, type ActionId, type RegisteredAction } from './registry';
import type { Action, ActionContext } from './types';

export interface ActionContextExtra {
  /** what a context menu was opened on; default: none (the action reads selection and focus) */
  target?: Target | null;
  /** files a paste or a drop hands to the action (card.addImage) */
  files?: readonly File[];
  /** labels for new stages and lanes; default: returns the key */
  t?: TFunction;
  /** default: the navigator set with `setActionNavigator`, else history.pushState + popstate */
  navigate?: (path: string) => void;
}

const keyAsText = ((key: string | string[]) => (Array.isArray(key) ? key[0] : key)) as unknown as TFunction;

let navigator_: ((path: string) => void) | null = null;

/** The app shell registers its router here once, so every action surface can leave the editor. */
export function setActionNavigator(navigate: ((path: string) => void) | null): void {
  navigator_ = navigate;
}

/** Without a registered navigator: a history entry plus `popstate`, which path routers follow. */
function defaultNavigate(path: string): void {
  if (navigator_) return navigator_(path);
  if (typeof window === 'undefined') return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** An action context from a given store state; null when no map is open. */
export function contextFromState(state: EditorStore, extra: ActionContextExtra = {}): ActionContext | null {
  const { session, journey, layout } = state;
  if (!session || !journey || !layout) return null;
  return {
    editor: state,
    doc: session.doc,
    undo: session.undo,
    feedback: session.feedback,
    journey,
    layout,
    target: extra.target ?? null,
    ...(extra.files ? { files: extra.files } : {}),
    t: extra.t ?? keyAsText,
    navigate: extra.navigate ?? defaultNavigate,
  };
}

/** An action context from the editor store as it is now; null when no map is open. */
export function buildActionContext(extra: ActionContextExtra = {}): ActionContext | null {
  return contextFromState(useEditor.getState(), extra);
}

/** `action.enabled`, treating a throw (a record deleted under our feet, say) as "not now". */
export function isEnabled(action: Action, ctx: ActionContext | null): ctx is ActionContext {
  if (!ctx) return false;
  if (ctx.editor.readOnly && !action.allowedReadOnly) return false;
  try {
    return action.enabled(ctx);
  } catch {
    return false;
  }
}

/**
 * Runs an action by id if it is enabled right now; returns whether it ran. Each run starts a new
 * undo step, so two commands in quick succession are never undone together.
 */
export function runAction(id: ActionId, extra: ActionContextExtra = {}): boolean {
  const action = findAction(id);
  if (!action) return false;
  return performAction(action, extra);
}

/** As `runAction`, for an action already in hand. */
export function performAction(action: RegisteredAction, extra: ActionContextExtra = {}): boolean {
  const ctx = buildActionContext(extra);
  if (!isEnabled(action, ctx)) return false;
  execute(action, ctx);
  return true;
}

/** Performs an action whose `enabled` the caller has checked, as its own undo step. */
export function execute(action: RegisteredAction, ctx: ActionContext): void {
  if (action.id !== 'edit.undo' && action.id !== 'edit.redo') ctx.undo.stopCapturing();
  action.perform(ctx);
}
