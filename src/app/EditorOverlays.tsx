import { CommandPalette } from '../actions/CommandPalette';
import { ContextMenu } from '../actions/ContextMenu';
import { useShortcuts } from '../actions/useShortcuts';
import { useImagePaste } from '../actions/useImagePaste';
import { ImageLightbox, ImageNotice } from '../canvas';
import { useEditor } from '../store/editorStore';
import { OnDemandBoundary } from '../panels/onDemand';
import { AssignEvidenceDialog, ExportDialog, FeedbackImportDialog, LaneKindDialog, NameVersionDialog, PasteLinesDialog, PhaseManager, RestoreVersionDialog, ShortcutsDialog } from './parts';

/** Everything the actions registry shows over the editor, and its keyboard shortcuts. */
export function EditorOverlays() {
  useShortcuts();
  useImagePaste();
  // the dialogs' code (for export: pdf-lib, the renderers) is fetched when first opened
  const dialog = useEditor((s) => s.dialog);
  return (
    <>
      <ContextMenu />
      <CommandPalette />
      <ImageLightbox />
      <ImageNotice />
      {dialog === 'shortcuts' && (
        <OnDemandBoundary place="overlay">
          <ShortcutsDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'phases' && (
        <OnDemandBoundary place="overlay">
          <PhaseManager />
        </OnDemandBoundary>
      )}
      {dialog === 'laneKind' && (
        <OnDemandBoundary place="overlay">
          <LaneKindDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'export' && (
        <OnDemandBoundary place="overlay">
          <ExportDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'nameVersion' && (
        <OnDemandBoundary place="overlay">
          <NameVersionDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'restoreVersion' && (
        <OnDemandBoundary place="overlay">
          <RestoreVersionDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'importFeedback' && (
        <OnDemandBoundary place="overlay">
          <FeedbackImportDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'pasteFeedback' && (
        <OnDemandBoundary place="overlay">
          <PasteLinesDialog />
        </OnDemandBoundary>
      )}
      {dialog === 'assignEvidence' && (
        <OnDemandBoundary place="overlay">
          <AssignEvidenceDialog />
        </OnDemandBoundary>
      )}
    </>
  );
}
