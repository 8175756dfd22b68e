import * as Y from 'yjs';
import type { TFunction } from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildActionContext, isEnabled, runAction, type ActionContextExtra } from '../../src/actions/context';
import { actionForKey, type KeyOrigin } from '../../src/actions/dispatch';
import { ACTION_GROUPS, ACTIONS, findAction, menuActions, toolbarActions, type ActionId } from '../../src/actions/registry';
import { parseShortcut, shortcutKey } from '../../src/actions/shortcuts';
import { createI18n } from '../../src/i18n';
import { addLink } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Card, Locale } from '../../src/model/types';
import { createUndoManager } from '../../src/model/undo';
import { useEditor, type Target, type ViewportControls } from '../../src/store/editorStore';

/* ---------- helpers: a retail map open in the editor store, actions run as a user would ---------- */

const editor = () => useEditor.getState();
const journey = () => editor().journey!;

function openRetail(locale: Locale = 'en') {
  const doc = createMapFromTemplate('retail', locale);
  // every action is its own undo step anyway; no time-based merging in tests
  const undo = createUndoManager(doc, { captureTimeout: 0 });
  editor().closeSession();
  editor().setClipboard(null);
  editor().setViewport(null);
  editor().openSession({ mapId: 'map-under-test', doc, undo, feedback: new Y.Doc() });
  return { doc, undo };
}

const translators = new Map<Locale, TFunction>();
function tFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createI18n(locale).t));
  return t;
}

const navigate = vi.fn<(path: string) => void>();

function run(id: ActionId, extra: ActionContextExtra & { locale?: Locale } = {}): boolean {
  return runAction(id, { t: tFor(extra.locale ?? 'en'), navigate, ...extra });
}
const runOn = (id: ActionId, target: Target) => run(id, { target });
const enabled = (id: ActionId, target: Target | null = null) => isEnabled(findAction(id)!, buildActionContext({ target }));

const stage = (i: number) => journey().stages[i]!;
const lane = (i: number) => journey().lanes[i]!;

/** The cards of a cell (stage index, lane index), top to bottom. */
function cell(s: number, l: number): Card[] {
  const j = journey();
  return j.cards.filter((c) => c.stageId === j.stages[s]!.id && c.laneId === j.lanes[l]!.id);
}
const titles = (cards: readonly Card[]) => cards.map((c) => c.title);
const ids = (cards: readonly Card[]) => cards.map((c) => c.id);

function where(cardId: string): { stage: number; lane: number; row: number } {
  const j = journey();
  const card = j.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`no card ${cardId}`);
  const s = j.stages.findIndex((x) => x.id === card.stageId);
  const l = j.lanes.findIndex((x) => x.id === card.laneId);
  return { stage: s, lane: l, row: cell(s, l).findIndex((c) => c.id === cardId) };
}

function select(...cards: Card[]): void {
  editor().selectCards(ids(cards), 'replace');
}

function stubViewport(): ViewportControls & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => (arg?: string) => void calls.push(arg ? `${name}:${arg}` : name);
  const viewport = {
    calls,
    zoomIn: record('zoomIn'),
    zoomOut: record('zoomOut'),
    fitView: record('fitView'),
    zoomTo100: record('zoomTo100'),
    revealCard: record('revealCard'),
  };
  editor().setViewport(viewport);
  return viewport;
}

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing' | 'repeat', boolean>> = {}, code = '') => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const onCanvas: KeyOrigin = { inTextField: false, onControl: false, inOverlay: false };
const inField: KeyOrigin = { inTextField: true, onControl: false, inOverlay: false };
const pressed = (event: ReturnType<typeof key>, origin: KeyOrigin = onCanvas) => actionForKey(event, buildActionContext({}), origin, false)?.id;

beforeEach(() => {
  openRetail();
  navigate.mockClear();
});

/* ---------- the registry ---------- */

