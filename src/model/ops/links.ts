import type * as Y from 'yjs';
import { journeyMaps, newRecord } from '../doc';
import { newId } from '../ids';
import { clampText, LIMITS } from '../limits';
import { LOCAL_ORIGIN } from '../origin';
import { applyPatch, recordOf } from './records';

export interface AddLinkArgs {
  id?: string;
  fromCardId: string;
  toCardId: string;
  label?: string;
}

function linkBetween(doc: Y.Doc, fromCardId: string, toCardId: string, exceptId?: string): boolean {
  let found = false;
  journeyMaps(doc).links.forEach((link, id) => {
    if (id !== exceptId && link.get('fromCardId') === fromCardId && link.get('toCardId') === toCardId) found = true;
  });
  return found;
}

function canConnect(doc: Y.Doc, fromCardId: string, toCardId: string, exceptId?: string): boolean {
  const { cards } = journeyMaps(doc);
  return fromCardId !== toCardId && cards.has(fromCardId) && cards.has(toCardId) && !linkBetween(doc, fromCardId, toCardId, exceptId);
}

/**
 * Links one card to another. Returns the link id, or null when either card is missing, the
 * two are the same card, or that link already exists.
 */
export function addLink(doc: Y.Doc, args: AddLinkArgs, origin: unknown = LOCAL_ORIGIN): string | null {
  if (!canConnect(doc, args.fromCardId, args.toCardId)) return null;
  const id = args.id ?? newId();
  doc.transact(() => {
    journeyMaps(doc).links.set(
      id,
      newRecord({ fromCardId: args.fromCardId, toCardId: args.toCardId, label: clampText(args.label ?? '', LIMITS.linkLabel) }),
    );
  }, origin);
  return id;
}

export function updateLinkLabel(doc: Y.Doc, id: string, label: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const record = recordOf(journeyMaps(doc).links, id);
  if (!record) return false;
  doc.transact(() => applyPatch(record, { label: clampText(label, LIMITS.linkLabel) }), origin);
  return true;
}

/** Moves either end of a link to another card (the "move" of a link). */
export function reconnectLink(
  doc: Y.Doc,
  id: string,
  ends: { fromCardId?: string; toCardId?: string },
  origin: unknown = LOCAL_ORIGIN,
): boolean {
  const record = recordOf(journeyMaps(doc).links, id);
  if (!record) return false;
  const from = ends.fromCardId ?? String(record.get('fromCardId'));
  const to = ends.toCardId ?? String(record.get('toCardId'));
  if (!canConnect(doc, from, to, id)) return false;
  doc.transact(() => applyPatch(record, { fromCardId: from, toCardId: to }), origin);
  return true;
}

export function deleteLink(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const { links } = journeyMaps(doc);
  if (!links.has(id)) return false;
  doc.transact(() => links.delete(id), origin);
  return true;
}
