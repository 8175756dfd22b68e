import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PersistenceStatus } from '../storage';

/** Says plainly when this device is not keeping the map, and what still works. */
export function StorageBanner({ status, onRetry }: { status: PersistenceStatus | null; onRetry(): void }) {
  const { t } = useTranslation();
  if (status !== 'unavailable' && status !== 'quota-exceeded' && status !== 'failed') return null;
  return (
    <div className="storage-banner" role="alert">
      <TriangleAlert size={18} aria-hidden="true" />
      <p>{t(`app.storage.${status}`)}</p>
      {status !== 'unavailable' && (
        <button type="button" onClick={onRetry}>
          {t('app.storage.retry')}
        </button>
      )}
    </div>
  );
}