describe('the action registry', () => {
  const en = createI18n('en');
  const de = createI18n('de');

  it('gives every action a unique id and a label in English and German', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) {
      expect(action.labelKey).toBe(`actions.${action.id}`);
      expect(action.id.startsWith(`${action.group}.`), action.id).toBe(true);
      for (const i18n of [en, de]) {
        expect(i18n.exists(action.labelKey), `${i18n.language}: ${action.labelKey}`).toBe(true);
        expect(i18n.t(action.labelKey)).not.toBe(action.labelKey);
      }
    }
    for (const group of ACTION_GROUPS) {
      expect(en.exists(`actions.groups.${group}`)).toBe(true);
      expect(de.exists(`actions.groups.${group}`)).toBe(true);
    }
  });

  it('uses the agreed German words for stage, lane and card', () => {
    expect(de.t('actions.structure.addStage')).toBe('Schritt hinzufügen');
    expect(de.t('actions.structure.addLane')).toBe('Ebene hinzufügen');
    expect(de.t('actions.card.add')).toBe('Karte hinzufügen');
    expect(de.t('actions.edit.undo')).toBe('Rückgängig');
  });

  it('writes every shortcut in a form the parser understands', () => {
    for (const action of ACTIONS) for (const s of action.shortcuts ?? []) expect(() => parseShortcut(s), `${action.id}: ${s}`).not.toThrow();
  });

  it('never has two actions enabled at once that share a shortcut', () => {
    const states: [string, () => void][] = [
      ['nothing selected', () => {}],
      ['one card', () => select(cell(0, 0)[0]!)],
      ['two cards in a cell', () => select(...cell(1, 0))],
      ['cards in two cells', () => select(cell(0, 0)[0]!, cell(2, 5)[1]!)],
      ['stage header', () => editor().setFocus({ kind: 'stage', id: stage(2).id })],
      ['lane header', () => editor().setFocus({ kind: 'lane', id: lane(3).id })],
      ['phase band', () => editor().setFocus({ kind: 'phase', id: 'purchase' })],
      ['empty cell', () => editor().setFocus({ kind: 'cell', stageId: stage(1).id, laneId: lane(1).id })],
      [
        'stage header, then cards shift-selected',
        () => {
          editor().setFocus({ kind: 'stage', id: stage(1).id });
          editor().selectCards(ids(cell(1, 0)), 'add');
        },
      ],
      [
        'link mode',
        () => {
          select(cell(0, 0)[0]!);
          editor().setLinkFrom(cell(0, 0)[0]!.id);
        },
      ],
      ['context menu open', () => editor().openContextMenu(10, 10, { kind: 'map' })],
      ['palette open', () => editor().setDialog('palette')],
    ];
    for (const [name, arrange] of states) {
      openRetail();
      stubViewport();
      editor().setClipboard({ cards: [cell(0, 0)[0]!] });
      editor().setPersonaFilter(journey().personas[0]!.id);
      arrange();
      const ctx = buildActionContext({});
      const owner = new Map<string, string>();
      for (const action of ACTIONS) {
        if (!isEnabled(action, ctx)) continue;
        for (const s of action.shortcuts ?? []) {
          const k = shortcutKey(s);
          expect(owner.get(k), `${name}: ${s} is both ${owner.get(k)} and ${action.id}`).toBeUndefined();
          owner.set(k, action.id);
        }
      }
    }
  });

  it('offers the expected items in each context menu', () => {
    const menu = (kind: Target['kind']) => menuActions(kind).map((a) => a.id);
    expect(menu('card')).toEqual([
      'card.restoreFromVersion',
      'navigate.openDetailMap',
      'card.edit',
      'edit.duplicate',
      'edit.copy',
      'edit.cut',
      'card.link',
      'card.toggleMomentOfTruth',
      'card.markObserved',
      'card.markAssumed',
      'card.markProposed',
      'card.clearConfidence',
      'workshop.comment',
      'workshop.observe',
      'workshop.vote',
      'workshop.unvote',
      'edit.delete',
    ]);
    expect(menu('stage')).toEqual(['navigate.openDetailMap', 'structure.restoreStageFromVersion', 'structure.renameStage', 'structure.addStage', 'structure.moveStageLeft', 'structure.moveStageRight', 'structure.deleteStage']);
    expect(menu('lane')).toEqual([
      'structure.renameLane',
      'structure.changeLaneKind',
      'structure.addLane',
      'structure.addBlueprintLanes',
      'structure.moveLaneUp',
      'structure.moveLaneDown',
      'structure.collapseLane',
      'structure.expandLane',
      'structure.deleteLane',
    ]);
    expect(menu('cell')).toEqual(['card.add', 'edit.paste']);
    expect(menu('map')).toEqual(['edit.paste', 'structure.addStage', 'structure.addLane', 'structure.addBlueprintLanes', 'view.fit', 'view.toggleBlueprint', 'structure.renameMap', 'map.nameVersion']);
    expect(menu('phase')).toEqual([
      'structure.renamePhase',
      'structure.managePhases',
      'structure.addPhase',
      'structure.movePhaseLeft',
      'structure.movePhaseRight',
      'structure.deletePhase',
    ]);
  });

  it('puts undo, redo, the version history, add stage, add lane, add card, link, fit, show assumptions and the palette on the toolbar', () => {
    expect(new Set(toolbarActions().map((a) => a.id))).toEqual(
      new Set(['edit.undo', 'edit.redo', 'view.versionHistory', 'structure.addStage', 'structure.addLane', 'card.add', 'card.link', 'view.fit', 'view.showAssumptions', 'help.palette']),
    );
  });

  it('runs nothing while no map is open, and reports what did not run', () => {
    editor().closeSession();
    expect(buildActionContext()).toBeNull();
    expect(run('card.add')).toBe(false);
    openRetail();
    // @ts-expect-error an id that names no action does not compile; untyped, it runs nothing
    expect(run('no.such.action')).toBe(false);
    expect(run('edit.delete')).toBe(false); // nothing selected
  });
});

