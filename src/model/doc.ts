import * as Y from 'yjs';
import { buildCard, cardFieldEntries } from './cardRecord';
import { imagesMap } from './images';
import { sortOrdered } from './order';
import { oneOf, str, strList, strOrNull } from './readValue';
import {
  LANE_KINDS,
  PHASE_IDS,
  SUPPORTED_LOCALES,
  type Card,
  type Journey,
  type JourneyMeta,
  type Lane,
  type LaneKind,
  type Link,
  type Locale,
  type Persona,
  type Phase,
  type PhaseId,
  type Stage,
} from './types';

/**
 * How a map lives in Yjs (design.md, "The journey document"):
 *   meta      Y.Map  id, title, description, locale, createdAt
 *   phases    Y.Map  phaseId → display name
 *   stages    Y.Map  id → Y.Map { name, phase, order, color }
 *   lanes     Y.Map  id → Y.Map { name, kind, order, collapsed }
 *   cards     Y.Map  id → Y.Map { the fields of cardFields.ts: plain values, and Y.Text for
 *                                  text fields (body) }
 *   personas  Y.Map  id → Y.Map { name, role, quote, goals, frustrations, color, order }
 *   links     Y.Map  id → Y.Map { fromCardId, toCardId, label }
 *   images    Y.Map  SHA-256 key → { mime, width, height, bytes } (images.ts), not records
 * Fields holding their default value (null, false, 0, empty list) are left out, which keeps a
 * card at roughly a hundred bytes in the encoded doc. Lists inside a record (tags, goals) are
 * plain arrays: the last writer wins, as for any other field.
 */
export type Record_ = Y.Map<unknown>;

export interface JourneyMaps {
  meta: Y.Map<unknown>;
  phases: Y.Map<string>;
  stages: Y.Map<Record_>;
  lanes: Y.Map<Record_>;
  cards: Y.Map<Record_>;
  personas: Y.Map<Record_>;
  links: Y.Map<Record_>;
  /** card images by content key; part of the map so undo, sync and storage cover them (images.ts) */
  images: Y.Map<unknown>;
}

export function journeyMaps(doc: Y.Doc): JourneyMaps {
  return {
    meta: doc.getMap('meta'),
    phases: doc.getMap('phases'),
    stages: doc.getMap('stages'),
    lanes: doc.getMap('lanes'),
    cards: doc.getMap('cards'),
    personas: doc.getMap('personas'),
    links: doc.getMap('links'),
    images: imagesMap(doc),
  };
}

/** Every top-level type of a map, for an undo manager that should see all of them. */
export function journeyScope(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return Object.values(journeyMaps(doc));
}

