/**
 * Version history in the editor (issue 15). What the first load needs: the preview banner over
 * the canvas and the inspector while comparing. The history panel and the name and restore
 * dialogs are fetched on demand (src/app/parts.ts imports them from their files). What shows on
 * the canvas (the version, or now with ghosts and marks) comes from src/store/versionPreview.ts.
 */
export { VersionPreviewBanner } from './PreviewBanner';
export { CompareInspector } from './CompareInspector';
export { versionName } from './versionText';
