import type { Messages } from '../types';

/** Scores from customer evidence per stage (NPS, CSAT, stars) and the quotes a stage shows in present mode. */
export const evidenceMetrics: Messages['evidenceMetrics'] = {
  figure: {
    nps: 'NPS {{value}}',
    csat: 'CSAT {{value}} %',
    stars: '★ {{value}}',
  },
  responses: 'n={{n}}',
  label: 'Gemessen',
  tooltip: {
    measured: 'Gemessen aus Kundenbelegen:',
    nps_one: 'Net Promoter Score {{value}} aus {{n}} Antwort (0–10: % Promotoren mit 9–10 minus % Detraktoren mit 0–6; Mittelwert {{average}}).',
    nps_other: 'Net Promoter Score {{value}} aus {{n}} Antworten (0–10: % Promotoren mit 9–10 minus % Detraktoren mit 0–6; Mittelwert {{average}}).',
    csat_one: 'Kundenzufriedenheit {{value}} %: Anteil von {{n}} Antwort mit 4 oder 5 auf 1–5 (Mittelwert {{average}}).',
    csat_other: 'Kundenzufriedenheit {{value}} %: Anteil von {{n}} Antworten mit 4 oder 5 auf 1–5 (Mittelwert {{average}}).',
    stars_one: 'Durchschnittlich {{value}} von 5 Sternen aus {{n}} Bewertung.',
    stars_other: 'Durchschnittlich {{value}} von 5 Sternen aus {{n}} Bewertungen.',
    period: 'Datiert vom {{from}} bis {{to}}.',
    undated: 'Die Bewertungen tragen kein Datum.',
    notMixed: 'Steht neben dem Gefühl, das das Team von Hand gesetzt hat, und wird nie damit verrechnet.',
  },
  legend: 'beobachtet, mit der Zahl der Belege dahinter',
  confidence: {
    observed: 'Beobachtet',
    observedCount_one: 'Beobachtet · {{count}} Beleg',
    observedCount_other: 'Beobachtet · {{count}} Belege',
    assumed: 'Annahme',
    proposed: 'Vorgeschlagen',
  },
  present: {
    quotes: 'Was Kundinnen und Kunden sagten',
    measured: 'Gemessen',
    quoteSource: '{{source}}',
    quoteSourceCount: '{{source}} · {{count}}×',
    quoteCountLabel_one: 'steht für {{count}} Kundin oder Kunden',
    quoteCountLabel_other: 'steht für {{count}} Kundinnen und Kunden',
  },
};
