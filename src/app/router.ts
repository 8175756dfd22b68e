import { useSyncExternalStore } from 'react';
import { parseMapPath, parseSpacePath } from '../access/routes';

/**
 * The app's places: the map library (this device's, or a team space's), a map in the editor, and a map presented.
 * Paths, not hashes: the URL fragment is reserved for share tokens, which must never reach a
 * server log.
 */
export type Route =
  | { name: 'library' }
  /** a team space's library (issue 16); a link to it carries its token in the fragment */
  | { name: 'space'; spaceId: string }
  | { name: 'map'; mapId: string }
  | { name: 'present'; mapId: string }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'library' };
  const space = parseSpacePath(pathname);
  if (space) return { name: 'space', spaceId: space.spaceId };
  const map = parseMapPath(pathname);
  if (!map) return { name: 'notFound' };
  return { name: map.present ? 'present' : 'map', mapId: map.mapId };
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => location.pathname);
  return parseRoute(pathname);
}
