import { Check, Copy, Link2, Lock, RefreshCw, Users, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';
import { LINK_ROLES, type LinkRole } from '../../access/roles';
import { tokenField } from '../../access/rooms';
import { spaceOfToken } from '../../access/spaces';
import { ownerShare, PRESENCE_COLORS, registerMap, revokeLink, rotateLink, ShareApiError, shareLink, type Identity, type MapShare } from '../../store/sharing';
import { OwnerKeySection } from './OwnerKeySection';
import './share.css';

interface ShareDialogProps {
  mapId: string;
  share: MapShare | null;
  identity: Identity;
  onShared(share: MapShare): void;
  onIdentity(identity: Identity): void;
}


/**
 * Sharing a map: maps are private until the owner creates links. An edit link lets people
 * change the map; a comment link lets workshop participants comment and vote without changing
 * it; a view link lets them follow along. Each can be replaced (the old one stops working at
 * once) or turned off. Also where people set the name and colour others see.
 */
export function ShareDialog({ mapId, share, identity, onShared, onIdentity }: ShareDialogProps) {
  const { t } = useTranslation();
  const open = useEditor((s) => s.dialog === 'share');
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<LinkRole | null>(null);
  const [name, setName] = useState(identity.name);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setError(null);
      setName(identity.name);
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open, identity.name]);

  const close = () => useEditor.getState().setDialog(null);
  const fail = (e: unknown) =>
    setError(e instanceof ShareApiError && e.status === 0 ? t('sharing.errors.offline') : e instanceof ShareApiError && e.status === 429 ? t('sharing.errors.tooMany') : t('sharing.errors.failed'));

  /** One relay call at a time, its failure shown in the dialog. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      const registered = await registerMap(mapId);
      onShared(ownerShare(registered));
    });

  const replace = async (role: LinkRole) => {
    if (!share || share.role !== 'owner') return;
    setBusy(true);
    setError(null);
    try {
      const { token } = await rotateLink(mapId, role, share.token);
      onShared({ ...share, [tokenField(role)]: token });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async (role: LinkRole) => {
    if (!share || share.role !== 'owner') return;
    setBusy(true);
    setError(null);
    try {
      await revokeLink(mapId, role, share.token);
      onShared({ ...share, [tokenField(role)]: null });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (role: LinkRole, link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(role);
      setTimeout(() => setCopied(null), 2000);
    } catch {
      // the link stays selectable in its field for a manual copy
    }
  };

  const tokenFor = (role: LinkRole): string | null =>
    share?.role === 'owner' ? share[tokenField(role)] ?? null : share?.role === role ? share.token : null;

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={close} onCancel={close}>
      <header className="share-head">
        <h2 id="share-title">{t('sharing.title')}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t('sharing.close')}>
          <X size={18} aria-hidden="true" />
        </button>
      </header>

      {share && spaceOfToken(share.token) ? (
        <section className="share-private">
          <Users size={20} aria-hidden="true" />
          <div>
            <p className="share-lede">{t('sharing.viaSpace')}</p>
            <p className="share-hint">{t('sharing.viaSpaceHint')}</p>
          </div>
        </section>
      ) : !share ? (
        <section className="share-private">
          <Lock size={20} aria-hidden="true" />
          <div>
            <p className="share-lede">{t('sharing.private')}</p>
            <p className="share-hint">{t('sharing.privateHint')}</p>
            <button type="button" className="button-primary" onClick={() => void create()} disabled={busy}>
              <Link2 size={16} aria-hidden="true" /> {t('sharing.create')}
            </button>
          </div>
        </section>
      ) : (
        <section className="share-links">
          <p className="share-lede">{t(`sharing.yourRole.${share.role}`)}</p>
          {/* mounted per opening: it reads afresh whether the key was kept */}
          {open && share.role === 'owner' && <OwnerKeySection mapId={mapId} share={share} busy={busy} run={run} onShared={onShared} />}
          {LINK_ROLES.map((role) => {
            const token = tokenFor(role);
            if (share.role !== 'owner' && !token) return null;
            const link = token ? shareLink(location.origin, mapId, token) : '';
            return (
              <div key={role} className="share-link">
                <label htmlFor={`share-${role}`}>{t(`sharing.links.${role}`)}</label>
                <p className="share-hint">{t(`sharing.links.${role}Hint`)}</p>
                {token ? (
                  <div className="share-link-row">
                    <input id={`share-${role}`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
                    <button type="button" onClick={() => void copy(role, link)}>
                      {copied === role ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
                      {t(copied === role ? 'sharing.copied' : 'sharing.copy')}
                    </button>
                  </div>
                ) : (
                  <p className="share-off" id={`share-${role}`}>
                    {t('sharing.links.off')}
                  </p>
                )}
                {share.role === 'owner' && (
                  <div className="share-link-actions">
                    <button type="button" onClick={() => void replace(role)} disabled={busy}>
                      <RefreshCw size={14} aria-hidden="true" /> {t(token ? 'sharing.replace' : 'sharing.turnOn')}
                    </button>
                    {token && (
                      <button type="button" onClick={() => void turnOff(role)} disabled={busy}>
                        {t('sharing.turnOff')}
                      </button>
                    )}
                  </div>
                )}
              </div>
            );
          })}
        </section>
      )}

      {error && (
        <p className="share-error" role="alert">
          {error}
        </p>
      )}

      <section className="share-identity" aria-labelledby="share-identity-title">
        <h3 id="share-identity-title">{t('sharing.identity.title')}</h3>
        <div className="share-identity-row">
          <label htmlFor="share-name">{t('sharing.identity.name')}</label>
          <input
            id="share-name"
            type="text"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name.trim() && onIdentity({ ...identity, name: name.trim() })}
          />
        </div>
        <fieldset className="share-colors">
          <legend>{t('sharing.identity.color')}</legend>
          {PRESENCE_COLORS.map((color) => (
            <label key={color} className="share-color" style={{ background: color }}>
              <input type="radio" name="share-color" value={color} checked={identity.color === color} onChange={() => onIdentity({ ...identity, color })} />
              <span className="sr-only">{color}</span>
            </label>
          ))}
        </fieldset>
      </section>
    </dialog>
  );
}
