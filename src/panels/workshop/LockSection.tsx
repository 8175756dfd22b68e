import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';
import { mayLockMap, setContentLockAsOwner } from '../../store/sharing';

/**
 * The owner locks the map's content for a session: edit links then write feedback only. The
 * relay holds and enforces the lock; this switch asks it, then shows what it answered.
 */
export function LockSection() {
  const { t } = useTranslation();
  const mapId = useEditor((s) => s.session?.mapId ?? null);
  const locked = useEditor((s) => s.contentLocked);
  const shared = useEditor((s) => s.collab !== null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const toggle = async (next: boolean) => {
    if (!mapId) return;
    setBusy(true);
    setFailed(false);
    try {
      const answer = await setContentLockAsOwner(mapId, next);
      if (answer !== null) useEditor.getState().setContentLocked(answer);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  // a private map has no one else to lock out (the presenter section says how to share); a map
  // opened through a team space is locked by the map's own owner only
  if (!shared || !mapId || !mayLockMap(mapId)) return null;
  return (
    <section className="workshop-section" aria-labelledby="workshop-lock-title">
      <h3 id="workshop-lock-title">{t('workshop.lock.title')}</h3>
      <label className="workshop-check">
        <input type="checkbox" checked={locked} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
        <span>{t('workshop.lock.label')}</span>
      </label>
      <p className="workshop-hint">{t('workshop.lock.hint')}</p>
      {failed && (
        <p className="workshop-error" role="alert">
          {t('workshop.lock.failed')}
        </p>
      )}
    </section>
  );
}
