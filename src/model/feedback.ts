import * as Y from 'yjs';
import { newRecord, setField } from './doc';
import { newId } from './ids';
import { clampText, LIMITS } from './limits';
import { LOCAL_ORIGIN } from './origin';
import type { Comment } from './types';

/**
 * The feedback doc sits beside the map doc, in room `<mapId>/feedback`, so the relay can let a
 * workshop participant comment and vote without being able to change the map.
 *   comments  Y.Map  id → Y.Map { cardId, author, text, at, resolved }
 */
export function commentsMap(feedback: Y.Doc): Y.Map<Y.Map<unknown>> {
  return feedback.getMap('comments');
}

export function readComment(id: string, r: Y.Map<unknown>): Comment {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return { id, cardId: s(r.get('cardId')), author: s(r.get('author')), text: s(r.get('text')), at: s(r.get('at')), resolved: r.get('resolved') === true };
}

/** All comments, oldest first. */
export function readComments(feedback: Y.Doc): Comment[] {
  const out: Comment[] = [];
  commentsMap(feedback).forEach((r, id) => {
    if (r instanceof Y.Map) out.push(readComment(id, r));
  });
  return out.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface AddCommentArgs {
  id?: string;
  cardId: string;
  author: string;
  text: string;
  /** ISO 8601; default now */
  at?: string;
}

export function addComment(feedback: Y.Doc, args: AddCommentArgs, origin: unknown = LOCAL_ORIGIN): string {
  const id = args.id ?? newId();
  feedback.transact(() => {
    commentsMap(feedback).set(
      id,
      newRecord({
        cardId: args.cardId,
        author: clampText(args.author, LIMITS.author),
        text: clampText(args.text, LIMITS.commentText),
        at: args.at ?? new Date().toISOString(),
        resolved: false,
      }),
    );
  }, origin);
  return id;
}

function withComment(feedback: Y.Doc, id: string, origin: unknown, fn: (r: Y.Map<unknown>) => void): boolean {
  const r = commentsMap(feedback).get(id);
  if (!(r instanceof Y.Map)) return false;
  feedback.transact(() => fn(r), origin);
  return true;
}

export function editComment(feedback: Y.Doc, id: string, text: string, origin: unknown = LOCAL_ORIGIN): boolean {
  return withComment(feedback, id, origin, (r) => setField(r, 'text', clampText(text, LIMITS.commentText)));
}

export function setCommentResolved(feedback: Y.Doc, id: string, resolved: boolean, origin: unknown = LOCAL_ORIGIN): boolean {
  return withComment(feedback, id, origin, (r) => setField(r, 'resolved', resolved));
}

/** Moves a comment to another card (when a card is split, say). */
export function moveComment(feedback: Y.Doc, id: string, cardId: string, origin: unknown = LOCAL_ORIGIN): boolean {
  return withComment(feedback, id, origin, (r) => setField(r, 'cardId', cardId));
}

export function deleteComment(feedback: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): boolean {
  const comments = commentsMap(feedback);
  if (!comments.has(id)) return false;
  feedback.transact(() => comments.delete(id), origin);
  return true;
}

/** Writes comments into an empty feedback doc (imports). */
export function writeComments(feedback: Y.Doc, comments: readonly Comment[], origin: unknown = null): void {
  feedback.transact(() => {
    for (const { id, ...fields } of comments) commentsMap(feedback).set(id, newRecord(fields));
  }, origin);
}
