import { ImageOff, ImagePlus } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../actions';
import { CardImageView } from '../canvas';
import { LIMITS } from '../model/limits';
import type { Card } from '../model/types';
import { useCardImages } from '../store/cardImages';
import { ACCEPTED_IMAGE_TYPES } from '../store/imageInput';
import './panels.css';

/**
 * A card's image in the inspector: the picture (a click shows it full size), a file input to
 * add or replace it and a button to remove it, both through the actions registry
 * (card.addImage, card.removeImage). Read-only maps show the picture in CardReadView instead.
 */
export function CardImageField({ card }: { card: Card }) {
  const { t } = useTranslation();
  const busy = useCardImages((s) => s.busy > 0);
  const ids = { label: useId(), hint: useId() };
  const target = { kind: 'card', id: card.id } as const;
  return (
    <div className="pn-field pn-image-field" role="group" aria-labelledby={ids.label}>
      <span className="pn-label" id={ids.label}>
        {t('canvas.images.section')}
      </span>
      {card.image && <CardImageView imageKey={card.image} title={card.title} size="large" />}
      <div className="pn-row">
        <label className={`pn-button pn-file-button${busy ? ' is-busy' : ''}`}>
          <ImagePlus size={14} aria-hidden="true" />
          {card.image ? t('canvas.images.replace') : t('canvas.images.add')}
          <input
            type="file"
            className="sr-only"
            accept={ACCEPTED_IMAGE_TYPES.join(',')}
            aria-describedby={ids.hint}
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              // the same file may be picked again later
              e.target.value = '';
              if (files.length > 0) runAction('card.addImage', { target, files });
            }}
          />
        </label>
        {card.image && (
          <button type="button" className="pn-button pn-button-danger" onClick={() => runAction('card.removeImage', { target })}>
            <ImageOff size={14} aria-hidden="true" />
            {t('canvas.images.remove')}
          </button>
        )}
      </div>
      <p className="pn-hint" id={ids.hint}>
        {t('canvas.images.addHint', { kib: LIMITS.imageBytes / 1024 })}
      </p>
    </div>
  );
}
