import { defaultCard } from '../../model/cardRecord';
import { newId, newMapId } from '../../model/ids';
import { laneKindDescriptor, laneKindFromWords } from '../../model/laneKindLookup';
import { BLUEPRINT_PARTS, FALLBACK_LANE_KIND, type BlueprintPart, type LaneKind } from '../../model/laneKinds';
import { LIMITS } from '../../model/limits';
import { ordersAfter } from '../../model/order';
import { defaultPhases } from '../../model/phases';
import { DEFAULT_PHASE_IDS, EMOTION_MAX, type Card, type Journey, type Lane, type Link, type Locale, type Persona, type Phase, type Stage } from '../../model/types';
import { issue } from '../../schema/issues';
import { evidenceSchema } from '../../schema/v4';
import type { EvidenceItem } from '../../model/evidence';
import { finish, type ImportOptions, type ImportOutcome } from '../importOutcome';
import { DETAILS_MARKER, detailLine, withLines, type Detail } from './details';
import { entryExtension, laneExtension, nodeExtension, readExtension, rootExtension, stageExtension } from './extension';
import type { OjfEntry, OjfMap, OjfNode } from './read';
import { blueprintLaneName, guessLocale } from './words';

/**
 * An OpenJourney map (as read.ts reads it) as a new journey. Every node becomes a card in its
 * stage and the lane made from its swimlane (the swimlane's name picks the lane kind, in English
 * or German); a score (−5…+5) becomes the emotion (−3…+3) and stays on the card as the tag
 * `ojf:score=N`; each blueprint entry becomes a card in the blueprint lane of its part (one of the
 * map's, else one made for it), in the node's stage, with its actor, linked to the node's card:
 * the customer action it serves. What Waymark has no field for is written below the card's own
 * text as details (details.ts), so nothing is dropped and the export can give it back.
 */

/** A swimlane's name → the lane kind it describes (by the descriptors' aliases, English and German); else notes. */
export function laneKindFromName(name: string): LaneKind {
  return laneKindFromWords(name) ?? FALLBACK_LANE_KIND;
}

/** A score on -5…+5 as an emotion on -3…+3, rounded (half away from zero). */
export function scoreToEmotion(score: number): number {
  const scaled = (score * EMOTION_MAX) / 5;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return Math.max(-EMOTION_MAX, Math.min(EMOTION_MAX, rounded)) || 0;
}

const PERSONA_COLOR = '#2563eb';
/** The reference tool saves white for a node nobody gave a colour: no colour, not a white accent. */
const TOOL_NO_COLOUR = /^#(fff|ffffff|ffffffff)$/i;
const isHexColor = (value: string | null): value is string => value !== null && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value);

interface Placed {
  card: Card;
  /** the card's place among all cards of the map it was exported from, when a Waymark export says */
  seq: number | undefined;
}