/** Sets `key` to `value`, or removes it when the value is the field's default. */
function isDefaultValue(key: string, value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === false ||
    (key === 'votes' && value === 0) ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function setField(record: Record_, key: string, value: unknown): void {
  if (isDefaultValue(key, value)) {
    if (record.has(key)) record.delete(key);
  } else if (!sameValue(record.get(key), value)) {
    record.set(key, value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function newRecord(fields: Record<string, unknown>): Record_ {
  // A record not yet in a doc can be written but not read, so skip setField's comparison.
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (!isDefaultValue(key, value)) record.set(key, value);
  return record;
}

// ---------- reading: the Y.Doc → plain data, tolerant of whatever a peer wrote ----------

export function readMeta(doc: Y.Doc): JourneyMeta {
  const meta = journeyMaps(doc).meta;
  return {
    id: str(meta.get('id')),
    title: str(meta.get('title')),
    description: str(meta.get('description')),
    locale: oneOf<Locale>(SUPPORTED_LOCALES, meta.get('locale'), 'en'),
    createdAt: str(meta.get('createdAt')),
  };
}

export function readPhases(doc: Y.Doc): Phase[] {
  const phases = journeyMaps(doc).phases;
  return PHASE_IDS.map((id) => ({ id, name: str(phases.get(id)) }));
}

export function readStage(id: string, r: Record_): Stage {
  return {
    id,
    name: str(r.get('name')),
    phase: oneOf<PhaseId>(PHASE_IDS, r.get('phase'), 'pre-purchase'),
    order: str(r.get('order'), 'a0'),
    color: strOrNull(r.get('color')),
    description: str(r.get('description')),
  };
}

export function readLane(id: string, r: Record_): Lane {
  return {
    id,
    name: str(r.get('name')),
    kind: oneOf<LaneKind>(LANE_KINDS, r.get('kind'), 'notes'),
    order: str(r.get('order'), 'a0'),
    collapsed: r.get('collapsed') === true,
  };
}

/** A card from its record, field by field as cardFields.ts describes them. */
export function readCard(id: string, r: Record_): Card {
  return buildCard((name, spec) => {
    if (spec.stored === 'key') return id;
    const raw = r.get(name);
    return spec.read(spec.stored === 'text' && raw instanceof Y.Text ? raw.toString() : raw);
  });
}

export function readPersona(id: string, r: Record_): Persona {
  return {
    id,
    name: str(r.get('name')),
    role: str(r.get('role')),
    quote: str(r.get('quote')),
    goals: strList(r.get('goals')),
    frustrations: strList(r.get('frustrations')),
    color: str(r.get('color'), '#64748b'),
    order: str(r.get('order'), 'a0'),
  };
}

export function readLink(id: string, r: Record_): Link {
  return { id, fromCardId: str(r.get('fromCardId')), toCardId: str(r.get('toCardId')), label: str(r.get('label')) };
}

function readAll<T>(map: Y.Map<Record_>, read: (id: string, r: Record_) => T): T[] {
  const out: T[] = [];
  map.forEach((record, id) => {
    if (record instanceof Y.Map) out.push(read(id, record));
  });
  return out;
}

export interface JourneyParts {
  meta: JourneyMeta;
  phases: Phase[];
  stages: Iterable<Stage>;
  lanes: Iterable<Lane>;
  cards: Iterable<Card>;
  personas: Iterable<Persona>;
  links: Iterable<Link>;
}

/**
 * The whole map as plain data in display order, from its records. Cards sort by stage, then
 * lane, then their order in the cell.
 *
 * Concurrent edits can leave a reference pointing nowhere — one person moves a card into a
 * stage while another deletes that stage. Such records are left out of the view (the delete
 * "won"), but not removed from the doc, so undoing the delete brings them back.
 *
 * Record objects pass through unchanged where possible, so a view that caches records keeps
 * their identity (and memoised components skip re-rendering them).
 */
export function assembleJourney(parts: JourneyParts): Journey {
  const stages = sortOrdered(parts.stages);
  const lanes = sortOrdered(parts.lanes);
  const personas = sortOrdered(parts.personas);
  const stageRank = new Map(stages.map((s, i) => [s.id, i]));
  const laneRank = new Map(lanes.map((l, i) => [l.id, i]));
  const personaIds = new Set(personas.map((p) => p.id));

  const cards = [...parts.cards]
    .filter((c) => stageRank.has(c.stageId) && laneRank.has(c.laneId))
    .map((c) => (c.personaIds.every((p) => personaIds.has(p)) ? c : { ...c, personaIds: c.personaIds.filter((p) => personaIds.has(p)) }))
    .sort(
      (a, b) =>
        stageRank.get(a.stageId)! - stageRank.get(b.stageId)! ||
        laneRank.get(a.laneId)! - laneRank.get(b.laneId)! ||
        (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const cardIds = new Set(cards.map((c) => c.id));
  const links = [...parts.links]
    .filter((l) => cardIds.has(l.fromCardId) && cardIds.has(l.toCardId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return { ...parts.meta, phases: parts.phases, stages, lanes, cards, personas, links };
}

export function readJourney(doc: Y.Doc): Journey {
  const maps = journeyMaps(doc);
  return assembleJourney({
    meta: readMeta(doc),
    phases: readPhases(doc),
    stages: readAll(maps.stages, readStage),
    lanes: readAll(maps.lanes, readLane),
    cards: readAll(maps.cards, readCard),
    personas: readAll(maps.personas, readPersona),
    links: readAll(maps.links, readLink),
  });
}

// ---------- writing a whole journey (templates, imports) ----------

/** A card's plain-value fields, as its record stores them (text fields and the id are not among them). */
export function cardFields(card: Omit<Card, 'id'>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, spec] of cardFieldEntries()) if (spec.stored === 'value') fields[name] = card[name as keyof Omit<Card, 'id'>];
  return fields;
}

/** A card record with its text fields (the body) as Y.Text, so people can type into them together. */
export function newCardRecord(card: Omit<Card, 'id'>): Record_ {
  const record = newRecord(cardFields(card));
  for (const [name, spec] of cardFieldEntries()) {
    if (spec.stored === 'text') record.set(name, new Y.Text(str(card[name as keyof Omit<Card, 'id'>])));
  }
  return record;
}

/** Writes a complete journey into an empty doc in one transaction. */
export function writeJourney(doc: Y.Doc, journey: Journey, origin: unknown = null): void {
  const maps = journeyMaps(doc);
  doc.transact(() => {
    maps.meta.set('id', journey.id);
    maps.meta.set('title', journey.title);
    maps.meta.set('description', journey.description);
    maps.meta.set('locale', journey.locale);
    maps.meta.set('createdAt', journey.createdAt);
    for (const phase of journey.phases) maps.phases.set(phase.id, phase.name);
    for (const s of journey.stages) maps.stages.set(s.id, newRecord({ name: s.name, phase: s.phase, order: s.order, color: s.color, description: s.description || null }));
    for (const l of journey.lanes) maps.lanes.set(l.id, newRecord({ name: l.name, kind: l.kind, order: l.order, collapsed: l.collapsed }));
    for (const p of journey.personas) {
      const { id, ...fields } = p;
      maps.personas.set(id, newRecord(fields));
    }
    for (const c of journey.cards) {
      const { id, ...fields } = c;
      maps.cards.set(id, newCardRecord(fields));
    }
    for (const l of journey.links) maps.links.set(l.id, newRecord({ fromCardId: l.fromCardId, toCardId: l.toCardId, label: l.label }));
  }, origin);
}

export function journeyToDoc(journey: Journey): Y.Doc {
  const doc = new Y.Doc();
  writeJourney(doc, journey);
  return doc;
}
