import { create } from 'zustand';

/**
 * The maps a stage or card of the open map may drill down to (issue 16, journey hierarchy): the
 * other maps of the open map's team space, by id and title. The app fills it when a map of a
 * space opens and keeps it current as the space's index changes; `maps` is null while the open
 * map is in no space (a map of this device only, a guest link), and the inspector then offers
 * no drill-down — it still shows a link a map already has, and lets it be removed.
 */
export interface DetailMapChoice {
  id: string;
  title: string;
}

interface DetailMapChoicesState {
  maps: readonly DetailMapChoice[] | null;
}

export const useDetailMapChoices = create<DetailMapChoicesState>()(() => ({ maps: null }));

/** What the app calls when a map of a space opens or the space's index changes; null when the open map is in no space. */
export function setDetailMapChoices(maps: readonly DetailMapChoice[] | null): void {
  useDetailMapChoices.setState({ maps });
}
