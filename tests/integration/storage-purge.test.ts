import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, readThreads } from '../../src/model/feedback';
import { readJourney } from '../../src/model/doc';
import * as ops from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { placeDot, startRound } from '../../src/model/votes';
import { renderThumbnailSvg } from '../../src/export/thumbnail';
import { markThreadsSeen } from '../../src/store/commentsRead';
import { saveViewport } from '../../src/store/savedViewport';
import { rememberBlueprintHidden } from '../../src/store/blueprintView';
import {
  loadShare,
  MapPersistence,
  markDeleted,
  openDatabase,
  purgeDeleted,
  purgeMap,
  rememberOwnerKeyKept,
  saveFeedback,
  saveNewMap,
  saveShare,
  type WaymarkDB,
} from '../../src/storage';
import { installFakeBrowser, type FakeBrowser } from '../support/browserStorage';
import { facilitator, participant } from '../support/actors';

/**
 * Deleting a map from the library is a privacy promise: once purged, nothing on this device
 * names it — no row in any IndexedDB table (its updates, its feedback doc's comments and votes,
 * its entry with the thumbnail) and no localStorage key (share token, read marks, last view, whether the owner key was kept).
 */

let browser: FakeBrowser;
const databases: WaymarkDB[] = [];
beforeEach(() => {
  browser = installFakeBrowser();
});
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
  browser.uninstall();
});

function freshDb(): WaymarkDB {
  const db = openDatabase({ name: 'waymark-purge-test', indexedDB: new IDBFactory(), IDBKeyRange });
  databases.push(db);
  return db;
}

/** A stored map with everything a map can leave on a device: edits, thumbnail, feedback, share token, read marks, the last view. */
async function storeMapWithEverything(db: WaymarkDB, template: 'retail' | 'saas'): Promise<string> {
  const doc = createMapFromTemplate(template, 'en');
  const journey = readJourney(doc);
  const id = journey.id;
  await saveNewMap(db, doc, { thumbnail: renderThumbnailSvg(journey) });
  const persistence = new MapPersistence(db, id, doc, { channelName: false });
  await persistence.whenLoaded;
  ops.updateMeta(doc, { description: 'an edit after saving' });
  await persistence.flush();
  await persistence.destroy();

  const cardId = journey.cards[0]!.id;
  const feedback = new Y.Doc();
  addComment(feedback, facilitator('lead'), { cardId, author: 'Lead', text: `about map ${id}` });
  addComment(feedback, participant('guest'), { cardId, author: 'Guest', text: 'a reply' });
  const roundId = startRound(feedback, facilitator('lead'), { title: 'Pain points', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'lead' });
  expect(placeDot(feedback, participant('guest'), { roundId, cardId, voterName: 'Guest' })).not.toBeNull();
  await saveFeedback(db, id, feedback);

  saveShare(id, { role: 'owner', token: `owner-token-${id}`, editToken: 'edit-token-0123456789', commentToken: null, viewToken: null });
  markThreadsSeen(id, readThreads(feedback));
  saveViewport(id, { x: -420, y: 12, zoom: 0.6 });
  rememberOwnerKeyKept(id, 'kept');
  rememberBlueprintHidden(id, true);
  return id;
}

/** Every row of every table, with byte arrays read as text (a Yjs update holds the map id in its meta). */
async function everyRowAsText(db: WaymarkDB): Promise<string[]> {
  const rows: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      rows.push(`${table.name}: ${JSON.stringify(row, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value))}`);
    }
  }
  return rows;
}

function everyLocalKeyAndValue(): string[] {
  const out: string[] = [];
  for (let i = 0; i < browser.storage.length; i++) {
    const key = browser.storage.key(i)!;
    out.push(`${key} = ${browser.storage.getItem(key)}`);
  }
  return out;
}

const mentioning = (lines: string[], id: string) => lines.filter((line) => line.includes(id));

describe('purging a map', () => {
  it('leaves no IndexedDB row and no localStorage key that names it, and keeps every other map whole', async () => {
    const db = freshDb();
    const gone = await storeMapWithEverything(db, 'retail');
    const kept = await storeMapWithEverything(db, 'saas');
    // the fixture is what it claims: both maps are all over the device before the purge
    for (const id of [gone, kept]) {
      expect(mentioning(await everyRowAsText(db), id).length).toBeGreaterThanOrEqual(4);
      expect(await db.updates.where('mapId').equals(`${id}/feedback`).count()).toBe(1);
      expect(mentioning(everyLocalKeyAndValue(), id).length).toBe(5);
    }
    const keptBefore = mentioning(await everyRowAsText(db), kept);

    await markDeleted(db, gone);
    expect(await purgeMap(db, gone)).toBe(true);

    expect(mentioning(await everyRowAsText(db), gone)).toEqual([]);
    expect(mentioning(everyLocalKeyAndValue(), gone)).toEqual([]);
    expect(loadShare(gone)).toBeNull();
    expect(mentioning(await everyRowAsText(db), kept)).toEqual(keptBefore);
    expect(mentioning(everyLocalKeyAndValue(), kept).length).toBe(5);
    expect(loadShare(kept)?.token).toBe(`owner-token-${kept}`);
  });

  it('does the same for maps purged by age, the ones whose undo window closed with their tab', async () => {
    const db = freshDb();
    const gone = await storeMapWithEverything(db, 'retail');
    const kept = await storeMapWithEverything(db, 'saas');
    await markDeleted(db, gone, 1_000);
    await markDeleted(db, kept, 9_000);

    expect(await purgeDeleted(db, 5_000, 10_000)).toEqual([gone]);

    expect(mentioning(await everyRowAsText(db), gone)).toEqual([]);
    expect(mentioning(everyLocalKeyAndValue(), gone)).toEqual([]);
    // still in the bin, inside its undo window: everything of it stays
    expect(mentioning(everyLocalKeyAndValue(), kept).length).toBe(5);
    expect(await db.updates.where('mapId').equals(`${kept}/feedback`).count()).toBe(1);
  });

  it('keeps everything of a map that was restored before its purge', async () => {
    const db = freshDb();
    const id = await storeMapWithEverything(db, 'retail');
    const before = await everyRowAsText(db);
    await markDeleted(db, id);
    await db.maps.update(id, { deletedAt: null });

    expect(await purgeMap(db, id)).toBe(false);
    expect((await everyRowAsText(db)).length).toBe(before.length);
    expect(loadShare(id)?.role).toBe('owner');
  });
});
