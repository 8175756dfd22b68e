/**
 * A JSON object from what browser storage held, or null: another version of the app, or someone's
 * hand, may have written anything there, and reading it must never throw. Arrays are not objects here.
 */
export function storedObject(raw: string | null | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
