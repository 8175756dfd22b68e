import * as Y from 'yjs';
import { clampText, LIMITS } from './limits';
import { isValidOrderKey } from './order';
import { oneOf, str, strOrNull } from './readValue';
import { CHANNELS, type Channel } from './channels';

/**
 * Customer evidence: the quotes and findings a map rests on. One item is one piece of customer
 * feedback — a quote from an interview, a hotline log line, "37 tickets about late refunds", a
 * review with its stars — where it came from, and the card it backs. An item whose `cardId` is
 * null waits in the map's evidence inbox until someone assigns it.
 *
 * Items live in the map's Y.Doc (top-level map `evidence`, id → record, see doc.ts) beside the
 * cards: they sync, persist offline, pass the relay's edit rights, undo, version and export as
 * the cards do. A card's `confidence` (cardFields.ts) says whether the team calls it observed,
 * assumed or proposed; confidence.ts says how that and its evidence show.
 */

/** Where a piece of feedback came from. */
export const EVIDENCE_SOURCES = [
  'interview',
  'survey',
  'support',
  'chat',
  'social',
  'review',
  'observation',
  'analytics',
  'workshop',
  'other',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/**
 * The scale a score is on: NPS's 0–10 "how likely are you to recommend", CSAT's 1–5 "how
 * satisfied", or 1–5 stars of a review. Scores on different scales are never averaged together
 * (evidenceMetrics.ts).
 */
export const SCORE_SCALES = ['nps', 'csat', 'stars'] as const;
export type ScoreScale = (typeof SCORE_SCALES)[number];
export const SCORE_RANGE: Readonly<Record<ScoreScale, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  stars: { min: 1, max: 5 },
};

export interface EvidenceItem {
  id: string;
  /** the card it backs; null while it waits in the inbox */
  cardId: string | null;
  /** the quote or finding, as the customer or the source put it */
  text: string;
  source: EvidenceSource;
  /** where to find it: a ticket number, a file, a link — shown as text, never fetched */
  reference: string;
  /** when the customer said it, YYYY-MM-DD; '' when unknown */
  date: string;
  sentiment: Sentiment | null;
  /** how many customers or tickets it stands for ("37 tickets"); 1 for a single voice */
  count: number;
  /** the customer's score on `scale`, or null */
  score: number | null;
  scale: ScoreScale | null;
  /** the stage the feedback file named (a stage id of this map), a hint for suggestions and metrics while unassigned */
  stageId: string | null;
  /** the channel the feedback file named */
  channel: Channel | null;
  /** who added it (a name), '' when unknown */
  addedBy: string;
  /** fractional index: file order in the inbox and on a card */
  order: string;
}

/** What a new item may leave out: everything but its text. */
export type EvidenceDraft = Partial<Omit<EvidenceItem, 'id' | 'order'>> & { text: string };

