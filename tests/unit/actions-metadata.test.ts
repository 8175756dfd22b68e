import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/actions/context';
import { always, defineActions } from '../../src/actions/define';
import { ACTIONS, findAction, menuActions, toolbarActions, type ActionId } from '../../src/actions/registry';
import { TOOLBAR_SECTIONS } from '../../src/actions/types';
import { createI18n } from '../../src/i18n';
import type { Target } from '../../src/store/editorStore';

/**
 * Everything the surfaces show about an action comes from its definition. The compiler holds
 * the ids (an `ActionId` that names no action, or an action without an English label, does not
 * compile); these checks hold the rest at run time.
 */

const MENU_KINDS: readonly Target['kind'][] = ['card', 'cell', 'stage', 'lane', 'phase', 'map'];

describe('action metadata', () => {
  it('derives every label key from the id, and both languages have it', () => {
    const en = createI18n('en');
    const de = createI18n('de');
    for (const action of ACTIONS) {
      expect(action.labelKey).toBe(`actions.${action.id}`);
      for (const i18n of [en, de]) {
        expect(i18n.exists(action.labelKey), `${i18n.language}: ${action.labelKey}`).toBe(true);
        expect(i18n.t(action.labelKey), `${i18n.language}: ${action.labelKey}`).not.toBe(action.labelKey);
      }
    }
  });

  it('puts on the toolbar only registered actions, each with an icon, one place per section', () => {
    const items = toolbarActions();
    expect(items.length).toBeGreaterThan(0);
    for (const action of items) {
      expect(findAction(action.id), action.id).toBe(action);
      expect(action.icon, action.id).toBeDefined();
      expect(TOOLBAR_SECTIONS).toContain(action.toolbar!.section);
    }
    const places = items.map((a) => `${a.toolbar!.section}/${a.toolbar!.order}`);
    expect(new Set(places).size).toBe(places.length);
    // sections stay together, in their order
    const sections = items.map((a) => TOOLBAR_SECTIONS.indexOf(a.toolbar!.section));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
  });

  it('puts in the context menus only registered actions, each menu ranked without ties, destructive ones last', () => {
    for (const kind of MENU_KINDS) {
      const items = menuActions(kind);
      for (const action of items) expect(findAction(action.id), `${kind}: ${action.id}`).toBe(action);
      const ranks = items.map((a) => a.menu!.rank);
      expect(new Set(ranks).size, kind).toBe(ranks.length);
      const firstDestructive = items.findIndex((a) => a.destructive);
      if (firstDestructive >= 0) expect(items.slice(firstDestructive).every((a) => a.destructive), kind).toBe(true);
    }
    // every action offered in a menu is in the menu of some kind of target
    const offered = new Set(MENU_KINDS.flatMap((kind) => menuActions(kind).map((a) => a.id)));
    expect(offered).toEqual(new Set(ACTIONS.filter((a) => a.menu).map((a) => a.id)));
  });

  it('repeats held keys only for actions that have a shortcut', () => {
    for (const action of ACTIONS.filter((a) => a.repeat)) expect(action.shortcuts?.length, action.id).toBeGreaterThan(0);
  });

  it('turns a misspelt id or a missing label into a compile error', () => {
    const ids: ActionId[] = ['card.add', 'view.fit'];
    expect(ids.every((id) => findAction(id))).toBe(true);
    // @ts-expect-error 'card.ad' names no action
    expect(runAction('card.ad')).toBe(false);
    // @ts-expect-error an action needs an English label at actions.<id>: 'card.unlabelled' has none
    expect(defineActions([{ id: 'card.unlabelled', group: 'card', enabled: always, perform: () => {} }])[0]!.labelKey).toBe('actions.card.unlabelled');
    // @ts-expect-error a toolbar button needs an icon
    expect(defineActions([{ id: 'card.add', group: 'card', toolbar: { section: 'build', order: 9 }, enabled: always, perform: () => {} }])).toHaveLength(1);
  });
});
