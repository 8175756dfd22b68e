import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { imagesMap, readImage, type CardImage } from '../model/images';
import { acquireImageUrl, openLightbox, releaseImageUrl } from '../store/cardImages';
import { useEditor } from '../store/editorStore';

/*
 * Showing a card's image: the stored picture for a key (re-read when the map's images change,
 * e.g. a peer's arrives after the card), an object URL shared per key (store/cardImages.ts),
 * and the <img> that shows it, decoded lazily and off the main thread.
 */

const noSubscribe = () => () => {};

/** The map's image under `key`, or null while it has none (not arrived yet, or unreadable). */
export function useStoredImage(key: string | null): CardImage | null {
  const doc = useEditor((s) => s.session?.doc ?? null);
  const version = useSyncExternalStore(
    doc && key
      ? (onChange) => {
          const map = imagesMap(doc);
          const observer = (event: { keysChanged: Set<string> }) => {
            if (event.keysChanged.has(key)) onChange();
          };
          map.observe(observer);
          return () => map.unobserve(observer);
        }
      : noSubscribe,
    () => (doc && key ? imagesMap(doc).get(key) : undefined),
  );
  // the value under a key never changes (content addressing): `version` is the stored object
  return doc && key && version !== undefined ? readImage(doc, key) : null;
}

/** An object URL for the image while the caller is mounted. */
export function useImageUrl(image: CardImage | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const key = image?.key ?? null;
  useEffect(() => {
    if (!image) {
      setUrl(null);
      return;
    }
    setUrl(acquireImageUrl(image));
    return () => releaseImageUrl(image.key);
    // the key names the bytes: a new image object under the same key is the same picture
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return url;
}

interface CardImageViewProps {
  imageKey: string | null;
  /** the card's title: the picture's text alternative */
  title: string;
  /** 'thumb' on the canvas, 'large' in the side panel, 'slide' in present mode */
  size: 'thumb' | 'large' | 'slide';
  className?: string;
}

/**
 * A card's picture as a button that opens it full size. Nothing at all while the card has no
 * image, or its bytes have not arrived.
 */
export function CardImageView({ imageKey, title, size, className }: CardImageViewProps) {
  const { t } = useTranslation();
  const image = useStoredImage(imageKey);
  const url = useImageUrl(image);
  if (!image || !url) return null;
  const alt = title.trim() || t('canvas.untitledCard');
  const picture = <img src={url} alt={alt} width={image.width} height={image.height} loading="lazy" decoding="async" draggable={false} />;
  // a slide is looked at, not clicked: the picture alone
  if (size === 'slide') return <span className={`card-image card-image-slide${className ? ` ${className}` : ''}`}>{picture}</span>;
  return (
    <button
      type="button"
      className={`card-image card-image-${size}${className ? ` ${className}` : ''}`}
      title={t('canvas.images.open')}
      aria-label={t('canvas.images.openNamed', { title: alt })}
      onClick={(e) => {
        // opening the picture is not also a click on the card (select, vote)
        e.stopPropagation();
        openLightbox({ imageKey: image.key, alt: title.trim() });
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {picture}
    </button>
  );
}
