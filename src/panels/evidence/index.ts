/** Customer evidence on a card in the side panel (issue 18): its confidence, its items, adding and editing them. */
import './evidence.css';
export { ConfidenceField } from './ConfidenceField';
export { EvidenceItemView, SOURCE_ICONS } from './EvidenceItemView';
export { EvidenceReadList, EvidenceSection, useCardEvidence } from './EvidenceSection';
export { pastedLines, readForm, scoreWords, webLink } from './logic';
