import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../store/editorStore';
import type { Identity } from '../../store/sharing';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

const SHOWN = 5;

/** Who else is in the map right now, and me, as coloured initials. */
export function AvatarStack({ me }: { me: Identity }) {
  const { t } = useTranslation();
  const peers = useEditor(useShallow((s) => s.collab?.peers ?? []));
  const shared = useEditor((s) => s.collab !== null);
  if (!shared) return null;
  const extra = peers.length - SHOWN;
  return (
    <ul className="avatar-stack" aria-label={t('sharing.people', { count: peers.length + 1 })}>
      <li className="avatar is-me" style={{ background: me.color }} title={t('sharing.you', { name: me.name })}>
        {initials(me.name)}
      </li>
      {peers.slice(0, SHOWN).map((peer) => (
        <li key={peer.clientId} className="avatar" style={{ background: peer.color }} title={peer.name}>
          {initials(peer.name)}
        </li>
      ))}
      {extra > 0 && <li className="avatar is-more">+{extra}</li>}
    </ul>
  );
}
