import type * as Y from 'yjs';
import { foldText } from './cardFilter';
import { stageEmotionScores } from './emotionCurve';
import { tracksStatus } from './laneKindLookup';
import type { LaneKind } from './laneKinds';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from './opportunityStatus';
import { defaultPhaseName, shownPhaseName } from './phaseNames';
import { isDefaultPhaseId, phaseShownFor } from './phases';
import type { Journey, Phase, VoteRound } from './types';
import { countedDots, readRounds } from './votes';

/*
 * The opportunity board (issue 16): every pain point and opportunity of every map of a space in
 * one table — the cards in lanes whose kind tracks a status (laneKinds.ts, `tracksStatus`) — with
 * the map, the stage and its phase, the emotion the team scored at that stage (the emotion
 * curve's rule, emotionCurve.ts), the dots of the map's last vote round, the card's status and
 * owner, and the personas it concerns. Pure functions of the maps given: the app reads the maps
 * (and their feedback docs for the votes) and hands them in; sorting, filtering and grouping
 * work on the rows without going back to the maps.
 */

export interface OpportunityMapInput {
  id: string;
  /** the title to show (the space index's, which may be newer than the journey's) */
  title: string;
  journey: Journey;
  /** counted dots per card id of the map's last round (`lastRoundVotes`); leave out when unknown */
  votes?: ReadonlyMap<string, number>;
}

/** A persona a row concerns: the card's own personas, else every persona of the map. */
export interface OpportunityPersona {
  id: string;
  name: string;
  /** the space library persona it follows (ops/libraryPersonas.ts), or null */
  libraryId: string | null;
}

export interface OpportunityRow {
  /** `${mapId}/${cardId}`: unique across the board */
  key: string;
  mapId: string;
  mapTitle: string;
  cardId: string;
  cardTitle: string;
  laneId: string;
  laneKind: LaneKind;
  stageId: string;
  stageName: string;
  /** the stage's place among the map's stages, from 0 */
  stageIndex: number;
  phaseId: string;
  /** the phase's name as shown (`phaseName` of the options; by default a default phase's name in the map's language) */
  phaseName: string;
  /** the card's place in its map, from 0: the map's own reading order */
  cardIndex: number;
  /** the stage's emotion-curve score (−3 … +3, one decimal), or null when no feeling was scored there */
  emotion: number | null;
  /** the card's dots in the map's last round; null when the map's votes were not given */
  votes: number | null;
  status: OpportunityStatus | null;
  owner: string;
  /** the card's personas if it names any, else the map's (`personasFromMap` says which) */
  personas: OpportunityPersona[];
  personasFromMap: boolean;
  /** the map the card drills down to, or null */
  detailMapId: string | null;
  /** folded (case and accents) title, owner, tags, map, stage and persona names, for `filterRows` */
  search: string;
}

export interface OpportunityRowOptions {
  /** the name to show for a phase (the reader's language for a default phase never renamed, see phaseNames.ts) */
  phaseName?: (phase: Phase, journey: Journey) => string;
}

const defaultPhaseLabel = (phase: Phase, journey: Journey): string =>
  shownPhaseName(phase, isDefaultPhaseId(phase.id) ? defaultPhaseName(phase.id, journey.locale) : '');

/** One row per card in a status-tracking lane (pains, opportunities), map by map, each map in its reading order. */
export function opportunityRows(maps: readonly OpportunityMapInput[], options: OpportunityRowOptions = {}): OpportunityRow[] {
  const phaseName = options.phaseName ?? defaultPhaseLabel;
  const rows: OpportunityRow[] = [];
  for (const map of maps) {
    const { journey } = map;
    const tracked = new Map<string, LaneKind>();
    const emotionLanes = new Set<string>();
    for (const lane of journey.lanes) {
      if (tracksStatus(lane.kind)) tracked.set(lane.id, lane.kind);
      if (lane.kind === 'emotions') emotionLanes.add(lane.id);
    }
    if (tracked.size === 0) continue;
    const scores = stageEmotionScores(journey.cards, emotionLanes);
    const phaseNames = new Map(journey.phases.map((p) => [p.id, phaseName(p, journey)]));
    const stages = new Map(journey.stages.map((s, i) => [s.id, { stage: s, index: i, phase: phaseShownFor(s.phase, journey.phases) }]));
    const personaById = new Map(journey.personas.map((p) => [p.id, { id: p.id, name: p.name, libraryId: p.libraryId }]));
    const mapPersonas = [...personaById.values()];
    const mapPersonaText = mapPersonas.map((p) => p.name).join('\n');
    const mapText = `${map.title}\n`;
    journey.cards.forEach((card, cardIndex) => {
      const laneKind = tracked.get(card.laneId);
      const place = stages.get(card.stageId);
      if (laneKind === undefined || place === undefined) return;
      const own = card.personaIds.flatMap((id) => personaById.get(id) ?? []);
      const personas = own.length > 0 ? own : mapPersonas;
      rows.push({
        key: `${map.id}/${card.id}`,
        mapId: map.id,
        mapTitle: map.title,
        cardId: card.id,
        cardTitle: card.title,
        laneId: card.laneId,
        laneKind,
        stageId: card.stageId,
        stageName: place.stage.name,
        stageIndex: place.index,
        phaseId: place.phase.id,
        phaseName: phaseNames.get(place.phase.id) ?? '',
        cardIndex,
        emotion: scores.get(card.stageId) ?? null,
        votes: map.votes ? (map.votes.get(card.id) ?? 0) : null,
        status: card.status,
        owner: card.owner,
        personas,
        personasFromMap: own.length === 0,
        detailMapId: card.detailMapId,
        search: foldText(
          `${card.title}\n${card.owner}\n${card.tags.join('\n')}\n${mapText}${place.stage.name}\n${own.length > 0 ? own.map((p) => p.name).join('\n') : mapPersonaText}`,
        ),
      });
    });
  }
  return rows;
}

