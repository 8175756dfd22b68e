import { BetweenHorizontalEnd, Shapes, SquareStack } from 'lucide-react';
import { laneKindDescriptor } from '../../model/laneKindLookup';
import { BLUEPRINT_PARTS, type BlueprintPart } from '../../model/laneKinds';
import { addBlueprintLanes, addLane, deleteLane, lacksBlueprintLanes, moveLane, updateLane } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { always, defineActions } from '../define';
import { laneMove } from '../movePlan';
import { anchorLaneId, headerLaneId, laneIndexOf, shownLanes } from '../selection';
import type { ActionContext } from '../types';

/** Adding, renaming, moving, collapsing and deleting lanes (the map's rows). */

const stepOf = (ctx: ActionContext, step: -1 | 1) => laneMove(ctx.journey, headerLaneId(ctx), step, shownLanes(ctx));

function moveBy(ctx: ActionContext, step: -1 | 1): void {
  const move = stepOf(ctx, step);
  if (move) moveLane(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
}

function setLaneCollapsed(ctx: ActionContext, collapsed: boolean): void {
  const id = headerLaneId(ctx);
  if (!id) return;
  updateLane(ctx.doc, id, { collapsed }, LOCAL_ORIGIN);
  if (collapsed) {
    // cards out of sight leave the selection
    const { editor, journey } = ctx;
    const hidden = new Set(journey.cards.filter((c) => c.laneId === id).map((c) => c.id));
    const kept = editor.selectedCardIds.filter((c) => !hidden.has(c));
    if (kept.length !== editor.selectedCardIds.length) editor.selectCards(kept, 'replace');
  }
}

const collapsedIs = (ctx: ActionContext, collapsed: boolean) => {
  const id = headerLaneId(ctx);
  return !!id && ctx.journey.lanes.some((l) => l.id === id && !!l.collapsed === collapsed);
};

export const laneActions = defineActions([
  {
    id: 'structure.addLane',
    group: 'structure',
    menu: { on: ['lane', 'map'], rank: 160 },
    toolbar: { section: 'build', order: 2, withText: true },
    icon: BetweenHorizontalEnd,
    enabled: always,
    perform: (ctx) => {
      const after = anchorLaneId(ctx);
      const index = after ? laneIndexOf(ctx.journey, after) + 1 : ctx.journey.lanes.length;
      const id = addLane(ctx.doc, { name: ctx.t('actions.defaults.laneName'), kind: 'notes', index }, LOCAL_ORIGIN);
      ctx.editor.clearSelection();
      ctx.editor.setFocus({ kind: 'lane', id });
      ctx.editor.startEditing({ kind: 'lane', id });
    },
  },
  {
    id: 'structure.renameLane',
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    menu: { on: ['lane'], rank: 130 },
    enabled: (ctx) => headerLaneId(ctx) !== null,
    perform: (ctx) => {
      const id = headerLaneId(ctx);
      if (id) ctx.editor.startEditing({ kind: 'lane', id });
    },
  },
  {
    id: 'structure.moveLaneUp',
    group: 'structure',
    shortcuts: ['Alt+ArrowUp'],
    menu: { on: ['lane'], rank: 190 },
    enabled: (ctx) => stepOf(ctx, -1) !== null,
    perform: (ctx) => moveBy(ctx, -1),
  },
  {
    id: 'structure.moveLaneDown',
    group: 'structure',
    shortcuts: ['Alt+ArrowDown'],
    menu: { on: ['lane'], rank: 200 },
    enabled: (ctx) => stepOf(ctx, 1) !== null,
    perform: (ctx) => moveBy(ctx, 1),
  },
  {
    id: 'structure.collapseLane',
    group: 'structure',
    menu: { on: ['lane'], rank: 210 },
    enabled: (ctx) => collapsedIs(ctx, false),
    perform: (ctx) => setLaneCollapsed(ctx, true),
  },
  {
    id: 'structure.expandLane',
    group: 'structure',
    menu: { on: ['lane'], rank: 220 },
    enabled: (ctx) => collapsedIs(ctx, true),
    perform: (ctx) => setLaneCollapsed(ctx, false),
  },
  {
    id: 'structure.changeLaneKind',
    group: 'structure',
    menu: { on: ['lane'], rank: 135 },
    icon: Shapes,
    enabled: (ctx) => headerLaneId(ctx) !== null,
    perform: (ctx) => ctx.editor.setDialog('laneKind'),
  },
  {
    id: 'structure.addBlueprintLanes',
    group: 'structure',
    menu: { on: ['lane', 'map'], rank: 165 },
    icon: SquareStack,
    enabled: (ctx) => lacksBlueprintLanes(ctx.journey.lanes),
    perform: (ctx) => {
      const names = Object.fromEntries(BLUEPRINT_PARTS.map((part) => [part, ctx.t(laneKindDescriptor(part).labelKey)])) as Record<BlueprintPart, string>;
      const [first] = addBlueprintLanes(ctx.doc, names, LOCAL_ORIGIN);
      if (first) ctx.editor.setFocus({ kind: 'lane', id: first });
    },
  },
  {
    id: 'structure.deleteLane',
    group: 'structure',
    menu: { on: ['lane'], rank: 270 },
    destructive: true,
    enabled: (ctx) => headerLaneId(ctx) !== null,
    perform: (ctx) => {
      const id = headerLaneId(ctx);
      if (!id) return;
      deleteLane(ctx.doc, id, LOCAL_ORIGIN);
      const { editor } = ctx;
      if (editor.focus?.kind === 'lane' && editor.focus.id === id) editor.setFocus(null);
      if (editor.editing?.kind === 'lane' && editor.editing.id === id) editor.stopEditing();
    },
  },
]);
