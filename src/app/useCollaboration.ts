import { useEffect, useRef } from 'react';
import { checkAccess } from '../sync/api';
import type { Identity } from '../sync/identity';
import type { ConnectionStatus, SyncSession } from '../sync/session';
import type { Role } from '../access/roles';
import type { MapShare } from '../sync/shares';
import { useEditor } from '../store/editorStore';

/**
 * Whether the owner has locked the map's content, as the relay says: asked on joining and again
 * whenever the relay reports that this connection's rights changed. Unknown (offline) counts as
 * unlocked; the relay refuses a locked write anyway.
 */
function useContentLock(sync: SyncSession | null, mapId: string, share: MapShare | null, onRole: (role: Role) => void): void {
  const token = share?.token ?? null;
  const role = share?.role ?? null;
  const onRoleRef = useRef(onRole);
  onRoleRef.current = onRole;
  useEffect(() => {
    const setLocked = (locked: boolean) => useEditor.getState().setContentLocked(locked);
    if (!sync || !token) {
      setLocked(false);
      return;
    }
    let current = true;
    // lock then unlock in quick succession: only the answer to the latest question counts
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      void checkAccess(mapId, token).then(
        (access) => {
          if (!current || question !== asked) return;
          setLocked(access.locked);
          // a link first opened offline was taken for an edit link: the relay knows better
          if (role !== 'owner' && access.role !== role) onRoleRef.current(access.role);
        },
        () => undefined,
      );
    };
    ask();
    const off = sync.onAccessChanged(ask);
    // the owner's own lock switch changes it too: their connection is never closed for it
    const offStatus = sync.onStatus((status) => status === 'synced' && ask());
    return () => {
      current = false;
      off();
      offStatus();
    };
  }, [sync, mapId, token, role]);
}

/** A shared map's two connections: the map room (with presence) and its feedback room. */
export interface MapConnections {
  map: SyncSession;
  feedback: SyncSession;
}

/**
 * The one status shown for both rooms: the map room's, except that a full feedback room shows
 * too (comments and votes would otherwise stay on this device without a word).
 */
export function combinedStatus(map: ConnectionStatus, feedback: ConnectionStatus): ConnectionStatus {
  if (map === 'denied') return 'denied';
  if (map === 'full' || feedback === 'full') return 'full';
  return map;
}

/**
 * Feeds a shared map's connections into the editor: status, peers and rights into the store, my
 * selection, pointer and view out to the peers. Without a session the map is private.
 */
export function useCollaboration(
  connections: MapConnections | null,
  mapId: string,
  share: MapShare | null,
  identity: Identity,
  onRole: (role: Role) => void,
): void {
  const role = share?.role ?? null;
  const sync = connections?.map ?? null;
  const feedbackSync = connections?.feedback ?? null;
  useContentLock(sync, mapId, share, onRole);

  useEffect(() => {
    const editor = useEditor.getState();
    if (!sync || !role) {
      editor.setCollab(null);
      return;
    }
    const status = () => (feedbackSync ? combinedStatus(sync.status, feedbackSync.status) : sync.status);
    const publish = () => useEditor.getState().setCollab({ status: status(), role, peers: sync.peers() });
    publish();
    const offStatus = sync.onStatus(publish);
    const offFeedbackStatus = feedbackSync?.onStatus(publish) ?? (() => undefined);
    const offPeers = sync.onPeers(publish);
    sync.setSelection(useEditor.getState().selectedCardIds);
    const offSelection = useEditor.subscribe((state, previous) => {
      if (state.selectedCardIds !== previous.selectedCardIds) sync.setSelection(state.selectedCardIds);
    });
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    editor.setPresence({
      // at most ~25 cursor messages a second: smooth enough to follow, light on the relay
      setCursor(point) {
        if (pending) clearTimeout(pending);
        const wait = 40 - (Date.now() - last);
        if (point === null || wait <= 0) {
          last = Date.now();
          sync.setCursor(point);
        } else {
          pending = setTimeout(() => {
            last = Date.now();
            sync.setCursor(point);
          }, wait);
        }
      },
      setView(view) {
        sync.setView(view);
      },
    });
    return () => {
      offStatus();
      offFeedbackStatus();
      offPeers();
      offSelection();
      if (pending) clearTimeout(pending);
      useEditor.getState().setPresence(null);
      useEditor.getState().setCollab(null);
    };
  }, [sync, feedbackSync, role]);

  useEffect(() => {
    sync?.setIdentity(identity);
    useEditor.getState().setIdentity(identity);
  }, [sync, identity]);
}
