import * as Y from 'yjs';

/**
 * The relay's rules for a feedback room (`<mapId>/feedback`), as a checker of one update: what
 * the relay is to enforce for every connection but the owner's, and so what a legitimate client
 * must never send (src/model/actor.ts):
 *
 *   comments  a new comment carries authorId = the writer's id; only its author changes its
 *             fields or deletes it; anyone sets `resolved` on any comment
 *   dots      a new dot carries voterId = the writer's id; never changed; only its voter deletes it
 *   rounds, workshop, anything else   the owner's alone
 *
 * The update is applied to a copy of the room's doc as it was before; a transaction observer then
 * looks at what actually changed — `transaction.changed` and each YMapEvent's keys, with the
 * records as they were before for anything deleted or replaced. So an update that only repeats
 * what the room has (a tab forwarding what another tab received) changes nothing and conforms.
 */

export interface ContractWriter {
  /** the identity id the writer's connection proved */
  id: string;
  owner: boolean;
}

export interface ContractVerdict {
  ok: boolean;
  /** what broke the rules, one line each (empty when ok) */
  violations: string[];
}

const FEEDBACK_ROOTS = ['comments', 'dots', 'rounds', 'workshop'] as const;
type Root = (typeof FEEDBACK_ROOTS)[number];

const writerOf = (record: unknown, field: 'authorId' | 'voterId'): unknown => (record instanceof Y.Map ? record.get(field) : undefined);

/** Whether `update`, sent by `writer` to a room whose doc is `before`, keeps the rules. `before` is not changed. */
export function checkFeedbackUpdate(before: Y.Doc, update: Uint8Array, writer: ContractWriter): ContractVerdict {
  const violations: string[] = [];
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(before));
  const roots = new Map<Y.AbstractType<unknown>, Root>(FEEDBACK_ROOTS.map((name) => [copy.getMap(name) as Y.AbstractType<unknown>, name]));
  const was = (root: 'comments' | 'dots', key: string): unknown => before.getMap(root).get(key);

  /** The root map a changed type lives under, and the record key under it (null for the root itself). */
  const locate = (type: Y.AbstractType<unknown>): { root: Root | null; record: string | null } => {
    let current: Y.AbstractType<unknown> = type;
    let record: string | null = null;
    for (;;) {
      const root = roots.get(current);
      if (root) return { root, record };
      const item = current._item;
      if (!item || !(item.parent instanceof Y.AbstractType)) return { root: null, record: null };
      record = typeof item.parentSub === 'string' ? item.parentSub : record;
      current = item.parent as Y.AbstractType<unknown>;
    }
  };

  const checkTransaction = (tx: Y.Transaction) => {
    if (writer.owner) return;
    tx.changed.forEach((keys, type) => {
      const { root, record } = locate(type as Y.AbstractType<unknown>);
      if (root === null) {
        violations.push(`changes something outside the feedback maps (${[...keys].join(', ')})`);
        return;
      }
      if (root === 'rounds' || root === 'workshop') {
        violations.push(`writes ${root} (${[...keys].map(String).join(', ')}), which only the owner may`);
        return;
      }
      const field = root === 'comments' ? 'authorId' : 'voterId';
      const noun = root === 'comments' ? 'comment' : 'dot';
      if (roots.get(type as Y.AbstractType<unknown>) === root) {
        // records added, replaced or deleted
        const map = type as unknown as Y.Map<unknown>;
        const event = new Y.YMapEvent(map, tx, keys);
        event.keys.forEach(({ action }, key) => {
          if (action === 'delete' || action === 'update') {
            const by = writerOf(was(root, key), field);
            if (by !== writer.id) violations.push(`${action === 'delete' ? 'deletes' : 'replaces'} ${noun} ${key} of ${JSON.stringify(by)}`);
          }
          if (action === 'add' || action === 'update') {
            const by = writerOf(map.get(key), field);
            if (by !== writer.id) violations.push(`adds ${noun} ${key} under ${JSON.stringify(by)}`);
          }
        });
        return;
      }
      // a change inside a record (or deeper)
      if (root === 'dots') {
        violations.push(`changes dot ${record} (${[...keys].map(String).join(', ')}): dots are never changed`);
        return;
      }
      const deep = type !== (copy.getMap('comments').get(record ?? '') as unknown);
      const fields = [...keys].map(String);
      if (!deep && fields.every((f) => f === 'resolved')) return;
      const author = writerOf(was('comments', record ?? ''), 'authorId');
      if (author !== writer.id) violations.push(`changes ${fields.join(', ')} of comment ${record} by ${JSON.stringify(author)}`);
      const after = (copy.getMap('comments').get(record ?? '') as Y.Map<unknown> | undefined)?.get('authorId');
      if (!deep && keys.has('authorId') && after !== writer.id) violations.push(`gives comment ${record} to ${JSON.stringify(after)}`);
    });
  };

  copy.on('afterTransaction', checkTransaction);
  Y.applyUpdate(copy, update, 'checked');
  copy.off('afterTransaction', checkTransaction);
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
