import * as Y from 'yjs';
import type { CardContent, CardValueField } from '../cardFields';
import { cardContentFrom, defaultCard } from '../cardRecord';
import { journeyMaps, newCardRecord } from '../doc';
import { pruneImages } from '../images';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import { isDetailMapId } from '../detailMap';
import { isOpportunityStatus } from '../opportunityStatus';
import { EMOTION_MAX, EMOTION_MIN, type Card } from '../types';
import { cardsInCell } from '../cellIndex';
import { sortOrdered } from '../order';
import { applyPatch, orderFor, recordOf } from './records';

export interface CardCell {
  stageId: string;
  laneId: string;
}

/** A new card's place and content; content left out takes the field's default (cardFields.ts). */
export interface AddCardArgs extends CardCell, Partial<CardContent> {
  id?: string;
  /** position in the cell; default: last */
  index?: number;
}

export type CardPatch = Partial<Pick<Card, CardValueField>>;

function checkEmotion(emotion: number | null | undefined): void {
  if (emotion == null) return;
  if (!Number.isInteger(emotion) || emotion < EMOTION_MIN || emotion > EMOTION_MAX) {
    throw new RangeError(`emotion must be a whole number from ${EMOTION_MIN} to ${EMOTION_MAX}, got ${emotion}`);
  }
}

/** Clamps every text and list of a patch to the file format's limits. */
function clampCardPatch<P extends CardPatch>(patch: P): P {
  checkEmotion(patch.emotion);
  if (patch.votes !== undefined && (!Number.isInteger(patch.votes) || patch.votes < 0)) {
    throw new RangeError(`votes must be a whole number from 0 up, got ${patch.votes}`);
  }
  if (patch.status != null && !isOpportunityStatus(patch.status)) throw new RangeError(`status must be one of the opportunity statuses or null, got ${String(patch.status)}`);
  if (patch.detailMapId != null && !isDetailMapId(patch.detailMapId)) throw new RangeError(`detailMapId must be a map id or null, got ${String(patch.detailMapId)}`);
  return {
    ...patch,
    title: patch.title === undefined ? undefined : clampText(patch.title, LIMITS.cardTitle),
    tags: patch.tags?.slice(0, LIMITS.tagsPerCard).map((t) => clampText(t, LIMITS.tag)),
    personaIds: patch.personaIds?.slice(0, LIMITS.personasPerCard),
    actor: patch.actor === undefined ? undefined : clampText(patch.actor, LIMITS.actor),
    owner: patch.owner === undefined ? undefined : clampText(patch.owner, LIMITS.owner),
  };
}

/** The cards of a cell in display order, without `excludeId`. */
function cellSiblings(doc: Y.Doc, cell: CardCell, excludeId?: string) {
  return sortOrdered(cardsInCell(doc, cell.stageId, cell.laneId, excludeId));
}

/** Cells only exist where both their stage and lane do. */
function cellExists(doc: Y.Doc, cell: CardCell): boolean {
  const { stages, lanes } = journeyMaps(doc);
  return recordOf(stages, cell.stageId) !== undefined && recordOf(lanes, cell.laneId) !== undefined;
}

/** Adds a card to a cell; returns its id, or null when the stage or lane no longer exists. */
export function addCard(doc: Y.Doc, args: AddCardArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  if (!cellExists(doc, args)) return null;
  const { cards } = journeyMaps(doc);
  const id = args.id ?? newId();
  const content = clampCardPatch(cardContentFrom(args));
  const { id: _id, ...blank } = defaultCard();
  doc.transact(() => {
    cards.set(
      id,
      newCardRecord({
        ...blank,
        ...content,
        stageId: args.stageId,
        laneId: args.laneId,
        order: orderFor(cellSiblings(doc, args), args.index),
        body: clampText(content.body, LIMITS.cardBody),
      }),
    );
  }, origin);
  return id;
}

export function updateCard(doc: Y.Doc, id: string, patch: CardPatch, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).cards, id);
  if (!record) return false;
  const clamped = clampCardPatch(patch);
  doc.transact(() => {
    applyPatch(record, clamped);
    // an image let go of goes in the same step, so undo brings it back (images.ts)
    if (patch.image !== undefined) pruneImages(doc);
  }, origin);
  return true;
}

/** The card's body as shared text, for editors that bind to it keystroke by keystroke. */
export function cardBody(doc: Y.Doc, id: string): Y.Text | undefined {
  const body = recordOf(journeyMaps(doc).cards, id)?.get('body');
  return body instanceof Y.Text ? body : undefined;
}

