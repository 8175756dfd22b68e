import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { FEEDBACK_FIELDS, readFeedbackTable, type FeedbackMapping } from '../../src/export/feedbackCsv';
import { EVIDENCE_DEFAULTS, type EvidenceItem } from '../../src/model/evidence';
import { addEvidence, assignEvidence } from '../../src/model/ops/evidence';
import { updateCard } from '../../src/model/ops';
import { LOCAL_ORIGIN } from '../../src/model/origin';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { useEditor } from '../../src/store/editorStore';
import { assignTargets, filterInbox, rowAt, rowOffsets, unassignedCount, useInbox, windowByOffsets, withRange } from '../../src/store/evidenceInbox';
import { rowHeight } from '../../src/panels/inbox/InboxList';
import { FEEDBACK_COLUMNS_KEY, REMEMBERED_FILE_KINDS, recallColumns, rememberColumns } from '../../src/store/feedbackColumns';
import { panelAfterSelection } from '../../src/store/panelFollow';
import { problemText } from '../../src/panels/inbox/FeedbackImportDialog';
import { suggestionWhy } from '../../src/panels/inbox/itemText';
import { retainSuggestions, useSuggestionStore } from '../../src/panels/inbox/suggestions';

/**
 * The evidence inbox's logic (issue 18) as a CX lead meets it: which items "Assign to card…"
 * takes, shift-click ranges, the filter box, the windowed list, column choices remembered per
 * device, problems worded `row N: column: reason`, and suggestions that follow the map.
 */

const item = (id: string, text: string, extra: Partial<EvidenceItem> = {}): EvidenceItem => ({ ...EVIDENCE_DEFAULTS, id, text, order: 'a0', ...extra });

