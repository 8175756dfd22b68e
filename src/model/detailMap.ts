import { isWellFormedId, readIdOrNull } from './ids';

/**
 * Drill-down (issue 16, journey hierarchy): a stage or a card may name another map of the space
 * that holds its detailed sub-journey, by that map's id (`Stage.detailMapId`, the card field
 * `detailMapId`). A map id follows `isMapId` (src/access/mapId.ts); the model may not import
 * src/access, so it is checked with the same rule from ids.ts (`isWellFormedId`), which
 * tests/unit/drill-down.test.ts holds to `isMapId`. The file schema checks it with `idSchema`
 * (src/schema/v1.ts). Whether the map is in the space is the app's question, not the doc's: a
 * link to a map that left the space, or that this device cannot open, stays and says so.
 */
export const isDetailMapId: (value: unknown) => value is string = isWellFormedId;

/** A detail map id from whatever a peer wrote: the id, or null for anything that cannot name a map. */
export const readDetailMapId: (value: unknown) => string | null = readIdOrNull;

/** One drill-down of a map: a stage or a card and the map it opens. */
export interface DetailMapLink {
  kind: 'stage' | 'card';
  /** the stage's or the card's id */
  id: string;
  /** the stage the link sits in (for a stage, its own id) */
  stageId: string;
  mapId: string;
}

/** Every drill-down of a journey, stages first in column order, then cards in map order. */
export function detailMapLinks(journey: { stages: readonly { id: string; detailMapId: string | null }[]; cards: readonly { id: string; stageId: string; detailMapId: string | null }[] }): DetailMapLink[] {
  const links: DetailMapLink[] = [];
  for (const stage of journey.stages) if (stage.detailMapId !== null) links.push({ kind: 'stage', id: stage.id, stageId: stage.id, mapId: stage.detailMapId });
  for (const card of journey.cards) if (card.detailMapId !== null) links.push({ kind: 'card', id: card.id, stageId: card.stageId, mapId: card.detailMapId });
  return links;
}
