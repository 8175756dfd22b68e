import * as Y from 'yjs';
import type { TFunction } from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardFieldSpec } from '../../src/model/cardFields';
import type { ActionId } from '../../src/actions/registry';

/*
 * Adds a card field the way a real one is added — one entry in the field list
 * (src/model/cardFields.ts) — and shows that every path a card travels keeps it: the Y.Doc,
 * copy/paste and duplicate, the map file and the CSV. A path that names card fields by hand
 * would drop it.
 */

/** The fixture field: a rough effort estimate from 0 to 10, none by default. */
vi.mock('../../src/model/cardFields', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/model/cardFields')>();
  const effort: CardFieldSpec<number | null> = {
    role: 'content',
    stored: 'value',
    default: null,
    read: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null),
    file: (k) => k.z.number().int().min(0).max(10).nullable().default(null),
    csv: {
      header: 'effort',
      aliases: ['aufwand'],
      position: 99, // after every real column (confidence 11, the evidence column 11.5 in csv.ts, status 12, owner 13, …)
      write: (value) => (value === null ? '' : String(value)),
      read(cell, kit) {
        const value = cell.trim();
        if (value === '') return null;
        const n = Number(value);
        if (Number.isInteger(n) && n >= 0 && n <= 10) return n;
        kit.problem('must be empty or a whole number from 0 to 10');
        return null;
      },
    },
  };
  return { ...actual, CARD_FIELDS: { ...actual.CARD_FIELDS, effort } };
});

const { runAction } = await import('../../src/actions/context');
const { createI18n } = await import('../../src/i18n');
const { cardFieldEntries, defaultCard } = await import('../../src/model/cardRecord');
const { journeyMaps, readJourney } = await import('../../src/model/doc');
const { addCard, updateCard } = await import('../../src/model/ops');
const { createMapFromTemplate } = await import('../../src/model/templates');
const { createUndoManager } = await import('../../src/model/undo');
const { parseMapFile, serializeMap } = await import('../../src/schema/file');
const { journeyToCsv } = await import('../../src/export/csv');
const { importCsv, importFile } = await import('../../src/export/import');
const { useEditor } = await import('../../src/store/editorStore');

type Card = import('../../src/model/types').Card;
type CardPatch = import('../../src/model/ops').CardPatch;
type WithEffort = Card & { effort: number | null };

const effortOf = (card: Card | undefined) => (card as WithEffort | undefined)?.effort;
/** The compile-time Card has no effort; this fixture field exists only at run time. */
const withEffort = (effort: number | null) => ({ effort }) as unknown as CardPatch;

const editor = () => useEditor.getState();
const t: TFunction = createI18n('en').t;
const run = (id: ActionId) => runAction(id, { t, navigate: () => {} });

let doc: Y.Doc;
let card: Card;

beforeEach(() => {
  doc = createMapFromTemplate('retail', 'en');
  editor().closeSession();
  editor().setClipboard(null);
  editor().setViewport(null);
  editor().openSession({ mapId: 'map-under-test', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
  card = readJourney(doc).cards.find((c) => c.personaIds.length > 0 && c.tags.length > 0)!;
  updateCard(doc, card.id, withEffort(7));
});

const cardIn = (d: Y.Doc, id: string) => readJourney(d).cards.find((c) => c.id === id);

describe('a card field added to the field list alone', () => {
  it('is in the list, with its default on a new card', () => {
    expect(cardFieldEntries().map(([name]) => name)).toContain('effort');
    expect(effortOf(defaultCard())).toBeNull();
  });

  it('is written to the Y.Doc as a plain value, read back, and left out while it holds its default', () => {
    const record = journeyMaps(doc).cards.get(card.id)!;
    expect(record.get('effort')).toBe(7);
    expect(effortOf(cardIn(doc, card.id))).toBe(7);

    updateCard(doc, card.id, withEffort(null));
    expect(record.has('effort')).toBe(false);
    expect(effortOf(cardIn(doc, card.id))).toBeNull();

    const added = addCard(doc, { stageId: card.stageId, laneId: card.laneId, title: 'New', ...withEffort(4) })!;
    expect(journeyMaps(doc).cards.get(added)!.get('effort')).toBe(4);
    expect(effortOf(cardIn(doc, added))).toBe(4);
  });

  it('survives copy and paste, and duplicate, through the actions', () => {
    editor().selectCards([card.id], 'replace');
    expect(run('edit.copy')).toBe(true);
    expect(run('edit.paste')).toBe(true);
    const pasted = editor().selectedCardIds[0]!;
    expect(pasted).not.toBe(card.id);
    expect(effortOf(cardIn(doc, pasted))).toBe(7);

    editor().selectCards([card.id], 'replace');
    expect(run('edit.duplicate')).toBe(true);
    const duplicate = editor().selectedCardIds[0]!;
    expect(duplicate).not.toBe(card.id);
    expect({ ...cardIn(doc, duplicate), id: '', order: '' }).toEqual({ ...cardIn(doc, card.id), id: '', order: '', votes: 0 });
  });

  it('goes out to the map file and comes back, and the file checks it', () => {
    const text = serializeMap(doc);
    expect(text).toContain('"effort": 7');

    const parsed = parseMapFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(effortOf(cardIn(parsed.doc, card.id))).toBe(7);
    expect(serializeMap(parsed.doc)).toBe(text);

    const imported = importFile('map.waymark.json', text);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.journey.cards.filter((c) => effortOf(c) === 7)).toHaveLength(1);

    const index = readJourney(doc).cards.findIndex((c) => c.id === card.id);
    const tooMuch = parseMapFile(text.replace('"effort": 7', '"effort": 11'));
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) expect(tooMuch.issues.map((i) => i.path)).toEqual([`journey.cards[${index}].effort`]);

    // a file written before the field existed reads with the default
    const older = parseMapFile(text.replace(/,?\s*"effort": 7/, ''));
    if (!older.ok) throw new Error(JSON.stringify(older.issues));
    expect(effortOf(cardIn(older.doc, card.id))).toBeNull();
  });

  it('has its own CSV column, written and read back, and checked on import', () => {
    const csv = journeyToCsv(readJourney(doc));
    const [header, ...rows] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(header!.split(',').at(-1)).toBe('effort');
    expect(rows.filter((row) => row.endsWith(',7'))).toHaveLength(1);

    const imported = importCsv(csv);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    const back = imported.journey.cards.find((c) => effortOf(c) === 7)!;
    expect(back.title).toBe(card.title);
    expect(journeyToCsv(imported.journey)).toBe(csv);

    const bad = importCsv('stage,lane,title,aufwand\r\nS,L,T,lots\r\n');
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'line 2.effort', message: 'must be empty or a whole number from 0 to 10' }] });
  });
});
