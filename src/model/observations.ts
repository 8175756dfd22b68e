import * as Y from 'yjs';
import { journeyMaps } from './doc';
import { isEvidenceDate, readEvidence, type EvidenceDraft, type EvidenceItem } from './evidence';
import { commentsMap, readComment, setCommentResolved } from './feedback';
import { clampText, LIMITS } from './limits';
import { LOCAL_ORIGIN } from './origin';
import { addEvidence } from './ops/evidence';
import type { Comment } from './types';

/**
 * Workshop observations: what a participant saw or heard, offered as customer evidence. A
 * participant (a comment link) may write the map's feedback doc but never the map doc, where
 * evidence items live; so an observation is a comment flagged `observation` (feedback.ts), under
 * exactly the rights of a comment (server/feedbackRules.mjs). Someone who may edit the map keeps
 * it: that adds an evidence item (source 'workshop') to the map and resolves the observation, so
 * it counts once — on the card's evidence, not also as an open observation.
 */

/** The day of an ISO 8601 time as YYYY-MM-DD, '' when it is not one. */
export function observationDate(at: string): string {
  const day = at.slice(0, 10);
  return isEvidenceDate(day) ? day : '';
}

/** The evidence item keeping an observation makes: its text, the workshop, its day, its author, its card. */
export function observationDraft(comment: Comment): EvidenceDraft & { cardId: string } {
  return {
    // as the item keeps it: a comment may be longer than an evidence item's text
    text: clampText(comment.text, LIMITS.evidenceText),
    source: 'workshop',
    date: observationDate(comment.at),
    addedBy: clampText(comment.author, LIMITS.author),
    cardId: comment.cardId,
  };
}

/** Whether an evidence item is what keeping this observation made (same card, text, author, day, from a workshop). */
export function isKeptAs(comment: Comment, item: EvidenceItem): boolean {
  const draft = observationDraft(comment);
  return (
    item.source === 'workshop' &&
    item.cardId === draft.cardId &&
    item.text === draft.text &&
    item.addedBy === draft.addedBy &&
    item.date === draft.date
  );
}

/** What identifies a kept observation among the evidence: its card, text, author and day. */
function keptKey(item: { cardId?: string | null; text: string; addedBy?: string; date?: string }): string {
  return `${item.cardId ?? ''}\u0000${item.date ?? ''}\u0000${item.addedBy ?? ''}\u0000${item.text}`;
}

const keptKeysMemo = new WeakMap<readonly EvidenceItem[], Set<string>>();

/**
 * The keys of the workshop items among the evidence, once per evidence list: asking for each of
 * thousands of observations whether any of thousands of items is it would cost their product.
 */
function keptKeys(evidence: readonly EvidenceItem[]): Set<string> {
  let keys = keptKeysMemo.get(evidence);
  if (!keys) {
    keys = new Set(evidence.filter((item) => item.source === 'workshop').map(keptKey));
    keptKeysMemo.set(evidence, keys);
  }
  return keys;
}

/** Whether the map's evidence holds what keeping this observation made. */
export function isKept(comment: Comment, evidence: readonly EvidenceItem[]): boolean {
  return keptKeys(evidence).has(keptKey(observationDraft(comment)));
}

/**
 * The open observations of each card (not resolved, hence not yet kept), oldest first; cards
 * without any are absent. With `evidence`, an observation the map already holds as an item is
 * left out too (one kept and then reopened by someone counts once).
 */
export function observationsByCard(comments: readonly Comment[], evidence: readonly EvidenceItem[] = []): Map<string, Comment[]> {
  const byCard = new Map<string, Comment[]>();
  for (const comment of comments) {
    if (!comment.observation || comment.resolved || comment.text.trim() === '') continue;
    if (isKept(comment, evidence)) continue;
    const list = byCard.get(comment.cardId);
    if (list) list.push(comment);
    else byCard.set(comment.cardId, [comment]);
  }
  return byCard;
}

export type KeepResult = 'kept' | 'already' | 'gone' | 'full';

/**
 * Keeps an observation as evidence: adds the map's evidence item (one undo step in the map doc)
 * and resolves the observation in the feedback doc. Only for someone who may edit the map (the
 * relay refuses the map write from anyone else). An observation the map already holds as an
 * item is only resolved ('already'); one deleted meanwhile is not kept ('gone'); a map at its
 * evidence limit keeps nothing ('full').
 */
export function keepObservation(doc: Y.Doc, feedback: Y.Doc, commentId: string, origin: unknown = LOCAL_ORIGIN): KeepResult {
  const record = commentsMap(feedback).get(commentId);
  if (!(record instanceof Y.Map)) return 'gone';
  const comment = readComment(commentId, record);
  if (!comment.observation) return 'gone';
  let already = false;
  journeyMaps(doc).evidence.forEach((value, id) => {
    if (!already && value instanceof Y.Map && isKeptAs(comment, readEvidence(id, value))) already = true;
  });
  if (!already) {
    const { ids } = addEvidence(doc, [observationDraft(comment)], origin);
    if (ids.length === 0) return 'full';
  }
  setCommentResolved(feedback, commentId, true, origin);
  return already ? 'already' : 'kept';
}