/* ---------- edit ---------- */

describe('undo and redo', () => {
  it('are disabled on a freshly opened map', () => {
    expect(enabled('edit.undo')).toBe(false);
    expect(enabled('edit.redo')).toBe(false);
  });

  it('undo brings a deleted card back and redo deletes it again', () => {
    const card = cell(0, 0)[0]!;
    select(card);
    expect(run('edit.delete')).toBe(true);
    expect(journey().cards.some((c) => c.id === card.id)).toBe(false);
    expect(editor().canUndo).toBe(true);
    expect(run('edit.undo')).toBe(true);
    expect(journey().cards.find((c) => c.id === card.id)?.title).toBe(card.title);
    expect(run('edit.redo')).toBe(true);
    expect(journey().cards.some((c) => c.id === card.id)).toBe(false);
    expect(enabled('edit.redo')).toBe(false);
  });

  it('keeps two quick commands as two undo steps', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const undo = createUndoManager(doc); // the app's default: edits within 500 ms would merge
    editor().openSession({ mapId: 'm', doc, undo, feedback: new Y.Doc() });
    const before = journey().cards.length;
    run('card.add');
    run('card.add');
    expect(journey().cards.length).toBe(before + 2);
    run('edit.undo');
    expect(journey().cards.length).toBe(before + 1);
  });
});

describe('copy, cut, paste and duplicate', () => {
  it('pasting two copied cards adds two new cards and one undo removes both', () => {
    const copied = cell(0, 0);
    select(...copied);
    expect(run('edit.copy')).toBe(true);
    expect(titles(editor().clipboard!.cards)).toEqual(titles(copied));

    const anchor = cell(2, 5)[0]!;
    select(anchor);
    const before = journey().cards.length;
    expect(run('edit.paste')).toBe(true);
    expect(journey().cards.length).toBe(before + 2);

    // both land in the anchor's cell, right after it, with fresh ids, and end up selected
    const target = cell(2, 5);
    expect(titles(target)).toEqual([anchor.title, ...titles(copied), 'Long queues at the till on Saturdays']);
    const pasted = target.slice(1, 3);
    for (const card of pasted) expect(ids(copied)).not.toContain(card.id);
    expect(editor().selectedCardIds).toEqual(ids(pasted));

    run('edit.undo');
    expect(journey().cards.length).toBe(before);
    expect(titles(cell(2, 5))).toEqual([anchor.title, 'Long queues at the till on Saturdays']);
  });

  it('pasting cards copied from different cells keeps their relative cells', () => {
    const a = cell(0, 0)[0]!;
    const b = cell(1, 2)[0]!; // one stage right, two lanes down
    select(a, b);
    run('edit.copy');
    editor().clearSelection();
    editor().setFocus({ kind: 'cell', stageId: stage(3).id, laneId: lane(3).id });
    run('edit.paste');
    expect(titles(cell(3, 3)).at(-1)).toBe(a.title);
    expect(titles(cell(4, 5)).at(-1)).toBe(b.title);
  });

  it('pasting past the last stage keeps the cards on the map', () => {
    select(cell(6, 0)[0]!, cell(7, 0)[0]!);
    run('edit.copy');
    editor().setFocus({ kind: 'cell', stageId: stage(7).id, laneId: lane(0).id });
    editor().clearSelection();
    const before = cell(7, 0).length;
    run('edit.paste');
    expect(cell(7, 0).length).toBe(before + 2);
  });

  it('a pasted card keeps its text, channel, emotion, personas and tags, but not its votes', () => {
    const original = journey().cards.find((c) => c.personaIds.length > 0 && c.channel !== null)!;
    select(original);
    run('edit.copy');
    run('edit.paste');
    const copy = journey().cards.find((c) => c.id === editor().selectedCardIds[0])!;
    expect(copy.id).not.toBe(original.id);
    expect({ ...copy, id: '', order: '' }).toEqual({ ...original, id: '', order: '', votes: 0 });
  });

  it('paste is unavailable until something was copied', () => {
    expect(enabled('edit.paste')).toBe(false);
    expect(enabled('edit.paste', { kind: 'map' })).toBe(false);
  });

  it('cut removes the cards and a paste puts copies back', () => {
    const card = cell(4, 4)[0]!;
    select(card);
    expect(run('edit.cut')).toBe(true);
    expect(cell(4, 4)).toHaveLength(0);
    expect(editor().selectedCardIds).toEqual([]);
    editor().setFocus({ kind: 'cell', stageId: stage(4).id, laneId: lane(4).id });
    expect(run('edit.paste')).toBe(true);
    expect(titles(cell(4, 4))).toEqual([card.title]);
    expect(cell(4, 4)[0]!.id).not.toBe(card.id);
  });

  it('pasting from the map background with nothing selected puts the copies back in their own cells', () => {
    const card = cell(3, 3)[0]!;
    select(card);
    run('edit.copy');
    editor().clearSelection();
    runOn('edit.paste', { kind: 'map' });
    expect(titles(cell(3, 3))).toEqual([card.title, card.title]);
  });

  it('duplicating two cards puts each copy right below its original', () => {
    const [a, b] = cell(1, 0) as [Card, Card];
    select(a, b);
    expect(run('edit.duplicate')).toBe(true);
    const after = cell(1, 0);
    expect(titles(after)).toEqual([a.title, a.title, b.title, b.title]);
    expect(after[0]!.id).toBe(a.id);
    expect(after[2]!.id).toBe(b.id);
    expect(editor().selectedCardIds).toEqual([after[1]!.id, after[3]!.id]);
    run('edit.undo');
    expect(ids(cell(1, 0))).toEqual([a.id, b.id]);
  });
});

