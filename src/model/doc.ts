import * as Y from 'yjs';
import { buildCard, cardFieldEntries } from './cardRecord';
import { readDetailMapId } from './detailMap';
import { evidenceFields, readEvidence, type EvidenceItem } from './evidence';
import { readIdOrNull } from './ids';
import { imagesMap } from './images';
import { sortOrdered } from './order';
import { oneOf, str, strList, strOrNull } from './readValue';
import {
  DEFAULT_PHASE_IDS,
  LANE_KINDS,
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
  type Stage,
} from './types';
import { defaultPhase, FALLBACK_PHASE_COLOR, isDefaultPhaseId, phaseShownFor, safePhaseColor } from './phases';

/**
 * How a map lives in Yjs (design.md, "The journey document"):
 *   meta      Y.Map  id, title, description, locale, createdAt
 *   phases    Y.Map  phaseId → Y.Map { name, color, order }; maps from before custom phases
 *                    hold just the name (a string) under a default phase's id, and a default
 *                    phase with no entry at all still exists (readPhases)
 *   stages    Y.Map  id → Y.Map { name, phase, order, color, description, detailMapId }
 *   lanes     Y.Map  id → Y.Map { name, kind, order, collapsed }
 *   cards     Y.Map  id → Y.Map { the fields of cardFields.ts: plain values, and Y.Text for
 *                                  text fields (body) }
 *   personas  Y.Map  id → Y.Map { name, role, age, quote, goals, frustrations, color, order,
 *                                  libraryId (the space library persona it follows, ops/libraryPersonas.ts) }
 *   links     Y.Map  id → Y.Map { fromCardId, toCardId, label }
 *   images    Y.Map  SHA-256 key → { mime, width, height, bytes } (images.ts), not records
 *   evidence  Y.Map  id → Y.Map { cardId, text, source, reference, date, sentiment, count, score,
 *                                  scale, stageId, channel, addedBy, order } (evidence.ts)
 * Fields holding their default value (null, false, 0, empty list) are left out, which keeps a
 * card at roughly a hundred bytes in the encoded doc. Lists inside a record (tags, goals) are
 * plain arrays: the last writer wins, as for any other field.
 */
export type Record_ = Y.Map<unknown>;

