import { blueprintLines, isBlueprintKind, type BlueprintLine } from './blueprint';
import { GRID, type JourneyLayout } from './layout';
import type { Card, Journey, Lane, Link } from './types';

/**
 * How the editor and present mode read a map as a service blueprint: which lanes are its rows,
 * where its lines run in a layout, and which links tie a staff card to the customer's card it
 * serves (the blueprint's vertical reading). Plain functions over a journey; blueprint.ts says
 * where the lines belong, this file says where that is on screen.
 */

/** The ids of the lanes that are blueprint rows (evidence, frontstage, backstage, support). */
export function blueprintLaneIds(journey: Pick<Journey, 'lanes'>): Set<string> {
  return new Set(journey.lanes.filter((l) => isBlueprintKind(l.kind)).map((l) => l.id));
}

/** The journey without its blueprint lanes and their cards: the blueprint view off, in present mode. */
export function withoutBlueprint(journey: Journey): Journey {
  const hidden = blueprintLaneIds(journey);
  if (hidden.size === 0) return journey;
  return { ...journey, lanes: journey.lanes.filter((l) => !hidden.has(l.id)), cards: journey.cards.filter((c) => !hidden.has(c.laneId)) };
}

export interface BlueprintRule {
  line: BlueprintLine;
  /** the y of the boundary between the two lanes, in layout coordinates */
  y: number;
  aboveLaneId: string;
  belowLaneId: string;
}

/**
 * The lines as a layout shows them: at the top edge of the lane they run over. Only the lanes
 * the layout has rows for count (a hidden lane draws no line), collapsed ones included, so the
 * lines follow reordering, collapsing and hiding.
 */
export function blueprintRules(journey: Pick<Journey, 'lanes'>, layout: Pick<JourneyLayout, 'lanes'>): BlueprintRule[] {
  const kinds = new Map(journey.lanes.map((l) => [l.id, l.kind]));
  const shown = layout.lanes.flatMap((row) => {
    const kind = kinds.get(row.id);
    return kind ? [{ id: row.id, kind, y: row.y }] : [];
  });
  const top = new Map(shown.map((l) => [l.id, l.y]));
  return blueprintLines(shown).map((place) => ({ ...place, y: top.get(place.belowLaneId)! }));
}

/** Whether a lane is on the customer's side of the line of interaction (not evidence either). */
function customerSide(lane: Lane): boolean {
  return !isBlueprintKind(lane.kind);
}

/**
 * A "serves" link: between a blueprint card and a customer-side card of the same stage, in
 * either direction. The canvas draws these as short connectors beside the column.
 */
export function isServesLink(link: Link, cards: ReadonlyMap<string, Card>, lanes: ReadonlyMap<string, Lane>): boolean {
  const from = cards.get(link.fromCardId);
  const to = cards.get(link.toCardId);
  if (!from || !to || from.stageId !== to.stageId) return false;
  const fromLane = lanes.get(from.laneId);
  const toLane = lanes.get(to.laneId);
  if (!fromLane || !toLane) return false;
  return isBlueprintKind(fromLane.kind) !== isBlueprintKind(toLane.kind);
}

/**
 * Where each serves connector runs: in the gutter right of its column (two cell paddings wide),
 * the first a little way in and each further one of the same stage a step beside it, wrapping
 * when the gutter is full. By link order, so the canvas and every export put a connector in the
 * same place. `rightEdge` is the farther right edge of the two cards.
 */
const SERVES_GUTTER_START = 5;
const SERVES_GUTTER_STEP = 4;
const SERVES_SLOTS = Math.floor((2 * GRID.cellPadding - SERVES_GUTTER_START) / SERVES_GUTTER_STEP);

export function servesGutterX(rightEdge: number, slot: number): number {
  return rightEdge + SERVES_GUTTER_START + (slot % SERVES_SLOTS) * SERVES_GUTTER_STEP;
}

/** Each serves link's slot in its stage's gutter (other links have none), in link order. */
export function servesSlots(journey: Pick<Journey, 'links' | 'cards' | 'lanes'>): Map<string, number> {
  const cards = new Map(journey.cards.map((c) => [c.id, c]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const perStage = new Map<string, number>();
  const slots = new Map<string, number>();
  for (const link of journey.links) {
    if (!isServesLink(link, cards, lanes)) continue;
    const stageId = cards.get(link.fromCardId)!.stageId;
    const slot = perStage.get(stageId) ?? 0;
    perStage.set(stageId, slot + 1);
    slots.set(link.id, slot);
  }
  return slots;
}

/**
 * The customer's cards a blueprint card can serve: those of the customer-side lanes in its
 * stage, the actions lanes' first (what a blueprint's staff row answers), then the others, each
 * in map order. Empty for a card that is not on a blueprint row.
 */
export function servesCandidates(journey: Journey, card: Card): Card[] {
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const own = lanes.get(card.laneId);
  if (!own || !isBlueprintKind(own.kind)) return [];
  const laneOrder = new Map(journey.lanes.map((l, i) => [l.id, i]));
  const rank = (c: Card) => (lanes.get(c.laneId)!.kind === 'actions' ? 0 : 1);
  return journey.cards
    .filter((c) => c.stageId === card.stageId && lanes.has(c.laneId) && customerSide(lanes.get(c.laneId)!))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || laneOrder.get(a.c.laneId)! - laneOrder.get(b.c.laneId)! || a.i - b.i)
    .map(({ c }) => c);
}

/** The link between two cards, whichever way it runs, or undefined. */
export function linkBetween(links: readonly Link[], a: string, b: string): Link | undefined {
  return links.find((l) => (l.fromCardId === a && l.toCardId === b) || (l.fromCardId === b && l.toCardId === a));
}

/** The cards linked to any of these cards (either direction), without the cards themselves. */
export function linkedCardIds(links: readonly Link[], ids: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (ids.size === 0) return out;
  for (const l of links) {
    if (ids.has(l.fromCardId) && !ids.has(l.toCardId)) out.add(l.toCardId);
    if (ids.has(l.toCardId) && !ids.has(l.fromCardId)) out.add(l.fromCardId);
  }
  return out;
}