export function ojfToJourney(map: OjfMap, options: ImportOptions): ImportOutcome {
  const makeId = options.makeId ?? (() => newId());
  const root = readExtension(rootExtension, map.waymark);
  const fromWaymark = map.waymark !== undefined && map.waymark !== null;
  const locale: Locale = root.locale ?? guessLocale(textsOf(map));
  const mapDetails: Detail[] = [];

  // phases: a Waymark export's own; else the defaults, stages spread over thirds of the journey
  const phases: Phase[] = root.phases && DEFAULT_PHASE_IDS.every((id) => root.phases!.some((p) => p.id === id)) && new Set(root.phases.map((p) => p.id)).size === root.phases.length
    ? root.phases.map((p) => ({ ...p }))
    : defaultPhases();
  const phaseIds = new Set(phases.map((p) => p.id));

  const stageOrders = ordersAfter(null, map.stages.length);
  const stageByKey = new Map<string, Stage>();
  const stages: Stage[] = map.stages.map((s, i) => {
    const ext = readExtension(stageExtension, s.waymark);
    const stage: Stage = {
      id: makeId(),
      name: clip(s.name, LIMITS.name),
      phase: ext.phase && phaseIds.has(ext.phase) ? ext.phase : DEFAULT_PHASE_IDS[Math.min(2, Math.floor((i * 3) / Math.max(1, map.stages.length)))]!,
      order: stageOrders[i]!,
      color: ext.color ?? null,
      // fields a stage has in the file and not here (the tool's overrideEmotion…) are kept below its description
      description: fit(ext.description ?? '', s.extras, LIMITS.description),
      detailMapId: ext.detailMapId ?? null,
    };
    stageByKey.set(s.key, stage);
    return stage;
  });

  const laneByKey = new Map<string, Lane>();
  const lanes: Lane[] = map.lanes.map((l) => {
    const ext = readExtension(laneExtension, l.waymark);
    const lane: Lane = { id: makeId(), name: clip(l.name, LIMITS.name), kind: ext.kind ?? laneKindFromName(l.name), order: '', collapsed: ext.collapsed ?? false };
    laneByKey.set(l.key, lane);
    for (const extra of l.extras) mapDetails.push({ key: JSON.stringify(['swimlane', l.name.slice(0, 200), extra.key]), value: extra.value });
    return lane;
  });

  // personas: a Waymark export's list; else the file's one persona
  const personaIds = new Map<string, string>();
  const personas: Persona[] = [];
  if (root.personas) {
    for (const p of root.personas) {
      if (personaIds.has(p.id)) continue;
      personaIds.set(p.id, makeId());
      personas.push({ ...p, id: personaIds.get(p.id)!, goals: [...p.goals], frustrations: [...p.frustrations] });
    }
  } else if (map.persona) {
    const p = map.persona;
    const name = p.name.trim() || 'Persona';
    personas.push({
      id: makeId(),
      name: clipWithEllipsis(name.split('\n')[0]!, LIMITS.name),
      role: clip(p.role, LIMITS.name),
      age: '',
      quote: clip(p.quote, LIMITS.personaText),
      goals: p.goals.slice(0, LIMITS.personaListItems).map((g) => clip(g, LIMITS.personaText)),
      frustrations: p.frustrations.slice(0, LIMITS.personaListItems).map((f) => clip(f, LIMITS.personaText)),
      color: PERSONA_COLOR,
      order: ordersAfter(null, 1)[0]!,
      libraryId: null,
    });
    if (p.name.length > LIMITS.name || p.name.includes('\n') || (p.name !== '' && p.name !== p.name.trim())) mapDetails.unshift({ key: 'Persona', value: p.name });
    if (p.description.trim()) mapDetails.push({ key: 'Persona description', value: p.description.trim() });
  }

  // blueprint lanes: the map's lane of each part, else one made for it, in the file's language
  const blueprintLane = new Map<BlueprintPart, Lane>();
  for (const lane of lanes) {
    const part = laneKindDescriptor(lane.kind).blueprint;
    if (part && !blueprintLane.has(part)) blueprintLane.set(part, lane);
  }
  for (const part of BLUEPRINT_PARTS) {
    if (blueprintLane.has(part) || !map.nodes.some((n) => n.blueprint.some((e) => e.part === part))) continue;
    const lane: Lane = { id: makeId(), name: blueprintLaneName(part, locale), kind: part, order: '', collapsed: false };
    insertBlueprintLane(lanes, lane, part);
    blueprintLane.set(part, lane);
  }
  if (lanes.length > LIMITS.lanes) return { ok: false, issues: [issue(['swimlanes'], `need ${lanes.length} lanes with the blueprint's: a map holds at most ${LIMITS.lanes}`)] };
  const laneOrders = ordersAfter(null, lanes.length);
  lanes.forEach((l, i) => (l.order = laneOrders[i]!));

  const placed: Placed[] = [];
  const links: Link[] = [];
  const cardIds = new Map<string, string>();
  const remember = (id: string | undefined, card: Card) => {
    if (id !== undefined && !cardIds.has(id)) cardIds.set(id, card.id);
  };
  for (const node of map.nodes) {
    const stage = stageByKey.get(node.stageKey)!;
    const lane = laneByKey.get(node.laneKey)!;
    const ext = readExtension(nodeExtension, node.waymark);
    const card = nodeCard(node, ext, stage, lane, makeId, personaIds);
    placed.push({ card, seq: ext.seq });
    remember(ext.id, card);
    for (const entry of node.blueprint) {
      const entryExt = readExtension(entryExtension, entry.waymark);
      const own = entryExt.lane !== undefined ? laneByKey.get(String(entryExt.lane)) : undefined;
      const target = own && laneKindDescriptor(own.kind).blueprint === entry.part ? own : blueprintLane.get(entry.part)!;
      const entryCard = blueprintCard(entry, entryExt, stage, target, makeId, personaIds);
      placed.push({ card: entryCard, seq: entryExt.seq });
      remember(entryExt.id, entryCard);
      // the blueprint's vertical reading: this step serves that customer action
      links.push({ id: makeId(), fromCardId: entryCard.id, toCardId: card.id, label: entryExt.linkLabel ?? '' });
    }
  }
  for (const link of root.links ?? []) {
    const from = cardIds.get(link.from);
    const to = cardIds.get(link.to);
    if (!from || !to || from === to || links.length >= LIMITS.links) continue;
    links.push({ id: makeId(), fromCardId: from, toCardId: to, label: link.label });
  }

  mapDetails.push(...map.extras);
  const title = map.title !== null && (fromWaymark || map.title.trim() !== '') ? map.title : options.title || 'Imported journey';
  const journey: Journey = {
    id: options.mapId ?? newMapId(),
    title: clipWithEllipsis(title, LIMITS.mapTitle),
    description: fit(map.pointOfView, mapDetails, LIMITS.description),
    locale,
    createdAt: (options.now ?? new Date()).toISOString(),
    phases,
    stages,
    lanes,
    cards: inCellOrder(placed),
    personas,
    links,
    evidence: evidenceFrom(root.evidence, cardIds, stageByKey, makeId),
  };
  return finish(journey, 'ojf');
}

