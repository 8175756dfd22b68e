/** The form fields and their logic, shared by the inspectors (src/panels/*.tsx) and the comment composer. */
export { BodyField } from './BodyField';
export { ColorField } from './ColorField';
export { DraftTextarea } from './DraftTextarea';
export { EmotionFace, EmotionField, formatScore } from './EmotionField';
export { useShortcutLabel } from './keys';
export { LinksField } from './LinksField';
export { coverage, formatLines, neighbourIndex, parseLines, personaCardCounts, sameList, sharedValue } from './logic';
export { PALETTE } from './palette';
export { TagsField } from './TagsField';
export { TriCheckbox } from './TriCheckbox';
export { useDraft, useTextDraft } from './useDraft';
