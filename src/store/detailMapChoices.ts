import { create } from 'zustand';
import type { SpaceIndex } from '../model/space/types';

/**
 * The maps a stage or card of the open map may drill down to (issue 16, journey hierarchy): the
 * other maps of the open map's team space, by id and title. The app fills it when a map of a
 * space opens and keeps it current as the space's index changes (src/app/useDetailMapChoices.ts);
 * `maps` is null while the open map is in no space (a map of this device only, a guest link),
 * and the inspector then offers no drill-down — it still shows a link a map already has, and
 * lets it be removed.
 *
 * Beside the choices it keeps what the canvas shows on a stage or card that drills down: every
 * map of the space as its index entry says (title, counts, overall emotion; archived ones too,
 * since a link to an archived map still opens it), and the space's id, so the drill-down action
 * opens the map with the space's rights.
 */
export interface DetailMapChoice {
  id: string;
  title: string;
}

/** A map of the open map's space as its stage header shows it (from the space's index entry). */
export interface DetailMapSummary {
  id: string;
  title: string;
  stageCount: number;
  cardCount: number;
  /** mean of the map's stage scores, −3…+3; null when none is scored */
  emotion: number | null;
  archived: boolean;
}

interface DetailMapChoicesState {
  maps: readonly DetailMapChoice[] | null;
  /** the open map's space; null when it is in none */
  spaceId: string | null;
  /** every map of that space by id (the open one too) */
  summaries: ReadonlyMap<string, DetailMapSummary>;
}

const NONE: ReadonlyMap<string, DetailMapSummary> = new Map();

export const useDetailMapChoices = create<DetailMapChoicesState>()(() => ({ maps: null, spaceId: null, summaries: NONE }));

/**
 * What the app calls when a map of a space opens or the space's index changes; null when the open
 * map is in no space. `space` carries the space's id and its maps' figures (left out: none known).
 */
export function setDetailMapChoices(maps: readonly DetailMapChoice[] | null, space?: { spaceId: string; summaries: ReadonlyMap<string, DetailMapSummary> }): void {
  useDetailMapChoices.setState({ maps, spaceId: maps === null ? null : (space?.spaceId ?? null), summaries: maps === null ? NONE : (space?.summaries ?? NONE) });
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The choices and figures for a map open in a space, from the space's index: the choices are the
 * space's other maps that are not archived, by title (the same title by id, so every device lists
 * the same order); the figures cover every map of the index.
 */
export function detailMapsOfIndex(index: Pick<SpaceIndex, 'maps'>, openMapId: string): { choices: DetailMapChoice[]; summaries: Map<string, DetailMapSummary> } {
  const summaries = new Map<string, DetailMapSummary>();
  for (const entry of index.maps) {
    summaries.set(entry.id, { id: entry.id, title: entry.title, stageCount: entry.stageCount, cardCount: entry.cardCount, emotion: entry.emotion, archived: entry.archived });
  }
  const choices = index.maps
    .filter((entry) => entry.id !== openMapId && !entry.archived)
    .map((entry) => ({ id: entry.id, title: entry.title }))
    .sort((a, b) => byTitle.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { choices, summaries };
}

/** Whether two summary tables say the same (so an index change elsewhere does not re-render every stage header). */
export function sameSummaries(a: ReadonlyMap<string, DetailMapSummary>, b: ReadonlyMap<string, DetailMapSummary>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || x.title !== y.title || x.stageCount !== y.stageCount || x.cardCount !== y.cardCount || x.emotion !== y.emotion || x.archived !== y.archived) return false;
  }
  return true;
}

/** Whether two choice lists say the same. */
export function sameChoices(a: readonly DetailMapChoice[] | null, b: readonly DetailMapChoice[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.title === b[i]!.title);
}
