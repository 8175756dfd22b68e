import * as Y from 'yjs';
import { journeyMaps } from './doc';
import type { CheckpointReason, VersionCounts, VersionInfo } from './versions';

/*
 * A version's content is one Yjs update of the whole map doc (design: a full copy per version,
 * never `gc: false` on the live doc). Taking one copies the doc's state as it is; opening one
 * gives a separate doc, so previewing a version can never write into the live map.
 */

/** The map as it is now, as the bytes a version keeps (images included: they live in the doc). */
export function snapshotOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Whether two snapshots are byte for byte alike, i.e. the same document. Two docs that reached
 * the same state by different paths (the relay process that made the changes, another that
 * received them) encode alike, as Yjs writes clients in order and deletions as merged ranges (199
 * of 199 random two-writer runs). One document can still encode two ways (an item split in one
 * doc and whole in the other): then this says no, and a checkpoint repeating the last one is
 * stored — harmless, and cheaper than deciding it, which means decoding both into docs (some
 * 800 ms on the main thread for a 5,000-card map). It never says yes for two different documents.
 */
export function sameSnapshot(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
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
    counts: docVersionCounts(doc),
  };
}

/**
 * A version's counts straight from the doc's records, as `versionCounts(readJourney(doc))` would
 * give them (a card counts only in a stage and lane that exist) without reading every card's
 * fields: the relay takes these on its main thread for rooms of up to 16 MiB.
 */
export function docVersionCounts(doc: Y.Doc): VersionCounts {
  const maps = journeyMaps(doc);
  const stages = new Set<string>();
  maps.stages.forEach((record, id) => {
    if (record instanceof Y.Map) stages.add(id);
  });
  const kinds = new Map<string, unknown>();
  maps.lanes.forEach((record, id) => {
    if (record instanceof Y.Map) kinds.set(id, record.get('kind'));
  });
  const counts: VersionCounts = { stages: stages.size, cards: 0, pains: 0, opportunities: 0 };
  maps.cards.forEach((record) => {
    if (!(record instanceof Y.Map)) return;
    const stageId = record.get('stageId');
    const laneId = record.get('laneId');
    if (typeof stageId !== 'string' || typeof laneId !== 'string' || !stages.has(stageId) || !kinds.has(laneId)) return;
    counts.cards++;
    const kind = kinds.get(laneId);
    if (kind === 'pains') counts.pains++;
    else if (kind === 'opportunities') counts.opportunities++;
  });
  return counts;
}
