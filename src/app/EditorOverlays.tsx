import { CommandPalette } from '../actions/CommandPalette';
import { ContextMenu } from '../actions/ContextMenu';
import { ShortcutsDialog } from '../actions/ShortcutsDialog';
import { useShortcuts } from '../actions/useShortcuts';
import { useImagePaste } from '../actions/useImagePaste';
import { ImageLightbox, ImageNotice } from '../canvas';
import { useEditor } from '../store/editorStore';
import { OnDemandBoundary } from '../panels/onDemand';
import { PhaseManager } from '../panels/phases';
import { ExportDialog } from './parts';

/** Everything the actions registry shows over the editor, and its keyboard shortcuts. */
export function EditorOverlays() {
  useShortcuts();
  useImagePaste();
  // the export dialog's code (pdf-lib, the renderers) is fetched when it is first opened
  const exporting = useEditor((s) => s.dialog === 'export');
  return (
    <>
      <ContextMenu />
      <CommandPalette />
      <ShortcutsDialog />
      <PhaseManager />
      <ImageLightbox />
      <ImageNotice />
      {exporting && (
        <OnDemandBoundary place="overlay">
          <ExportDialog />
        </OnDemandBoundary>
      )}
    </>
  );
}