describe('deleting and selecting cards', () => {
  it('deleting selected cards removes them with their links', () => {
    const link = journey().links[0]!;
    const from = journey().cards.find((c) => c.id === link.fromCardId)!;
    const other = cell(0, 2)[0]!;
    select(from, other);
    const before = journey().cards.length;
    expect(run('edit.delete')).toBe(true);
    expect(journey().cards.length).toBe(before - 2);
    expect(journey().links.some((l) => l.id === link.id)).toBe(false);
    expect(editor().selectedCardIds).toEqual([]);
  });

  it('deleting from a card’s context menu deletes only that card when it is not selected', () => {
    const selected = cell(0, 0)[0]!;
    const clicked = cell(0, 1)[0]!;
    select(selected);
    runOn('edit.delete', { kind: 'card', id: clicked.id });
    expect(journey().cards.some((c) => c.id === clicked.id)).toBe(false);
    expect(journey().cards.some((c) => c.id === selected.id)).toBe(true);
    expect(editor().selectedCardIds).toEqual([selected.id]);
  });

  it('a card’s context menu acts on the whole selection when the card is part of it', () => {
    const [a, b] = cell(0, 0) as [Card, Card];
    select(a, b);
    runOn('card.toggleMomentOfTruth', { kind: 'card', id: b.id });
    expect(cell(0, 0).every((c) => c.momentOfTruth)).toBe(true);
  });

  it('select all selects every visible card', () => {
    expect(run('edit.selectAll')).toBe(true);
    expect(editor().selectedCardIds).toHaveLength(journey().cards.length);
  });

  it('escape leaves link mode first, then clears the selection', () => {
    const card = cell(0, 0)[0]!;
    select(card);
    run('card.link');
    expect(editor().linkFrom).toBe(card.id);
    run('edit.escape');
    expect(editor().linkFrom).toBeNull();
    expect(editor().selectedCardIds).toEqual([card.id]);
    run('edit.escape');
    expect(editor().selectedCardIds).toEqual([]);
    expect(enabled('edit.escape')).toBe(false);
  });

  it('escape closes an open context menu before anything else', () => {
    select(cell(0, 0)[0]!);
    editor().openContextMenu(5, 5, { kind: 'map' });
    run('edit.escape');
    expect(editor().contextMenu).toBeNull();
    expect(editor().selectedCardIds).toHaveLength(1);
  });
});

/* ---------- cards ---------- */

