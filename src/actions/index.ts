/**
 * What other UI folders may use of the actions: running one by id, and the focus helpers the
 * dialogs share. The registry, menus and shortcuts are this folder's own.
 */
export { runAction } from './context';
export { ModalDialog } from './ModalDialog';
export { restoreFocus, trapTab } from './ui';
export { useImagePaste } from './useImagePaste';