export interface JourneyMaps {
  meta: Y.Map<unknown>;
  phases: Y.Map<unknown>;
  stages: Y.Map<Record_>;
  lanes: Y.Map<Record_>;
  cards: Y.Map<Record_>;
  personas: Y.Map<Record_>;
  links: Y.Map<Record_>;
  /** card images by content key; part of the map so undo, sync and storage cover them (images.ts) */
  images: Y.Map<unknown>;
  /** customer evidence, on cards and in the inbox (evidence.ts) */
  evidence: Y.Map<Record_>;
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
    evidence: doc.getMap('evidence'),
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

/**
 * One phase from its entry: a record, a bare name (a map from before custom phases), or nothing
 * (a default phase never written). Missing fields take the default phase's colour and place.
 */
export function readPhase(id: string, entry: unknown): Phase {
  const base = isDefaultPhaseId(id) ? defaultPhase(id) : { id, name: '', color: FALLBACK_PHASE_COLOR, order: 'a0' };
  if (typeof entry === 'string') return { ...base, name: entry };
  if (!(entry instanceof Y.Map)) return base;
  return {
    id,
    name: str(entry.get('name')),
    color: entry.has('color') ? safePhaseColor(entry.get('color')) : base.color,
    order: str(entry.get('order'), base.order),
  };
}

/** The map's phases in order: the three defaults always, and the map's own phases that have a record. */
export function readPhases(doc: Y.Doc): Phase[] {
  const phases = journeyMaps(doc).phases;
  const out = DEFAULT_PHASE_IDS.map((id) => readPhase(id, phases.get(id)));
  phases.forEach((entry, id) => {
    if (!isDefaultPhaseId(id) && entry instanceof Y.Map) out.push(readPhase(id, entry));
  });
  return sortOrdered(out);
}

/** The Y.Doc record of a phase, as writeJourney and the phase operations store it. */
export function newPhaseRecord(phase: Omit<Phase, 'id'>): Record_ {
  const record = new Y.Map<unknown>();
  record.set('name', phase.name);
  record.set('color', phase.color);
  record.set('order', phase.order);
  return record;
}

export function readStage(id: string, r: Record_): Stage {
  return {
    id,
    name: str(r.get('name')),
    // a phase id as written; assembleJourney shows a stage whose phase is gone (or missing) in the first phase
    phase: str(r.get('phase')),
    order: str(r.get('order'), 'a0'),
    color: strOrNull(r.get('color')),
    description: str(r.get('description')),
    detailMapId: readDetailMapId(r.get('detailMapId')),
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
    age: str(r.get('age')),
    quote: str(r.get('quote')),
    goals: strList(r.get('goals')),
    frustrations: strList(r.get('frustrations')),
    color: str(r.get('color'), '#64748b'),
    order: str(r.get('order'), 'a0'),
    libraryId: readIdOrNull(r.get('libraryId')),
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
  evidence: Iterable<EvidenceItem>;
  /** the evidence already sorted, and what the last assembly made of it, so an unchanged list stays the same object */
  sortedEvidence?: { items: readonly EvidenceItem[]; previous?: EvidenceAssembly };
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
  const phases = parts.phases.length > 0 ? parts.phases : DEFAULT_PHASE_IDS.map((id) => defaultPhase(id));
  const phaseIds = new Set(phases.map((p) => p.id));
  // A stage left in a phase a peer deleted shows in the first phase (phaseShownFor), not nowhere.
  const stages = sortOrdered(parts.stages).map((s) => (phaseIds.has(s.phase) ? s : { ...s, phase: phaseShownFor(s.phase, phases).id }));
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

  const evidence = parts.sortedEvidence
    ? assembleEvidence(parts.sortedEvidence.items, cardIds, stageRank, parts.sortedEvidence.previous)
    : assembleEvidence(sortOrdered(parts.evidence), cardIds, stageRank);
  return { ...parts.meta, phases, stages, lanes, cards, personas, links, evidence };
}

/**
 * The evidence in order. An item whose card is gone (a peer deleted it) waits in the inbox
 * again rather than vanishing, and a stage hint naming no stage is dropped; the records are not
 * changed, so undoing the delete puts the item back on its card.
 */
export function assembleEvidence(
  sorted: readonly EvidenceItem[],
  cardIds: ReadonlySet<string>,
  stageIds: ReadonlyMap<string, unknown>,
  previous?: EvidenceAssembly,
): EvidenceItem[] {
  const shown = (e: EvidenceItem): EvidenceItem =>
    (e.cardId === null || cardIds.has(e.cardId)) && (e.stageId === null || stageIds.has(e.stageId))
      ? e
      : { ...e, cardId: e.cardId !== null && cardIds.has(e.cardId) ? e.cardId : null, stageId: e.stageId !== null && stageIds.has(e.stageId) ? e.stageId : null };
  // The same items as last time and nothing they name came or went: the same list, so every
  // view memoised on it (per-card counts, stage figures, the inbox) skips its work on a keystroke.
  if (previous && previous.input === sorted && previous.output.length === sorted.length) {
    const same = sorted.every((e, i) => {
      const before = previous.output[i]!;
      const now = shown(e);
      return now === before || (now.cardId === before.cardId && now.stageId === before.stageId && before.id === e.id && now !== e && before !== e);
    });
    if (same) return previous.output;
  }
  return sorted.map(shown);
}

/** What assembleEvidence gave last time for which sorted list (the editor's view keeps it). */
export interface EvidenceAssembly {
  input: readonly EvidenceItem[];
  output: EvidenceItem[];
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
    evidence: readAll(maps.evidence, readEvidence),
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
    for (const { id, ...phase } of journey.phases) maps.phases.set(id, newPhaseRecord(phase));
    for (const s of journey.stages) maps.stages.set(s.id, newRecord(stageFields(s)));
    for (const l of journey.lanes) maps.lanes.set(l.id, newRecord(laneFields(l)));
    for (const p of journey.personas) maps.personas.set(p.id, newRecord(personaFields(p)));
    for (const c of journey.cards) {
      const { id, ...fields } = c;
      maps.cards.set(id, newCardRecord(fields));
    }
    for (const l of journey.links) maps.links.set(l.id, newRecord(linkFields(l)));
    for (const { id, ...item } of journey.evidence) maps.evidence.set(id, newRecord(evidenceFields(item)));
  }, origin);
}

/*
 * Each record's stored fields, as writeJourney and a restore (ops/restore.ts) write them: an empty
 * stage description is the default and is left out, like every other default (setField).
 */
export const stageFields = (s: Stage): Record<string, unknown> => ({
  name: s.name,
  phase: s.phase,
  order: s.order,
  color: s.color,
  description: s.description || null,
  detailMapId: s.detailMapId,
});
export const laneFields = (l: Lane): Record<string, unknown> => ({ name: l.name, kind: l.kind, order: l.order, collapsed: l.collapsed });
export const linkFields = (l: Link): Record<string, unknown> => ({ fromCardId: l.fromCardId, toCardId: l.toCardId, label: l.label });
export function personaFields(p: Persona): Record<string, unknown> {
  const { id: _id, ...fields } = p;
  return fields;
}

export function journeyToDoc(journey: Journey): Y.Doc {
  const doc = new Y.Doc();
  writeJourney(doc, journey);
  return doc;
}