describe('adding and editing cards', () => {
  it('adding a card puts it after the selected card, selects it and starts editing its title', () => {
    const [first, second] = cell(2, 0) as [Card, Card];
    select(first);
    expect(run('card.add')).toBe(true);
    const now = cell(2, 0);
    expect(now).toHaveLength(3);
    const added = now[1]!;
    expect(added.title).toBe('');
    expect(now[2]!.id).toBe(second.id);
    expect(editor().selectedCardIds).toEqual([added.id]);
    expect(editor().editing).toEqual({ kind: 'card', id: added.id });
  });

  it('adding a card with a cell focused puts it at the end of that cell', () => {
    editor().setFocus({ kind: 'cell', stageId: stage(5).id, laneId: lane(6).id });
    run('card.add');
    const now = cell(5, 6);
    expect(now).toHaveLength(2);
    expect(editor().selectedCardIds).toEqual([now[1]!.id]);
  });

  it('adding a card with nothing selected puts it in the first cell', () => {
    run('card.add');
    expect(cell(0, 0)).toHaveLength(3);
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[2]!.id]);
  });

  it('adding a card from an empty cell’s context menu puts it there, opening a collapsed lane', () => {
    editor().setFocus({ kind: 'lane', id: lane(7).id });
    run('structure.collapseLane');
    expect(lane(7).collapsed).toBe(true);
    runOn('card.add', { kind: 'cell', stageId: stage(2).id, laneId: lane(7).id });
    expect(cell(2, 7)).toHaveLength(2);
    expect(lane(7).collapsed).toBe(false);
    run('edit.undo');
    expect(cell(2, 7)).toHaveLength(1);
    expect(lane(7).collapsed).toBe(true);
  });

  it('adding a card reveals it on the canvas', () => {
    const viewport = stubViewport();
    run('card.add');
    expect(viewport.calls).toEqual([`revealCard:${editor().selectedCardIds[0]}`]);
  });

  it('edit title works on exactly one card', () => {
    const [a, b] = cell(0, 0) as [Card, Card];
    select(a);
    expect(run('card.edit')).toBe(true);
    expect(editor().editing).toEqual({ kind: 'card', id: a.id });
    editor().stopEditing();
    select(a, b);
    expect(run('card.edit')).toBe(false);
  });

  it('moment of truth switches on for all selected cards, then off again', () => {
    const cards = cell(3, 0);
    select(...cards);
    run('card.toggleMomentOfTruth');
    expect(cell(3, 0).every((c) => c.momentOfTruth)).toBe(true);
    run('card.toggleMomentOfTruth');
    expect(cell(3, 0).some((c) => c.momentOfTruth)).toBe(false);
  });
});

describe('linking cards', () => {
  it('links two selected cards from the first to the second in map order', () => {
    const early = cell(0, 0)[0]!;
    const late = cell(3, 0)[0]!;
    editor().selectCards([late.id, early.id]);
    const before = journey().links.length;
    expect(run('card.link')).toBe(true);
    expect(journey().links).toHaveLength(before + 1);
    expect(journey().links.some((l) => l.fromCardId === early.id && l.toCardId === late.id)).toBe(true);
    // the same link twice is not offered
    expect(enabled('card.link')).toBe(false);
  });

  it('with one card selected, L starts link mode and L on a second card completes the link', () => {
    const a = cell(0, 0)[0]!;
    const b = cell(1, 0)[0]!;
    select(a);
    run('card.link');
    expect(editor().linkFrom).toBe(a.id);
    select(b);
    run('card.link');
    expect(editor().linkFrom).toBeNull();
    expect(journey().links.some((l) => l.fromCardId === a.id && l.toCardId === b.id)).toBe(true);
  });

  it('L twice on the same card leaves link mode', () => {
    select(cell(0, 0)[0]!);
    run('card.link');
    run('card.link');
    expect(editor().linkFrom).toBeNull();
  });
});

describe('moving cards with the keyboard', () => {
  it('moves a card to the previous and next stage, keeping lane and row', () => {
    const card = cell(1, 0)[1]!;
    select(card);
    expect(run('card.moveLeft')).toBe(true);
    expect(where(card.id)).toEqual({ stage: 0, lane: 0, row: 1 });
    expect(run('card.moveRight')).toBe(true);
    expect(run('card.moveRight')).toBe(true);
    expect(where(card.id)).toEqual({ stage: 2, lane: 0, row: 1 });
    expect(editor().selectedCardIds).toEqual([card.id]);
  });

  it('cannot move a card past the first or last stage', () => {
    select(cell(0, 3)[0]!);
    expect(enabled('card.moveLeft')).toBe(false);
    select(cell(7, 3)[0]!);
    expect(enabled('card.moveRight')).toBe(false);
  });

  it('moves a card up and down within its cell', () => {
    const [a, b] = cell(0, 0) as [Card, Card];
    select(b);
    expect(run('card.moveUp')).toBe(true);
    expect(ids(cell(0, 0))).toEqual([b.id, a.id]);
    expect(run('card.moveDown')).toBe(true);
    expect(ids(cell(0, 0))).toEqual([a.id, b.id]);
  });

  it('moves a card from the bottom of its cell to the top of the next lane, and back up to the end', () => {
    const [, b] = cell(0, 0) as [Card, Card];
    select(b);
    run('card.moveDown');
    expect(where(b.id)).toEqual({ stage: 0, lane: 1, row: 0 });
    run('card.moveUp');
    expect(where(b.id)).toEqual({ stage: 0, lane: 0, row: 1 });
  });

  it('skips a collapsed lane when moving a card down', () => {
    editor().setFocus({ kind: 'lane', id: lane(1).id });
    run('structure.collapseLane');
    const card = cell(0, 0)[1]!;
    select(card);
    run('card.moveDown');
    expect(where(card.id)).toEqual({ stage: 0, lane: 2, row: 0 });
  });

  it('cannot move a card above the first lane or below the last', () => {
    select(cell(0, 0)[0]!);
    expect(enabled('card.moveUp')).toBe(false);
    select(cell(0, 8)[0]!);
    expect(enabled('card.moveDown')).toBe(false);
  });

  it('moves two selected cards of a cell as a block, and one undo puts them back', () => {
    const before = ids(cell(1, 0));
    select(...cell(1, 0));
    run('card.moveRight');
    expect(ids(cell(2, 0)).slice(0, 2)).toEqual(before);
    expect(cell(1, 0)).toHaveLength(0);
    run('edit.undo');
    expect(ids(cell(1, 0))).toEqual(before);
  });
});

