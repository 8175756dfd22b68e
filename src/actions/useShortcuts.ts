import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { buildActionContext, execute } from './context';
import { actionForKey, keyOriginOf } from './dispatch';
import { isMacPlatform } from './shortcuts';

export interface UseShortcutsOptions {
  /** leaves the editor for another route; default: the navigator set with setActionNavigator */
  navigate?: (path: string) => void;
  /** false pauses the shortcuts (e.g. in presentation mode); default true */
  enabled?: boolean;
}

/**
 * Installs the editor's keyboard shortcuts: one keydown listener on window that runs the first
 * enabled action whose shortcut matches. Keys a component already handled (defaultPrevented),
 * keys typed while composing (IME), text-editing keys inside fields and keys inside dialogs and
 * menus are left alone.
 */
export function useShortcuts(options: UseShortcutsOptions = {}): void {
  const { t } = useTranslation();
  const latest = useRef({ t, navigate: options.navigate });
  latest.current = { t, navigate: options.navigate };
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.keyCode === 229) return;
      const { t: translate, navigate } = latest.current;
      const ctx = buildActionContext({ t: translate, navigate });
      const action = actionForKey(event, ctx, keyOriginOf(event.target), isMac);
      if (!action || !ctx) return;
      event.preventDefault();
      event.stopPropagation();
      execute(action, ctx);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
