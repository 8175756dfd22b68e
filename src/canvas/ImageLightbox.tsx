import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { closeLightbox, useCardImages } from '../store/cardImages';
import { useImageUrl, useStoredImage } from './CardImage';

/**
 * A card's picture full size, over everything: a modal dialog that Escape, the close button or
 * a click beside the picture closes, after which focus goes back where it was.
 */
export function ImageLightbox() {
  const { t } = useTranslation();
  const lightbox = useCardImages((s) => s.lightbox);
  const image = useStoredImage(lightbox?.imageKey ?? null);
  const url = useImageUrl(image);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const open = lightbox !== null && image !== null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  // the picture went away (its card lost it, a peer removed it): nothing left to show
  useEffect(() => {
    if (lightbox && !image) closeLightbox();
  }, [lightbox, image]);

  const alt = lightbox?.alt || t('canvas.untitledCard');
  return (
    <dialog
      ref={dialog}
      className="image-lightbox"
      // says "modal" to the shortcut router too (actions/dispatch.ts), so Escape reaches the dialog
      aria-modal="true"
      aria-label={t('canvas.images.lightbox', { title: alt })}
      onClose={() => {
        closeLightbox();
        returnTo.current?.focus();
        returnTo.current = null;
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) dialog.current?.close();
      }}
    >
      {open && url && (
        <figure>
          <img src={url} alt={alt} />
          <figcaption>{alt}</figcaption>
        </figure>
      )}
      <button type="button" className="image-lightbox-close" onClick={() => dialog.current?.close()} aria-label={t('canvas.images.close')} autoFocus>
        <X size={20} aria-hidden="true" />
      </button>
    </dialog>
  );
}
