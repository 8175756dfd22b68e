import { useEffect, useRef } from 'react';
import { useEditor } from '../store/editorStore';

const KEY = 'waymark.sidePanelHidden';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    // storage can be refused (private mode, policy): the panel then opens as usual
    return false;
  }
}

function write(hidden: boolean): void {
  try {
    if (hidden) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // not remembered, but hiding still works for this visit
  }
}

/**
 * Whether the side panel is hidden is a choice about this device's screen (a laptop wants the
 * canvas room, a big monitor does not), so it is remembered here, not in the map.
 */
export function useRememberedPanelVisibility(): void {
  const panel = useEditor((s) => s.panel);
  const restored = useRef(false);
  useEffect(() => {
    if (!restored.current) {
      restored.current = true;
      if (read()) {
        useEditor.getState().setPanel(null);
        return;
      }
    }
    write(panel === null);
  }, [panel]);
}
