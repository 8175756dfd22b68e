import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { addCard, deleteCard, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { sameSnapshot, snapshotOf } from '../../src/model/versionSnapshot';
import { DEFAULT_RETENTION } from '../../src/model/versions';
import { MemoryStore } from '../../server/store';
import { Versions, takeSnapshot } from '../../server/versions';

/*
 * An automatic checkpoint of the document the map's newest version already holds is not stored
 * (two relay processes with writers in one room both take one of what is by then the same map):
 * what "the same document" means, and which versions are never skipped.
 */

function cell(doc: Y.Doc) {
  const { stages, lanes } = readJourney(doc);
  return { stageId: stages[0]!.id, laneId: lanes[0]!.id };
}

/** Two docs that edit one map, each sending the other its changes one by one, as two processes do. */
function converged() {
  const a = createMapFromTemplate('saas', 'en');
  const b = new Y.Doc();
  const PEER = Symbol('peer');
  const link = (from: Y.Doc, to: Y.Doc) => from.on('update', (u: Uint8Array, origin: unknown) => origin !== PEER && Y.applyUpdate(to, u, PEER));
  Y.applyUpdate(b, snapshotOf(a));
  link(a, b);
  link(b, a);
  const first = addCard(a, { ...cell(a), title: 'Sign-up form too long' })!;
  const second = addCard(b, { ...cell(b), title: 'No price on the page' })!;
  updateCard(a, first, { title: 'Sign-up form far too long' });
  updateCard(b, first, { title: 'Sign-up form, 14 fields' });
  deleteCard(a, second);
  return { a, b };
}

describe('sameSnapshot', () => {
  it('two docs that reached the same state by different paths hold the same document', () => {
    const { a, b } = converged();
    expect(sameSnapshot(snapshotOf(a), snapshotOf(b))).toBe(true);
  });

  it('one document encoded two ways (an update merged from pieces) counts as changed: a repeated checkpoint, never a lost one', () => {
    const doc = createMapFromTemplate('saas', 'en');
    const pieces: Uint8Array[] = [snapshotOf(doc)];
    doc.on('update', (u: Uint8Array) => pieces.push(u));
    for (let i = 0; i < 5; i++) addCard(doc, { ...cell(doc), title: `Card ${i}` });
    doc.getText('probe').insert(0, 'abc');
    doc.getText('probe').insert(1, 'X'); // splits "abc" in the doc; the first piece holds it whole
    const merged = Y.mergeUpdates(pieces);
    expect(Buffer.from(merged).equals(Buffer.from(snapshotOf(doc)))).toBe(false);
    expect(sameSnapshot(merged, snapshotOf(doc))).toBe(false);
  });

  it('one more change, or one more deletion (same state vector), is another document', () => {
    const doc = createMapFromTemplate('saas', 'en');
    const id = addCard(doc, { ...cell(doc), title: 'Sign-up form too long' })!;
    const before = snapshotOf(doc);
    deleteCard(doc, id);
    const deleted = snapshotOf(doc);
    expect(Buffer.from(Y.encodeStateVectorFromUpdate(before)).equals(Buffer.from(Y.encodeStateVectorFromUpdate(deleted)))).toBe(true);
    expect(sameSnapshot(before, deleted)).toBe(false);
    addCard(doc, { ...cell(doc), title: 'Another' });
    expect(sameSnapshot(deleted, snapshotOf(doc))).toBe(false);
  });
});

describe('Versions.addCheckpoint', () => {
  const limits = { perMap: 100, bytesPerMap: 64 * 1024 * 1024, fileCacheBytes: 0, retention: DEFAULT_RETENTION };
  const idle = { kind: 'auto', reason: 'idle', by: '' } as const;
  /** a second between versions, so the list's order is the order they were made in */
  const clock = () => {
    let t = Date.parse('2026-12-05T09:00:00.000Z');
    return () => (t += 1000);
  };

  it('stores a checkpoint after changes, and not one of the document the newest version holds, named or not', async () => {
    const versions = new Versions(new MemoryStore(), limits, clock());
    const { a, b } = converged();
    expect(await versions.addCheckpoint('room', idle, takeSnapshot(a))).toMatchObject({ kind: 'auto', reason: 'idle' });
    // the other process's checkpoint of the same map
    expect(await versions.addCheckpoint('room', idle, takeSnapshot(b))).toBe('unchanged');
    addCard(a, { ...cell(a), title: 'After the checkpoint' });
    expect(await versions.addCheckpoint('room', { ...idle, reason: 'interval' }, takeSnapshot(a))).toMatchObject({ reason: 'interval' });
    // someone named the map as it is now: the idle checkpoint after it would repeat it
    addCard(a, { ...cell(a), title: 'Before the workshop' });
    await versions.add('room', { kind: 'named', name: 'Workshop', by: 'Ann' }, takeSnapshot(a));
    expect(await versions.addCheckpoint('room', idle, takeSnapshot(a))).toBe('unchanged');
    expect((await versions.list('room')).map((v) => v.name || v.reason)).toEqual(['Workshop', 'interval', 'idle']);
  });

  it('a named version or a checkpoint before a restore or import is stored even when the newest version holds the same document', async () => {
    const versions = new Versions(new MemoryStore(), limits, clock());
    const doc = createMapFromTemplate('saas', 'en');
    await versions.addCheckpoint('room', idle, takeSnapshot(doc));
    await versions.add('room', { kind: 'named', name: 'Same map', by: '' }, takeSnapshot(doc));
    await versions.add('room', { kind: 'auto', reason: 'restore', by: '' }, takeSnapshot(doc));
    await versions.add('room', { kind: 'auto', reason: 'import', by: '' }, takeSnapshot(doc));
    expect((await versions.list('room')).map((v) => v.name || v.reason)).toEqual(['import', 'restore', 'Same map', 'idle']);
  });
});
