import type { BlueprintPart } from '../laneKinds';
import type { DefaultPhaseId, LaneKind } from '../types';
import type { Localized, TemplateLane } from './types';

/** The phase names every template starts from; each map may rename them. */
export const STANDARD_PHASES: Record<DefaultPhaseId, Localized> = {
  'pre-purchase': { en: 'Pre-purchase', de: 'Vor dem Kauf' },
  purchase: { en: 'Purchase', de: 'Kauf' },
  'post-purchase': { en: 'Post-purchase', de: 'Nach dem Kauf' },
};

/**
 * The lanes a CX team expects on a fresh map, top to bottom: what the customer does, what they
 * want to get done there (the job the product is hired for), where, what they think and feel,
 * what hurts, what we could do, what happens behind the scenes, and how we measure it.
 */
export const STANDARD_LANES: TemplateLane[] = [
  { key: 'actions', kind: 'actions', name: { en: 'Customer actions', de: 'Kundenaktionen' } },
  { key: 'needs', kind: 'needs', name: { en: 'Needs & goals', de: 'Bedürfnisse & Ziele' } },
  { key: 'touchpoints', kind: 'touchpoints', name: { en: 'Touchpoints & channels', de: 'Touchpoints & Kanäle' } },
  { key: 'thoughts', kind: 'thoughts', name: { en: 'Thoughts', de: 'Gedanken' } },
  { key: 'emotions', kind: 'emotions', name: { en: 'Feelings', de: 'Gefühle' } },
  { key: 'pains', kind: 'pains', name: { en: 'Pain points', de: 'Schmerzpunkte' } },
  { key: 'opportunities', kind: 'opportunities', name: { en: 'Opportunities', de: 'Chancen' } },
  { key: 'backstage', kind: 'backstage', name: { en: 'Backstage processes', de: 'Backstage-Prozesse' } },
  { key: 'metrics', kind: 'metrics', name: { en: 'KPIs', de: 'KPIs' } },
];

const LANE_BY_KIND = new Map(STANDARD_LANES.map((l) => [l.kind, l]));
const standardLane = (kind: LaneKind): TemplateLane => LANE_BY_KIND.get(kind)!;

/**
 * A service blueprint's rows, in blueprint order, named as CX teams name them. The backstage row
 * keeps the standard lane's key, so a template's backstage cards stay where they were.
 */
export const BLUEPRINT_LANES: TemplateLane[] = [
  { key: 'evidence', kind: 'evidence', name: { en: 'Physical evidence', de: 'Physische Evidenz' } },
  { key: 'frontstage', kind: 'frontstage', name: { en: 'Frontstage actions', de: 'Frontstage-Aktionen' } },
  { key: 'backstage', kind: 'backstage', name: { en: 'Backstage actions', de: 'Backstage-Aktionen' } },
  { key: 'support', kind: 'support', name: { en: 'Support processes', de: 'Support-Prozesse' } },
];

export const SENSES_LANE: TemplateLane = {
  key: 'senses',
  kind: 'senses',
  name: { en: 'Senses', de: 'Sinneseindrücke' },
};

/**
 * The lanes of a blueprint template: the customer's side of the standard lanes (optionally with
 * what they sense, right under their feelings), then the four blueprint rows, so the lines of
 * interaction, visibility and internal interaction run between them, and the KPIs last.
 */
export function blueprintTemplateLanes(options: { senses?: boolean } = {}): TemplateLane[] {
  const customer = STANDARD_LANES.filter((l) => l.kind !== 'backstage' && l.kind !== 'metrics').flatMap((l) =>
    l.kind === 'emotions' && options.senses ? [l, SENSES_LANE] : [l],
  );
  return [...customer, ...BLUEPRINT_LANES, standardLane('metrics')];
}
