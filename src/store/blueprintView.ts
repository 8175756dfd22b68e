import { BLUEPRINT_HIDDEN_KEY_PREFIX, deviceStorage } from '../storage/deviceKeys';

/**
 * Whether this device hides a map's blueprint lanes (the "blueprint view" off). A way of looking
 * at the map, like the persona header, so never in the map; but per map, as a blueprint is read
 * with its lanes on one map and a plain journey without them on the next.
 */

export function readBlueprintHidden(mapId: string): boolean {
  try {
    return deviceStorage()?.getItem(BLUEPRINT_HIDDEN_KEY_PREFIX + mapId) === '1';
  } catch {
    // storage refused: the lanes show, as by default
    return false;
  }
}

export function rememberBlueprintHidden(mapId: string, hidden: boolean): void {
  try {
    if (hidden) deviceStorage()?.setItem(BLUEPRINT_HIDDEN_KEY_PREFIX + mapId, '1');
    else deviceStorage()?.removeItem(BLUEPRINT_HIDDEN_KEY_PREFIX + mapId);
  } catch {
    // not remembered, but hidden for this visit
  }
}
