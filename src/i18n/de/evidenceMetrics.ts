import type { Messages } from '../types';

/** Scores from customer evidence per stage (NPS, CSAT, stars) and the quotes a stage shows in present mode. */
export const evidenceMetrics: Messages['evidenceMetrics'] = {};
