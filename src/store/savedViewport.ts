import { deviceStorage, VIEWPORT_KEY_PREFIX } from '../storage/deviceKeys';
import { storedObject } from './storedObject';

/**
 * Where this device last looked at a map: `{ x, y, zoom }` in localStorage under
 * `waymark.viewport.<mapId>`. It is a view, not content, so it never goes into the Y.Doc and
 * never reaches a peer; storage that is missing, refused or holding garbage only means the map
 * opens fitted again.
 */
export interface SavedViewport {
  x: number;
  y: number;
  zoom: number;
}

/** A stored value read back: finite numbers and a positive zoom; anything else is null, never thrown. */
export function parseViewport(raw: string | null | undefined): SavedViewport | null {
  const value = storedObject(raw);
  if (!value) return null;
  const { x, y, zoom } = value;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return null;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(zoom) || zoom <= 0) return null;
  // a view millions of pixels away from any map is as good as none
  if (Math.abs(x) > 1e7 || Math.abs(y) > 1e7) return null;
  return { x, y, zoom };
}

export function readSavedViewport(mapId: string): SavedViewport | null {
  try {
    return parseViewport(deviceStorage()?.getItem(VIEWPORT_KEY_PREFIX + mapId));
  } catch {
    return null;
  }
}

export function saveViewport(mapId: string, viewport: SavedViewport): void {
  try {
    // exact numbers: a rounded zoom would come back a hair off and shift the map by a pixel
    deviceStorage()?.setItem(VIEWPORT_KEY_PREFIX + mapId, JSON.stringify({ x: viewport.x, y: viewport.y, zoom: viewport.zoom }));
  } catch {
    // full or refused: the view is still where it is for this visit
  }
}
