import { CloudOff, DatabaseX, Eye, Link2Off, LoaderCircle, Lock, MessageSquare, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';

/** Where the map stands with the relay: private, connecting, live, offline, view only, comment & vote, locked, link gone, map full. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const status = useEditor((s) => s.collab?.status ?? null);
  const role = useEditor((s) => s.collab?.role ?? null);
  const locked = useEditor((s) => s.contentLocked && s.collab?.role === 'edit');
  const live = status === 'synced';
  const state =
    status === null ? 'private' : status === 'denied' || status === 'full' ? status : live && role === 'view' ? 'readOnly' : live && role === 'comment' ? 'comment' : live && locked ? 'locked' : status;
  const Icon = { private: Lock, connecting: LoaderCircle, synced: Radio, offline: CloudOff, readOnly: Eye, comment: MessageSquare, locked: Lock, denied: Link2Off, full: DatabaseX }[state];
  return (
    <button
      type="button"
      className={`connection-badge is-${state}`}
      onClick={() => useEditor.getState().setDialog('share')}
      title={t(`sharing.status.${state}Hint`)}
    >
      <Icon size={14} aria-hidden="true" />
      <span role="status">{t(`sharing.status.${state}`)}</span>
    </button>
  );
}
