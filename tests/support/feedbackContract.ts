import * as Y from 'yjs';
import { indexFeedback, judgeFeedback, prepareFeedbackDoc } from '../../server/feedbackRules.mjs';

/**
 * The relay's rules for a feedback room (`<mapId>/feedback`, server/feedbackRules.mjs) as a
 * checker of one update: what the relay enforces for every connection but the owner's, and so
 * what a legitimate client must never send (src/model/actor.ts). The update is judged exactly as
 * the relay's update-check worker judges it: applied to a copy of the room as it was, in the
 * transaction that applies it. An update that only repeats what the room has (a tab forwarding
 * what another tab received) changes nothing and conforms.
 */

export interface ContractWriter {
  /** the identity id the writer's connection proved */
  id: string;
  owner: boolean;
}

export interface ContractVerdict {
  ok: boolean;
  /** what broke the rules (empty when ok) */
  violations: string[];
}

/** Whether `update`, sent by `writer` to a room whose doc is `before`, keeps the rules. `before` is not changed. */
export function checkFeedbackUpdate(before: Y.Doc, update: Uint8Array, writer: ContractWriter): ContractVerdict {
  if (writer.owner) return { ok: true, violations: [] };
  const copy = new Y.Doc();
  prepareFeedbackDoc(copy);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(before));
  const index = indexFeedback(copy);
  const violations: string[] = [];
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    const refusal = judgeFeedback(transaction, index, writer.id);
    if (refusal) violations.push(refusal);
  });
  Y.applyUpdate(copy, update, 'checked');
  copy.destroy();
  return { ok: violations.length === 0, violations };
}

/** Every update a doc produces from now on (those not applied with one of `ignoredOrigins`). */
export function recordUpdates(doc: Y.Doc, ignoredOrigins: readonly unknown[] = []): { updates: Uint8Array[]; stop(): void } {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!ignoredOrigins.includes(origin)) updates.push(update);
  };
  doc.on('update', onUpdate);
  return { updates, stop: () => doc.off('update', onUpdate) };
}