/* ---------- stages and lanes ---------- */

describe('stages and lanes', () => {
  it('adds a stage after the focused stage with a default name, and starts editing it', () => {
    editor().setFocus({ kind: 'stage', id: stage(1).id });
    const count = journey().stages.length;
    expect(run('structure.addStage')).toBe(true);
    expect(journey().stages).toHaveLength(count + 1);
    const added = stage(2);
    expect(added.name).toBe('New stage');
    expect(added.phase).toBe(stage(1).phase);
    expect(editor().editing).toEqual({ kind: 'stage', id: added.id });
    expect(editor().focus).toEqual({ kind: 'stage', id: added.id });
  });

  it('names a new stage and lane in the map’s language', () => {
    openRetail('de');
    run('structure.addStage', { locale: 'de' });
    expect(journey().stages.at(-1)!.name).toBe('Neuer Schritt');
    run('structure.addLane', { locale: 'de' });
    expect(journey().lanes.at(-1)!.name).toBe('Neue Ebene');
  });

  it('adds a stage at the end from the map background, and after a selected card’s stage', () => {
    runOn('structure.addStage', { kind: 'map' });
    expect(journey().stages.at(-1)!.name).toBe('New stage');
    openRetail();
    select(cell(4, 2)[0]!);
    run('structure.addStage');
    expect(stage(5).name).toBe('New stage');
  });

  it('adds a notes lane after the focused lane', () => {
    editor().setFocus({ kind: 'lane', id: lane(0).id });
    run('structure.addLane');
    expect(lane(1).name).toBe('New lane');
    expect(lane(1).kind).toBe('notes');
    expect(editor().editing).toEqual({ kind: 'lane', id: lane(1).id });
  });

  it('renames the focused stage, lane and phase, and the map, by starting to edit them', () => {
    editor().setFocus({ kind: 'stage', id: stage(3).id });
    run('structure.renameStage');
    expect(editor().editing).toEqual({ kind: 'stage', id: stage(3).id });
    runOn('structure.renameLane', { kind: 'lane', id: lane(2).id });
    expect(editor().editing).toEqual({ kind: 'lane', id: lane(2).id });
    editor().setFocus({ kind: 'phase', id: 'post-purchase' });
    run('structure.renamePhase');
    expect(editor().editing).toEqual({ kind: 'phase', id: 'post-purchase' });
    run('structure.renameMap');
    expect(editor().editing?.kind).toBe('mapTitle');
  });

  it('moves a stage left and right', () => {
    const moving = stage(2);
    editor().setFocus({ kind: 'stage', id: moving.id });
    expect(run('structure.moveStageLeft')).toBe(true);
    expect(stage(1).id).toBe(moving.id);
    expect(run('structure.moveStageRight')).toBe(true);
    expect(run('structure.moveStageRight')).toBe(true);
    expect(stage(3).id).toBe(moving.id);
    editor().setFocus({ kind: 'stage', id: stage(0).id });
    expect(enabled('structure.moveStageLeft')).toBe(false);
  });

  it('moves a lane up and down', () => {
    const moving = lane(4);
    runOn('structure.moveLaneUp', { kind: 'lane', id: moving.id });
    expect(lane(3).id).toBe(moving.id);
    runOn('structure.moveLaneDown', { kind: 'lane', id: moving.id });
    runOn('structure.moveLaneDown', { kind: 'lane', id: moving.id });
    expect(lane(5).id).toBe(moving.id);
    expect(enabled('structure.moveLaneDown', { kind: 'lane', id: lane(8).id })).toBe(false);
  });

  it('header shortcuts act on the header only while no card is selected', () => {
    editor().setFocus({ kind: 'stage', id: stage(2).id });
    expect(enabled('structure.moveStageLeft')).toBe(true);
    editor().selectCards([cell(5, 0)[0]!.id], 'add');
    editor().setFocus({ kind: 'stage', id: stage(2).id });
    expect(enabled('structure.moveStageLeft')).toBe(false);
    expect(enabled('card.moveLeft')).toBe(true);
  });

  it('collapsing a lane hides its cards and drops them from the selection; expanding shows them again', () => {
    const hidden = cell(0, 3)[0]!;
    const kept = cell(0, 0)[0]!;
    select(hidden, kept);
    runOn('structure.collapseLane', { kind: 'lane', id: lane(3).id });
    expect(lane(3).collapsed).toBe(true);
    expect(editor().layout!.cards.has(hidden.id)).toBe(false);
    expect(editor().selectedCardIds).toEqual([kept.id]);
    expect(enabled('structure.collapseLane', { kind: 'lane', id: lane(3).id })).toBe(false);
    runOn('structure.expandLane', { kind: 'lane', id: lane(3).id });
    expect(lane(3).collapsed).toBe(false);
    expect(editor().layout!.cards.has(hidden.id)).toBe(true);
  });

  it('deleting a stage takes its cards with it, and one undo restores both', () => {
    const doomed = stage(1);
    const cards = journey().cards.filter((c) => c.stageId === doomed.id).length;
    const total = journey().cards.length;
    editor().setFocus({ kind: 'stage', id: doomed.id });
    expect(run('structure.deleteStage')).toBe(true);
    expect(journey().stages.some((s) => s.id === doomed.id)).toBe(false);
    expect(journey().cards).toHaveLength(total - cards);
    expect(editor().focus).toBeNull();
    run('edit.undo');
    expect(stage(1).id).toBe(doomed.id);
    expect(journey().cards).toHaveLength(total);
  });

  it('deleting a lane takes its cards with it', () => {
    const doomed = lane(2);
    runOn('structure.deleteLane', { kind: 'lane', id: doomed.id });
    expect(journey().lanes.some((l) => l.id === doomed.id)).toBe(false);
    expect(journey().cards.some((c) => c.laneId === doomed.id)).toBe(false);
  });
});

