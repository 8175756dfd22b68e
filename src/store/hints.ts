import { create } from 'zustand';
import { deviceStorage } from '../storage/deviceKeys';

/**
 * One-time hints, remembered per device (not per map: once someone knows how to pan, they know
 * it on every map). A hint is marked as seen when it is shown, so a reload does not bring it back.
 */
const MOVE_HINT_KEY = 'waymark.hint.panWithoutMoving';

interface HintsState {
  /** after the first card moved by a drag: how to pan without moving cards */
  moveHint: boolean;
}

export const useHints = create<HintsState>()(() => ({ moveHint: false }));

function seen(key: string): boolean {
  try {
    return deviceStorage()?.getItem(key) === '1';
  } catch {
    return false;
  }
}

function markSeen(key: string): void {
  try {
    deviceStorage()?.setItem(key, '1');
  } catch {
    // refused: the hint may show once more on another visit, which is harmless
  }
}

/** Shows the pan hint if this device has never shown it. */
export function showMoveHintOnce(): void {
  if (useHints.getState().moveHint || seen(MOVE_HINT_KEY)) return;
  markSeen(MOVE_HINT_KEY);
  useHints.setState({ moveHint: true });
}

export function dismissMoveHint(): void {
  useHints.setState({ moveHint: false });
}
