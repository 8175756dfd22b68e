import { ImageOff, ImagePlus, Maximize2 } from 'lucide-react';
import { readImage, setCardImage } from '../../model/images';
import { LOCAL_ORIGIN } from '../../model/origin';
import type { Card } from '../../model/types';
import { attachImageFile, openLightbox } from '../../store/cardImages';
import { ACCEPTED_IMAGE_TYPES, isAcceptedImage } from '../../store/imageInput';
import { defineActions } from '../define';
import { targetCards } from '../selection';
import type { ActionContext } from '../types';

/**
 * A card's image (model/images.ts): add or replace it (from a file handed in by a paste or a
 * drop, else from the file picker), remove it, show it full size. Adding and removing write the
 * map, so a read-only session only gets the full-size view.
 */

/** Opens the browser's file picker for one picture; null when the person cancels. */
function pickImageFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPTED_IMAGE_TYPES.join(',');
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function withImage(ctx: ActionContext): Card[] {
  return targetCards(ctx).filter((c) => c.image !== null);
}

export const imageActions = defineActions([
  {
    id: 'card.addImage',
    group: 'card',
    icon: ImagePlus,
    enabled: (ctx) => targetCards(ctx).length === 1 && (ctx.files === undefined || ctx.files.some(isAcceptedImage)),
    perform: (ctx) => {
      const [card] = targetCards(ctx);
      if (!card) return;
      const { doc, undo } = ctx;
      const handed = ctx.files?.find(isAcceptedImage);
      const file = handed ? Promise.resolve(handed) : pickImageFile();
      void file.then((picked) => (picked ? attachImageFile(doc, undo, [card.id], picked) : false));
    },
  },
  {
    id: 'card.removeImage',
    group: 'card',
    icon: ImageOff,
    enabled: (ctx) => withImage(ctx).length > 0,
    perform: (ctx) => {
      setCardImage(ctx.doc, withImage(ctx).map((c) => c.id), null, LOCAL_ORIGIN);
    },
  },
  {
    id: 'card.openImage',
    group: 'card',
    icon: Maximize2,
    // looking at a picture changes nothing
    allowedReadOnly: true,
    enabled: (ctx) => {
      const cards = targetCards(ctx);
      return cards.length === 1 && cards[0]!.image !== null && readImage(ctx.doc, cards[0]!.image) !== null;
    },
    perform: (ctx) => {
      const [card] = targetCards(ctx);
      if (card?.image) openLightbox({ imageKey: card.image, alt: card.title.trim() });
    },
  },
]);
