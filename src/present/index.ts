/**
 * What other UI folders may use of present mode without loading it: going full screen (the
 * "present" action asks before the presentation opens).
 */
export { enterFullscreen } from './fullscreen';
