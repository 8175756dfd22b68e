import * as Y from 'yjs';
import { cardFieldEntries } from '../cardRecord';
import {
  journeyMaps,
  laneFields,
  linkFields,
  newCardRecord,
  newPhaseRecord,
  newRecord,
  personaFields,
  readJourney,
  setField,
  stageFields,
  type Record_,
} from '../doc';
import { evidenceFields } from '../evidence';
import { pruneImages, putImages, readImages } from '../images';
import { LOCAL_ORIGIN } from '../origin';
import type { Card, Journey } from '../types';

/*
 * Restoring a version is a forward change: one transaction that edits today's records until the
 * map reads as the version did, under the same ids. Nothing is rewritten or forked: everyone
 * connected receives it as an edit, and the restorer's Undo takes it back in one step (the undo
 * manager records the transaction). Records are updated in place where they still exist, so a
 * colleague typing in a card's body while the restore lands keeps their keystrokes merged, and
 * only fields that differ are written.
 */

/** Creates the record under `id` or updates the fields that differ. */
function writeRecord(map: Y.Map<Record_>, id: string, fields: Record<string, unknown>): void {
  const record = map.get(id);
  if (!(record instanceof Y.Map)) {
    map.set(id, newRecord(fields));
    return;
  }
  for (const [key, value] of Object.entries(fields)) setField(record, key, value);
}

/** Turns a Y.Text into `value` by replacing only the middle that differs. */
function setText(text: Y.Text, value: string): void {
  const old = text.toString();
  if (old === value) return;
  let start = 0;
  while (start < old.length && start < value.length && old[start] === value[start]) start++;
  let end = 0;
  while (end < old.length - start && end < value.length - start && old[old.length - 1 - end] === value[value.length - 1 - end]) end++;
  text.delete(start, old.length - start - end);
  text.insert(start, value.slice(start, value.length - end));
}

function writeCard(doc: Y.Doc, card: Card): void {
  const cards = journeyMaps(doc).cards;
  const { id, ...fields } = card;
  const record = cards.get(id);
  if (!(record instanceof Y.Map)) {
    cards.set(id, newCardRecord(fields));
    return;
  }
  for (const [name, spec] of cardFieldEntries()) {
    if (spec.stored === 'key') continue;
    const value = card[name];
    if (spec.stored === 'value') setField(record, name, value);
    else {
      const text = record.get(name);
      if (text instanceof Y.Text) setText(text, String(value));
      else record.set(name, new Y.Text(String(value)));
    }
  }
}

/** Removes every entry of `map` not in `keep` (junk a peer wrote under odd keys too). */
function removeOthers<T>(map: Y.Map<T>, keep: ReadonlySet<string>): void {
  for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key);
}

/** Brings the version's pictures of the given cards across and drops the ones nobody uses any more. */
function carryImages(doc: Y.Doc, version: Y.Doc, cards: readonly Card[]): void {
  const wanted = new Set(cards.map((c) => c.image).filter((key): key is string => key !== null));
  if (wanted.size > 0) putImages(doc, [...readImages(version).values()].filter((image) => wanted.has(image.key)));
  pruneImages(doc);
}

function writeLinksOf(doc: Y.Doc, target: Journey, cardIds: ReadonlySet<string>): void {
  const maps = journeyMaps(doc);
  const exists = (id: string) => maps.cards.get(id) instanceof Y.Map;
  for (const link of target.links) {
    if ((cardIds.has(link.fromCardId) || cardIds.has(link.toCardId)) && exists(link.fromCardId) && exists(link.toCardId)) writeRecord(maps.links, link.id, linkFields(link));
  }
}

