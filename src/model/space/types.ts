/**
 * A space's index document (issue 16): a Y.Doc of its own, synced through the relay in the
 * space's room and kept on every member's device, so a colleague's new map or rename shows up
 * everywhere within a second and offline changes merge. It holds what the team library lists
 * without opening each map, and the space's persona library.
 *
 * Top-level shared types (src/model/space/doc.ts reads and writes them):
 * - `meta`: Y.Map — `name` (string)
 * - `maps`: Y.Map<mapId, Y.Map> — one `SpaceMapEntry` per map (without `id`, which is its key)
 * - `personas`: Y.Map<personaId, Y.Map> — one `LibraryPersona` per persona (without `id`)
 *
 * Which maps a space token opens is the relay's own record, never this document (members with
 * edit rights write it); an entry here without a relay listing is shown as "not in the space".
 */

export interface SpaceMapEntry {
  id: string;
  title: string;
  /** ms since the epoch of the last change someone reported to the index */
  updatedAt: number;
  /** the display name of who changed it last ('' when unknown) */
  updatedBy: string;
  /** ms since the epoch the map joined the index */
  createdAt: number;
  /** a small SVG drawn from the journey (src/export thumbnails), '' until one was drawn; at most SPACE_LIMITS.thumbnailChars */
  thumbnail: string;
  /** the names of the map's personas, for the library's persona filter */
  personas: string[];
  /** the map's phase names, in order, for the library's phase filter */
  phases: string[];
  /** the team's labels for the map, set in the library */
  tags: string[];
  archived: boolean;
  /** counts shown on the map's tile */
  stageCount: number;
  cardCount: number;
  /**
   * How the map's journey feels overall (journey hierarchy: a high-level map's stage shows it for
   * the detailed map it drills down to): the mean of its stages' emotion scores
   * (emotionCurve.ts, `stageEmotionScores`), −3…+3 to one decimal; null while no stage is scored.
   */
  emotion: number | null;
}

/** A persona of the space's library, used by any map of the space (a map's persona names it by `libraryId`). */
export interface LibraryPersona {
  id: string;
  name: string;
  role: string;
  age: string;
  quote: string;
  goals: string[];
  frustrations: string[];
  color: string;
  /** fractional index: the library's order */
  order: string;
}

export interface SpaceIndex {
  name: string;
  /** most recently updated first */
  maps: SpaceMapEntry[];
  /** in library order */
  personas: LibraryPersona[];
}

/** Bounds on what one peer can put into a space's index (enforced by the ops, checked again on read). */
export const SPACE_LIMITS = {
  name: 120,
  mapTitle: 200,
  thumbnailChars: 24_000,
  tags: 20,
  tag: 40,
  personasPerMap: 50,
  phasesPerMap: 50,
  maps: 2_000,
  libraryPersonas: 200,
  /** who changed a map last, as shown on its tile (as LIMITS.author) */
  updatedBy: 200,
  /** one persona or phase name in a map's entry (as LIMITS.name) */
  entryName: 200,
} as const;
