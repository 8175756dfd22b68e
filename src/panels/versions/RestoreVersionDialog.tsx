import { RotateCcw } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import { mayEditLiveMap, useEditor } from '../../store/editorStore';
import { restoreOpenVersion, useVersionPreview } from '../../store/versionPreview';
import { versionName } from './versionText';
import '../panels.css';
import './versions.css';

/**
 * The confirmation before a restore: it is a forward change everyone sees, a checkpoint is taken
 * first, and Undo takes it back. Shown while `editor.dialog === 'restoreVersion'` and a version
 * is open, to those who may edit the live map.
 */
export function RestoreVersionDialog() {
  const open = useVersionPreview((s) => s.open);
  const shown = useEditor((s) => s.dialog === 'restoreVersion' && mayEditLiveMap(s));
  return shown && open ? <RestoreConfirm version={open.entry} /> : null;
}

function RestoreConfirm({ version }: { version: Parameters<typeof versionName>[1] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const close = () => useEditor.getState().setDialog(null);
  const title = versionName(t, version);
  const restore = async () => {
    setBusy(true);
    try {
      await restoreOpenVersion();
    } finally {
      setBusy(false);
      close();
    }
  };
  return (
    <ModalDialog title={t('versions.restoreDialog.title', { name: title })} closeLabel={t('versions.restoreDialog.close')} onClose={close} className="vh-dialog" initialFocus={cancelRef} busy={busy}>
      <div className="vh-dialog-body">
        <p className="vh-dialog-text">{t('versions.restoreDialog.body')}</p>
        <ul className="vh-dialog-points">
          <li>{t('versions.restoreDialog.checkpoint')}</li>
          <li>{t('versions.restoreDialog.undo')}</li>
        </ul>
        <div className="vh-dialog-actions">
          <button ref={cancelRef} type="button" className="pn-button" onClick={close} disabled={busy}>
            {t('versions.restoreDialog.cancel')}
          </button>
          <button type="button" className="pn-button pn-button-primary" onClick={() => void restore()} disabled={busy}>
            <RotateCcw size={14} aria-hidden="true" />
            {busy ? t('versions.restoreDialog.restoring') : t('versions.restoreDialog.confirm')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
