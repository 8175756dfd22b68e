/**
 * Full screen for present mode. Browsers grant it only during a user's gesture (a click or a key
 * press), and some never do (iPhone Safari, kiosk and embedded views): every call here may do
 * nothing, and present mode works the same without it.
 */

export function canFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenEnabled === true && typeof document.documentElement.requestFullscreen === 'function';
}

export function isFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenElement != null;
}

/** Asks for full screen; resolves whether it was granted. Never throws. */
export async function enterFullscreen(): Promise<boolean> {
  if (!canFullscreen() || isFullscreen()) return isFullscreen();
  try {
    await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export async function exitFullscreen(): Promise<void> {
  if (!isFullscreen()) return;
  try {
    await document.exitFullscreen();
  } catch {
    // already left (the user pressed Esc at the same moment)
  }
}
