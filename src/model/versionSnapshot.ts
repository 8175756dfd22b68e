import * as Y from 'yjs';
import { readJourney } from './doc';
import { versionCounts, type CheckpointReason, type VersionInfo } from './versions';

/*
 * A version's content is one Yjs update of the whole map doc (design: a full copy per version,
 * never `gc: false` on the live doc). Taking one copies the doc's state as it is; opening one
 * gives a separate doc, so previewing a version can never write into the live map.
 */

/** The map as it is now, as the bytes a version keeps (images included: they live in the doc). */
export function snapshotOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/** A new doc holding the snapshot; the caller destroys it. Throws on bytes that are no Yjs update. */
export function docFromSnapshot(bytes: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}

export interface VersionDescription {
  id: string;
  /** '' for a checkpoint */
  name: string;
  /** null: a named version */
  reason: CheckpointReason | null;
  createdAt: string;
  by: string;
}

/** What a version made of `doc` now says about itself: named unless it has a reason; counted from the doc. */
export function describeVersion(doc: Y.Doc, what: VersionDescription): VersionInfo {
  return {
    id: what.id,
    name: what.reason === null ? what.name : '',
    kind: what.reason === null ? 'named' : 'auto',
    reason: what.reason,
    createdAt: what.createdAt,
    by: what.by,
    counts: versionCounts(readJourney(doc)),
  };
}
