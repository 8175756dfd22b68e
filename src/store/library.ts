/**
 * The map library as the UI may use it: whole-map operations (list, create, duplicate, rename,
 * delete with undo, purge) and how a storage failure is named. The UI imports storage only
 * through here, so it cannot reach the tables themselves: a map leaves the device only by
 * storage's own purge, which takes everything stored for it (src/storage/library.ts).
 */
export {
  classifyStorageError,
  duplicateMap,
  listMaps,
  loadMapDoc,
  markDeleted,
  purgeDeleted,
  purgeMap,
  renameMap,
  restoreMap,
  saveNewMap,
  updateMapEntry,
  type MapEntry,
  type StorageProblem,
  type WaymarkDB,
} from '../storage';
