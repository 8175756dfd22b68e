export { LibraryScreen, type LibraryScreenProps } from './LibraryScreen';
export { createMapInMemory, createStoredMap, drawMissingThumbnail } from './mapActions';
export { absoluteTime, foldForSearch, matchesQuery, relativeTime } from './text';