export const EVIDENCE_DEFAULTS: Omit<EvidenceItem, 'id' | 'text' | 'order'> = {
  cardId: null,
  source: 'other',
  reference: '',
  date: '',
  sentiment: null,
  count: 1,
  score: null,
  scale: null,
  stageId: null,
  channel: null,
  addedBy: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as YYYY-MM-DD, or null when the text is not one (2026-02-30 is not). */
export function isEvidenceDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whether a score fits its scale: a whole number inside the range. */
export function scoreFits(score: number, scale: ScoreScale): boolean {
  const { min, max } = SCORE_RANGE[scale];
  return Number.isInteger(score) && score >= min && score <= max;
}

const wholeAtLeastOne = (v: unknown): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? Math.min(v, LIMITS.evidenceCount) : 1;

/** An item from its record, tolerant of whatever a peer wrote. */
export function readEvidence(id: string, r: Y.Map<unknown>): EvidenceItem {
  const scale = r.get('scale');
  const validScale = SCORE_SCALES.includes(scale as ScoreScale) ? (scale as ScoreScale) : null;
  const rawScore = r.get('score');
  const score = validScale !== null && typeof rawScore === 'number' && scoreFits(rawScore, validScale) ? rawScore : null;
  const date = str(r.get('date'));
  const channel = r.get('channel');
  return {
    id,
    cardId: strOrNull(r.get('cardId')),
    text: clampText(str(r.get('text')), LIMITS.evidenceText),
    source: oneOf<EvidenceSource>(EVIDENCE_SOURCES, r.get('source'), 'other'),
    reference: clampText(str(r.get('reference')), LIMITS.evidenceReference),
    date: isEvidenceDate(date) ? date : '',
    sentiment: SENTIMENTS.includes(r.get('sentiment') as Sentiment) ? (r.get('sentiment') as Sentiment) : null,
    count: wholeAtLeastOne(r.get('count')),
    score,
    scale: score === null ? null : validScale,
    stageId: strOrNull(r.get('stageId')),
    channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : null,
    addedBy: clampText(str(r.get('addedBy')), LIMITS.author),
    // a key a peer broke would break the next import's keys, and a file with it would not import
    order: validOrder(r.get('order')),
  };
}

function validOrder(value: unknown): string {
  return typeof value === 'string' && isValidOrderKey(value) ? value : 'a0';
}

/**
 * An item's stored fields (the record's keys), defaults left out as every record does
 * (doc.ts, setField): a count of 1 and empty strings are not written.
 */
export function evidenceFields(item: Omit<EvidenceItem, 'id'>): Record<string, unknown> {
  return {
    cardId: item.cardId,
    text: item.text,
    source: item.source === 'other' ? null : item.source,
    reference: item.reference || null,
    date: item.date || null,
    sentiment: item.sentiment,
    count: item.count === 1 ? null : item.count,
    score: item.score,
    scale: item.score === null ? null : item.scale,
    stageId: item.stageId,
    channel: item.channel,
    addedBy: item.addedBy || null,
    order: item.order,
  };
}

/** A draft made whole and within the limits: text clamped, a bad date, score or count dropped. */
export function normaliseEvidence(draft: EvidenceDraft): Omit<EvidenceItem, 'id' | 'order'> {
  const item = { ...EVIDENCE_DEFAULTS, ...draft };
  const scale = item.scale !== null && SCORE_SCALES.includes(item.scale) ? item.scale : null;
  const score = scale !== null && item.score !== null && scoreFits(item.score, scale) ? item.score : null;
  return {
    cardId: item.cardId,
    text: clampText(item.text, LIMITS.evidenceText),
    source: EVIDENCE_SOURCES.includes(item.source) ? item.source : 'other',
    reference: clampText(item.reference, LIMITS.evidenceReference),
    date: isEvidenceDate(item.date) ? item.date : '',
    sentiment: item.sentiment !== null && SENTIMENTS.includes(item.sentiment) ? item.sentiment : null,
    count: Number.isInteger(item.count) && item.count >= 1 ? Math.min(item.count, LIMITS.evidenceCount) : 1,
    score,
    scale: score === null ? null : scale,
    stageId: item.stageId,
    channel: item.channel !== null && CHANNELS.includes(item.channel) ? item.channel : null,
    addedBy: clampText(item.addedBy, LIMITS.author),
  };
}

/** How many items each card holds (cards without evidence are absent). */
export function evidenceCountByCard(items: readonly EvidenceItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item.cardId !== null) counts.set(item.cardId, (counts.get(item.cardId) ?? 0) + 1);
  return counts;
}

/** Each card's items in order (cards without evidence are absent). */
export function evidenceByCard(items: readonly EvidenceItem[]): Map<string, EvidenceItem[]> {
  const byCard = new Map<string, EvidenceItem[]>();
  for (const item of items) {
    if (item.cardId === null) continue;
    const list = byCard.get(item.cardId);
    if (list) list.push(item);
    else byCard.set(item.cardId, [item]);
  }
  return byCard;
}

/** The inbox: items on no card, in order. */
export function inboxItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((item) => item.cardId === null);
}

/** A list bullet or number at the start of a pasted line: "- ", "• ", "▪ ", "3. ", "2) ". */
const BULLET = /^(?:[-*•·–—▪◦]\s+|\d{1,3}[.)]\s+)/u;

/**
 * Pasted text as one quote per line: each line trimmed, its list bullet taken off, empty lines
 * dropped. The inspector's paste and the inbox's "Paste lines" both read a paste this way.
 */
export function quoteLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(BULLET, '').trim())
    .filter((line) => line !== '');
}
