import { isEnabled } from './context';
import { ACTIONS, type RegisteredAction } from './registry';
import { matchesShortcut, parseShortcut, usesCommandModifier, type ShortcutEvent } from './shortcuts';
import type { ActionContext } from './types';

/** Where the key was pressed, as far as shortcut routing cares. */
export interface KeyOrigin {
  /** an input, textarea, select or contenteditable has focus: it owns typing and text editing */
  inTextField: boolean;
  /** a button, link, menu item, … has focus: Enter and Space activate it */
  onControl: boolean;
  /** focus is inside a modal dialog or a menu, which handle their own keys */
  inOverlay: boolean;
}

/** Mod+these are the text field's own (undo, redo, copy, paste, cut, select all). */
const TEXT_EDITING_KEYS = new Set(['z', 'y', 'c', 'v', 'x', 'a']);

function allowedFrom(shortcut: string, origin: KeyOrigin): boolean {
  const { key } = parseShortcut(shortcut);
  if (origin.onControl && (key === 'Enter' || key === ' ')) return false;
  if (origin.inTextField) {
    if (key === 'Escape') return true;
    return usesCommandModifier(shortcut) && !TEXT_EDITING_KEYS.has(key);
  }
  return true;
}

/**
 * The action a keydown should run: the first enabled action (in registry order) with a matching
 * shortcut that may run from where the key was pressed. Undefined: leave the key alone.
 */
export function actionForKey(
  event: ShortcutEvent & { isComposing?: boolean; repeat?: boolean },
  ctx: ActionContext | null,
  origin: KeyOrigin,
  isMac: boolean,
  actions: readonly RegisteredAction[] = ACTIONS,
): RegisteredAction | undefined {
  if (!ctx || event.isComposing) return undefined;
  // while a dialog or menu is open, only the help toggles (Mod+K closes the palette) get through
  const overlay = origin.inOverlay || ctx.editor.dialog !== null;
  for (const action of actions) {
    if (overlay && action.group !== 'help') continue;
    if (ctx.editor.contextMenu && action.id !== 'edit.escape' && action.group !== 'help') continue;
    // held keys repeat only moving around and stepping through history or zoom
    if (event.repeat && !action.repeat) continue;
    const shortcut = action.shortcuts?.find((s) => matchesShortcut(event, s, isMac) && allowedFrom(s, origin));
    if (shortcut && isEnabled(action, ctx)) return action;
  }
  return undefined;
}

/** Classifies a DOM event target for `actionForKey`. */
export function keyOriginOf(target: EventTarget | null): KeyOrigin {
  const none: KeyOrigin = { inTextField: false, onControl: false, inOverlay: false };
  if (typeof Element === 'undefined' || !(target instanceof Element)) return none;
  const tag = target.tagName;
  const inputType = tag === 'INPUT' ? ((target as HTMLInputElement).type || 'text').toLowerCase() : '';
  const nonText = ['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'];
  const inTextField =
    (tag === 'INPUT' && !nonText.includes(inputType)) ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (target as HTMLElement).isContentEditable === true;
  const onControl =
    tag === 'BUTTON' ||
    tag === 'A' ||
    tag === 'SUMMARY' ||
    (tag === 'INPUT' && nonText.includes(inputType)) ||
    target.matches('[role="button"], [role="menuitem"], [role="option"], [role="tab"], [role="checkbox"], [role="switch"], [role="link"]');
  const inOverlay = target.closest('[role="dialog"], [role="alertdialog"], [aria-modal="true"], [role="menu"]') !== null;
  return { inTextField, onControl, inOverlay };
}
