import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../model/limits';
import { dismissImageNotice, useCardImages, type ImageNotice as Reason } from '../store/cardImages';

const MiB = 1024 * 1024;
/** the numbers each sentence names */
function paramsOf(reason: Reason) {
  return {
    mib: reason === 'fileTooLarge' ? LIMITS.imageInputBytes / MiB : LIMITS.imagesTotalBytes / MiB,
    count: LIMITS.imagesPerMap,
  };
}

const SHOW_MS = 8000;

/** Why a picture was not added, or that one is being prepared; read out by screen readers. */
export function ImageNotice() {
  const { t } = useTranslation();
  const notice = useCardImages((s) => s.notice);
  const busy = useCardImages((s) => s.busy > 0);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismissImageNotice, SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="image-notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className="image-notice is-problem">
          <span>{t(`canvas.images.notice.${notice.reason}`, paramsOf(notice.reason))}</span>
          <button type="button" onClick={dismissImageNotice} aria-label={t('canvas.images.dismiss')}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ) : busy ? (
        <div className="image-notice">{t('canvas.images.preparing')}</div>
      ) : null}
    </div>
  );
}
