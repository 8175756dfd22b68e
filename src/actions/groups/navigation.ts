import type { Target } from '../../store/editorStore';
import { always, defineActions } from '../define';
import { menuAnchor } from '../dom';
import { neighbourCard, type Direction } from '../geometry';
import { laneIndexOf, navigationOrigin, shownLanes, stageIndexOf, targetCards } from '../selection';
import type { ActionContext, ActionDefinition, LabelledActionId } from '../types';

/** Moving around the map by keyboard, selecting, opening the context menu, leaving for the library. */

/** What an arrow key does now, or null when it does nothing (so the browser keeps the key). */
function navigation(ctx: ActionContext, direction: Direction): (() => void) | null {
  const { editor, journey, layout } = ctx;
  const horizontal = direction === 'left' || direction === 'right';
  const step = direction === 'left' || direction === 'up' ? -1 : 1;
  if (editor.selectedCardIds.length === 0) {
    // a focused header: the arrows along its axis move to the next header
    // (a header deleted since, by undo or a collaborator, no longer counts)
    const focus = editor.focus;
    const stageAt = focus?.kind === 'stage' ? stageIndexOf(journey, focus.id) : -1;
    const laneAt = focus?.kind === 'lane' ? laneIndexOf(journey, focus.id) : -1;
    if (stageAt >= 0 || laneAt >= 0 || focus?.kind === 'phase') {
      if (stageAt >= 0 && horizontal) {
        const next = journey.stages[stageAt + step];
        return next ? () => editor.setFocus({ kind: 'stage', id: next.id }) : null;
      }
      if (laneAt >= 0 && !horizontal) {
        const shown = shownLanes(ctx);
        let at = laneAt + step;
        while (journey.lanes[at] && !shown.has(journey.lanes[at]!.id)) at += step;
        const next = journey.lanes[at];
        return next ? () => editor.setFocus({ kind: 'lane', id: next.id }) : null;
      }
      return null;
    }
  }
  const select = (id: string) => () => {
    editor.selectCards([id], 'replace');
    editor.viewport?.revealCard(id);
  };
  const origin = navigationOrigin(ctx);
  if (origin && layout.cards.has(origin)) {
    const next = neighbourCard(layout.cards, origin, direction);
    return next ? select(next) : null;
  }
  const first = journey.cards.find((c) => layout.cards.has(c.id));
  return first ? select(first.id) : null;
}

/** An arrow key: selects the neighbouring card (or header); held down, it keeps going. */
function arrow<const Id extends LabelledActionId>(id: Id, direction: Direction, key: string): ActionDefinition<Id> {
  return {
    id,
    group: 'navigate',
    shortcuts: [key],
    repeat: true,
    allowedReadOnly: true,
    paletteHidden: true,
    enabled: (ctx) => navigation(ctx, direction) !== null,
    perform: (ctx) => navigation(ctx, direction)?.(),
  };
}

function keyboardMenuTarget(ctx: ActionContext): Target {
  const { editor } = ctx;
  const cards = targetCards(ctx);
  const focus = editor.focus;
  if (cards.length) {
    const focused = focus?.kind === 'card' && cards.some((c) => c.id === focus.id) ? focus.id : null;
    return { kind: 'card', id: focused ?? cards[cards.length - 1]!.id };
  }
  return focus ?? { kind: 'map' };
}

export const navigationActions = defineActions([
  {
    id: 'edit.selectAll',
    group: 'edit',
    shortcuts: ['Mod+A'],
    allowedReadOnly: true,
    enabled: (ctx) => ctx.layout.cards.size > 0,
    perform: (ctx) => ctx.editor.selectCards(ctx.journey.cards.filter((c) => ctx.layout.cards.has(c.id)).map((c) => c.id), 'replace'),
  },
  {
    id: 'edit.escape',
    group: 'edit',
    shortcuts: ['Escape'],
    allowedReadOnly: true,
    paletteHidden: true,
    enabled: (ctx) => ctx.editor.contextMenu !== null || ctx.editor.linkFrom !== null || ctx.editor.selectedCardIds.length > 0,
    perform: (ctx) => {
      const { editor } = ctx;
      if (editor.contextMenu) editor.closeContextMenu();
      else if (editor.linkFrom) editor.setLinkFrom(null);
      else editor.clearSelection();
    },
  },
  arrow('navigate.left', 'left', 'ArrowLeft'),
  arrow('navigate.right', 'right', 'ArrowRight'),
  arrow('navigate.up', 'up', 'ArrowUp'),
  arrow('navigate.down', 'down', 'ArrowDown'),
  {
    id: 'navigate.contextMenu',
    group: 'navigate',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    allowedReadOnly: true,
    paletteHidden: true,
    enabled: (ctx) => ctx.editor.contextMenu === null,
    perform: (ctx) => {
      const target = keyboardMenuTarget(ctx);
      const { x, y } = menuAnchor(target);
      ctx.editor.openContextMenu(x, y, target);
    },
  },
  {
    id: 'navigate.library',
    group: 'navigate',
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.navigate('/'),
  },
]);
