import { STANDARD_LANES, STANDARD_PHASES } from './standard';
import type { TemplateSource } from './types';

/** No cards and no personas: the standard lanes and a stage skeleton to rename. */
export const blankTemplate: TemplateSource = {
  key: 'blank',
  title: { en: 'Untitled journey', de: 'Neue Customer Journey' },
  description: { en: '', de: '' },
  phases: STANDARD_PHASES,
  personas: [],
  stages: [
    { key: 'awareness', phase: 'pre-purchase', name: { en: 'Awareness', de: 'Aufmerksamkeit' } },
    { key: 'consideration', phase: 'pre-purchase', name: { en: 'Consideration', de: 'Abwägung' } },
    { key: 'purchase', phase: 'purchase', name: { en: 'Purchase', de: 'Kauf' } },
    { key: 'use', phase: 'post-purchase', name: { en: 'Use', de: 'Nutzung' } },
    { key: 'loyalty', phase: 'post-purchase', name: { en: 'Loyalty', de: 'Bindung' } },
  ],
  lanes: STANDARD_LANES,
  cards: [],
  links: [],
};