/** Makes the map read exactly as `version` did, in one transaction under `origin`. */
export function restoreVersion(doc: Y.Doc, version: Y.Doc, origin: unknown = LOCAL_ORIGIN): void {
  const target = readJourney(version);
  const maps = journeyMaps(doc);
  doc.transact(() => {
    for (const key of ['title', 'description', 'locale'] as const) if (maps.meta.get(key) !== target[key]) maps.meta.set(key, target[key]);

    removeOthers(maps.phases, new Set(target.phases.map((p) => p.id)));
    for (const { id, ...phase } of target.phases) {
      const record = maps.phases.get(id);
      // a map from before custom phases holds a bare name here: it becomes a record
      if (record instanceof Y.Map) for (const [key, value] of Object.entries(phase)) setField(record, key, value);
      else maps.phases.set(id, newPhaseRecord(phase));
    }

    const sync = <T extends { id: string }>(map: Y.Map<Record_>, records: readonly T[], fields: (r: T) => Record<string, unknown>) => {
      removeOthers(map, new Set(records.map((r) => r.id)));
      for (const record of records) writeRecord(map, record.id, fields(record));
    };
    sync(maps.stages, target.stages, stageFields);
    sync(maps.lanes, target.lanes, laneFields);
    sync(maps.personas, target.personas, personaFields);
    removeOthers(maps.cards, new Set(target.cards.map((c) => c.id)));
    for (const card of target.cards) writeCard(doc, card);
    sync(maps.links, target.links, linkFields);
    sync(maps.evidence, target.evidence, ({ id: _id, ...item }) => evidenceFields(item));
    carryImages(doc, version, target.cards);
  }, origin);
}

/** The stage and lane a card of the version needs, written back if today's map lost them. */
function ensurePlace(doc: Y.Doc, target: Journey, card: Card): void {
  const maps = journeyMaps(doc);
  const stage = target.stages.find((s) => s.id === card.stageId);
  if (stage && !(maps.stages.get(stage.id) instanceof Y.Map)) writeRecord(maps.stages, stage.id, stageFields(stage));
  const lane = target.lanes.find((l) => l.id === card.laneId);
  if (lane && !(maps.lanes.get(lane.id) instanceof Y.Map)) writeRecord(maps.lanes, lane.id, laneFields(lane));
}

/**
 * Brings one card back as the version had it (and its stage or lane if they are gone now, and
 * its links to cards that exist). False when the version has no such card.
 */
export function restoreCard(doc: Y.Doc, version: Y.Doc, cardId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const target = readJourney(version);
  const card = target.cards.find((c) => c.id === cardId);
  if (!card) return false;
  const maps = journeyMaps(doc);
  doc.transact(() => {
    ensurePlace(doc, target, card);
    writeCard(doc, card);
    writeLinksOf(doc, target, new Set([card.id]));
    // the evidence the card had comes back onto it (from the inbox, another card, or deleted)
    for (const { id, ...item } of target.evidence) if (item.cardId === card.id) writeRecord(maps.evidence, id, evidenceFields(item));
    carryImages(doc, version, [card]);
  }, origin);
  return true;
}

/**
 * Makes one stage read as the version had it: its name, phase, colour and description, and its
 * cards — those it held come back as they were, cards that were elsewhere then go back there, and
 * cards made since in this stage are removed (the compare view showed them as added). False
 * when the version has no such stage.
 */
export function restoreStage(doc: Y.Doc, version: Y.Doc, stageId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const target = readJourney(version);
  const stage = target.stages.find((s) => s.id === stageId);
  if (!stage) return false;
  const maps = journeyMaps(doc);
  const then = new Map(target.cards.map((c) => [c.id, c]));
  const cards = target.cards.filter((c) => c.stageId === stageId);
  doc.transact(() => {
    writeRecord(maps.stages, stage.id, stageFields(stage));
    const here: string[] = [];
    maps.cards.forEach((record, id) => {
      if (record instanceof Y.Map && record.get('stageId') === stageId && then.get(id)?.stageId !== stageId) here.push(id);
    });
    const returning: Card[] = [];
    for (const id of here) {
      const was = then.get(id);
      if (was) returning.push(was);
      else maps.cards.delete(id);
    }
    const gone = new Set(here.filter((id) => !then.has(id)));
    maps.links.forEach((link, id) => {
      if (link instanceof Y.Map && (gone.has(String(link.get('fromCardId'))) || gone.has(String(link.get('toCardId'))))) maps.links.delete(id);
    });
    for (const card of [...cards, ...returning]) {
      ensurePlace(doc, target, card);
      writeCard(doc, card);
    }
    writeLinksOf(doc, target, new Set([...cards, ...returning].map((c) => c.id)));
    carryImages(doc, version, [...cards, ...returning]);
  }, origin);
  return true;
}
