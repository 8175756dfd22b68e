import type { ServerConfig } from '../config';
import { LevelDbStore } from './leveldb';
import { MemoryStore } from './memory';
import type { RelayStore } from './types';

export type { AccessRecord, RelayStore, SpaceMapRecord, SpaceRecord, StoreHealth, VersionEntry } from './types';
export { LevelDbStore, MemoryStore };

export type StoreConfig = Pick<ServerConfig, 'store' | 'dataDir' | 'databaseUrl' | 'databasePoolSize'>;

/**
 * The store the settings ask for, ready to use (PostgreSQL: connected and migrated). PostgreSQL's
 * driver is loaded only here, only then: `npm start` on LevelDB never needs it.
 */
export async function createStore(config: StoreConfig, onConnectionError?: (error: Error) => void): Promise<RelayStore> {
  if (config.store === 'memory') return new MemoryStore();
  if (config.store === 'postgres') {
    const { PostgresStore } = await import('./postgres');
    return PostgresStore.open({ url: config.databaseUrl ?? '', poolSize: config.databasePoolSize, onConnectionError });
  }
  return new LevelDbStore(config.dataDir);
}
