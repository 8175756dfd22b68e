import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { EvidenceItem, FeedbackActor, Thread } from '../../model';
import { useEditor } from '../../store/editorStore';
import type { Identity } from '../../store/sharing';
import { mentionCandidates, peopleDirectory, type Person } from './mentions';
import { markThreadsSeen } from '../../store/commentsRead';

/** What every thread in the panel needs to know, built once per panel render. */
export interface CommentsContext {
  feedback: Y.Doc;
  me: Identity | null;
  /** who writes, for the model's rules: edit and delete my own comments, any as the owner */
  actor: FeedbackActor | null;
  /** may comment, reply, resolve, edit and delete my own: not with a view link */
  canWrite: boolean;
  /** the map's doc, where an observation kept as evidence goes */
  mapDoc: Y.Doc | null;
  /** may keep an observation as evidence: edits the map (not a view or comment link, a locked map or a version shown) */
  mayKeep: boolean;
  /** the map's evidence, to tell an observation already kept */
  evidence: readonly EvidenceItem[];
  /** who can be @mentioned: the people present, not me */
  candidates: readonly Person[];
  /** presence colour by identity id, for the people here now (me too) */
  presentColors: ReadonlyMap<string, string>;
  /** whom a comment's mention ids name */
  directory: ReadonlyMap<string, Person>;
  now: number;
  language: string;
  /** a short message for screen readers (and a line in the panel) */
  announce(message: string): void;
  /** focus the panel's heading, when the element that had focus goes away */
  focusHeading(): void;
}

const NO_PEERS = '[]';

/**
 * The people present as a string key, so the panel re-renders when someone arrives, leaves or
 * renames, and not each time a cursor moves (peers change many times a second).
 */
function presentKey(peers: readonly { id: string; name: string; color: string }[] | undefined): string {
  if (!peers || peers.length === 0) return NO_PEERS;
  return JSON.stringify(peers.map((p) => [p.id, p.name, p.color]));
}

/** The people present now (unique by id), from the store. */
export function usePresentPeople(): Person[] {
  const key = useEditor((s) => presentKey(s.collab?.peers));
  return useMemo(() => {
    const rows = JSON.parse(key) as [string, string, string][];
    return mentionCandidates(
      rows.map(([id, name, color]) => ({ id, name, color })),
      null,
    );
  }, [key]);
}

/** The mention directory and candidates, recomputed only when threads, people or I change. */
export function usePeople(threads: readonly Thread[], me: Identity | null) {
  const present = usePresentPeople();
  const candidates = useMemo(() => present.filter((p) => p.id !== me?.id), [present, me?.id]);
  const presentColors = useMemo(() => {
    const colors = new Map<string, string>();
    for (const p of present) if (p.color) colors.set(p.id, p.color);
    if (me) colors.set(me.id, me.color);
    return colors;
  }, [present, me]);
  const directory = useMemo(
    () => peopleDirectory(threads.flatMap((t) => [t.root, ...t.replies]), present, me ? { id: me.id, name: me.name, color: me.color } : null),
    [threads, present, me],
  );
  return { candidates, presentColors, directory };
}

/** Date.now(), ticking every `interval` ms while mounted, for relative times. */
function documentVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Marks the threads the panel shows as read, now and whenever a new comment arrives in one of
 * them while shown. Nothing is marked while the tab is hidden: nobody is reading it then.
 */
export function useMarkShownThreadsRead(threads: readonly Thread[]): void {
  const mapId = useEditor((s) => s.session?.mapId ?? null);
  const [visible, setVisible] = useState(documentVisible);
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const onChange = () => setVisible(documentVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (mapId && visible && threads.length > 0) markThreadsSeen(mapId, threads);
  }, [mapId, visible, threads]);
}