/** Names, titles and descriptions: what tells the file's language. */
function* textsOf(map: OjfMap): Iterable<string> {
  for (const s of map.stages) yield s.name;
  for (const l of map.lanes) yield l.name;
  if (map.pointOfView) yield map.pointOfView;
  for (const n of map.nodes) {
    yield n.title;
    yield n.description;
    for (const e of n.blueprint) yield e.title;
  }
}

/**
 * A made blueprint lane goes where a blueprint reads: below the customer's lanes, evidence over
 * frontstage over backstage over support — before the first of the map's blueprint lanes that
 * lies deeper, else after the last that lies shallower, else at the bottom.
 */
function insertBlueprintLane(lanes: Lane[], lane: Lane, part: BlueprintPart): void {
  const depth = (p: BlueprintPart) => BLUEPRINT_PARTS.indexOf(p);
  const partOf = (l: Lane) => laneKindDescriptor(l.kind).blueprint;
  const deeper = lanes.findIndex((l) => {
    const p = partOf(l);
    return p !== null && depth(p) > depth(part);
  });
  if (deeper >= 0) {
    lanes.splice(deeper, 0, lane);
    return;
  }
  let shallower = -1;
  lanes.forEach((l, i) => {
    const p = partOf(l);
    if (p !== null && depth(p) < depth(part)) shallower = i;
  });
  if (shallower >= 0) lanes.splice(shallower + 1, 0, lane);
  else lanes.push(lane);
}

type NodeExt = ReturnType<typeof readExtension<typeof nodeExtension>>;
type EntryExt = ReturnType<typeof readExtension<typeof entryExtension>>;

function nodeCard(node: OjfNode, ext: NodeExt, stage: Stage, lane: Lane, makeId: () => string, personaIds: ReadonlyMap<string, string>): Card {
  const derived = ext.derived ?? {};
  // what a Waymark export made up (from the emotion, the lane's kind, the card's id) is no fact to keep
  const made = (key: 'id' | 'score' | 'sentiment' | 'purpose', value: unknown) => derived[key] !== undefined && derived[key] === value;
  const details: Detail[] = [];
  const tags: string[] = [];
  // what a reader wants first (a card shows the start of its body) comes first, bookkeeping last
  if (node.title.length > LIMITS.cardTitle) details.push({ key: 'Title', value: node.title });
  if (node.severity !== null) {
    details.push({ key: 'Severity', value: node.severity });
    tags.push(`ojf:severity=${String(node.severity)}`);
  }
  if (node.sentiment !== null && !made('sentiment', node.sentiment)) {
    details.push({ key: 'Sentiment', value: node.sentiment });
    tags.push(`ojf:sentiment=${String(node.sentiment)}`);
  }
  if (node.purpose !== null && !made('purpose', node.purpose)) details.push({ key: 'Purpose', value: node.purpose });
  // the emotion says it on the card; the exact score stays for the way back
  if (node.score !== null && !made('score', node.score)) {
    details.push({ key: 'Score', value: node.score });
    tags.unshift(`ojf:score=${node.score}`);
  }
  if (node.icon !== null) details.push({ key: 'Icon', value: node.icon });
  if (node.iconColor !== null && !isHexColor(node.iconColor)) details.push({ key: 'Icon colour', value: node.iconColor });
  details.push(...node.extras);
  if (node.id !== null && !made('id', node.id)) details.push({ key: 'OpenJourney id', value: node.id });
  const actor = ext.actor ?? '';

  // the node's own tags first; what does not fit Waymark's tag limits is kept as a detail
  const all = [...node.tags, ...tags];
  const kept: string[] = [];
  const left: string[] = [];
  for (const tag of all) (tag.length <= LIMITS.tag && kept.length < LIMITS.tagsPerCard ? kept : left).push(tag);
  if (left.length) details.push({ key: 'Tags', value: left });

  return {
    ...defaultCard(),
    id: makeId(),
    stageId: stage.id,
    laneId: lane.id,
    title: clipWithEllipsis(node.title, LIMITS.cardTitle),
    body: fit(node.description, details, LIMITS.cardBody, ext.lines),
    emotion: node.score !== null ? scoreToEmotion(node.score) : null,
    tags: kept,
    momentOfTruth: node.isMomentOfTruth,
    color: isHexColor(node.iconColor) && !TOOL_NO_COLOUR.test(node.iconColor) ? node.iconColor : null,
    channel: ext.channel ?? null,
    personaIds: mapPersonas(ext.personaIds, personaIds),
    votes: ext.votes ?? 0,
    actor,
    confidence: ext.confidence ?? null,
    status: ext.status ?? null,
    owner: ext.owner ?? '',
    detailMapId: ext.detailMapId ?? null,
  };
}

