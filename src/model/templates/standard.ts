import type { DefaultPhaseId } from '../types';
import type { Localized, TemplateLane } from './types';

/** The phase names every template starts from; each map may rename them. */
export const STANDARD_PHASES: Record<DefaultPhaseId, Localized> = {
  'pre-purchase': { en: 'Pre-purchase', de: 'Vor dem Kauf' },
  purchase: { en: 'Purchase', de: 'Kauf' },
  'post-purchase': { en: 'Post-purchase', de: 'Nach dem Kauf' },
};

/**
 * The lanes a CX team expects on a fresh map, top to bottom: what the customer does, where,
 * what they think and feel, what hurts, what we could do, what happens behind the scenes, and
 * how we measure it.
 */
export const STANDARD_LANES: TemplateLane[] = [
  { key: 'actions', kind: 'actions', name: { en: 'Customer actions', de: 'Kundenaktionen' } },
  { key: 'touchpoints', kind: 'touchpoints', name: { en: 'Touchpoints & channels', de: 'Touchpoints & Kanäle' } },
  { key: 'thoughts', kind: 'thoughts', name: { en: 'Thoughts', de: 'Gedanken' } },
  { key: 'emotions', kind: 'emotions', name: { en: 'Feelings', de: 'Gefühle' } },
  { key: 'pains', kind: 'pains', name: { en: 'Pain points', de: 'Schmerzpunkte' } },
  { key: 'opportunities', kind: 'opportunities', name: { en: 'Opportunities', de: 'Chancen' } },
  { key: 'backstage', kind: 'backstage', name: { en: 'Backstage processes', de: 'Backstage-Prozesse' } },
  { key: 'metrics', kind: 'metrics', name: { en: 'KPIs', de: 'KPIs' } },
];
