import { laneKindDescriptor } from '../../model/laneKindLookup';
import type { BlueprintPart } from '../../model/laneKinds';
import { EMOTION_MAX, type Card, type Journey, type Lane } from '../../model/types';
import { splitDetails, type Detail } from './details';
import { OJF_PART_KEYS } from './read';
import { scoreToEmotion } from './toJourney';
import { purposeForKind, sentimentForEmotion } from './words';

/**
 * A journey as an OpenJourney file, in the shape the Ptolemy journey mapper writes and reads:
 * a top-level `version` and a `metadata` object (its older and newer versions each read one),
 * `title`, `persona`, `pointOfView`, stages, swimlanes (every lane, blueprint lanes included)
 * and nodes. A card in a blueprint lane that links to a customer card in its stage goes into that
 * node's `blueprint` (`{item, type}`, `{actor, action}`, `{system, description}`); one linked to
 * nothing is a node of its own in its lane's swimlane.
 *
 * What an OpenJourney import wrote below a card's text (details.ts) goes back to the fields it
 * came from, and the `ojf:score=`/`ojf:severity=`/`ojf:sentiment=` tags become their fields
 * again. What OpenJourney has no field for travels under `waymark` keys (extension.ts), which
 * the reference tool keeps and our import reads back.
 */

export const OJF_VERSION = '1.0';
/** what the tool's newer files carry in `metadata.version` */
export const OJF_METADATA_VERSION = '1.1.0';

type Json = Record<string, unknown>;

/** Tags the import adds for fields of the file; they are those fields again here, not tags. */
const BOOKKEEPING = /^ojf:(score|severity|sentiment)=(.*)$/s;

/** Detail keys the import writes for node and entry fields; any other key is a field of the file's own. */
const KNOWN_DETAILS = new Set(['Title', 'Score', 'Severity', 'Sentiment', 'Purpose', 'Icon', 'Icon colour', 'OpenJourney id', 'Tags', 'Type', 'Actor']);
/** Keys no object we write may take from a file's field (they would change the object, not add to it). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An emotion (−3…+3) as the score (−5…+5) the importer maps back to it. */
export function emotionToScore(emotion: number): number {
  return Math.round((emotion * 5) / EMOTION_MAX);
}

/** The first detail of each key. */
function detailMap(details: readonly Detail[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const d of details) if (!map.has(d.key)) map.set(d.key, d.value);
  return map;
}

