import type { Action } from './types';

/**
 * What a view-only link may still do: look, move around, copy out, export. Everything else
 * writes, so it is off. An allowlist, so a new action is read-only-safe only when someone says
 * it is. (The relay refuses a viewer's writes regardless; this keeps the UI honest.)
 */
const ALLOWED_WHEN_READ_ONLY = /^(view\.|navigate\.|help\.|edit\.(copy|selectAll|escape)$|map\.export$)/;

export function allowedWhenReadOnly(action: Action): boolean {
  return ALLOWED_WHEN_READ_ONLY.test(action.id);
}
