import { useEffect } from 'react';
import { detailMapsOfIndex, sameChoices, sameSummaries, setDetailMapChoices, useDetailMapChoices } from '../store/detailMapChoices';
import { arriveAtMap } from '../store/drillTrail';
import { useSpaces, type SpaceState } from '../store/spaces';
import { spaceHub } from './spaceHub';

/**
 * Journey hierarchy (issue 16): while the open map is in a team space this device joined, the
 * inspector's "detail map" choice offers the space's other maps (not archived, by title) and the
 * canvas shows, on a stage or card that drills down, the detailed map's title, card count and
 * emotion, all from the space's index (`src/store/detailMapChoices.ts`). Kept current as the
 * index changes (a colleague renames the detailed map, or reports new cards); null again when the
 * map closes or is in no space. It also settles the drill-down trail for the map now open
 * (`src/store/drillTrail.ts`).
 */
export function useDetailMapSource(mapId: string, ready: boolean): void {
  useEffect(() => {
    arriveAtMap(mapId);
  }, [mapId]);

  useEffect(() => {
    if (!ready) return;
    const update = (spaces: Record<string, SpaceState>) => {
      const spaceId = spaceHub()?.spaceOfMap(mapId) ?? null;
      const state = spaceId ? spaces[spaceId] : undefined;
      const current = useDetailMapChoices.getState();
      if (!spaceId || !state) {
        if (current.maps !== null) setDetailMapChoices(null);
        return;
      }
      const { choices, summaries } = detailMapsOfIndex(state.index, mapId);
      if (current.spaceId === spaceId && sameChoices(current.maps, choices) && sameSummaries(current.summaries, summaries)) return;
      setDetailMapChoices(choices, {
        spaceId,
        // keep the same table while its figures are the same, so stage headers do not re-render
        summaries: current.spaceId === spaceId && sameSummaries(current.summaries, summaries) ? current.summaries : summaries,
      });
    };
    update(useSpaces.getState().spaces);
    const off = useSpaces.subscribe((s, before) => {
      if (s.spaces !== before.spaces) update(s.spaces);
    });
    return () => {
      off();
      setDetailMapChoices(null);
    };
  }, [mapId, ready]);
}
