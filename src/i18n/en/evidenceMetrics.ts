/** Scores from customer evidence per stage (NPS, CSAT, stars) and the quotes a stage shows in present mode. */
export const evidenceMetrics = {} as const;
