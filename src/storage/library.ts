import * as Y from 'yjs';
import { journeyMaps, readMeta } from '../model/doc';
import { updateMeta } from '../model/ops/meta';
import { mapChannelName, postToTabs } from './channel';
import type { MapEntry, WaymarkDB } from './db';
import { forgetMapOnDevice } from './deviceKeys';
import { PERSISTENCE_ORIGIN } from './origins';
import { applyStoredUpdates, readMapUpdates } from './updates';
import { eraseMapVersions } from './versions';

/**
 * The map library: the list of maps on this device and whole-map operations on it (create,
 * duplicate, rename, delete with undo, purge). Purging is the only way a map leaves this device,
 * and it takes everything stored for the map with it. An open map is kept in step with the
 * database by MapPersistence, not by these functions. Every function rejects with the database's error
 * (see classifyStorageError) when the database cannot do what was asked.
 */

/** Live maps (not in the bin), the most recently changed first. */
export async function listMaps(db: WaymarkDB): Promise<MapEntry[]> {
  const entries = await db.maps.orderBy('updatedAt').reverse().toArray();
  return entries.filter((entry) => entry.deletedAt === null);
}

/** Maps in the bin, the most recently deleted first. */
export async function listDeletedMaps(db: WaymarkDB): Promise<MapEntry[]> {
  const entries = await db.maps.where('deletedAt').above(-Infinity).toArray();
  return entries.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
}

export async function getMapEntry(db: WaymarkDB, id: string): Promise<MapEntry | null> {
  return (await db.maps.get(id)) ?? null;
}

export interface NewMapOptions {
  thumbnail?: string | null;
  /** the map's feedback doc (an import's comments and votes), stored beside it */
  feedback?: Y.Doc;
  /** default: Date.now() */
  now?: number;
}

/**
 * Adds a map made in memory (from a template, an import) to the library: its entry, from the
 * doc's meta, one snapshot of its content and its feedback doc if given, in one transaction. Rejects (ConstraintError)
 * when a map with that id exists, and when the doc's meta has no id.
 */
export async function saveNewMap(db: WaymarkDB, doc: Y.Doc, options: NewMapOptions = {}): Promise<MapEntry> {
  const meta = readMeta(doc);
  if (meta.id === '') throw new TypeError('saveNewMap: the map has no id in its meta');
  const now = options.now ?? Date.now();
  const created = Date.parse(meta.createdAt);
  const entry: MapEntry = {
    id: meta.id,
    title: meta.title,
    createdAt: Number.isFinite(created) ? created : now,
    updatedAt: now,
    thumbnail: options.thumbnail ?? null,
    deletedAt: null,
  };
  await addMap(db, entry, Y.encodeStateAsUpdate(doc), options.feedback);
  return entry;
}

function addMap(db: WaymarkDB, entry: MapEntry, snapshot: Uint8Array, feedback?: Y.Doc): Promise<void> {
  return db.transaction('rw', db.maps, db.updates, async () => {
    await db.maps.add(entry);
    await db.updates.add({ mapId: entry.id, update: snapshot });
    if (feedback) await saveFeedback(db, entry.id, feedback);
  });
}

export type MapEntryPatch = Partial<Pick<MapEntry, 'title' | 'thumbnail' | 'updatedAt'>>;

/**
 * Changes an entry's cached fields; false when there is no such map. The title shown in the
 * library follows the doc's meta: to rename a map use `renameMap` (closed map) or the
 * `updateMeta` op (open map), which MapPersistence mirrors into the entry.
 */
export async function updateMapEntry(db: WaymarkDB, id: string, patch: MapEntryPatch): Promise<boolean> {
  return (await db.maps.update(id, patch)) > 0;
}

/** The map's doc, built from everything stored for it; null when nothing is stored. */
export async function loadMapDoc(db: WaymarkDB, id: string): Promise<Y.Doc | null> {
  const rows = await readMapUpdates(db, id);
  if (rows.length === 0) return null;
  const doc = new Y.Doc();
  applyStoredUpdates(doc, rows);
  return doc;
}

export interface DuplicateOptions {
  newId: string;
  title: string;
  /** default: Date.now() */
  now?: number;
}

/**
 * A copy of a map's content under a new id, with its own title (in the entry and in the copy's
 * meta, where the creation time is reset too). The copy is a separate doc and room: editing
 * one never changes the other. Rejects when the map does not exist.
 */
