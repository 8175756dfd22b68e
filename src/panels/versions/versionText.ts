import type { TFunction } from 'i18next';
import type { DiffSummary } from '../../model/journeyDiff';
import type { VersionInfo } from '../../model/versions';

/**
 * How versions and differences read: a version's name (a checkpoint is called by why it was
 * taken), an emotion score, and the one-line summary of "compare with now". Pure, over `t`, so
 * a test can read the sentences in both languages.
 */

/** "Before the Q3 workshop" as typed; a checkpoint by its reason, "Automatic — room quiet". */
export function versionName(t: TFunction, version: Pick<VersionInfo, 'name' | 'kind' | 'reason'>): string {
  if (version.kind === 'named' && version.name.trim() !== '') return version.name;
  return t(`versions.checkpoint.${version.reason ?? 'device'}`);
}

/** +1, −2 (a real minus sign), 0; a stage with no scored feeling reads "none". */
export function formatScore(t: TFunction, score: number | null): string {
  if (score === null) return t('versions.summary.noEmotion');
  const rounded = Math.round(score * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

/** Emotion changes named in the summary; the rest are counted ("and 3 more"). */
const EMOTION_NAMED = 2;

/**
 * "12 cards changed, 3 pain points removed, 1 stage added, emotion at Delivery −2 → +1": what
 * differs between a version and now, biggest news first; null when nothing does.
 */
export function summaryParts(t: TFunction, summary: DiffSummary): string[] {
  const parts: string[] = [];
  if (summary.cards.changed > 0) parts.push(t('versions.summary.cardsChanged', { count: summary.cards.changed }));
  const kinds = [...summary.byKind].sort((a, b) => b.removed + b.added - (a.removed + a.added));
  for (const change of ['removed', 'added'] as const) {
    for (const entry of kinds) {
      if (entry[change] > 0) parts.push(t(`versions.summary.${change}`, { what: t(`versions.summary.kinds.${entry.kind}`, { count: entry[change] }) }));
    }
  }
  if (summary.cards.moved > 0) parts.push(t('versions.summary.cardsMoved', { count: summary.cards.moved }));
  for (const group of ['stages', 'lanes'] as const) {
    for (const change of ['added', 'removed'] as const) {
      const count = summary[group][change];
      if (count > 0) parts.push(t(`versions.summary.${change}`, { what: t(`versions.summary.${group}`, { count }) }));
    }
  }
  // the biggest swings of feeling first
  const swing = (e: DiffSummary['emotion'][number]) => Math.abs((e.after ?? 0) - (e.before ?? 0)) + (e.before === null || e.after === null ? 0.5 : 0);
  const emotion = [...summary.emotion].sort((a, b) => swing(b) - swing(a));
  for (const e of emotion.slice(0, EMOTION_NAMED)) {
    parts.push(t('versions.summary.emotion', { stage: e.stageName, before: formatScore(t, e.before), after: formatScore(t, e.after) }));
  }
  if (emotion.length > EMOTION_NAMED) parts.push(t('versions.summary.more', { count: emotion.length - EMOTION_NAMED }));
  return parts;
}
