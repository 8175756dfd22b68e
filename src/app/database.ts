import { openDatabase, type WaymarkDB } from '../storage';

let database: Promise<WaymarkDB | null> | null = null;

/**
 * The device's map database, opened once per tab. Null when IndexedDB is missing or refused
 * (some private windows, blocked site data): the app then keeps maps in memory and says so.
 */
export function getDatabase(): Promise<WaymarkDB | null> {
  database ??= (async () => {
    if (typeof indexedDB === 'undefined') return null;
    const db = openDatabase();
    try {
      await db.open();
      return db;
    } catch {
      return null;
    }
  })();
  return database;
}
