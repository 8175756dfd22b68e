import { Command } from 'lucide-react';
import { always, defineActions } from '../define';

/** The command palette and the shortcuts help; their keys work even while a dialog is open. */
export const helpActions = defineActions([
  {
    id: 'help.palette',
    group: 'help',
    shortcuts: ['Mod+K'],
    toolbar: { section: 'view', order: 2 },
    icon: Command,
    allowedReadOnly: true,
    // the palette does not list itself
    paletteHidden: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'palette' ? null : 'palette'),
  },
  {
    id: 'help.shortcuts',
    group: 'help',
    shortcuts: ['?'],
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setDialog(ctx.editor.dialog === 'shortcuts' ? null : 'shortcuts'),
  },
]);
