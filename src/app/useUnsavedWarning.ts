import { useEffect } from 'react';
import type { PersistenceStatus } from '../storage';

/**
 * Asks before the tab is left while the device could not store the latest changes (storage
 * full, or the write failed): they live only in this tab's memory then. Edits in progress are
 * not a reason to ask: the map is written as the user types (canvas/InlineTitle.tsx, the
 * inspector's fields), and an ordinary save finishes in milliseconds.
 */
export function useUnsavedWarning(status: PersistenceStatus | null): void {
  const atRisk = status === 'failed' || status === 'quota-exceeded';
  useEffect(() => {
    if (!atRisk) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show the dialog only when a value is returned
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [atRisk]);
}
