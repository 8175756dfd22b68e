import type { Action } from './types';

/**
 * What a read-only map (view or comment link, or content locked) may still do: look, move
 * around, copy out, export, and the workshop's feedback, which writes only the feedback doc
 * (each workshop action checks the rights it needs itself). Everything else writes the map, so
 * it is off. An allowlist, so a new action is read-only-safe only when someone says
 * it is. (The relay refuses a viewer's writes regardless; this keeps the UI honest.)
 */
const ALLOWED_WHEN_READ_ONLY = /^(view\.|navigate\.|help\.|workshop\.|edit\.(copy|selectAll|escape)$|map\.export$)/;

export function allowedWhenReadOnly(action: Action): boolean {
  return ALLOWED_WHEN_READ_ONLY.test(action.id);
}