/** A localStorage for Node, as the browser's: strings in, strings out. */
function fakeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('picking inbox items', () => {
  beforeEach(() => useInbox.getState().reset());

  it('a shift-click picks every item between the last click and this one, either way round', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(withRange([], order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(withRange([], order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(withRange(['a'], order, 'c', 'e')).toEqual(['a', 'c', 'd', 'e']);
    // an anchor filtered out of the list: the range is the clicked item alone
    expect(withRange([], order, 'gone', 'c')).toEqual(['c']);

    const inbox = useInbox.getState();
    inbox.pick('b', 'replace', order);
    useInbox.getState().pick('d', 'range', order);
    expect(useInbox.getState().selected).toEqual(['b', 'c', 'd']);
    useInbox.getState().pick('c', 'toggle', order);
    expect(useInbox.getState().selected).toEqual(['b', 'd']);
  });

  it('"Assign to card…" takes the picked items, or the row the keyboard is on when it is not one of them', () => {
    expect(assignTargets({ selected: ['a', 'b'], active: 'a' })).toEqual(['a', 'b']);
    expect(assignTargets({ selected: ['a', 'b'], active: null })).toEqual(['a', 'b']);
    expect(assignTargets({ selected: ['a', 'b'], active: 'c' })).toEqual(['c']);
    expect(assignTargets({ selected: [], active: 'c' })).toEqual(['c']);
    expect(assignTargets({ selected: [], active: null })).toEqual([]);
  });

  it('an item assigned elsewhere (a peer, an undo) leaves the picked items and the dialog', () => {
    const inbox = useInbox.getState();
    inbox.setPicked(['a', 'b']);
    inbox.setActive('b');
    inbox.startAssign(['a', 'b']);
    useInbox.getState().prune(new Set(['a']));
    const after = useInbox.getState();
    expect(after.selected).toEqual(['a']);
    expect(after.active).toBeNull();
    expect(after.assigning).toEqual(['a']);
  });
});

describe('the filter box', () => {
  const items = [item('1', 'Die Rückgabe hat drei Wochen gedauert'), item('2', 'Refund took three weeks', { reference: 'TICKET-881' }), item('3', 'Queue at the till')];

  it('finds items by every word typed, in any case and without accents, in the text or the reference', () => {
    expect(filterInbox(items, 'ruckgabe').map((i) => i.id)).toEqual(['1']);
    expect(filterInbox(items, 'RÜCKGABE wochen').map((i) => i.id)).toEqual(['1']);
    expect(filterInbox(items, 'weeks refund').map((i) => i.id)).toEqual(['2']);
    expect(filterInbox(items, 'ticket-881').map((i) => i.id)).toEqual(['2']);
    expect(filterInbox(items, 'weeks queue')).toEqual([]);
  });

  it('an empty or blank query shows everything, as it was', () => {
    expect(filterInbox(items, '')).toBe(items);
    expect(filterInbox(items, '   ')).toBe(items);
  });
});

describe('the windowed list', () => {
  it('renders the rows in view and a few either side, never past the ends', () => {
    const even = rowOffsets(Array.from({ length: 10_000 }, () => 150));
    expect(even[10_000]).toBe(1_500_000);
    expect(windowByOffsets(even, 0, 600, 4)).toEqual({ start: 0, end: 9 });
    expect(windowByOffsets(even, 150 * 5000, 600, 4)).toEqual({ start: 4996, end: 5009 });
    expect(windowByOffsets(even, 150 * 9999, 600, 4)).toEqual({ start: 9995, end: 10_000 });
    expect(windowByOffsets(rowOffsets([]), 0, 600)).toEqual({ start: 0, end: 0 });
    expect(windowByOffsets(rowOffsets([150, 150]), 0, 600)).toEqual({ start: 0, end: 2 });
    // rows of their own heights: a tall row and short ones
    const mixed = rowOffsets([300, 80, 80, 80, 80]);
    expect(rowAt(mixed, 0)).toBe(0);
    expect(rowAt(mixed, 299)).toBe(0);
    expect(rowAt(mixed, 300)).toBe(1);
    expect(rowAt(mixed, 10_000)).toBe(4);
    expect(windowByOffsets(mixed, 310, 100, 0)).toEqual({ start: 1, end: 3 });
  });

  it('10,000 items put at most a screenful and the overscan into the page', () => {
    const offsets = rowOffsets(Array.from({ length: 10_000 }, (_, i) => rowHeight(`item ${i}`, i % 3)));
    const { start, end } = windowByOffsets(offsets, 123_456, 900);
    expect(end - start).toBeLessThanOrEqual(Math.ceil(900 / rowHeight('x', 0)) + 1 + 8);
  });

  it('a row is as tall as what it shows: a one-line note without suggestions is short, a long quote with two is tall', () => {
    const short = rowHeight('Queue at the till', 0);
    const long = rowHeight('The refund took three weeks, nobody told me why, and the hotline kept me waiting for forty minutes', 2);
    expect(short).toBeLessThan(80);
    expect(long).toBeGreaterThan(150);
    // never more than three lines of text, however long the quote
    expect(rowHeight('x'.repeat(4000), 2)).toBe(rowHeight('x'.repeat(200), 2));
    expect(rowHeight('a\nb\nc\nd\ne', 0)).toBe(rowHeight('x'.repeat(200), 0));
  });

  it('counts the items waiting once per evidence list', () => {
    const list = [item('1', 'a'), item('2', 'b', { cardId: 'c1' }), item('3', 'c')];
    expect(unassignedCount(list)).toBe(2);
    expect(unassignedCount([])).toBe(0);
  });
});

describe('column choices remembered on this device', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: fakeStorage(), configurable: true });
  });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });
  const file = { headerCount: 4, fields: FEEDBACK_FIELDS };

  it('the next file with the same headers opens with the columns chosen last time', () => {
    const mapping: FeedbackMapping = { columns: { text: 2, date: 0, score: 3 }, scale: 'csat', source: 'survey' };
    rememberColumns('sig-a', mapping);
    expect(recallColumns('sig-a', file)).toEqual(mapping);
    expect(recallColumns('sig-b', file)).toBeNull();
  });

  it('a remembered column the file does not have, or garbage in storage, is not used', () => {
    rememberColumns('sig-a', { columns: { text: 1, score: 9 }, scale: 'nps', source: 'support' });
    expect(recallColumns('sig-a', file)?.columns).toEqual({ text: 1 });
    localStorage.setItem(FEEDBACK_COLUMNS_KEY, '[{"signature":"sig-x","mapping":{"columns":{"text":"0","date":-1},"scale":"percent","source":"pigeon"}}');
    expect(recallColumns('sig-x', file)).toBeNull();
    localStorage.setItem(FEEDBACK_COLUMNS_KEY, '[{"signature":"sig-x","mapping":{"columns":{"text":0,"date":-1,"__proto__":2},"scale":"percent","source":"pigeon"}}]');
    expect(recallColumns('sig-x', file)).toEqual({ columns: { text: 0 }, scale: null, source: 'other' });
  });

  it('keeps the most recent kinds of file and forgets the oldest', () => {
    for (let i = 0; i <= REMEMBERED_FILE_KINDS; i++) rememberColumns(`sig-${i}`, { columns: { text: 0 }, scale: null, source: 'other' });
    expect(recallColumns('sig-0', file)).toBeNull();
    expect(recallColumns(`sig-${REMEMBERED_FILE_KINDS}`, file)).not.toBeNull();
    // choosing again for an old kind brings it to the front
    rememberColumns('sig-1', { columns: { text: 1 }, scale: null, source: 'chat' });
    rememberColumns('sig-new', { columns: { text: 0 }, scale: null, source: 'other' });
    expect(recallColumns('sig-1', file)?.source).toBe('chat');
  });

  it('without storage (a refused localStorage) nothing is remembered and nothing breaks', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get() {
        throw new Error('SecurityError');
      },
      configurable: true,
    });
    expect(() => rememberColumns('sig', { columns: { text: 0 }, scale: null, source: 'other' })).not.toThrow();
    expect(recallColumns('sig', file)).toBeNull();
  });
});

