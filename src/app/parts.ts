import { useEffect } from 'react';
import { loadImporter } from '../panels/import';
import { loadNewMap } from '../panels/library/loadNewMap';
import { loadOwnerKeyOpen } from '../panels/library/loadOwnerKeyOpen';
import { TemplateChoices } from '../panels/library/TemplatePicker';
import { onDemand } from '../panels/onDemand';
import { registerServiceWorker } from './serviceWorker';

/**
 * The parts of the app that are not in the first load: a participant opening a share link needs
 * the editor and its canvas, not present mode, export (pdf-lib), the comments and workshop
 * panels or import. Each is a chunk of its own, fetched when first shown, and all of them are
 * fetched in the background once the first screen has painted, so they open at once later and
 * are in the HTTP cache (and the service worker's precache) when the network goes away.
 */
export const WorkshopPresentation = onDemand(() => import('../present/WorkshopPresentation').then((m) => m.WorkshopPresentation));
export const ExportDialog = onDemand(() => import('../panels/export/ExportDialog').then((m) => m.ExportDialog));
export const CommentsPanel = onDemand(() => import('../panels/comments/CommentsPanel').then((m) => m.CommentsPanel));
export const WorkshopPanel = onDemand(() => import('../panels/workshop/WorkshopPanel').then((m) => m.WorkshopPanel));
export const PhaseManager = onDemand(() => import('../panels/phases/PhaseManager').then((m) => m.PhaseManager));
export const LaneKindDialog = onDemand(() => import('../panels/lanes/LaneKindDialog').then((m) => m.LaneKindDialog));
export const ShortcutsDialog = onDemand(() => import('../actions/ShortcutsDialog').then((m) => m.ShortcutsDialog));
export const VersionsPanel = onDemand(() => import('../panels/versions/VersionsPanel').then((m) => m.VersionsPanel));
export const NameVersionDialog = onDemand(() => import('../panels/versions/NameVersionDialog').then((m) => m.NameVersionDialog));
export const RestoreVersionDialog = onDemand(() => import('../panels/versions/RestoreVersionDialog').then((m) => m.RestoreVersionDialog));
export const InboxPanel = onDemand(() => import('../panels/inbox/InboxPanel').then((m) => m.InboxPanel));
export const FeedbackImportDialog = onDemand(() => import('../panels/inbox/FeedbackImportDialog').then((m) => m.FeedbackImportDialog));
export const PasteLinesDialog = onDemand(() => import('../panels/inbox/PasteLinesDialog').then((m) => m.PasteLinesDialog));
export const AssignEvidenceDialog = onDemand(() => import('../panels/inbox/AssignEvidenceDialog').then((m) => m.AssignEvidenceDialog));

/** In the order they are likely wanted: a participant comments first, a facilitator presents. */
const PREFETCH: readonly (() => Promise<unknown>)[] = [CommentsPanel.load, WorkshopPanel.load, WorkshopPresentation.load, ExportDialog.load, PhaseManager.load, LaneKindDialog.load, ShortcutsDialog.load, VersionsPanel.load, NameVersionDialog.load, RestoreVersionDialog.load, InboxPanel.load, FeedbackImportDialog.load, PasteLinesDialog.load, AssignEvidenceDialog.load, loadImporter, TemplateChoices.load, loadNewMap, loadOwnerKeyOpen];

type IdleScheduler = (callback: () => void) => void;
const whenIdle: IdleScheduler =
  typeof requestIdleCallback === 'function' ? (callback) => void requestIdleCallback(callback, { timeout: 2000 }) : (callback) => void setTimeout(callback, 200);

let prefetching = false;

/**
 * Fetches every on-demand part, one per idle period, starting after the next frame has been
 * painted, then registers the service worker (which finds them in the HTTP cache); once per
 * page. A part that fails to arrive (offline) is left for its first use to try again.
 */
export function prefetchParts(): void {
  if (prefetching || typeof window === 'undefined') return;
  prefetching = true;
  const next = (index: number) => {
    const load = PREFETCH[index];
    if (!load) {
      registerServiceWorker();
      return;
    }
    whenIdle(() => {
      void load()
        .catch(() => undefined)
        .then(() => next(index + 1));
    });
  };
  requestAnimationFrame(() => next(0));
}

/** Starts the prefetch once `painted` is true (the screen's first content is on screen). */
export function usePrefetchParts(painted: boolean): void {
  useEffect(() => {
    if (painted) prefetchParts();
  }, [painted]);
}
