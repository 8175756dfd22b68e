import { BetweenVerticalEnd } from 'lucide-react';
import { addStage, deleteStage, moveStage } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { always, defineActions } from '../define';
import { stageMove } from '../movePlan';
import { anchorStageId, headerStageId, stageIndexOf } from '../selection';
import type { ActionContext } from '../types';

/** Adding, renaming, moving and deleting stages (the map's columns). */

const stepOf = (ctx: ActionContext, step: -1 | 1) => stageMove(ctx.journey, headerStageId(ctx), step);

function moveBy(ctx: ActionContext, step: -1 | 1): void {
  const move = stepOf(ctx, step);
  if (move) moveStage(ctx.doc, move.id, move.index, LOCAL_ORIGIN);
}

export const stageActions = defineActions([
  {
    id: 'structure.addStage',
    group: 'structure',
    menu: { on: ['stage', 'map'], rank: 150 },
    toolbar: { section: 'build', order: 1, withText: true },
    icon: BetweenVerticalEnd,
    enabled: always,
    perform: (ctx) => {
      const after = anchorStageId(ctx);
      const index = after ? stageIndexOf(ctx.journey, after) + 1 : ctx.journey.stages.length;
      const id = addStage(ctx.doc, { name: ctx.t('actions.defaults.stageName'), index }, LOCAL_ORIGIN);
      ctx.editor.clearSelection();
      ctx.editor.setFocus({ kind: 'stage', id });
      ctx.editor.startEditing({ kind: 'stage', id });
    },
  },
  {
    id: 'structure.renameStage',
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    menu: { on: ['stage'], rank: 120 },
    enabled: (ctx) => headerStageId(ctx) !== null,
    perform: (ctx) => {
      const id = headerStageId(ctx);
      if (id) ctx.editor.startEditing({ kind: 'stage', id });
    },
  },
  {
    id: 'structure.moveStageLeft',
    group: 'structure',
    shortcuts: ['Alt+ArrowLeft'],
    menu: { on: ['stage'], rank: 170 },
    enabled: (ctx) => stepOf(ctx, -1) !== null,
    perform: (ctx) => moveBy(ctx, -1),
  },
  {
    id: 'structure.moveStageRight',
    group: 'structure',
    shortcuts: ['Alt+ArrowRight'],
    menu: { on: ['stage'], rank: 180 },
    enabled: (ctx) => stepOf(ctx, 1) !== null,
    perform: (ctx) => moveBy(ctx, 1),
  },
  {
    id: 'structure.deleteStage',
    group: 'structure',
    menu: { on: ['stage'], rank: 260 },
    destructive: true,
    enabled: (ctx) => headerStageId(ctx) !== null,
    perform: (ctx) => {
      const id = headerStageId(ctx);
      if (!id) return;
      // no confirmation: one undo brings the stage and its cards back
      deleteStage(ctx.doc, id, LOCAL_ORIGIN);
      const { editor } = ctx;
      if (editor.focus?.kind === 'stage' && editor.focus.id === id) editor.setFocus(null);
      if (editor.editing?.kind === 'stage' && editor.editing.id === id) editor.stopEditing();
    },
  },
]);
