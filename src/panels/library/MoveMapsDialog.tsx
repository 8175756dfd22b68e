import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapEntry } from '../../store/library';
import { mapRoleOnDevice } from '../../store/sharing';
import { useSpaces } from '../../store/spaces';
import { spaceErrorText } from './spaceErrors';

/**
 * "Add maps from this device": the device's own maps (not in a space) to tick and move in. A
 * private map is registered for the space; a shared one moves with its content and keeps its
 * links, which only its owner may do.
 */
export function MoveMapsDialog({ open, spaceId, maps, onClose }: { open: boolean; spaceId: string; maps: readonly MapEntry[]; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const service = useSpaces((state) => state.service);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPicked(new Set());
      setErrors([]);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const movable = (entry: MapEntry) => {
    const role = mapRoleOnDevice(entry.id);
    return role === null || role === 'owner';
  };
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const submit = async () => {
    if (!service || picked.size === 0) return;
    setPending(true);
    const failed: string[] = [];
    for (const entry of maps.filter((m) => picked.has(m.id))) {
      try {
        await service.moveMap(spaceId, entry.id);
      } catch (caught) {
        failed.push(t('spaces.move.failed', { title: entry.title || t('library.card.untitled'), reason: spaceErrorText(t, caught) }));
      }
    }
    setPending(false);
    setErrors(failed);
    if (failed.length === 0) onClose();
  };

  return (
    <dialog ref={ref} className="lib-dialog" aria-labelledby="lib-move-title" aria-describedby="lib-move-intro" onClose={onClose} onCancel={(event) => pending && event.preventDefault()}>
      {open && (
        <form
          className="lib-dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="lib-dialog-head">
            <div>
              <h2 id="lib-move-title">{t('spaces.move.title')}</h2>
              <p id="lib-move-intro">{t('spaces.move.intro')}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('spaces.links.close')} disabled={pending}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          {maps.length === 0 ? (
            <p>{t('spaces.move.none')}</p>
          ) : (
            <ul className="lib-move-list">
              {maps.map((entry) => {
                const allowed = movable(entry);
                return (
                  <li key={entry.id}>
                    <label className={allowed ? undefined : 'is-disabled'}>
                      <input type="checkbox" checked={picked.has(entry.id)} disabled={!allowed || pending} onChange={() => toggle(entry.id)} />
                      <span>{entry.title.trim() || t('library.card.untitled')}</span>
                      {!allowed && <small>{t('spaces.move.notOwner')}</small>}
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {errors.map((message) => (
            <p key={message} className="lib-inline-error" role="alert">
              {message}
            </p>
          ))}
          <div className="lib-dialog-actions">
            <button type="button" className="lib-button-secondary" onClick={onClose} disabled={pending}>
              {t('spaces.create.cancel')}
            </button>
            <button type="submit" className="lib-button-primary" disabled={pending || picked.size === 0}>
              {pending ? t('spaces.move.adding') : t('spaces.move.add', { count: picked.size })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
