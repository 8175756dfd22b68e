import * as Y from 'yjs';

const REMOTE = 'remote';

/**
 * Replicas of one map that exchange their updates only when told to, in an order the test
 * chooses: an in-memory stand-in for the network, like Yjs's applyRandomTests and tldraw's
 * syncFuzz. Every replica starts from the same base state.
 */
export class ReplicaNetwork {
  readonly docs: Y.Doc[];
  /** inbox[to][from] = updates sent by `from` that `to` has not applied yet */
  private readonly inbox: Uint8Array[][][];

  constructor(count: number, base: Y.Doc) {
    const baseUpdate = Y.encodeStateAsUpdate(base);
    this.docs = [];
    this.inbox = [];
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, baseUpdate, REMOTE);
      this.docs.push(doc);
      this.inbox.push(Array.from({ length: count }, () => []));
    }
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        this.inbox.forEach((boxes, to) => {
          if (to !== from) boxes[from]!.push(update);
        });
      });
    });
  }

  /**
   * Delivers some pending updates from one replica to another. `pick` chooses which (by index,
   * modulo the queue length), so updates can arrive out of order: Yjs must hold back what it
   * cannot apply yet.
   */
  deliver(to: number, from: number, pick: number): void {
    const queue = this.inbox[to]![from]!;
    if (queue.length === 0) return;
    const [update] = queue.splice(pick % queue.length, 1);
    Y.applyUpdate(this.docs[to]!, update!, REMOTE);
  }

  /** Delivers everything still pending, newest first (the worst order for Yjs). */
  flush(): void {
    this.inbox.forEach((boxes, to) => {
      boxes.forEach((queue, from) => {
        while (queue.length) Y.applyUpdate(this.docs[to]!, queue.pop()!, REMOTE);
        void from;
      });
    });
  }
}
