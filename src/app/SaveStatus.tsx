import { Check, CloudOff, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PersistenceStatus } from '../storage';
import { useEditor } from '../store/editorStore';

const ICONS = { saved: Check, saving: LoaderCircle, loading: LoaderCircle, unavailable: CloudOff, 'quota-exceeded': TriangleAlert, failed: TriangleAlert };

/** A quiet indicator of whether the latest edits are on this device. */
export function SaveStatus({ status }: { status: PersistenceStatus | null }) {
  const { t } = useTranslation();
  // offline, the connection badge already says "saved on this device": once is enough in a narrow header
  const offline = useEditor((s) => s.collab?.status === 'offline');
  if (!status || (offline && status === 'saved')) return null;
  const Icon = ICONS[status];
  return (
    <span className={`save-status is-${status}`} role="status" title={t(`app.saveStatus.${status}`)}>
      <Icon size={14} aria-hidden="true" />
      <span className="topbar-narrow-hidden">{t(`app.saveStatus.${status}`)}</span>
    </span>
  );
}
