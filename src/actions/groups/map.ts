import { always, defineActions } from '../define';
import { headerPhase } from '../selection';
import { useVersionPreview } from '../../store/versionPreview';

/** The map as a whole: its title, the names of its phases, exporting and sharing it. */
export const mapActions = defineActions([
  {
    id: 'structure.renamePhase',
    group: 'structure',
    shortcuts: ['Enter', 'F2'],
    menu: { on: ['phase'], rank: 140 },
    enabled: (ctx) => headerPhase(ctx) !== null,
    perform: (ctx) => {
      const phase = headerPhase(ctx);
      if (phase) ctx.editor.startEditing({ kind: 'phase', id: phase });
    },
  },
  {
    id: 'structure.renameMap',
    group: 'structure',
    menu: { on: ['map'], rank: 240 },
    enabled: always,
    perform: (ctx) => ctx.editor.startEditing({ kind: 'mapTitle', id: ctx.journey.id }),
  },
  {
    id: 'map.export',
    group: 'map',
    shortcuts: ['Mod+Shift+E'],
    // an export is a copy for the reader; the map stays as it is. A version shown on the canvas
    // exports as it was; a comparison (now with the version's ghosts) is no map to export
    allowedReadOnly: true,
    enabled: () => !useVersionPreview.getState().comparing,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'export' ? null : 'export'),
  },
  {
    id: 'map.share',
    group: 'map',
    // the dialog is also where a view or comment link sees its role and sets the name others see
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setDialog('share'),
  },
]);
