/** What other UI folders may use of the canvas: the icons it draws lanes, channels and emotions with. */
export { CHANNEL_ICONS, emotionColor, emotionFace, LANE_ICONS } from './icons';
