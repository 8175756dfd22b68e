/** What other UI folders may use of the canvas: the icons it draws lanes, channels and emotions with, and a lane kind's colours as CSS custom properties. */
export { CHANNEL_ICONS, emotionFace, laneIcon } from './icons';
export { laneKindStyle } from './laneKindStyle';
export { CardImageView } from './CardImage';
export { ImageLightbox } from './ImageLightbox';
export { ImageNotice } from './ImageNotice';