describe('problems in a feedback file', () => {
  const result = readFeedbackTable('Kommentar;Datum;NPS\nLieferung kam zu spät;gestern;11\n');
  if (!result.ok) throw new Error('fixture');
  const mapping: FeedbackMapping = { columns: { text: 0, date: 1, score: 2 }, scale: 'nps', source: 'other' };

  it('name the row, the file’s own column header and the reason, in the reader’s language', () => {
    const en = createI18n('en').t;
    const de = createI18n('de').t;
    expect(problemText({ path: 'row[2].date', message: 'is not a date' }, result.table, mapping, en)).toBe('row 2: Datum: is not a date');
    expect(problemText({ path: 'row[2].date', message: 'is not a date' }, result.table, mapping, de)).toBe('Zeile 2: Datum: is not a date');
    // a field with no column in this file is named by the field
    expect(problemText({ path: 'row[7].stage', message: 'no such stage' }, result.table, mapping, en)).toBe('row 7: stage: no such stage');
    expect(problemText({ path: '(file)', message: '3 more problems not listed' }, result.table, mapping, en)).toBe('3 more problems not listed');
    // the reader's own words for why, when the file reader gives its reason as a key
    const offScale = { path: 'row[4].score', message: '"9" is not a whole number from 1 to 5 (stars); left out', reason: { key: 'scoreOffScale', values: { value: '9', min: 1, max: 5, scale: 'stars' } } };
    expect(problemText(offScale, result.table, mapping, de)).toBe('Zeile 4: NPS: „9“ passt nicht zur Skala Sterne (1–5); weggelassen');
    expect(problemText(offScale, result.table, mapping, en)).toBe('row 4: NPS: “9” does not fit Stars (1–5); left out');
  });
});

describe('the side panel', () => {
  it('stays on the inbox when a card is clicked: a look at a card before dropping must not take the inbox away', () => {
    expect(panelAfterSelection('inbox', 'card', { typingInPanel: false, roundOpen: false })).toBe('inbox');
    expect(panelAfterSelection('inbox', 'stage', { typingInPanel: false, roundOpen: false })).toBe('inbox');
  });
});

describe('suggestions', () => {
  afterEach(() => useEditor.getState().closeSession());

  function openRetail() {
    const doc = createMapFromTemplate('retail', 'en');
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    useEditor.getState().openSession({ mapId: 'inbox-map', doc, undo, feedback: new Y.Doc() });
    return doc;
  }
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect.poll(() => useSuggestionStore.getState().running, { timeout: 5000 }).toBe(false);
  };

  it('are worked out after an import and follow the cards, each saying why', async () => {
    const doc = openRetail();
    const stop = retainSuggestions();
    try {
      const { ids } = addEvidence(doc, [{ text: 'The refund took three weeks' }, { text: 'Lovely weather' }], LOCAL_ORIGIN);
      await settled();
      const refund = useSuggestionStore.getState().byItem.get(ids[0]!)!;
      const journey = useEditor.getState().journey!;
      const first = journey.cards.find((c) => c.id === refund[0]!.cardId)!;
      expect(first.title.toLowerCase()).toContain('refund');
      expect(suggestionWhy(refund[0]!, createI18n('en').t)).toMatch(/^matches ‘refund’ in title/i);
      expect(useSuggestionStore.getState().byItem.get(ids[1]!)).toEqual([]);

      // a card renamed to the words of the second item is suggested for it now
      const card = journey.cards.find((c) => c.title === 'Queue at the till' || c.laneId === first.laneId)!;
      updateCard(doc, card.id, { title: 'Lovely weather for the hike' }, LOCAL_ORIGIN);
      await settled();
      expect(useSuggestionStore.getState().byItem.get(ids[1]!)?.[0]?.cardId).toBe(card.id);

      // an item assigned leaves the inbox, and its suggestions with it
      assignEvidence(doc, [ids[0]!], first.id, LOCAL_ORIGIN);
      await settled();
      expect(useSuggestionStore.getState().byItem.has(ids[0]!)).toBe(false);
    } finally {
      stop();
    }
    expect(useSuggestionStore.getState().byItem.size).toBe(0);
  });
});
