import type { TFunction } from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { buildActionContext, isEnabled, runAction } from '../../src/actions/context';
import { actionForKey } from '../../src/actions/dispatch';
import { findAction, type ActionId } from '../../src/actions/registry';
import { NodeBuilder, type CardNodeData, type StageNodeData } from '../../src/canvas/buildNodes';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { layoutJourney } from '../../src/model/layout';
import { addEvidence } from '../../src/model/ops/evidence';
import { updateCard } from '../../src/model/ops/cards';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import type { Journey } from '../../src/model/types';
import { EMPTY_FORM, pastedLines, readForm, scoreWords, shortQuote, webLink } from '../../src/panels/evidence/logic';
import { assumptionLook, countAssumptions, evidenceCounts, useAssumptionFilter } from '../../src/store/assumptionFilter';
import { useEditor } from '../../src/store/editorStore';
import { JourneyView } from '../../src/store/journeyView';

/* ---------- the inspector's form and words ---------- */

describe('the evidence form', () => {
  it('refuses an item without a quote, a score off its scale, a day that does not exist and a count below one', () => {
    expect(readForm({ ...EMPTY_FORM, text: '   ' })).toEqual({ ok: false, problem: { field: 'text' } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', scale: 'nps', score: '11' })).toEqual({ ok: false, problem: { field: 'score', scale: 'nps', min: 0, max: 10 } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', scale: 'csat', score: '0' })).toMatchObject({ ok: false, problem: { field: 'score', min: 1, max: 5 } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', scale: 'stars', score: '2.5' })).toMatchObject({ ok: false, problem: { field: 'score' } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', date: '2026-02-30' })).toEqual({ ok: false, problem: { field: 'date' } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', count: '0' })).toEqual({ ok: false, problem: { field: 'count' } });
    expect(readForm({ ...EMPTY_FORM, text: 'Too slow', count: '1.5' })).toEqual({ ok: false, problem: { field: 'count' } });
  });

  it('turns what was typed into an item: trimmed, a score only with its scale, an empty count as one voice', () => {
    expect(readForm({ text: '  Waited 20 minutes ', source: 'support', date: '2026-03-02', count: '37', sentiment: 'negative', scale: 'nps', score: '3', reference: ' #4711 ' })).toEqual({
      ok: true,
      draft: { text: 'Waited 20 minutes', source: 'support', date: '2026-03-02', count: 37, sentiment: 'negative', scale: 'nps', score: 3, reference: '#4711' },
    });
    // a score typed without a scale is no score (the field is disabled until a scale is chosen)
    expect(readForm({ ...EMPTY_FORM, text: 'Fine', count: '', score: '4' })).toMatchObject({ ok: true, draft: { count: 1, score: null, scale: null, sentiment: null } });
  });

  it('names a score on its scale as a CX team reads it', () => {
    const en = createI18n('en').t;
    const words = (item: Parameters<typeof scoreWords>[0]) => {
      const w = scoreWords(item);
      return w ? en(w.key, { score: w.score }) : null;
    };
    expect(words({ score: 3, scale: 'nps' })).toBe('NPS 3');
    expect(words({ score: 4, scale: 'csat' })).toBe('CSAT 4/5');
    expect(words({ score: 2, scale: 'stars' })).toBe('★ 2/5');
    expect(words({ score: null, scale: null })).toBeNull();
  });

  it('offers one item per line for a pasted list, bullets and blank lines left out, and nothing for one line', () => {
    expect(pastedLines('- Queue too long\r\n\n• Staff friendly\n  3. Parking full  ')).toEqual(['Queue too long', 'Staff friendly', 'Parking full']);
    expect(pastedLines('One quote only\n\n')).toBeNull();
    expect(pastedLines('')).toBeNull();
  });

  it('lets only a plain web address be a link; script, data and anything else stays text', () => {
    expect(webLink('https://support.example.com/tickets/4711')).toBe('https://support.example.com/tickets/4711');
    expect(webLink('  http://example.com/a?b=c ')).toBe('http://example.com/a?b=c');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink('JaVaScRiPt:alert(1)//https://x')).toBeNull();
    expect(webLink('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(webLink('Ticket #4711')).toBeNull();
    expect(webLink('https://example.com/<img src=x onerror=alert(1)>')).toBeNull();
  });

  it('shortens a long quote for a button’s name', () => {
    expect(shortQuote('short')).toBe('short');
    expect(shortQuote('a'.repeat(60))).toHaveLength(40);
  });
});

/* ---------- the canvas ---------- */

function nodesOf(journey: Journey, builder = new NodeBuilder()) {
  const layout = layoutJourney(journey);
  return builder.build({ journey, layout, selected: new Set(), personaFilter: null, linkFrom: null, readOnly: false });
}

describe('evidence on the canvas', () => {
  it('gives each card its evidence count and each stage how many of its cards are backed', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const j0 = readJourney(doc);
    const stage = j0.stages[1]!;
    const [a, b] = j0.cards.filter((c) => c.stageId === stage.id);
    addEvidence(doc, [
      { text: 'one', cardId: a!.id },
      { text: 'two', cardId: a!.id },
      { text: 'three', cardId: b!.id },
      { text: 'in the inbox' },
    ]);
    const journey = readJourney(doc);
    const nodes = nodesOf(journey);
    const card = (id: string) => nodes.find((n) => n.id === id)!.data as CardNodeData;
    expect(card(a!.id).evidenceCount).toBe(2);
    expect(card(b!.id).evidenceCount).toBe(1);
    expect(card(j0.cards.find((c) => c.stageId !== stage.id)!.id).evidenceCount).toBe(0);
    const header = nodes.find((n) => n.id === `stage:${stage.id}`)!.data as StageNodeData;
    expect(header).toMatchObject({ cardCount: journey.cards.filter((c) => c.stageId === stage.id).length, backed: 2 });
    const other = nodes.find((n) => n.id === `stage:${j0.stages[0]!.id}`)!.data as StageNodeData;
    expect(other.backed).toBe(0);
    // a map with no evidence on any card has no indicator at all
    const bare = nodesOf(readJourney(createMapFromTemplate('retail', 'en')));
    expect(bare.filter((n) => n.type === 'stage').every((n) => (n.data as StageNodeData).backed === null)).toBe(true);
  });

  it('re-renders only the card whose evidence changed, and counts the evidence once per journey', () => {
    const doc = createMapFromTemplate('retail', 'en');
    // the editor's view of the doc keeps unchanged cards as the same objects
    const view = new JourneyView(doc);
    const builder = new NodeBuilder();
    const cards = view.journey.cards;
    const first = nodesOf(view.journey, builder);
    addEvidence(doc, [{ text: 'late parcel', cardId: cards[3]!.id }]);
    const second = nodesOf(view.journey, builder);
    const changed = second.filter((n) => n.type === 'card' && !first.includes(n)).map((n) => n.id);
    expect(changed).toEqual([cards[3]!.id]);

    // one count map per journey, however many builds and cards read it
    const items = view.journey.evidence;
    expect(evidenceCounts(items)).toBe(evidenceCounts(items));
    view.destroy();
  });
});

