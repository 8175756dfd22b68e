import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSpaceArchive, fillImportedSpace, readArchive } from '../../src/app/spaceFiles';
import { deviceMaps } from '../../src/app/spaceHub';
import { readJourney } from '../../src/model/doc';
import type { Comment } from '../../src/model/types';
import { readComments, writeComments } from '../../src/model/feedback';
import { addPersonaFromLibrary } from '../../src/model/ops/libraryPersonas';
import { setStageDetailMap } from '../../src/model/ops/drillDown';
import { addLibraryPersona, initSpaceIndex, putMapEntry, readSpaceIndex, setMapArchived, setMapTags } from '../../src/model/space';
import { mapEntryFromJourney } from '../../src/model/space/entryFromJourney';
import { createMapFromTemplate } from '../../src/model/templates';
import { feedbackStorageKey, listMaps, loadMapDoc, openDatabase, saveNewMap, type WaymarkDB } from '../../src/storage';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function open(): WaymarkDB {
  const db = openDatabase({ name: 'waymark-test', indexedDB: new IDBFactory(), IDBKeyRange });
  cleanups.push(() => db.close());
  return db;
}

/** A device holding a space of two maps: the overview's first stage drills down to the detail map, both follow a library persona, the overview has a comment. */
async function deviceWithSpace(db: WaymarkDB) {
  const index = new Y.Doc();
  initSpaceIndex(index, 'Nordwind');
  addLibraryPersona(index, { name: 'Mia', role: 'Commuter' });
  const persona = readSpaceIndex(index).personas[0]!;
  const overview = createMapFromTemplate('retail', 'en');
  const detail = createMapFromTemplate('saas', 'en');
  const ids = { overview: readJourney(overview).id, detail: readJourney(detail).id };
  setStageDetailMap(overview, readJourney(overview).stages[0]!.id, ids.detail, null);
  for (const doc of [overview, detail]) addPersonaFromLibrary(doc, persona, null);
  const feedback = new Y.Doc();
  const card = readJourney(overview).cards[0]!;
  writeComments(feedback, [{ id: 'c1', cardId: card.id, parentId: null, author: 'Ana', authorId: '', text: 'Check this', mentions: [], at: '2026-01-01T00:00:00.000Z', resolved: false, observation: false } satisfies Comment]);
  await saveNewMap(db, overview, { feedback });
  await saveNewMap(db, detail);
  for (const doc of [overview, detail]) putMapEntry(index, { ...mapEntryFromJourney(readJourney(doc), { now: 1_700_000_000_000, by: 'Ana', thumbnail: '' }), createdAt: 1_600_000_000_000 });
  setMapTags(index, ids.detail, ['checkout']);
  setMapArchived(index, ids.detail, true);
  return { index, ids, persona };
}

describe('importing a space export on a device', () => {
  it('on the device that exported it: the maps get new ids, drill-down and persona links follow them, comments, tags and archived flags come along', async () => {
    const db = open();
    const { index, ids, persona } = await deviceWithSpace(db);
    const read = readArchive(await buildSpaceArchive(deviceMaps(db), index, 'fallback'));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.archive.maps).toHaveLength(2);

    const target = new Y.Doc();
    initSpaceIndex(target, 'Nordwind');
    const newIds = await fillImportedSpace(deviceMaps(db), target, read.archive);
    expect(newIds).toHaveLength(2);
    expect(newIds.filter((id) => id === ids.overview || id === ids.detail)).toEqual([]);

    const imported = readSpaceIndex(target);
    expect(imported.personas.map((p) => [p.name, p.role])).toEqual([['Mia', 'Commuter']]);
    const newPersonaId = imported.personas[0]!.id;
    expect(newPersonaId).not.toBe(persona.id);
    const detailEntry = imported.maps.find((m) => m.archived)!;
    expect(detailEntry.tags).toEqual(['checkout']);
    expect(imported.maps.map((m) => m.createdAt)).toEqual([1_600_000_000_000, 1_600_000_000_000]);

    const docs = await Promise.all(newIds.map((id) => loadMapDoc(db, id)));
    const journeys = docs.map((doc) => readJourney(doc!));
    const overview = journeys.find((j) => j.id !== detailEntry.id)!;
    expect(overview.stages[0]!.detailMapId).toBe(detailEntry.id);
    for (const journey of journeys) expect(journey.personas.filter((p) => p.libraryId !== null).map((p) => p.libraryId)).toEqual([newPersonaId]);
    const comments = readComments((await loadMapDoc(db, feedbackStorageKey(overview.id)))!);
    expect(comments.map((c) => c.text)).toEqual(['Check this']);
    // the originals are untouched
    expect(readJourney((await loadMapDoc(db, ids.overview))!).stages[0]!.detailMapId).toBe(ids.detail);
    expect((await listMaps(db)).length).toBe(4);
  });

  it('on a fresh device: the maps keep their ids', async () => {
    const source = open();
    const { index, ids } = await deviceWithSpace(source);
    const read = readArchive(await buildSpaceArchive(deviceMaps(source), index, 'fallback'));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const fresh = openDatabase({ name: 'waymark-fresh', indexedDB: new IDBFactory(), IDBKeyRange });
    cleanups.push(() => fresh.close());
    const target = new Y.Doc();
    expect((await fillImportedSpace(deviceMaps(fresh), target, read.archive)).sort()).toEqual([ids.overview, ids.detail].sort());
    expect(readJourney((await loadMapDoc(fresh, ids.overview))!).stages[0]!.detailMapId).toBe(ids.detail);
  });
});
