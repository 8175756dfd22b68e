import { SCORE_RANGE, SCORE_SCALES, type EvidenceItem, type ScoreScale } from './evidence';
import type { Journey } from './types';

/**
 * What a stage's customer evidence measures: per score scale the number of responses, the
 * average, and for NPS the net promoter score, for CSAT the share of satisfied customers; and
 * the period the scores cover. The canvas (beside the emotion curve), present mode and the
 * exports show these figures next to the emotion the team set by hand — never blended into it.
 *
 * The rules, so every surface says the same:
 * - A stage's items are the evidence on the stage's cards, plus inbox items (no card, or a card
 *   that is gone) whose `stageId` hint names the stage.
 * - Scores on different scales are never mixed: one `ScoreSummary` per scale present, in
 *   `SCORE_SCALES` order.
 * - An item weighs its `count`: "37 tickets, score 2" is 37 responses of 2. That is what a
 *   count means (evidence.ts: how many customers the item stands for).
 * - NPS (0–10) = % promoters (9–10) − % detractors (0–6), a whole number from −100 to +100,
 *   rounded half away from zero (so +12.5 → +13 and −12.5 → −13).
 * - CSAT (1–5) satisfiedPercent = % of responses that are 4 or 5, a whole number rounded the same way.
 * - average = the weighted mean score, to one decimal (stars: "★ 3.4").
 * - from / to = the earliest and latest date among the scored items that have a date (null when
 *   none has one).
 */
export interface ScoreSummary {
  scale: ScoreScale;
  /** responses on this scale: the sum of the scored items' counts */
  responses: number;
  /** weighted mean score, to one decimal */
  average: number;
  /** net promoter score (−100…+100) for the NPS scale, else null */
  nps: number | null;
  /** % of responses scoring 4–5 for CSAT, else null */
  satisfiedPercent: number | null;
}

export interface StageMetrics {
  stageId: string;
  /** evidence items of the stage (records, not counts), scored or not */
  items: number;
  /** one summary per scale the stage's items were scored on; empty when none carries a score */
  scores: ScoreSummary[];
  /** earliest date among the scored items, YYYY-MM-DD, or null */
  from: string | null;
  /** latest date among the scored items, YYYY-MM-DD, or null */
  to: string | null;
}

/** Rounds half away from zero, so a positive and a negative figure round alike. */
function roundWhole(value: number): number {
  // the tiny nudge keeps 12.4999999 (float noise from a division) from rounding down
  return Math.sign(value) * Math.round(Math.abs(value) + 1e-9);
}

interface Tally {
  responses: number;
  total: number;
  /** NPS promoters (9–10) or CSAT satisfied (4–5) */
  high: number;
  /** NPS detractors (0–6) */
  low: number;
}

function summarise(scale: ScoreScale, t: Tally): ScoreSummary {
  return {
    scale,
    responses: t.responses,
    average: Math.round((t.total / t.responses) * 10) / 10,
    nps: scale === 'nps' ? roundWhole(((t.high - t.low) * 100) / t.responses) : null,
    satisfiedPercent: scale === 'csat' ? roundWhole((t.high * 100) / t.responses) : null,
  };
}

/**
 * Which stage an item speaks of: its card's stage, else (in the inbox) the stage the feedback
 * file named, else none. Stage figures and a stage's quotes in present mode both follow it.
 */
export function evidenceStageOf(journey: Journey): (item: EvidenceItem) => string | null {
  const stageOfCard = new Map(journey.cards.map((c) => [c.id, c.stageId]));
  const stages = new Set(journey.stages.map((s) => s.id));
  return (item) => {
    // an item whose card is gone waits in the inbox (evidence.ts), so its hint counts as for any inbox item
    const stageId = (item.cardId !== null ? stageOfCard.get(item.cardId) : undefined) ?? item.stageId;
    return stageId !== null && stages.has(stageId) ? stageId : null;
  };
}

/** The items that speak of one stage (evidenceStageOf), in order. */
export function stageEvidence(journey: Journey, stageId: string): EvidenceItem[] {
  const stageOf = evidenceStageOf(journey);
  return journey.evidence.filter((item) => stageOf(item) === stageId);
}

/**
 * Each stage's measured figures, by stage id. Stages with no evidence are absent; a stage with
 * evidence but no scores has an empty `scores`.
 */
export function stageMetrics(journey: Journey): Map<string, StageMetrics> {
  const stageOf = evidenceStageOf(journey);
  const acc = new Map<string, { items: number; tallies: Map<ScoreScale, Tally>; from: string | null; to: string | null }>();
  for (const item of journey.evidence) {
    const stageId = stageOf(item);
    if (stageId === null) continue;
    let entry = acc.get(stageId);
    if (!entry) acc.set(stageId, (entry = { items: 0, tallies: new Map(), from: null, to: null }));
    entry.items += 1;
    if (item.score === null || item.scale === null) continue;
    let tally = entry.tallies.get(item.scale);
    if (!tally) entry.tallies.set(item.scale, (tally = { responses: 0, total: 0, high: 0, low: 0 }));
    const weight = item.count;
    tally.responses += weight;
    tally.total += item.score * weight;
    if (item.scale === 'nps') {
      if (item.score >= 9) tally.high += weight;
      else if (item.score <= 6) tally.low += weight;
    } else if (item.scale === 'csat' && item.score >= 4) tally.high += weight;
    if (item.date !== '') {
      if (entry.from === null || item.date < entry.from) entry.from = item.date;
      if (entry.to === null || item.date > entry.to) entry.to = item.date;
    }
  }
  const out = new Map<string, StageMetrics>();
  for (const stage of journey.stages) {
    const entry = acc.get(stage.id);
    if (!entry) continue;
    const scores = SCORE_SCALES.flatMap((scale) => {
      const t = entry.tallies.get(scale);
      return t ? [summarise(scale, t)] : [];
    });
    out.set(stage.id, { stageId: stage.id, items: entry.items, scores, from: entry.from, to: entry.to });
  }
  return out;
}

/** How far a score sits from its scale's middle, 0 (middle or no score) to 1 (an end). */
function extremity(item: EvidenceItem): number {
  if (item.score === null || item.scale === null) return 0;
  const { min, max } = SCORE_RANGE[item.scale];
  const half = (max - min) / 2;
  return Math.abs(item.score - (min + half)) / half;
}

const charged = (item: EvidenceItem): number => (item.sentiment === 'positive' || item.sentiment === 'negative' ? 1 : 0);

/**
 * The quotes a stage shows first (present mode): the items that stand for the most customers
 * (`count`), then those with a clear sentiment (positive or negative before neutral or none),
 * then those whose score sits furthest from the middle of its scale, then in their own order.
 * Items with no text (only whitespace) are skipped. At most `max`.
 */
export function strongestQuotes(items: readonly EvidenceItem[], max: number): EvidenceItem[] {
  if (max <= 0) return [];
  const seen = new Set<string>();
  return items
    .filter((item) => item.text.trim() !== '')
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        b.item.count - a.item.count ||
        charged(b.item) - charged(a.item) ||
        extremity(b.item) - extremity(a.item) ||
        (a.item.order < b.item.order ? -1 : a.item.order > b.item.order ? 1 : 0) ||
        a.index - b.index,
    )
    // the same words twice (a chat and its ticket, two surveys) take one place: the strongest
    .filter(({ item }) => {
      const key = item.text.trim().toLocaleLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max)
    .map(({ item }) => item);
}
