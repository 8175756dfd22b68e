import type { LaneKind } from '../../../model/laneKinds';
import { personaKey, type OpportunityFilter, type OpportunityGrouping, type OpportunityMapInput, type OpportunityRow } from '../../../model/opportunities';
import { isOpportunityStatus, type OpportunityStatus } from '../../../model/opportunityStatus';
import type { SpaceMapEntry } from '../../../model/space/types';
import type { SpaceJourney } from '../../../store/spaces';

/*
 * What the opportunity board shows, worked out without React: which maps it reads, the filter
 * the controls stand for, the choices they offer. The rows themselves come from
 * src/model/opportunities.ts.
 */

/**
 * The board's maps in the space's order (the index's), titled as the index names them (it may be
 * newer than the stored copy), with their last round's votes. Archived maps and maps this device
 * does not hold are left out.
 */
export function boardInputs(journeys: readonly SpaceJourney[], entries: readonly SpaceMapEntry[]): OpportunityMapInput[] {
  const byId = new Map(journeys.map((j) => [j.id, j]));
  return entries.flatMap((entry) => {
    const read = byId.get(entry.id);
    if (!read || entry.archived) return [];
    // no dots at all: no round ended here (or nobody voted), shown as "no round" rather than a column of zeros
    return [{ id: entry.id, title: entry.title.trim() || read.title, journey: read.journey, votes: read.votes.size > 0 ? read.votes : undefined }];
  });
}

/** The emotion scale's step for a stage's mean score (−3 … +3): its word and colour. */
export function emotionStep(score: number): -3 | -2 | -1 | 0 | 1 | 2 | 3 {
  const step = Math.max(-3, Math.min(3, Math.round(score)));
  return (step === 0 ? 0 : step) as -3 | -2 | -1 | 0 | 1 | 2 | 3;
}

/** The board's filter controls: '' is "any". */
export interface BoardFilters {
  text: string;
  kind: '' | LaneKind;
  mapId: string;
  /** a `personaKey` */
  persona: string;
  /** a status, `none` for "no status yet", or '' */
  status: string;
}

export const NO_BOARD_FILTERS: BoardFilters = { text: '', kind: '', mapId: '', persona: '', status: '' };

export function isFiltered(filters: BoardFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

export function toOpportunityFilter(filters: BoardFilters): OpportunityFilter {
  const status: (OpportunityStatus | null)[] = filters.status === 'none' ? [null] : isOpportunityStatus(filters.status) ? [filters.status] : [];
  return {
    text: filters.text,
    mapIds: filters.mapId ? [filters.mapId] : [],
    laneKinds: filters.kind ? [filters.kind] : [],
    personas: filters.persona ? [filters.persona] : [],
    statuses: status,
  };
}

export interface Choice {
  value: string;
  label: string;
}

/** The personas the rows concern, one per `personaKey` (a library persona once across maps), by name. */
export function personaChoices(rows: readonly OpportunityRow[], locale?: string): Choice[] {
  const seen = new Map<string, string>();
  for (const row of rows) for (const persona of row.personas) if (!seen.has(personaKey(persona))) seen.set(personaKey(persona), persona.name.trim());
  return sortChoices([...seen].map(([value, label]) => ({ value, label })), locale);
}

/** The maps that have rows, by title. */
export function mapChoices(rows: readonly OpportunityRow[], locale?: string): Choice[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.mapId)) seen.set(row.mapId, row.mapTitle.trim());
  return sortChoices([...seen].map(([value, label]) => ({ value, label })), locale);
}

function sortChoices(choices: Choice[], locale?: string): Choice[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return choices.sort((a, b) => collator.compare(a.label, b.label));
}

/** How the table is grouped: not at all, or by one of the model's groupings. */
export type TableGrouping = 'none' | OpportunityGrouping;

/**
 * A row's values as this device is saving them: what was chosen shows until the stored map says
 * so too (the board reads the maps again after each change), so a select does not jump back.
 */
export function withPending<T extends Pick<OpportunityRow, 'key' | 'status' | 'owner'>>(row: T, pending: ReadonlyMap<string, { status?: OpportunityStatus | null; owner?: string }>): T {
  const change = pending.get(row.key);
  if (!change) return row;
  return { ...row, ...(change.status !== undefined ? { status: change.status } : {}), ...(change.owner !== undefined ? { owner: change.owner } : {}) };
}
