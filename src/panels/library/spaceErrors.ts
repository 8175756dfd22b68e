import type { TFunction } from 'i18next';

/** Why the relay refused or could not answer, in the reader's words (errors carry `status`, 0 when unreachable). */
export function spaceErrorText(t: TFunction, error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 0 || (typeof status === 'number' && status >= 500)) return t('spaces.errors.offline');
  if (status === 401 || status === 403) return t('spaces.errors.denied');
  return t('spaces.errors.other', { message: error instanceof Error ? error.message : String(error) });
}
