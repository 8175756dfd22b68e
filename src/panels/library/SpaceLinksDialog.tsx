import { Check, Copy, Link2Off, RefreshCw, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINK_ROLES, type LinkRole } from '../../access/roles';
import { useSpaces, type JoinedSpace } from '../../store/spaces';
import { spaceErrorText } from './spaceErrors';

/**
 * The space owner's invitations: one link per role (edit, comment, view), each to copy, replace
 * (the old one stops working and its connections close, in the space and in every map of it) or
 * turn off. The links carry their token in the fragment, as map links do.
 */
export function SpaceLinksDialog({ open, space, onClose }: { open: boolean; space: JoinedSpace; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const service = useSpaces((state) => state.service);
  const [busy, setBusy] = useState<LinkRole | null>(null);
  const [copied, setCopied] = useState<LinkRole | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const run = async (role: LinkRole, action: () => Promise<void>) => {
    setBusy(role);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(t('spaces.links.failed', { reason: spaceErrorText(t, caught) }));
    } finally {
      setBusy(null);
    }
  };
  const copy = async (role: LinkRole, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
      setTimeout(() => setCopied((current) => (current === role ? null : current)), 1600);
    } catch {
      // the field stays selectable: copying by hand still works
    }
  };

  return (
    <dialog ref={ref} className="lib-dialog" aria-labelledby="lib-space-links-title" aria-describedby="lib-space-links-intro" onClose={onClose}>
      {open && service && (
        <div className="lib-dialog-body">
          <div className="lib-dialog-head">
            <div>
              <h2 id="lib-space-links-title">{t('spaces.links.title', { name: space.name })}</h2>
              <p id="lib-space-links-intro">{t('spaces.links.intro')}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('spaces.links.close')}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          <ul className="lib-space-links">
            {LINK_ROLES.map((role) => {
              const url = service.linkUrl(space.id, role);
              const state = space.links[role];
              return (
                <li key={role} data-role={role}>
                  <div className="lib-space-link-head">
                    <strong>{t(`spaces.links.roles.${role}`)}</strong>
                    <span>{t(`spaces.links.hints.${role}`)}</span>
                  </div>
                  {url ? (
                    <div className="lib-space-link-row">
                      <input readOnly value={url} aria-label={t(`spaces.links.roles.${role}`)} onFocus={(event) => event.currentTarget.select()} />
                      <button type="button" className="lib-button-secondary" onClick={() => void copy(role, url)}>
                        {copied === role ? <Check size={15} aria-hidden="true" /> : <Copy size={15} aria-hidden="true" />}
                        {copied === role ? t('spaces.links.copied') : t('spaces.links.copy')}
                      </button>
                      <button type="button" className="lib-icon-button" disabled={busy !== null} title={t('spaces.links.replace')} aria-label={`${t('spaces.links.replace')}: ${t(`spaces.links.roles.${role}`)}`} onClick={() => void run(role, () => service.rotateLink(space.id, role))}>
                        <RefreshCw size={15} aria-hidden="true" />
                      </button>
                      <button type="button" className="lib-icon-button" disabled={busy !== null} title={t('spaces.links.turnOff')} aria-label={`${t('spaces.links.turnOff')}: ${t(`spaces.links.roles.${role}`)}`} onClick={() => void run(role, () => service.revokeLink(space.id, role))}>
                        <Link2Off size={15} aria-hidden="true" />
                      </button>
                    </div>
                  ) : (
                    <div className="lib-space-link-row">
                      <span className="lib-space-link-off">{state === null ? t('spaces.links.off') : t('spaces.links.unknown')}</span>
                      <button type="button" className="lib-button-secondary" disabled={busy !== null} onClick={() => void run(role, () => service.rotateLink(space.id, role))}>
                        {t('spaces.links.turnOn')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {error && (
            <p className="lib-inline-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
