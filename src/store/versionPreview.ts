import type * as Y from 'yjs';
import { create } from 'zustand';
import { readJourney } from '../model/doc';
import { restoreCard, restoreStage, restoreVersion } from '../model/ops/restore';
import { LOCAL_ORIGIN } from '../model/origin';
import type { Journey } from '../model/types';
import { mayEditLiveMap, useEditor } from './editorStore';
import { JourneyView } from './journeyView';
import { compareWithNow, type Comparison } from './versionCompare';
import type { VersionEntry, VersionHistory } from './versionHistory';

/**
 * A version of the open map looked at read-only on the canvas, and "compare with now". The
 * version's doc is a copy from the history (`VersionHistory.open`): nothing here writes the live
 * doc. While a version is open the editor shows it instead of the map (`EditorStore.setPreview`),
 * which makes the editor read-only for everyone; comparing shows the map as it is now with the
 * version's removed cards, stages and lanes as ghosts, and follows the live map as others edit.
 */

export interface OpenVersion {
  entry: VersionEntry;
  /** the version's map doc; destroyed when the preview closes */
  doc: Y.Doc;
  journey: Journey;
}

export interface VersionPreviewState {
  /** the open map's history, as the app provides it (mirrored from `useVersionHistory`, so actions can read it) */
  history: VersionHistory | null;
  open: OpenVersion | null;
  /** the version being fetched, so the list can say so */
  loading: string | null;
  /** the version that could not be had (offline and not on this device) */
  failed: string | null;
  comparing: boolean;
  /** while comparing: the map now against the version */
  comparison: Comparison | null;
}

export const useVersionPreview = create<VersionPreviewState>()(() => ({ history: null, open: null, loading: null, failed: null, comparing: false, comparison: null }));

/**
 * How compare marks a card on the canvas, as one string (cheap to select): 'added', 'removed',
 * 'changed', 'moved' or 'changed moved'; null when it is as it was, or nothing is compared.
 */
export function cardMarkOf(state: VersionPreviewState, cardId: string): string | null {
  const mark = state.comparison?.cards.get(cardId);
  if (!mark) return null;
  if (mark.status !== 'changed') return mark.status;
  return [mark.fields.length > 0 ? 'changed' : '', mark.moved ? 'moved' : ''].filter(Boolean).join(' ') || null;
}

/** How compare marks a stage or lane header: 'added', 'removed' or 'changed'; null otherwise. */
export function headerMarkOf(state: VersionPreviewState, kind: 'stage' | 'lane', id: string): string | null {
  return (kind === 'stage' ? state.comparison?.stages : state.comparison?.lanes)?.get(id) ?? null;
}

/** Follows the live map while a version is open, so "compare with now" stays true as people edit. */
let liveView: JourneyView | null = null;
let stopFollowing: (() => void) | null = null;
/** a newer open wins over a slower earlier one */
let openSeq = 0;

export function setPreviewHistory(history: VersionHistory | null): void {
  if (useVersionPreview.getState().history === history) return;
  closeVersion();
  useVersionPreview.setState({ history });
}

/** Opens a version read-only on the canvas (the list's click): fetches it, then shows it. */
export async function openVersion(entry: VersionEntry): Promise<boolean> {
  const { history } = useVersionPreview.getState();
  const session = useEditor.getState().session;
  if (!history || !session) return false;
  const seq = ++openSeq;
  useVersionPreview.setState({ loading: entry.id, failed: null });
  let doc: Y.Doc | null = null;
  try {
    doc = await history.open(entry.id);
  } catch {
    doc = null;
  }
  if (seq !== openSeq || useEditor.getState().session !== session) {
    doc?.destroy();
    return false;
  }
  if (!doc) {
    useVersionPreview.setState({ loading: null, failed: entry.id });
    return false;
  }
  showVersion(entry, doc);
  return true;
}

/**
 * Shows a version's doc (which this store now owns and destroys) read-only on the canvas of the
 * open map. Another version open before is closed; comparing stays on if it was.
 */
