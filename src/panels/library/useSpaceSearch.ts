import { useEffect, useMemo, useRef, useState } from 'react';
import type { SpaceMapEntry } from '../../model/space/types';
import type { SpaceSearchIndex } from '../../model/space/search';
import { useSpaces } from '../../store/spaces';
import { matchesQuery } from './text';

export interface SpaceSearchResult {
  /** the maps that match (title or cards); null while nothing is searched */
  hits: ReadonlySet<string> | null;
  /** for maps matched in their cards: the matching card's words */
  cardHits: ReadonlyMap<string, string> | null;
  /** the maps' cards are still being read for the first search */
  pending: boolean;
}

const loadSpaceSearch = () => import('../../model/space/search');

/** How many hits one keystroke looks for: enough to name every map of a big space. */
const HIT_LIMIT = 2_000;

/**
 * Search over the titles and card text of every map of a space this device holds. The maps'
 * content is read once, when the first search starts, and again when the index says a map
 * changed; each keystroke then only asks the prebuilt search (src/model/space/search.ts).
 */
export function useSpaceSearch(spaceId: string, maps: readonly SpaceMapEntry[], query: string): SpaceSearchResult {
  const service = useSpaces((state) => state.service);
  const [index, setIndex] = useState<SpaceSearchIndex | null>(null);
  const searching = query.trim() !== '';
  // which version of the maps the index was built from: the ids and when each last changed
  const signature = useMemo(() => maps.map((entry) => `${entry.id}@${entry.updatedAt}`).join(','), [maps]);
  const built = useRef<string | null>(null);
  const searchModule = useRef<typeof import('../../model/space/search') | null>(null);

  useEffect(() => {
    if (!searching || !service || built.current === signature) return;
    let current = true;
    // the search (with its word folding and stemming) loads with the first search, not with the library
    void Promise.all([service.loadJourneys(spaceId), loadSpaceSearch()]).then(([journeys, search]) => {
      if (!current) return;
      built.current = signature;
      searchModule.current = search;
      setIndex(search.buildSpaceSearch(journeys));
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [searching, service, spaceId, signature]);

  return useMemo(() => {
    if (!searching) return { hits: null, cardHits: null, pending: false };
    const titleHits = new Set(maps.filter((entry) => matchesQuery(entry.title, query)).map((entry) => entry.id));
    const search = searchModule.current;
    if (!index || !search) return { hits: titleHits, cardHits: null, pending: true };
    const hits = new Set(titleHits);
    const cardHits = new Map<string, string>();
    for (const hit of search.searchSpace(index, query, HIT_LIMIT)) {
      hits.add(hit.mapId);
      if (hit.cardId !== null && !titleHits.has(hit.mapId) && !cardHits.has(hit.mapId)) cardHits.set(hit.mapId, hit.snippet.text);
    }
    return { hits, cardHits, pending: false };
  }, [searching, maps, query, index]);
}