function blueprintCard(entry: OjfEntry, ext: EntryExt, stage: Stage, lane: Lane, makeId: () => string, personaIds: ReadonlyMap<string, string>): Card {
  const details: Detail[] = [];
  if (entry.title.length > LIMITS.cardTitle) details.push({ key: 'Title', value: entry.title });
  if (entry.actor.length > LIMITS.actor) details.push({ key: 'Actor', value: entry.actor });
  if (entry.type !== null && entry.type !== '') details.push({ key: 'Type', value: entry.type });
  details.push(...entry.extras);
  return {
    ...defaultCard(),
    id: makeId(),
    stageId: stage.id,
    laneId: lane.id,
    title: clipWithEllipsis(entry.title, LIMITS.cardTitle),
    body: fit(ext.description ?? '', details, LIMITS.cardBody, ext.lines),
    actor: clipWithEllipsis(entry.actor || (ext.actor ?? ''), LIMITS.actor),
    tags: ext.tags ?? [],
    emotion: ext.emotion ?? null,
    color: ext.color ?? null,
    momentOfTruth: ext.momentOfTruth ?? false,
    channel: ext.channel ?? null,
    personaIds: mapPersonas(ext.personaIds, personaIds),
    votes: ext.votes ?? 0,
    confidence: ext.confidence ?? null,
    status: ext.status ?? null,
    owner: ext.owner ?? '',
    detailMapId: ext.detailMapId ?? null,
  };
}

/**
 * A Waymark export's evidence, each item checked on its own: one that does not check is left
 * out, the rest come back on their cards (named by the nodes' ids) or in the inbox.
 */
function evidenceFrom(raw: readonly unknown[] | undefined, cardIds: ReadonlyMap<string, string>, stageByKey: ReadonlyMap<string, Stage>, makeId: () => string): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const value of raw ?? []) {
    const parsed = evidenceSchema.safeParse(value);
    if (!parsed.success) continue;
    const e = parsed.data;
    out.push({
      ...e,
      id: makeId(),
      cardId: e.cardId === null ? null : (cardIds.get(e.cardId) ?? null),
      stageId: e.stageId === null ? null : (stageByKey.get(e.stageId)?.id ?? null),
    });
  }
  return out;
}

function mapPersonas(ids: readonly string[] | undefined, personaIds: ReadonlyMap<string, string>): string[] {
  return [...new Set((ids ?? []).flatMap((id) => personaIds.get(id) ?? []))];
}

/** Cards with their orders in each cell: a Waymark export's order where it gives one, else the file's. */
function inCellOrder(placed: readonly Placed[]): Card[] {
  const sorted = placed.map((p, i) => ({ ...p, i })).sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || a.i - b.i);
  const lastInCell = new Map<string, string>();
  for (const { card } of sorted) {
    const cell = `${card.stageId}/${card.laneId}`;
    card.order = ordersAfter(lastInCell.get(cell) ?? null, 1)[0]!;
    lastInCell.set(cell, card.order);
  }
  return sorted.map((p) => p.card);
}

/**
 * A text with its details below, within `max`: the details are what an export reads back, so
 * the text gives way first; a detail too long for what is left is left out.
 */
function fit(text: string, details: readonly Detail[], max: number, otherLines: readonly string[] = []): string {
  const lines = [...details.map(detailLine), ...otherLines];
  let size = lines.reduce((sum, line) => sum + line.length + 1, DETAILS_MARKER.length + 2);
  while (lines.length > 0 && size > max / 2) size -= lines.pop()!.length + 1;
  const whole = withLines(text, lines);
  if (whole.length <= max) return whole;
  return withLines(clipWithEllipsis(text, Math.max(1, max - size - 2)), lines).slice(0, max);
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

function clipWithEllipsis(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
