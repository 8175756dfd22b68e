import { readJourney } from '../../src/model/doc';
import { addEvidence } from '../../src/model/ops/evidence';
import { updateCard } from '../../src/model/ops/cards';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Journey, Locale } from '../../src/model/types';

/**
 * The retail template with customer evidence a CX lead would bring: star ratings on Awareness
 * (5·1 + 2·12 + 4·30 = 149 over 43 → ★ 3.5), NPS on Consideration (20 promoters, 14 passives,
 * 14 detractors of 48 → 41.7 % − 29.2 % = +12.5 → +13), CSAT on Purchase (22 of 30 scored 4–5 →
 * 73 %, one of them an inbox item hinting the stage), and cards marked assumed and proposed.
 */
export function evidenceJourney(locale: Locale = 'en'): Journey {
  const doc = createMapFromTemplate('retail', locale);
  const j = readJourney(doc);
  const [s0, s1, s2, s3] = j.stages;
  const cardsOf = (stageId: string) => j.cards.filter((c) => c.stageId === stageId);
  const a = cardsOf(s0!.id);
  const b = cardsOf(s1!.id);
  const c = cardsOf(s2!.id);
  addEvidence(doc, [
    { text: 'I could not find the size chart anywhere on the product page', source: 'support', count: 37, sentiment: 'negative', cardId: a[1]!.id, date: '2026-03-04', reference: 'Tickets #4411–#4448' },
    { text: 'Loved the inspiration pictures', source: 'review', score: 5, scale: 'stars', sentiment: 'positive', cardId: a[0]!.id, date: '2026-03-10' },
    { text: 'Search gave me socks when I typed "sneakers"', source: 'review', score: 2, scale: 'stars', count: 12, sentiment: 'negative', cardId: a[0]!.id, date: '2026-05-21' },
    { text: 'Fine', source: 'review', score: 4, scale: 'stars', count: 30, cardId: a[2]!.id, date: '2026-04-02' },
    { text: 'Would recommend, checkout took a minute', source: 'survey', score: 9, scale: 'nps', count: 20, sentiment: 'positive', cardId: b[0]!.id, date: '2026-03-02' },
    { text: 'Payment failed twice', source: 'survey', score: 3, scale: 'nps', count: 14, sentiment: 'negative', cardId: b[1]!.id, date: '2026-05-20' },
    { text: 'ok', source: 'survey', score: 7, scale: 'nps', count: 14, cardId: b[1]!.id, date: '2026-04-20' },
    { text: 'The parcel came three days late', source: 'support', count: 8, scale: 'csat', score: 2, sentiment: 'negative', stageId: s2!.id, date: '2026-04-11' },
    { text: 'Tracking was clear', source: 'chat', scale: 'csat', score: 5, count: 22, sentiment: 'positive', cardId: c[0]!.id, date: '2026-04-02' },
  ]);
  updateCard(doc, a[2]!.id, { confidence: 'assumed' });
  updateCard(doc, b[2]!.id, { confidence: 'proposed' });
  if (s3) updateCard(doc, cardsOf(s3.id)[0]!.id, { confidence: 'assumed' });
  return readJourney(doc);
}
