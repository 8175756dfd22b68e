import { useEffect } from 'react';
import type { Identity } from '../sync/identity';
import type { SyncSession } from '../sync/session';
import type { Role } from '../sync/shares';
import { useEditor } from '../store/editorStore';

/**
 * Feeds a shared map's connection into the editor: status and peers into the store, my
 * selection and pointer out to the peers. Without a session the map is private.
 */
export function useCollaboration(sync: SyncSession | null, role: Role | null, identity: Identity): void {
  useEffect(() => {
    const editor = useEditor.getState();
    if (!sync || !role) {
      editor.setCollab(null);
      return;
    }
    const publish = () => useEditor.getState().setCollab({ status: sync.status, role, peers: sync.peers() });
    publish();
    const offStatus = sync.onStatus(publish);
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
    });
    return () => {
      offStatus();
      offPeers();
      offSelection();
      if (pending) clearTimeout(pending);
      useEditor.getState().setPresence(null);
      useEditor.getState().setCollab(null);
    };
  }, [sync, role]);

  useEffect(() => {
    sync?.setIdentity(identity);
  }, [sync, identity]);
}
