import type * as Y from 'yjs';

export interface Authored {
  author: string;
  record: Y.Map<unknown>;
}
export interface FeedbackIndex {
  comments: Map<string, Authored>;
  dots: Map<string, Authored>;
}
export const FEEDBACK_ROOTS: readonly string[];
export function isFeedbackRoom(room: string): boolean;
export function prepareFeedbackDoc(doc: Y.Doc): void;
export function indexFeedback(doc: Y.Doc): FeedbackIndex;
export function judgeFeedback(transaction: Y.Transaction, index: FeedbackIndex, me: string | null): string | null;
export function reindexFeedback(transaction: Y.Transaction, index: FeedbackIndex): void;