/* ---------- view, navigation, help ---------- */

describe('view', () => {
  it('zoom and fit go through the canvas viewport, and are off until the canvas registered it', () => {
    expect(enabled('view.fit')).toBe(false);
    const viewport = stubViewport();
    for (const id of ['view.zoomIn', 'view.zoomOut', 'view.fit', 'view.zoom100'] as const) expect(run(id)).toBe(true);
    expect(viewport.calls).toEqual(['zoomIn', 'zoomOut', 'fitView', 'zoomTo100']);
  });

  it('toggles the inspector and the personas panel', () => {
    expect(editor().panel).toBe('inspector');
    run('view.toggleInspector');
    expect(editor().panel).toBeNull();
    run('view.togglePersonas');
    expect(editor().panel).toBe('personas');
    run('view.toggleInspector');
    expect(editor().panel).toBe('inspector');
  });

  it('clears the persona filter', () => {
    expect(enabled('view.clearPersonaFilter')).toBe(false);
    editor().setPersonaFilter(journey().personas[0]!.id);
    run('view.clearPersonaFilter');
    expect(editor().personaFilter).toBeNull();
  });
});

describe('arrow-key navigation', () => {
  it('picks the geometric neighbour in each direction', () => {
    const start = cell(1, 0)[0]!;
    select(start);
    run('navigate.right');
    expect(editor().selectedCardIds).toEqual([cell(2, 0)[0]!.id]);
    run('navigate.left');
    run('navigate.left');
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[0]!.id]);
    run('navigate.down');
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[1]!.id]);
    run('navigate.down');
    expect(editor().selectedCardIds).toEqual([cell(0, 1)[0]!.id]);
    run('navigate.up');
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[1]!.id]);
  });

  it('goes right to the card in the same row of the next stage, not the nearest one above', () => {
    select(cell(0, 0)[1]!); // second row of the first cell
    run('navigate.right');
    expect(editor().selectedCardIds).toEqual([cell(1, 0)[1]!.id]);
  });

  it('skips the cards of a collapsed lane', () => {
    runOn('structure.collapseLane', { kind: 'lane', id: lane(1).id });
    select(cell(0, 0)[1]!);
    run('navigate.down');
    expect(editor().selectedCardIds).toEqual([cell(0, 2)[0]!.id]);
  });

  it('stops at the edge of the map', () => {
    select(cell(0, 0)[0]!);
    expect(enabled('navigate.left')).toBe(false);
    expect(enabled('navigate.up')).toBe(false);
  });

  it('selects the first card when nothing is selected', () => {
    const viewport = stubViewport();
    run('navigate.down');
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[0]!.id]);
    expect(viewport.calls).toEqual([`revealCard:${cell(0, 0)[0]!.id}`]);
  });

  it('moves between headers while a header has focus', () => {
    editor().setFocus({ kind: 'stage', id: stage(0).id });
    run('navigate.right');
    expect(editor().focus).toEqual({ kind: 'stage', id: stage(1).id });
    expect(enabled('navigate.down')).toBe(false);
    editor().setFocus({ kind: 'lane', id: lane(2).id });
    run('navigate.up');
    expect(editor().focus).toEqual({ kind: 'lane', id: lane(1).id });
    expect(editor().selectedCardIds).toEqual([]);
  });
});