/** `target[key] = value` for the file's own fields, never over a field we wrote. */
function putExtras(target: Json, details: readonly Detail[], skip: (key: string) => boolean): void {
  for (const { key, value } of details) {
    if (skip(key) || UNSAFE_KEYS.has(key) || Object.prototype.hasOwnProperty.call(target, key)) continue;
    target[key] = value;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A full text a detail kept, when the card holds it clipped. */
function fullText(kept: unknown, shown: string): string {
  return isText(kept) && kept.length > shown.length && shown.endsWith('…') && kept.startsWith(shown.slice(0, -1)) ? kept : shown;
}

export function journeyToOjf(journey: Journey): Json {
  const stageIndex = new Map(journey.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(journey.lanes.map((l, i) => [l.id, i]));
  const laneById = new Map(journey.lanes.map((l) => [l.id, l]));
  const stageId = (id: string) => `s${stageIndex.get(id)! + 1}`;
  const laneId = (id: string) => `l${laneIndex.get(id)! + 1}`;
  const partOf = (card: Card): BlueprintPart | null => laneKindDescriptor(laneById.get(card.laneId)!.kind).blueprint;
  const cardById = new Map(journey.cards.map((c) => [c.id, c]));

  // cards in the order they show: stage by stage, lane by lane, in their cells' order
  const cards = [...journey.cards].sort(
    (a, b) => stageIndex.get(a.stageId)! - stageIndex.get(b.stageId)! || laneIndex.get(a.laneId)! - laneIndex.get(b.laneId)! || (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1),
  );
  const seq = new Map(cards.map((c, i) => [c.id, i]));

  // blueprint steps linked to the customer card they serve, in the same stage: nested under its node
  const nested = new Map<string, { card: Card; label: string }[]>();
  const nestedIds = new Set<string>();
  const otherLinks: { from: string; to: string; label: string }[] = [];
  for (const link of journey.links) {
    const from = cardById.get(link.fromCardId);
    const to = cardById.get(link.toCardId);
    if (!from || !to) continue;
    if (!nestedIds.has(from.id) && partOf(from) !== null && partOf(to) === null && from.stageId === to.stageId) {
      nestedIds.add(from.id);
      nested.set(to.id, [...(nested.get(to.id) ?? []), { card: from, label: link.label }]);
    } else {
      otherLinks.push({ from: from.id, to: to.id, label: link.label });
    }
  }

  const usedNodeIds = new Set<string>();
  const nodes: Json[] = [];
  for (const card of cards) {
    if (nestedIds.has(card.id)) continue;
    const node = nodeOf(card, laneById.get(card.laneId)!, stageId(card.stageId), laneId(card.laneId), seq.get(card.id)!, usedNodeIds);
    const blueprint: Record<string, Json[]> = { evidence: [], onstage: [], backstage: [], support: [] };
    const steps = (nested.get(card.id) ?? []).sort((a, b) => seq.get(a.card.id)! - seq.get(b.card.id)!);
    for (const { card: step, label } of steps) blueprint[OJF_PART_KEYS[partOf(step)!]]!.push(entryOf(step, partOf(step)!, laneId(step.laneId), seq.get(step.id)!, label));
    const extras = node.blueprint as Json;
    node.blueprint = { ...extras, ...blueprint };
    nodes.push(node);
  }

  // the stage's own fields a file had (overrideEmotion…) come back from below its description
  const stages = journey.stages.map((s) => {
    const split = splitDetails(s.description);
    const stage: Json = { id: stageId(s.id), name: s.name };
    putExtras(stage, split.details, (key) => key === 'waymark');
    stage.waymark = {
      phase: s.phase,
      color: s.color,
      ...(split.text ? { description: split.text } : {}),
      ...(s.detailMapId !== null ? { detailMapId: s.detailMapId } : {}),
    };
    return stage;
  });

  const about = splitDetails(journey.description);
  const aboutDetails = detailMap(about.details);
  const laneExtras = new Map<string, Detail[]>();
  const rootExtras: Detail[] = [];
  const metadataExtras: Detail[] = [];
  for (const d of about.details) {
    const swimlane = swimlaneDetail(d.key);
    if (swimlane) laneExtras.set(swimlane.name, [...(laneExtras.get(swimlane.name) ?? []), { key: swimlane.key, value: d.value }]);
    else if (d.key.startsWith('metadata.')) metadataExtras.push({ key: d.key.slice('metadata.'.length), value: d.value });
    else if (d.key !== 'Persona' && d.key !== 'Persona description') rootExtras.push(d);
  }
  const swimlanes = journey.lanes.map((l, i) => {
    const lane: Json = { id: `l${i + 1}`, name: l.name };
    putExtras(lane, laneExtras.get(l.name) ?? [], (key) => key === 'waymark');
    lane.waymark = { kind: l.kind, collapsed: l.collapsed };
    return lane;
  });

  const personaName = isText(aboutDetails.get('Persona')) ? (aboutDetails.get('Persona') as string) : (journey.personas[0]?.name ?? '');
  const metadata: Json = { title: journey.title, persona: personaName, pov: about.text, version: OJF_METADATA_VERSION };
  putExtras(metadata, metadataExtras, () => false);
  const file: Json = {
    version: OJF_VERSION,
    metadata,
    title: journey.title,
    persona: personaName,
    pointOfView: about.text,
    stages,
    swimlanes,
    nodes,
  };
  putExtras(file, rootExtras, (key) => key === 'waymark');
  file.waymark = {
    locale: journey.locale,
    phases: journey.phases,
    // a persona follows no library persona unless it says so: the key is left out then
    personas: journey.personas.map(({ libraryId, ...p }) => (libraryId === null ? p : { ...p, libraryId })),
    links: otherLinks,
    // card ids as the nodes' `waymark.id` name them, stage hints as the file's stage ids
    evidence: journey.evidence.map((e) => ({ ...e, stageId: e.stageId === null ? null : stageId(e.stageId) })),
  };
  return file;
}

/** A swimlane's own field, as the import keeps it in the map's description. */
function swimlaneDetail(key: string): { name: string; key: string } | null {
  if (!key.startsWith('["swimlane",')) return null;
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === 'swimlane' && isText(parsed[1]) && isText(parsed[2])) return { name: parsed[1], key: parsed[2] };
  } catch {
    // not one of ours: a field of the file like any other
  }
  return null;
}

/** What a card's tags and details say of the file's fields, and what is left of them. */
function readCard(card: Card) {
  const split = splitDetails(card.body);
  const details = detailMap(split.details);
  const tagged = new Map<string, string>();
  const tags: string[] = [];
  for (const tag of card.tags) {
    const match = BOOKKEEPING.exec(tag);
    if (match) {
      if (!tagged.has(match[1]!)) tagged.set(match[1]!, match[2]!);
    } else tags.push(tag);
  }
  const overflow = details.get('Tags');
  if (Array.isArray(overflow)) for (const tag of overflow) if (isText(tag) && !BOOKKEEPING.test(tag) && !tags.includes(tag)) tags.push(tag);
  /** a field from its tag (which people edit) or its detail; the detail's value when they agree, so 4 stays a number */
  const field = (tagName: string, detailKey: string): string | number | boolean | null => {
    const detail = details.get(detailKey);
    const tag = tagged.get(tagName);
    if (tag !== undefined) return isScalar(detail) && String(detail) === tag ? detail : tag;
    return isScalar(detail) ? detail : null;
  };
  return { split, details, tagged, tags, field };
}

function nodeOf(card: Card, lane: Lane, stageId: string, laneId: string, seq: number, usedIds: Set<string>): Json {
  const { split, details, tagged, tags, field } = readCard(card);
  const derived: Json = {};

  // the score the file had, while it still agrees with the emotion; else the emotion's
  let score: number | null = null;
  if (card.emotion !== null) {
    const kept = [Number(tagged.get('score')), details.get('Score')].find((s): s is number => typeof s === 'number' && Number.isFinite(s) && s >= -5 && s <= 5 && scoreToEmotion(s) === card.emotion);
    score = kept ?? emotionToScore(card.emotion);
    if (kept === undefined) derived.score = score;
  }
  let sentiment = field('sentiment', 'Sentiment');
  if (sentiment === null) {
    sentiment = sentimentForEmotion(card.emotion);
    if (sentiment !== null) derived.sentiment = sentiment;
  }
  const keptPurpose = details.get('Purpose');
  let purpose: string | number | boolean | null = isScalar(keptPurpose) ? keptPurpose : null;
  if (purpose === null) {
    purpose = purposeForKind(lane.kind);
    if (purpose !== null) derived.purpose = purpose;
  }
  // the file's id while no other card claims it; else the card's own
  const kept = details.get('OpenJourney id');
  let id: string | number = card.id;
  if ((isText(kept) || typeof kept === 'number') && !usedIds.has(String(kept))) id = kept;
  else derived.id = card.id;
  usedIds.add(String(id));

  const node: Json = {
    id,
    stageId,
    swimlaneId: laneId,
    title: fullText(details.get('Title'), card.title),
    description: split.text,
  };
  const severity = field('severity', 'Severity');
  if (severity !== null) node.severity = severity;
  node.score = score;
  if (sentiment !== null) node.sentiment = sentiment;
  if (purpose !== null) node.purpose = purpose;
  node.isMomentOfTruth = card.momentOfTruth;
  if (isScalar(details.get('Icon'))) node.icon = details.get('Icon');
  const iconColor = card.color ?? (isText(details.get('Icon colour')) ? details.get('Icon colour') : null);
  if (iconColor !== null) node.iconColor = iconColor;
  node.tags = tags;
  const blueprintExtras: Json = {};
  for (const d of split.details) if (d.key.startsWith('blueprint.') && !UNSAFE_KEYS.has(d.key.slice(10))) blueprintExtras[d.key.slice(10)] = d.value;
  node.blueprint = blueprintExtras;
  putExtras(node, split.details, (key) => KNOWN_DETAILS.has(key) || key.startsWith('blueprint.') || key === 'waymark');
  node.waymark = {
    id: card.id,
    seq,
    ...(card.channel !== null ? { channel: card.channel } : {}),
    ...(card.personaIds.length ? { personaIds: card.personaIds } : {}),
    ...(card.actor ? { actor: card.actor } : {}),
    ...(card.votes ? { votes: card.votes } : {}),
    ...(card.confidence !== null ? { confidence: card.confidence } : {}),
    ...cardSpaceFacts(card),
    ...(split.otherLines.length ? { lines: split.otherLines } : {}),
    derived,
  };
  return node;
}

function entryOf(card: Card, part: BlueprintPart, laneId: string, seq: number, label: string): Json {
  const { split, details, tags } = readCard(card);
  const title = fullText(details.get('Title'), card.title);
  const actor = fullText(details.get('Actor'), card.actor);
  const entry: Json =
    part === 'evidence'
      ? { item: title, type: isScalar(details.get('Type')) ? String(details.get('Type')) : '' }
      : part === 'support'
        ? { system: actor, description: title }
        : { actor, action: title };
  putExtras(entry, split.details, (key) => KNOWN_DETAILS.has(key) || key === 'waymark');
  entry.waymark = {
    id: card.id,
    seq,
    lane: laneId,
    ...(split.text ? { description: split.text } : {}),
    ...(tags.length ? { tags } : {}),
    ...(card.emotion !== null ? { emotion: card.emotion } : {}),
    ...(card.color !== null ? { color: card.color } : {}),
    ...(card.momentOfTruth ? { momentOfTruth: true } : {}),
    ...(card.channel !== null ? { channel: card.channel } : {}),
    ...(card.personaIds.length ? { personaIds: card.personaIds } : {}),
    ...(card.votes ? { votes: card.votes } : {}),
    ...(card.confidence !== null ? { confidence: card.confidence } : {}),
    ...cardSpaceFacts(card),
    ...(label ? { linkLabel: label } : {}),
    // evidence entries have no actor in the file's shape
    ...(part === 'evidence' && card.actor ? { actor: card.actor } : {}),
    ...(split.otherLines.length ? { lines: split.otherLines } : {}),
  };
  return entry;
}

/** The opportunity board's status and owner and the card's drill-down, each only when set. */
function cardSpaceFacts(card: Card): Json {
  return {
    ...(card.status !== null ? { status: card.status } : {}),
    ...(card.owner ? { owner: card.owner } : {}),
    ...(card.detailMapId !== null ? { detailMapId: card.detailMapId } : {}),
  };
}

/** The file's text: JSON indented as the reference tool writes it. */
export function journeyToOjfText(journey: Journey): string {
  return `${JSON.stringify(journeyToOjf(journey), null, 2)}\n`;
}
