import { Check, Copy, Download, KeyRound, RefreshCw, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';
import { ownerKeyFile, ownerKeyKept, ownerLink, rememberOwnerKeyKept, rotateOwnerKey, type MapShare, type OwnerKeyKept } from '../../store/sharing';

interface OwnerKeySectionProps {
  mapId: string;
  /** this device's share, the owner's */
  share: MapShare;
  busy: boolean;
  /** runs a relay call with the dialog's busy state and error message */
  run(work: () => Promise<void>): Promise<void>;
  onShared(share: MapShare): void;
}

/** Saves text as a file through the browser's download, only ever on the owner's click. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The owner key in the share dialog. The owner token is the only thing that makes someone the
 * owner, and it lives in this browser's storage: the owner is asked to keep it elsewhere, as an
 * owner link or a key file, with a clear warning of what it gives. Until they have copied or
 * downloaded it and said they keep it, the section stays open with a reminder (per map, on this
 * device); afterwards it folds away. A key that leaked can be replaced: every copy of the old one
 * stops working.
 */
export function OwnerKeySection({ mapId, share, busy, run, onShared }: OwnerKeySectionProps) {
  const { t } = useTranslation();
  const title = useEditor((s) => s.journey?.title ?? '');
  const [kept, setKept] = useState<OwnerKeyKept>(() => ownerKeyKept(mapId));
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<'copied' | 'downloaded' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [replaced, setReplaced] = useState(false);
  // ticked while the dialog is open: the box stays, ticked, until it closes
  const [ackedNow, setAckedNow] = useState(false);
  const link = ownerLink(location.origin, mapId, share.token);

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 2000);
    return () => clearTimeout(timer);
  }, [done]);

  const remember = (next: OwnerKeyKept) => {
    rememberOwnerKeyKept(mapId, next);
    setKept(next);
  };
  const saved = () => {
    if (kept === 'no') remember('saved');
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setDone('copied');
      saved();
    } catch {
      // the link stays selectable in its field for a manual copy
    }
  };

  const downloadKey = () => {
    const file = ownerKeyFile({ mapId, mapTitle: title, relay: location.origin, ownerToken: share.token, note: t('sharing.ownerKey.fileNote', { title: title || t('app.untitledMap') }) });
    download(file.text, file.fileName);
    setDone('downloaded');
    saved();
  };

  const replace = () =>
    run(async () => {
      const { token } = await rotateOwnerKey(mapId, share.token);
      setConfirming(false);
      setReplaced(true);
      setOpen(true);
      // every saved copy of the old key is worthless now: the new one needs saving
      remember('no');
      onShared({ ...share, token });
    });

  const expanded = kept !== 'kept' || open || ackedNow;
  return (
    <section className={`share-owner-key${kept === 'kept' ? '' : ' share-owner-key-unsaved'}`} aria-labelledby="share-owner-key-title">
      <div className="share-owner-key-head">
        <KeyRound size={18} aria-hidden="true" />
        <h3 id="share-owner-key-title">{t(kept === 'kept' ? 'sharing.ownerKey.title' : 'sharing.ownerKey.keep')}</h3>
        {kept === 'kept' && !ackedNow && (
          <button type="button" aria-expanded={open} aria-controls="share-owner-key-body" onClick={() => setOpen(!open)}>
            {t(open ? 'sharing.ownerKey.hide' : 'sharing.ownerKey.show')}
          </button>
        )}
      </div>
      {kept === 'kept' && !expanded && <p className="share-hint">{t('sharing.ownerKey.kept')}</p>}
      {expanded && (
        <div id="share-owner-key-body">
          {replaced && (
            <p className="share-owner-key-replaced" role="status">
              {t('sharing.ownerKey.replaced')}
            </p>
          )}
          {kept !== 'kept' && <p className="share-hint">{t('sharing.ownerKey.lede')}</p>}
          <p className="share-owner-key-warning">
            <TriangleAlert size={16} aria-hidden="true" />
            <span>{t('sharing.ownerKey.warning')}</span>
          </p>
          <label htmlFor="share-owner">{t('sharing.ownerKey.link')}</label>
          <p className="share-hint">{t('sharing.ownerKey.linkHint')}</p>
          <div className="share-link-row">
            <input id="share-owner" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} onCopy={saved} />
            <button type="button" onClick={() => void copy()}>
              {done === 'copied' ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
              {t(done === 'copied' ? 'sharing.copied' : 'sharing.copy')}
            </button>
          </div>
          <div className="share-link-actions">
            <button type="button" onClick={downloadKey}>
              {done === 'downloaded' ? <Check size={14} aria-hidden="true" /> : <Download size={14} aria-hidden="true" />}
              {t(done === 'downloaded' ? 'sharing.ownerKey.downloaded' : 'sharing.ownerKey.download')}
            </button>
            {!confirming && (
              <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
                <RefreshCw size={14} aria-hidden="true" /> {t('sharing.ownerKey.replace')}
              </button>
            )}
          </div>
          {confirming && (
            <div className="share-owner-key-confirm" role="group" aria-labelledby="share-owner-key-confirm-text">
              <p id="share-owner-key-confirm-text">{t('sharing.ownerKey.replaceConfirm')}</p>
              <button type="button" onClick={() => void replace()} disabled={busy}>
                {t('sharing.ownerKey.replaceYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('sharing.ownerKey.replaceNo')}
              </button>
            </div>
          )}
          {(kept !== 'kept' || ackedNow) && (
            <>
              <label className="share-owner-key-ack">
                <input
                  type="checkbox"
                  checked={kept === 'kept'}
                  disabled={kept === 'no'}
                  aria-describedby={kept === 'no' ? 'share-owner-key-first' : undefined}
                  onChange={(e) => {
                    setAckedNow(true);
                    remember(e.target.checked ? 'kept' : 'saved');
                  }}
                />
                {t('sharing.ownerKey.acknowledge')}
              </label>
              {kept === 'no' && (
                <p className="share-hint" id="share-owner-key-first">
                  {t('sharing.ownerKey.acknowledgeFirst')}
                </p>
              )}
              {kept !== 'kept' && (
                <p className="share-owner-key-reminder" role="note">
                  {t('sharing.ownerKey.reminder')}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