describe('help and leaving', () => {
  it('opens and closes the command palette and the shortcuts help', () => {
    run('help.palette');
    expect(editor().dialog).toBe('palette');
    run('help.palette');
    expect(editor().dialog).toBeNull();
    run('help.shortcuts');
    expect(editor().dialog).toBe('shortcuts');
  });

  it('goes back to the library', () => {
    run('navigate.library');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('opens the context menu for the selected card from the keyboard', () => {
    const card = cell(2, 2)[0]!;
    select(card);
    run('navigate.contextMenu');
    expect(editor().contextMenu?.target).toEqual({ kind: 'card', id: card.id });
  });
});

/* ---------- keyboard routing ---------- */

describe('which action a key press runs', () => {
  it('runs the card action for Alt+← with a card selected, and the stage action with a stage header focused', () => {
    select(cell(3, 0)[0]!);
    expect(pressed(key('ArrowLeft', { altKey: true }))).toBe('card.moveLeft');
    editor().clearSelection();
    editor().setFocus({ kind: 'stage', id: stage(3).id });
    expect(pressed(key('ArrowLeft', { altKey: true }))).toBe('structure.moveStageLeft');
    expect(pressed(key('F2'))).toBe('structure.renameStage');
  });

  it('leaves typing and text editing to a text field', () => {
    select(cell(0, 0)[0]!);
    expect(pressed(key('n'), inField)).toBeUndefined();
    expect(pressed(key('Backspace'), inField)).toBeUndefined();
    expect(pressed(key('z', { ctrlKey: true }), inField)).toBeUndefined();
    expect(pressed(key('c', { ctrlKey: true }), inField)).toBeUndefined();
    expect(pressed(key('a', { ctrlKey: true }), inField)).toBeUndefined();
    // but command shortcuts and Escape still work there
    expect(pressed(key('k', { ctrlKey: true }), inField)).toBe('help.palette');
    expect(pressed(key('d', { ctrlKey: true }), inField)).toBe('edit.duplicate');
    expect(pressed(key('Escape'), inField)).toBe('edit.escape');
  });

  it('runs the same keys on the canvas', () => {
    select(cell(0, 0)[0]!);
    expect(pressed(key('n'))).toBe('card.add');
    expect(pressed(key('Backspace'))).toBe('edit.delete');
    expect(pressed(key('Delete'))).toBe('edit.delete');
    expect(pressed(key('c', { ctrlKey: true }))).toBe('edit.copy');
    expect(pressed(key('Enter'))).toBe('card.edit');
    expect(pressed(key('?', { shiftKey: true }))).toBe('help.shortcuts');
  });

  it('ignores keys while an input method is composing', () => {
    expect(pressed(key('n', { isComposing: true }))).toBeUndefined();
  });

  it('lets a held arrow key repeat but not a held N', () => {
    select(cell(0, 0)[0]!);
    expect(pressed(key('ArrowRight', { repeat: true }))).toBe('navigate.right');
    expect(pressed(key('n', { repeat: true }))).toBeUndefined();
  });

  it('leaves Enter on a button to the button', () => {
    select(cell(0, 0)[0]!);
    expect(pressed(key('Enter'), { inTextField: false, onControl: true, inOverlay: false })).toBeUndefined();
  });

  it('lets only the help toggles through while a dialog is open', () => {
    select(cell(0, 0)[0]!);
    editor().setDialog('palette');
    expect(pressed(key('n'))).toBeUndefined();
    expect(pressed(key('Delete'))).toBeUndefined();
    expect(pressed(key('k', { ctrlKey: true }))).toBe('help.palette');
  });

  it('lets only Escape through while a context menu is open', () => {
    select(cell(0, 0)[0]!);
    editor().openContextMenu(1, 1, { kind: 'card', id: cell(0, 0)[0]!.id });
    expect(pressed(key('Delete'))).toBeUndefined();
    expect(pressed(key('Escape'))).toBe('edit.escape');
  });

  it('does not take keys it has nothing to do for', () => {
    // nothing selected: Delete and Enter stay with the page
    expect(pressed(key('Delete'))).toBeUndefined();
    expect(pressed(key('Enter'))).toBeUndefined();
  });
});

describe('links made elsewhere', () => {
  it('are not offered again by the link action', () => {
    const { doc } = openRetail();
    const a = cell(0, 0)[0]!;
    const b = cell(0, 1)[0]!;
    addLink(doc, { fromCardId: a.id, toCardId: b.id });
    select(a, b);
    expect(enabled('card.link')).toBe(false);
  });
});

describe('a focused header that is gone', () => {
  it('no longer steers the arrow keys once undo removed it', () => {
    run('structure.addStage');
    editor().stopEditing();
    run('edit.undo');
    run('navigate.down');
    expect(editor().selectedCardIds).toEqual([cell(0, 0)[0]!.id]);
  });
});