// ---------- sorting ----------

export const OPPORTUNITY_SORT_KEYS = ['map', 'stage', 'title', 'kind', 'emotion', 'votes', 'status', 'owner'] as const;
export type OpportunitySortKey = (typeof OPPORTUNITY_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

const STATUS_RANK = new Map<OpportunityStatus, number>(OPPORTUNITY_STATUSES.map((s, i) => [s, i]));

/**
 * The rows in a new array, sorted by `key`: text by the reader's collation (numbers in names in
 * their order), status in its order (idea … done), stage in the map's column order. What has no
 * value — no status, no owner, no feeling scored, votes unknown — comes last either way. Ties
 * keep the board's reading order (map, then the card's place in it), so a sort is stable and the
 * same on every device.
 */
export function sortRows(rows: readonly OpportunityRow[], key: OpportunitySortKey, direction: SortDirection = 'asc', locale?: string): OpportunityRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'asc' ? 1 : -1;
  const mapRank = new Map<string, number>();
  for (const row of rows) if (!mapRank.has(row.mapId)) mapRank.set(row.mapId, mapRank.size);
  const reading = (a: OpportunityRow, b: OpportunityRow) => mapRank.get(a.mapId)! - mapRank.get(b.mapId)! || a.cardIndex - b.cardIndex;
  /** the sort value, or null for "none" (last either way) */
  const value = (row: OpportunityRow): string | number | null => {
    switch (key) {
      case 'map':
        return row.mapTitle;
      case 'stage':
        return row.stageIndex;
      case 'title':
        return row.cardTitle;
      case 'kind':
        return row.laneKind;
      case 'emotion':
        return row.emotion;
      case 'votes':
        return row.votes;
      case 'status':
        return row.status === null ? null : STATUS_RANK.get(row.status)!;
      case 'owner':
        return row.owner.trim() === '' ? null : row.owner;
    }
  };
  const keyed = rows.map((row) => ({ row, value: value(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? reading(a.row, b.row) : a.value === null ? 1 : -1;
    const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    // the same map title from two maps: keep the maps apart, in the board's order
    return sign * order || (key === 'map' ? mapRank.get(a.row.mapId)! - mapRank.get(b.row.mapId)! : 0) || reading(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

// ---------- filtering ----------

/** What the board shows. Every part narrows; an empty list or text means "any". */
export interface OpportunityFilter {
  /** words looked for in the title, owner, tags, map, stage and persona names; each must appear */
  text?: string;
  mapIds?: readonly string[];
  laneKinds?: readonly LaneKind[];
  /** null stands for "no status yet" */
  statuses?: readonly (OpportunityStatus | null)[];
  /** exact owners as typed (case and spaces aside); '' stands for "nobody" */
  owners?: readonly string[];
  /** persona keys (`personaKey`): the row concerns at least one of them */
  personas?: readonly string[];
  /** phase names as shown (case aside) */
  phases?: readonly string[];
}

const ownerKey = (owner: string) => owner.trim().toLocaleLowerCase();

/**
 * A persona's key on the board: the library persona it follows, so the same persona in ten maps
 * is one, else its name (case and accents aside).
 */
export function personaKey(persona: Pick<OpportunityPersona, 'name' | 'libraryId'>): string {
  return persona.libraryId !== null ? `library:${persona.libraryId}` : `name:${foldText(persona.name.trim())}`;
}

/** The rows that pass every part of the filter, in their order. */
export function filterRows(rows: readonly OpportunityRow[], filter: OpportunityFilter): OpportunityRow[] {
  const words = foldText(filter.text ?? '').split(/\s+/).filter((w) => w !== '');
  const maps = filter.mapIds?.length ? new Set(filter.mapIds) : null;
  const kinds = filter.laneKinds?.length ? new Set<LaneKind>(filter.laneKinds) : null;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  const owners = filter.owners?.length ? new Set(filter.owners.map(ownerKey)) : null;
  const personas = filter.personas?.length ? new Set(filter.personas) : null;
  const phases = filter.phases?.length ? new Set(filter.phases.map((p) => p.trim().toLocaleLowerCase())) : null;
  return rows.filter(
    (row) =>
      (!maps || maps.has(row.mapId)) &&
      (!kinds || kinds.has(row.laneKind)) &&
      (!statuses || statuses.has(row.status)) &&
      (!owners || owners.has(ownerKey(row.owner))) &&
      (!phases || phases.has(row.phaseName.trim().toLocaleLowerCase())) &&
      (!personas || row.personas.some((p) => personas.has(personaKey(p)))) &&
      words.every((w) => row.search.includes(w)),
  );
}

// ---------- grouping ----------

export const OPPORTUNITY_GROUPINGS = ['map', 'stage', 'persona', 'status'] as const;
export type OpportunityGrouping = (typeof OPPORTUNITY_GROUPINGS)[number];

export interface OpportunityGroup {
  /**
   * map: the map id; stage: `stage:` and the folded stage name (one group for "Checkout" in
   * every map); persona: `personaKey`; status: the status, or `none`. '' for the rows no persona
   * concerns.
   */
  key: string;
  /** the map's title, the stage's or persona's name as first met; '' for a status (the UI names it) and for "no persona" */
  label: string;
  rows: OpportunityRow[];
}

/** The group key of "no status yet". */
export const NO_STATUS_GROUP = 'none';

/**
 * The rows in groups, each group's rows in the order given (sort first, then group). Groups come
 * in the order their first row does; by status, every status has a group, "no status yet" first
 * (the cards nobody triaged), then idea … done, so a board's columns stand still. A row concerns
 * one or more personas and is in each of their groups; rows no persona concerns come last.
 */
export function groupRows(rows: readonly OpportunityRow[], by: OpportunityGrouping): OpportunityGroup[] {
  const groups = new Map<string, OpportunityGroup>();
  const add = (key: string, label: string, row: OpportunityRow) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, rows: [] }));
    group.rows.push(row);
  };
  if (by === 'status') for (const key of [NO_STATUS_GROUP, ...OPPORTUNITY_STATUSES]) groups.set(key, { key, label: '', rows: [] });
  for (const row of rows) {
    switch (by) {
      case 'map':
        add(row.mapId, row.mapTitle, row);
        break;
      case 'stage':
        add(`stage:${foldText(row.stageName.trim())}`, row.stageName.trim(), row);
        break;
      case 'status':
        add(row.status ?? NO_STATUS_GROUP, '', row);
        break;
      case 'persona': {
        if (row.personas.length === 0) break;
        const seen = new Set<string>();
        for (const persona of row.personas) {
          const key = personaKey(persona);
          if (seen.has(key)) continue;
          seen.add(key);
          add(key, persona.name, row);
        }
        break;
      }
    }
  }
  if (by === 'persona') {
    const nobody = rows.filter((row) => row.personas.length === 0);
    if (nobody.length > 0) groups.set('', { key: '', label: '', rows: nobody });
  }
  return [...groups.values()];
}

// ---------- votes ----------

/** The most recent round that has ended (closed or revealed), or null: the board's "last round". */
export function lastEndedRound(feedback: Y.Doc): VoteRound | null {
  const rounds = readRounds(feedback);
  for (let i = rounds.length - 1; i >= 0; i--) if (rounds[i]!.status !== 'open') return rounds[i]!;
  return null;
}

/**
 * The counted dots per card of the map's most recent ended round (as the exports count them:
 * per voter only the first votesPerPerson). A round still open is left out — its dots are still
 * moving, and a facilitator running it may be keeping them from the room — so the board shows
 * the round before it. Empty when no round has ended.
 */
export function lastRoundVotes(feedback: Y.Doc): Map<string, number> {
  const votes = new Map<string, number>();
  const round = lastEndedRound(feedback);
  if (!round) return votes;
  for (const dot of countedDots(feedback, round.id)) votes.set(dot.cardId, (votes.get(dot.cardId) ?? 0) + 1);
  return votes;
}
