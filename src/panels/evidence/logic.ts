import {
  EVIDENCE_SOURCES,
  SCORE_RANGE,
  SCORE_SCALES,
  SENTIMENTS,
  isEvidenceDate,
  quoteLines,
  scoreFits,
  type EvidenceDraft,
  type EvidenceItem,
  type EvidenceSource,
  type ScoreScale,
  type Sentiment,
} from '../../model/evidence';
import { LIMITS } from '../../model/limits';

/**
 * What the evidence section of the inspector computes without React: the form's values and
 * their check, the words of a score on its scale, pasted lines, and whether a reference may be
 * a link. Unit-tested (tests/unit/evidence-panel.test.ts).
 */

/** The add/edit form as typed: strings, as the inputs hold them. */
export interface EvidenceForm {
  text: string;
  source: EvidenceSource;
  date: string;
  count: string;
  sentiment: Sentiment | '';
  scale: ScoreScale | '';
  score: string;
  reference: string;
}

export const EMPTY_FORM: EvidenceForm = { text: '', source: 'interview', date: '', count: '1', sentiment: '', scale: '', score: '', reference: '' };

/** An item's values in the form, to edit it. */
export function formOf(item: EvidenceItem): EvidenceForm {
  return {
    text: item.text,
    source: item.source,
    date: item.date,
    count: String(item.count),
    sentiment: item.sentiment ?? '',
    scale: item.scale ?? '',
    score: item.score === null ? '' : String(item.score),
    reference: item.reference,
  };
}

export type FormProblem = { field: 'text' } | { field: 'score'; scale: ScoreScale; min: number; max: number } | { field: 'date' } | { field: 'count' };

export type FormResult = { ok: true; draft: Omit<EvidenceDraft, 'cardId'> & { text: string } } | { ok: false; problem: FormProblem };

/**
 * The form checked and turned into an item's fields: the text is required, a score must be a
 * whole number on its scale's range, a date a real day, a count a whole number of at least one
 * (an empty count is 1). Nothing the form says is dropped silently.
 */
export function readForm(form: EvidenceForm): FormResult {
  const text = form.text.trim();
  if (text === '') return { ok: false, problem: { field: 'text' } };
  const date = form.date.trim();
  if (date !== '' && !isEvidenceDate(date)) return { ok: false, problem: { field: 'date' } };
  const countText = form.count.trim();
  const count = countText === '' ? 1 : Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > LIMITS.evidenceCount) return { ok: false, problem: { field: 'count' } };
  let scale: ScoreScale | null = null;
  let score: number | null = null;
  if (form.scale !== '' && form.score.trim() !== '') {
    scale = form.scale;
    score = Number(form.score.trim());
    if (!scoreFits(score, scale)) return { ok: false, problem: { field: 'score', scale, ...SCORE_RANGE[scale] } };
  }
  return {
    ok: true,
    draft: {
      text,
      source: EVIDENCE_SOURCES.includes(form.source) ? form.source : 'other',
      date,
      count,
      sentiment: form.sentiment !== '' && SENTIMENTS.includes(form.sentiment) ? form.sentiment : null,
      scale,
      score,
      reference: form.reference.trim(),
    },
  };
}

/** The translation key and values of a score on its scale: "NPS 3", "CSAT 4/5", "★ 2/5". */
export function scoreWords(item: Pick<EvidenceItem, 'score' | 'scale'>): { key: 'evidence.item.scoreNps' | 'evidence.item.scoreCsat' | 'evidence.item.scoreStars'; score: number } | null {
  if (item.score === null || item.scale === null || !SCORE_SCALES.includes(item.scale)) return null;
  const key = item.scale === 'nps' ? 'evidence.item.scoreNps' : item.scale === 'csat' ? 'evidence.item.scoreCsat' : 'evidence.item.scoreStars';
  return { key, score: item.score };
}


/**
 * Pasted text as one quote per line: lines trimmed, list bullets ("- ", "• ", "3. ") taken off,
 * empty lines dropped. A paste of one line (or less) is no list: null.
 */
export function pastedLines(text: string): string[] | null {
  const lines = quoteLines(text);
  return lines.length > 1 ? lines : null;
}

/**
 * A reference that is a plain web address, which may be shown as a link (opened only when
 * someone clicks it, in a new tab without a referrer; never loaded by the app). Anything else —
 * javascript:, data:, a ticket number — is text.
 */
export function webLink(reference: string): string | null {
  const text = reference.trim();
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A quote shortened for an accessible name ("Delete evidence “I waited 20 min…”"). */
export function shortQuote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
