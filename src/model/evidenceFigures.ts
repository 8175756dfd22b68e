import type { Confidence } from './confidence';
import type { ScoreScale } from './evidence';
import type { ScoreSummary, StageMetrics } from './evidenceMetrics';

/**
 * How a stage's measured figures (evidenceMetrics.ts) read, the one wording the canvas (beside
 * the emotion curve), present mode and the exports share: a short line per scale ("NPS +12 ·
 * n=48", "CSAT 78 % · n=30", "★ 3.4 · n=120"), the period ("Mar – May 2026") and a tooltip
 * that spells it out. Words come from the `evidenceMetrics` namespace through the `t` given, so
 * an export follows the language of whoever makes it.
 */

/** An i18next `t`, or anything that answers the same keys. */
export type FigureTranslate = (key: string, options?: Record<string, unknown>) => string;

export interface StageFigures {
  /** one short line per scale, in SCORE_SCALES order: the figure ("NPS +12", drawn bold), how many answered ("n=48"), and both as one text */
  lines: { scale: ScoreScale; head: string; detail: string; text: string }[];
  /** the months the scores cover, or null when none is dated */
  period: string | null;
  /** the figures in full sentences, for a tooltip or a screen reader */
  description: string;
}

const MINUS = '\u2212';

/** A signed whole number as the curve writes one: +12, −5, 0. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `${MINUS}${-value}` : '0';
}

function decimal(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  } catch {
    return value.toFixed(1);
  }
}

function whole(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  } catch {
    return String(value);
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Mar – May 2026", "Mar 2026", "Nov 2025 – Feb 2026" in the reader's language. */
export function periodText(from: string | null, to: string | null, locale: string): string | null {
  if (from === null || to === null) return null;
  try {
    const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return format.formatRange(day(from), day(to));
  } catch {
    return from === to ? from : `${from} – ${to}`;
  }
}

/** An evidence day (YYYY-MM-DD) as the reader's language writes it: "Mar 2, 2026", "02.03.2026". */
export function longDay(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day(iso));
  } catch {
    return iso;
  }
}

/** The headline value of one scale's summary: NPS signed, CSAT's satisfied share, the stars' average. */
function headline(summary: ScoreSummary, locale: string): string {
  if (summary.scale === 'nps') return signed(summary.nps ?? 0);
  if (summary.scale === 'csat') return whole(summary.satisfiedPercent ?? 0, locale);
  return decimal(summary.average, locale);
}

/** A stage's measured figures as text (see the file comment). */
export function stageFigures(metrics: StageMetrics, t: FigureTranslate, locale: string): StageFigures {
  const lines = metrics.scores.map((s) => {
    const head = t(`evidenceMetrics.figure.${s.scale}`, { value: headline(s, locale) });
    const detail = t('evidenceMetrics.responses', { n: whole(s.responses, locale) });
    return { scale: s.scale, head, detail, text: `${head} · ${detail}` };
  });
  const period = periodText(metrics.from, metrics.to, locale);
  const sentences = [t('evidenceMetrics.tooltip.measured')];
  for (const s of metrics.scores) {
    sentences.push(t(`evidenceMetrics.tooltip.${s.scale}`, { value: headline(s, locale), count: s.responses, n: whole(s.responses, locale), average: decimal(s.average, locale) }));
  }
  if (metrics.from !== null && metrics.to !== null) {
    sentences.push(t('evidenceMetrics.tooltip.period', { from: longDay(metrics.from, locale), to: longDay(metrics.to, locale) }));
  } else if (metrics.scores.length > 0) {
    sentences.push(t('evidenceMetrics.tooltip.undated'));
  }
  sentences.push(t('evidenceMetrics.tooltip.notMixed'));
  return { lines, period, description: sentences.join(' ') };
}

/** The word of a card's confidence mark, with its evidence count when observed ("Observed · 3"). */
export function confidenceText(level: Confidence, evidenceCount: number, t: FigureTranslate): string {
  if (level === 'observed' && evidenceCount > 0) return t('evidenceMetrics.confidence.observedCount', { count: evidenceCount });
  return t(`evidenceMetrics.confidence.${level}`);
}
