import { CloudOff, Eye, Link2Off, LoaderCircle, Lock, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';

/** Where the map stands with the relay: private, connecting, live, offline, view only. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const status = useEditor((s) => s.collab?.status ?? null);
  const readOnly = useEditor((s) => s.readOnly);
  const state = status === null ? 'private' : status === 'denied' ? 'denied' : status === 'synced' && readOnly ? 'readOnly' : status;
  const Icon = { private: Lock, connecting: LoaderCircle, synced: Radio, offline: CloudOff, readOnly: Eye, denied: Link2Off }[state];
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
