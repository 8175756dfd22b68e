/**
 * What went wrong with local storage, in the terms the UI speaks:
 * - 'unavailable': there is no usable database (private window, storage blocked, IndexedDB
 *   missing or broken, the database closed under us). Editing goes on in memory.
 * - 'quota': the disk or the origin's quota is full. Freeing space and retrying helps.
 * - 'failed': anything else.
 */
export type StorageProblem = 'unavailable' | 'quota' | 'failed';

/** Error names (DOMException and Dexie) that mean the database cannot be used at all. */
const UNAVAILABLE_NAMES = new Set([
  'InvalidStateError', // Firefox private windows, a closing database
  'SecurityError', // storage blocked by settings or a sandboxed frame
  'NotAllowedError',
  'MissingAPIError', // no indexedDB global
  'OpenFailedError',
  'DatabaseClosedError',
  'VersionError', // the database was created by a newer version of the app
  'UpgradeError',
  'NoSuchDatabaseError',
]);

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** DOMException's legacy code for QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * Classifies an error from IndexedDB or Dexie. Dexie wraps the browser's DOMException (in
 * `inner`), an aborted transaction carries its cause (`inner`), and a bulk operation lists its
 * `failures`; the whole chain is searched. A full disk anywhere in the chain wins, since it is
 * the one problem the user can fix; then a missing database; anything else is 'failed'.
 */
export function classifyStorageError(error: unknown): StorageProblem {
  const chain = errorChain(error);
  if (chain.some(isQuotaError)) return 'quota';
  if (chain.some((e) => UNAVAILABLE_NAMES.has(nameOf(e)))) return 'unavailable';
  return 'failed';
}

function isQuotaError(e: unknown): boolean {
  if (QUOTA_NAMES.has(nameOf(e))) return true;
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === QUOTA_CODE;
}

function nameOf(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const name = (e as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/** The error, its `inner` and `cause` errors and any bulk `failures`, without loops. */
function errorChain(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 32) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const record = e as { inner?: unknown; cause?: unknown; failures?: unknown };
    queue.push(record.inner, record.cause);
    if (Array.isArray(record.failures)) queue.push(...record.failures);
    else if (record.failures && typeof record.failures === 'object') queue.push(...Object.values(record.failures));
  }
  return [...seen];
}