export async function duplicateMap(db: WaymarkDB, id: string, options: DuplicateOptions): Promise<MapEntry> {
  const [source, rows] = await db.transaction('r', db.maps, db.updates, () =>
    Promise.all([db.maps.get(id), readMapUpdates(db, id)]),
  );
  if (!source || rows.length === 0) throw new Error(`duplicateMap: no map with id ${id}`);
  const now = options.now ?? Date.now();
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, rows);
    doc.transact(() => {
      journeyMaps(doc).meta.set('id', options.newId);
      journeyMaps(doc).meta.set('createdAt', new Date(now).toISOString());
      updateMeta(doc, { title: options.title }, PERSISTENCE_ORIGIN);
    }, PERSISTENCE_ORIGIN);
    const entry: MapEntry = {
      id: options.newId,
      title: readMeta(doc).title,
      createdAt: now,
      updatedAt: now,
      thumbnail: source.thumbnail,
      deletedAt: null,
    };
    await addMap(db, entry, Y.encodeStateAsUpdate(doc));
    return entry;
  } finally {
    doc.destroy();
  }
}

/**
 * Renames a map that is not open here: the title changes in the doc (one more stored update,
 * also sent to any tab that has the map open) and in the entry, in one transaction. False when
 * the map does not exist.
 */
export async function renameMap(db: WaymarkDB, id: string, title: string, now: number = Date.now()): Promise<boolean> {
  const rows = await readMapUpdates(db, id);
  if (rows.length === 0) return false;
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, rows);
    const before = Y.encodeStateVector(doc);
    updateMeta(doc, { title }, PERSISTENCE_ORIGIN);
    const update = Y.encodeStateAsUpdate(doc, before);
    const stored = readMeta(doc).title;
    await db.transaction('rw', db.maps, db.updates, async () => {
      await db.updates.add({ mapId: id, update });
      await db.maps.update(id, { title: stored, updatedAt: now });
    });
    postToTabs(mapChannelName(id), { kind: 'update', update });
    return true;
  } finally {
    doc.destroy();
  }
}

/** Moves a map to the bin; the library offers undo (restoreMap) until it is purged. */
export async function markDeleted(db: WaymarkDB, id: string, now: number = Date.now()): Promise<boolean> {
  return (await db.maps.update(id, { deletedAt: now })) > 0;
}

export async function restoreMap(db: WaymarkDB, id: string): Promise<boolean> {
  return (await db.maps.update(id, { deletedAt: null })) > 0;
}

/** A map's feedback doc (comments, votes, workshop) is stored beside it under this key. */
export const feedbackStorageKey = (mapId: string) => `${mapId}/feedback`;

/** Stores a new map's feedback doc (an import's comments and votes) beside the map. */
export async function saveFeedback(db: WaymarkDB, mapId: string, feedback: Y.Doc): Promise<void> {
  await db.updates.add({ mapId: feedbackStorageKey(mapId), update: Y.encodeStateAsUpdate(feedback) });
}

/**
 * Removes one map for good, but only while it is still in the bin: a map restored meanwhile
 * (from another tab, say) stays. Resolves to whether the map was removed. What goes is listed
 * at `eraseMaps`.
 */
export async function purgeMap(db: WaymarkDB, id: string): Promise<boolean> {
  const purged = await db.transaction('rw', [db.maps, db.updates, db.versions, db.versionSnapshots], async () => {
    const entry = await db.maps.get(id);
    if (!entry || entry.deletedAt === null) return false;
    await eraseMaps(db, [id]);
    return true;
  });
  if (purged) forgetMapOnDevice(id);
  return purged;
}

/**
 * Removes for good the maps deleted at least `olderThanMs` ago (their tab closed during the
 * undo window), as `purgeMap` does for one. Returns the ids removed.
 */
export async function purgeDeleted(db: WaymarkDB, olderThanMs: number, now: number = Date.now()): Promise<string[]> {
  const cutoff = now - olderThanMs;
  const ids = await db.transaction('rw', [db.maps, db.updates, db.versions, db.versionSnapshots], async () => {
    const found = await db.maps.where('deletedAt').belowOrEqual(cutoff).primaryKeys();
    if (found.length > 0) await eraseMaps(db, found);
    return found;
  });
  for (const id of ids) forgetMapOnDevice(id);
  return ids;
}

/**
 * Everything stored for these maps, inside the caller's transaction: the entries (with their
 * thumbnails), the maps' updates, their feedback docs' updates (comments, votes) and their
 * versions (entries and content, src/storage/versions.ts). The
 * per-map keys in localStorage (share token, read marks) are forgotten by the caller once the
 * transaction has committed, so a failed purge leaves the map still reachable.
 */
async function eraseMaps(db: WaymarkDB, ids: readonly string[]): Promise<void> {
  await db.updates.where('mapId').anyOf([...ids, ...ids.map(feedbackStorageKey)]).delete();
  await eraseMapVersions(db, ids);
  await db.maps.bulkDelete([...ids]);
}
