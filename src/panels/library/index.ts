export { LibraryScreen, type LibraryScreenProps } from './LibraryScreen';
export { drawMissingThumbnail } from './mapActions';
// creating maps from templates (./newMap) is left out on purpose: it is fetched on demand (./loadNewMap)
export { loadNewMap } from './loadNewMap';
export { absoluteTime, foldForSearch, matchesQuery, relativeTime } from './text';
