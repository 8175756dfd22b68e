/** Scores from customer evidence per stage (NPS, CSAT, stars) and the quotes a stage shows in present mode. */
export const evidenceMetrics = {
  /** the short line beside the emotion curve, one per scale; {{value}} is already formatted */
  figure: {
    nps: 'NPS {{value}}',
    csat: 'CSAT {{value}}%',
    stars: '★ {{value}}',
  },
  responses: 'n={{n}}',
  label: 'Measured',
  tooltip: {
    measured: 'Measured from customer evidence:',
    nps_one: 'Net Promoter Score {{value}} from {{n}} response (0–10: % promoters scoring 9–10 minus % detractors scoring 0–6; average {{average}}).',
    nps_other: 'Net Promoter Score {{value}} from {{n}} responses (0–10: % promoters scoring 9–10 minus % detractors scoring 0–6; average {{average}}).',
    csat_one: 'Customer satisfaction {{value}}%: the share of {{n}} response scoring 4 or 5 on 1–5 (average {{average}}).',
    csat_other: 'Customer satisfaction {{value}}%: the share of {{n}} responses scoring 4 or 5 on 1–5 (average {{average}}).',
    stars_one: 'Average rating {{value}} of 5 stars from {{n}} rating.',
    stars_other: 'Average rating {{value}} of 5 stars from {{n}} ratings.',
    period: 'Dated {{from}} to {{to}}.',
    undated: 'The scores carry no dates.',
    notMixed: 'Shown beside the feeling the team set by hand, never mixed into it.',
  },
  legend: 'observed, with the number of evidence items behind it',
  confidence: {
    observed: 'Observed',
    observedCount_one: 'Observed · {{count}} piece of evidence',
    observedCount_other: 'Observed · {{count}} pieces of evidence',
    assumed: 'Assumed',
    proposed: 'Proposed',
  },
  present: {
    quotes: 'What customers said',
    measured: 'Measured',
    /** a quote's source and how many it stands for: "Support · 37×" */
    quoteSource: '{{source}}',
    quoteSourceCount: '{{source}} · {{count}}×',
    quoteCountLabel_one: 'stands for {{count}} customer',
    quoteCountLabel_other: 'stands for {{count}} customers',
  },
} as const;
