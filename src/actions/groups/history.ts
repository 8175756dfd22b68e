import { Redo2, Undo2 } from 'lucide-react';
import { defineActions } from '../define';

/** Undo and redo: one step of the map's history each, held keys step on. */
export const historyActions = defineActions([
  {
    id: 'edit.undo',
    group: 'edit',
    shortcuts: ['Mod+Z'],
    repeat: true,
    toolbar: { section: 'history', order: 1 },
    icon: Undo2,
    enabled: (ctx) => ctx.undo.canUndo(),
    perform: (ctx) => {
      ctx.undo.undo();
    },
  },
  {
    id: 'edit.redo',
    group: 'edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    repeat: true,
    toolbar: { section: 'history', order: 2 },
    icon: Redo2,
    enabled: (ctx) => ctx.undo.canRedo(),
    perform: (ctx) => {
      ctx.undo.redo();
    },
  },
]);
