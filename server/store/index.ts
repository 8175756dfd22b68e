import type { ServerConfig } from '../config';
import { LevelDbStore } from './leveldb';
import { MemoryStore } from './memory';
import type { RelayStore } from './types';

export type { AccessRecord, RelayStore, SpaceMapRecord, SpaceRecord, VersionEntry } from './types';
export { LevelDbStore, MemoryStore };

export function createStore(config: Pick<ServerConfig, 'store' | 'dataDir'>): RelayStore {
  return config.store === 'memory' ? new MemoryStore() : new LevelDbStore(config.dataDir);
}