describe('the “show assumptions” filter', () => {
  it('keeps assumptions bright and dims what evidence backs or what is a proposed idea', () => {
    expect(assumptionLook(false, null, 0)).toBeNull();
    expect(assumptionLook(true, null, 0)).toBe('assumption');
    expect(assumptionLook(true, 'assumed', 0)).toBe('assumption');
    // marked observed with nothing attached is still where research should go
    expect(assumptionLook(true, 'observed', 0)).toBe('assumption');
    expect(assumptionLook(true, null, 2)).toBe('backed');
    expect(assumptionLook(true, 'assumed', 1)).toBe('backed');
    expect(assumptionLook(true, 'proposed', 0)).toBe('backed');
  });

  it('counts the assumptions of a map', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const cards = readJourney(doc).cards;
    addEvidence(doc, [{ text: 'x', cardId: cards[0]!.id }]);
    updateCard(doc, cards[1]!.id, { confidence: 'proposed' });
    const journey = readJourney(doc);
    expect(countAssumptions(journey.cards, journey.evidence)).toBe(cards.length - 2);
  });
});

/* ---------- the actions ---------- */

const editor = () => useEditor.getState();
const t: TFunction = createI18n('en').t;
const run = (id: ActionId) => runAction(id, { t, navigate: vi.fn() });
const enabled = (id: ActionId) => isEnabled(findAction(id)!, buildActionContext({}));
const escape = () => actionForKey({ key: 'Escape', code: 'Escape', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, buildActionContext({}), { inTextField: false, onControl: false, inOverlay: false }, false)?.id;

function open() {
  const doc = createMapFromTemplate('retail', 'en');
  const undo = createUndoManager(doc, { captureTimeout: 0 });
  editor().closeSession();
  editor().openSession({ mapId: 'evidence-ui', doc, undo, feedback: new Y.Doc() });
  return { doc, undo };
}

describe('confidence and assumption actions', () => {
  beforeEach(() => {
    open();
  });

  it('marks the selected cards observed, assumed or proposed in one undo step, and clears it', () => {
    const { undo } = open();
    const [a, b] = editor().journey!.cards;
    editor().selectCards([a!.id, b!.id]);
    expect(run('card.markAssumed')).toBe(true);
    expect(editor().journey!.cards.slice(0, 2).map((c) => c.confidence)).toEqual(['assumed', 'assumed']);
    // already assumed: nothing left to do
    expect(enabled('card.markAssumed')).toBe(false);
    expect(run('card.markProposed')).toBe(true);
    expect(editor().journey!.cards.slice(0, 2).map((c) => c.confidence)).toEqual(['proposed', 'proposed']);
    undo.undo();
    expect(editor().journey!.cards.slice(0, 2).map((c) => c.confidence)).toEqual(['assumed', 'assumed']);
    expect(run('card.clearConfidence')).toBe(true);
    expect(editor().journey!.cards.slice(0, 2).map((c) => c.confidence)).toEqual([null, null]);
    expect(run('card.markObserved')).toBe(true);
    expect(editor().journey!.cards[0]!.confidence).toBe('observed');
  });

  it('Shift+O, Shift+A and Shift+P mark the card; A toggles the filter; Escape clears the selection first, then stops the filter', () => {
    const [a] = editor().journey!.cards;
    editor().selectCards([a!.id]);
    const press = (key: string, shiftKey = false) =>
      actionForKey({ key, code: `Key${key.toUpperCase()}`, ctrlKey: false, metaKey: false, shiftKey, altKey: false }, buildActionContext({}), { inTextField: false, onControl: false, inOverlay: false }, false)?.id;
    expect(press('O', true)).toBe('card.markObserved');
    expect(press('A', true)).toBe('card.markAssumed');
    expect(press('P', true)).toBe('card.markProposed');
    expect(press('a')).toBe('view.showAssumptions');
    run('view.showAssumptions');
    expect(useAssumptionFilter.getState().on).toBe(true);
    expect(escape()).toBe('edit.escape');
    run('edit.escape');
    expect(escape()).toBe('view.stopAssumptions');
    run('view.stopAssumptions');
    expect(useAssumptionFilter.getState().on).toBe(false);
    expect(escape()).toBeUndefined();
  });

  it('forgets the filter when another map opens', () => {
    run('view.showAssumptions');
    expect(useAssumptionFilter.getState().on).toBe(true);
    open();
    expect(useAssumptionFilter.getState().on).toBe(false);
  });

  it('lets a view link show the assumptions but not mark a card', () => {
    open();
    const card = editor().journey!.cards[0]!;
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    editor().selectCards([card.id]);
    expect(enabled('card.markAssumed')).toBe(false);
    expect(run('card.markAssumed')).toBe(false);
    editor().clearSelection();
    expect(run('view.showAssumptions')).toBe(true);
    expect(useAssumptionFilter.getState().on).toBe(true);
    editor().setCollab(null);
  });
});