/**
 * Replaces the body with `text`, touching only the span that changed, so a collaborator typing
 * elsewhere in the same body keeps their characters.
 */
export function setCardBody(doc: Y.Doc, id: string, text: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).cards, id);
  if (!record) return false;
  const next = clampText(text, LIMITS.cardBody);
  doc.transact(() => {
    let body = record.get('body');
    if (!(body instanceof Y.Text)) {
      body = new Y.Text();
      record.set('body', body);
    }
    const ytext = body as Y.Text;
    const current = ytext.toString();
    if (current === next) return;
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start++;
    let end = 0;
    while (
      end < current.length - start &&
      end < next.length - start &&
      current[current.length - 1 - end] === next[next.length - 1 - end]
    ) end++;
    // Never cut a surrogate pair in two: Yjs encodes text as UTF-8, where half an emoji is lost.
    const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
    const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
    if (start > 0 && isHigh(current.charCodeAt(start - 1))) start--;
    if (end > 0 && isLow(current.charCodeAt(current.length - end))) end--;
    const removed = current.length - start - end;
    if (removed > 0) ytext.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) ytext.insert(start, inserted);
  }, origin);
  return true;
}

export interface CardTarget extends CardCell {
  /** position in the target cell, counted without the moved card; default: last */
  index?: number;
}

/** Moves a card to a cell and position: it changes stageId, laneId and order, never x/y. */
export function moveCard(doc: Y.Doc, id: string, target: CardTarget, origin: unknown = LOCAL_ORIGIN): boolean {
  return moveCards(doc, [id], target, origin) > 0;
}

/**
 * Moves several cards (a multi-selection) into one cell, in the order given (the caller passes
 * them in display order), starting at `index`. One transaction, so one undo step. Returns how many cards moved.
 */
export function moveCards(doc: Y.Doc, ids: readonly string[], target: CardTarget, origin: unknown = LOCAL_ORIGIN): number {
  if (!cellExists(doc, target)) return 0;
  const { cards } = journeyMaps(doc);
  const records = [...new Set(ids)].map((id) => [id, recordOf(cards, id)] as const).filter((e): e is readonly [string, Y.Map<unknown>] => !!e[1]);
  if (records.length === 0) return 0;
  const moving = new Set(records.map(([id]) => id));
  doc.transact(() => {
    const sibs = cellSiblings(doc, target).filter((s) => !moving.has(s.id));
    let index = Math.max(0, Math.min(target.index ?? sibs.length, sibs.length));
    for (const [id, record] of records) {
      record.set('stageId', target.stageId);
      record.set('laneId', target.laneId);
      const order = orderFor(sibs, index);
      record.set('order', order);
      sibs.splice(index, 0, { id, order });
      index++;
    }
  }, origin);
  return records.length;
}

/** Moves a card within its own cell. */
export function reorderCard(doc: Y.Doc, id: string, index: number, origin: unknown = LOCAL_ORIGIN): boolean {
  const { cards } = journeyMaps(doc);
  const record = recordOf(cards, id);
  if (!record) return false;
  const cell = { stageId: String(record.get('stageId')), laneId: String(record.get('laneId')) };
  doc.transact(() => record.set('order', orderFor(cellSiblings(doc, cell, id), index)), origin);
  return true;
}

/** Deletes cards, every link that touches them and the images only they showed; call inside a transaction. */
export function deleteCardRecords(doc: Y.Doc, ids: readonly string[]): void {
  const { cards, links } = journeyMaps(doc);
  const gone = new Set(ids);
  const deadLinks: string[] = [];
  links.forEach((link, linkId) => {
    if (gone.has(link.get('fromCardId') as string) || gone.has(link.get('toCardId') as string)) deadLinks.push(linkId);
  });
  for (const linkId of deadLinks) links.delete(linkId);
  for (const id of ids) if (cards.has(id)) cards.delete(id);
  pruneImages(doc);
}

export function deleteCard(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  return deleteCards(doc, [id], origin) > 0;
}

/** Deletes cards with their links in one transaction (one undo step); returns how many went. */
export function deleteCards(doc: Y.Doc, ids: readonly string[], origin: unknown = LOCAL_ORIGIN): number {
  const { cards } = journeyMaps(doc);
  const present = [...new Set(ids)].filter((id) => cards.has(id));
  if (present.length === 0) return 0;
  doc.transact(() => deleteCardRecords(doc, present), origin);
  return present.length;
}
