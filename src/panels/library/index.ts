export { LibraryScreen, type LibraryScreenProps } from './LibraryScreen';
export { createMapInMemory, createStoredMap, drawMissingThumbnail } from './mapActions';
export { foldForSearch, matchesQuery, relativeTime } from './text';
