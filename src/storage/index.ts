export {
  WaymarkDB,
  openDatabase,
  DEFAULT_DATABASE_NAME,
  type MapEntry,
  type StoredUpdate,
  type DatabaseOptions,
  type StoredVersion,
  type StoredVersionPlace,
  type StoredSpace,
} from './db';
export { listSpaces, getSpace, saveSpace, leaveSpace, spaceDocKey } from './spaces';
export { classifyStorageError, type StorageProblem } from './errors';
export { PERSISTENCE_ORIGIN, TAB_ORIGIN } from './origins';
export {
  listMaps,
  listDeletedMaps,
  getMapEntry,
  saveNewMap,
  updateMapEntry,
  loadMapDoc,
  duplicateMap,
  renameMap,
  markDeleted,
  restoreMap,
  purgeMap,
  purgeDeleted,
  feedbackStorageKey,
  saveFeedback,
  type NewMapOptions,
  type MapEntryPatch,
  type DuplicateOptions,
} from './library';
export { MapPersistence, DEFAULT_COMPACT_EVERY, type PersistenceStatus, type PersistenceOptions } from './persistence';
export { compactMapUpdates } from './compaction';
export { mapChannelName } from './channel';
export { loadShare, ownerKeyKept, rememberOwnerKeyKept, saveShare, type OwnerKeyKept } from './shareTokens';
export {
  DEVICE_VERSION_LIMIT,
  DEVICE_NAMED_VERSION_LIMIT,
  VersionStorageError,
  listStoredVersions,
  getStoredVersion,
  getVersionSnapshot,
  putStoredVersion,
  cacheVersionSnapshot,
  deleteStoredVersions,
  mergeRelayVersions,
  thinStoredVersions,
  versionStore,
  type VersionStore,
  type ThinOptions,
} from './versions';
