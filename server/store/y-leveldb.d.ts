// y-leveldb 0.2 ships its types at dist/src/y-leveldb.d.ts but its package.json "exports" does not
// point at them, so TypeScript cannot find them. These are the parts the relay uses, as declared
// there.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  export const PREFERRED_TRIM_SIZE: number;
  export function getCurrentUpdateClock(db: any, docName: string): Promise<number>;
  export function getLevelUpdates(db: any, docName: string, opts?: object): Promise<Uint8Array[]>;
  export function getLevelBulkKeys(db: any, opts: object): Promise<unknown[]>;
  export function getLevelBulkEntries(db: any, opts: object): Promise<Array<{ key: unknown; value: Uint8Array }>>;

  export class LeveldbPersistence {
    constructor(location: string, opts?: { Level?: any; levelOptions?: object });
    /** y-leveldb's queue of database operations ("private"; resolves null when `f` threw) */
    _transact<T>(f: (db: any) => Promise<T>): Promise<T>;
    flushDocument(docName: string): Promise<void>;
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    getStateVector(docName: string): Promise<Uint8Array>;
    getAllDocNames(): Promise<string[]>;
    destroy(): Promise<void>;
  }
}
