import { CommandPalette } from '../actions/CommandPalette';
import { ContextMenu } from '../actions/ContextMenu';
import { ShortcutsDialog } from '../actions/ShortcutsDialog';
import { useShortcuts } from '../actions/useShortcuts';
import { ExportDialog } from '../panels/export/ExportDialog';

/** Everything the actions registry shows over the editor, and its keyboard shortcuts. */
export function EditorOverlays() {
  useShortcuts();
  return (
    <>
      <ContextMenu />
      <CommandPalette />
      <ShortcutsDialog />
      <ExportDialog />
    </>
  );
}