export function showVersion(entry: VersionEntry, doc: Y.Doc): void {
  const session = useEditor.getState().session;
  if (!session) {
    doc.destroy();
    return;
  }
  openSeq++;
  const keepComparing = useVersionPreview.getState().comparing && useVersionPreview.getState().open !== null;
  releaseOpen();
  useVersionPreview.setState({ open: { entry, doc, journey: readJourney(doc) }, loading: null, failed: null, comparing: keepComparing, comparison: null });
  const live = new JourneyView(session.doc);
  liveView = live;
  const offLive = live.subscribe(() => show());
  // a closed map closes its preview
  const offSession = useEditor.subscribe((state) => {
    if (state.session !== session) closeVersion();
  });
  stopFollowing = () => {
    offLive();
    offSession();
  };
  show();
}

/** Shows the version as it was, or the map now compared with it. */
export function setComparing(comparing: boolean): void {
  if (!useVersionPreview.getState().open || useVersionPreview.getState().comparing === comparing) return;
  useVersionPreview.setState({ comparing });
  show();
}

/** Back to the live map (Close, Escape, after a restore). */
export function closeVersion(): void {
  openSeq++;
  const wasOpen = useVersionPreview.getState().open !== null;
  releaseOpen();
  useVersionPreview.setState({ open: null, loading: null, comparing: false, comparison: null });
  if (wasOpen) useEditor.getState().setPreview(null);
}

/**
 * A restore from the open version — the whole map, one card or one stage (`write`): a checkpoint
 * of the map as it is now first, then one forward change synced to everyone like any edit and
 * undone in one step. False when it could not run (nothing open, no right to edit, the map
 * closed meanwhile).
 */
async function restoreFromOpen(write: (doc: Y.Doc, version: Y.Doc) => void): Promise<boolean> {
  const { open, history } = useVersionPreview.getState();
  const editor = useEditor.getState();
  const session = editor.session;
  if (!open || !history || !session || !mayEditLiveMap(editor)) return false;
  try {
    await history.checkpoint('restore', editor.identity?.name ?? '');
  } catch {
    // no checkpoint (a full store, say): the restore still goes ahead, since Undo takes it back
  }
  if (useVersionPreview.getState().open !== open || useEditor.getState().session !== session || !mayEditLiveMap(useEditor.getState())) return false;
  // its own undo step: an edit just before or after must not merge into it
  session.undo.stopCapturing();
  write(session.doc, open.doc);
  session.undo.stopCapturing();
  return true;
}

/** "Restore this version": the live map becomes the version's, and the preview closes. */
export async function restoreOpenVersion(): Promise<boolean> {
  const done = await restoreFromOpen((doc, version) => restoreVersion(doc, version, LOCAL_ORIGIN));
  if (done) closeVersion();
  return done;
}

/** "Restore this card" while comparing: the card as the version had it; the comparison stays open. */
export const restoreCardFromOpen = (cardId: string): Promise<boolean> => restoreFromOpen((doc, version) => restoreCard(doc, version, cardId, LOCAL_ORIGIN));

/** "Restore this stage" while comparing: the stage and its cards as the version had them. */
export const restoreStageFromOpen = (stageId: string): Promise<boolean> => restoreFromOpen((doc, version) => restoreStage(doc, version, stageId, LOCAL_ORIGIN));

function releaseOpen(): void {
  stopFollowing?.();
  stopFollowing = null;
  liveView?.destroy();
  liveView = null;
  useVersionPreview.getState().open?.doc.destroy();
}

/** Hands the editor what to show: the version, or now against it. */
function show(): void {
  const { open, comparing } = useVersionPreview.getState();
  if (!open || !liveView) return;
  const comparison = comparing ? compareWithNow(open.journey, liveView.journey) : null;
  if (comparison !== useVersionPreview.getState().comparison) useVersionPreview.setState({ comparison });
  useEditor.getState().setPreview(comparison ? comparison.journey : open.journey);
}
