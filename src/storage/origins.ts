/**
 * Transaction origins of updates that enter a map's doc from the edges. Neither is tracked by the
 * undo manager (it follows LOCAL_ORIGIN only), and MapPersistence does not store them again:
 * - PERSISTENCE_ORIGIN: rows loaded from IndexedDB (already stored);
 * - TAB_ORIGIN: updates another tab of this browser broadcast (that tab stores them).
 */
export const PERSISTENCE_ORIGIN: unique symbol = Symbol('waymark:persistence');
export const TAB_ORIGIN: unique symbol = Symbol('waymark:other-tab');
