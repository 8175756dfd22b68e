import { useEffect } from 'react';
import { sayImageNotice } from '../store/cardImages';
import { useEditor } from '../store/editorStore';
import { isAcceptedImage } from '../store/imageInput';
import { runAction } from './context';
import { keyOriginOf } from './dispatch';

/**
 * A picture pasted from the clipboard (a screenshot, a copied photo) becomes the image of the
 * selected card, through `card.addImage`. Text fields keep pastes that carry text; a paste of
 * only a picture is taken even there (the inspector's fields are open while a card is selected).
 */
export function useImagePaste(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data) return;
      const files = [...data.files].filter(isAcceptedImage);
      // a view or comment link (or a locked map) takes no pictures
      if (files.length === 0 || useEditor.getState().readOnly) return;
      const inTextField = keyOriginOf(event.target).inTextField;
      if (inTextField && data.getData('text/plain') !== '') return;
      if (runAction('card.addImage', { files })) event.preventDefault();
      else if (!inTextField) sayImageNotice('noCard');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
