import type { SpaceMapEntry } from '../../model/space/types';

/** The team library's filters: null for "any"; archived maps only when asked for. */
export interface SpaceFilters {
  persona: string | null;
  phase: string | null;
  tag: string | null;
  changedBy: string | null;
  archived: boolean;
}

/** No filter set: the same object, so "are any filters set" is an identity check. */
export const NO_FILTERS: SpaceFilters = Object.freeze({ persona: null, phase: null, tag: null, changedBy: null, archived: false });

/** The space's maps that pass the filters, in the index's order (most recently changed first). */
export function filterSpaceMaps(maps: readonly SpaceMapEntry[], filters: SpaceFilters): SpaceMapEntry[] {
  return maps.filter(
    (entry) =>
      (filters.archived || !entry.archived) &&
      (filters.persona === null || entry.personas.includes(filters.persona)) &&
      (filters.phase === null || entry.phases.includes(filters.phase)) &&
      (filters.tag === null || entry.tags.includes(filters.tag)) &&
      (filters.changedBy === null || entry.updatedBy === filters.changedBy),
  );
}

/** What each filter can be set to: the values the space's maps have, sorted. */
export function filterChoices(maps: readonly SpaceMapEntry[]): Record<'persona' | 'phase' | 'tag' | 'changedBy', string[]> {
  const collect = (values: (entry: SpaceMapEntry) => readonly string[]) =>
    [...new Set(maps.flatMap(values).filter((value) => value.trim() !== ''))].sort((a, b) => a.localeCompare(b));
  return {
    persona: collect((entry) => entry.personas),
    phase: collect((entry) => entry.phases),
    tag: collect((entry) => entry.tags),
    changedBy: collect((entry) => [entry.updatedBy]),
  };
}
