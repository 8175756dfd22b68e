import { Layers } from 'lucide-react';
import { addPhase, canDeletePhase, deletePhase, movePhaseBy } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { LIMITS } from '../../model/limits';
import { always, defineActions } from '../define';
import { headerPhase } from '../selection';
import type { ActionContext } from '../types';

/**
 * A map's phases: the manager dialog, adding one of the map's own, moving one left or right
 * (its stages go with it), deleting one. Renaming is `structure.renamePhase` (groups/map.ts);
 * names and colours are also edited in the dialog's fields.
 */

function canMove(ctx: ActionContext, step: -1 | 1): boolean {
  const id = headerPhase(ctx);
  if (id === null) return false;
  const at = ctx.journey.phases.findIndex((p) => p.id === id);
  return at + step >= 0 && at + step < ctx.journey.phases.length;
}

function moveBy(ctx: ActionContext, step: -1 | 1): void {
  const id = headerPhase(ctx);
  if (id) movePhaseBy(ctx.doc, id, step, LOCAL_ORIGIN);
}

export const phaseActions = defineActions([
  {
    id: 'structure.managePhases',
    group: 'structure',
    menu: { on: ['phase'], rank: 145 },
    icon: Layers,
    enabled: always,
    perform: (ctx) => ctx.editor.setDialog('phases'),
  },
  {
    id: 'structure.addPhase',
    group: 'structure',
    menu: { on: ['phase'], rank: 146 },
    enabled: (ctx) => ctx.journey.phases.length < LIMITS.phases,
    perform: (ctx) => {
      // after the phase it was asked from, else at the end
      const from = headerPhase(ctx);
      const at = from ? ctx.journey.phases.findIndex((p) => p.id === from) + 1 : ctx.journey.phases.length;
      addPhase(ctx.doc, { name: ctx.t('actions.defaults.phaseName'), index: at }, LOCAL_ORIGIN);
      ctx.editor.setDialog('phases');
    },
  },
  {
    id: 'structure.movePhaseLeft',
    group: 'structure',
    shortcuts: ['Alt+ArrowLeft'],
    menu: { on: ['phase'], rank: 171 },
    enabled: (ctx) => canMove(ctx, -1),
    perform: (ctx) => moveBy(ctx, -1),
  },
  {
    id: 'structure.movePhaseRight',
    group: 'structure',
    shortcuts: ['Alt+ArrowRight'],
    menu: { on: ['phase'], rank: 181 },
    enabled: (ctx) => canMove(ctx, 1),
    perform: (ctx) => moveBy(ctx, 1),
  },
  {
    id: 'structure.deletePhase',
    group: 'structure',
    menu: { on: ['phase'], rank: 261 },
    destructive: true,
    enabled: (ctx) => {
      const id = headerPhase(ctx);
      return id !== null && canDeletePhase(id);
    },
    perform: (ctx) => {
      const id = headerPhase(ctx);
      if (!id) return;
      // no confirmation: its stages and cards stay (in the neighbouring phase), and one undo brings the phase back
      deletePhase(ctx.doc, id, LOCAL_ORIGIN);
      const { editor } = ctx;
      if (editor.focus?.kind === 'phase' && editor.focus.id === id) editor.setFocus(null);
      if (editor.editing?.kind === 'phase' && editor.editing.id === id) editor.stopEditing();
    },
  },
]);
