import { contentChanged, summarizeDiff, type CardDiff, type DiffSummary, type JourneyDiff } from '../model/journeyDiff';
import type { LaneKind } from '../model/laneKinds';
import type { Card, Journey } from '../model/types';
import type { Translate } from './render';

/*
 * A diff in words: the one-line summary the compare view shows and `waymark diff` prints
 * ("12 cards changed, Pain points: 3 removed, feeling at Delivery −2 → +1"), and the per-card
 * lines of the command. Both surfaces call these, so they always say the same.
 */

/** Lane kinds whose cards the summary calls out by lane: the ones teams count across maps. */
const CALLED_OUT_KINDS: readonly LaneKind[] = ['pains', 'opportunities'];

/** An emotion score as the curve labels it: a real minus sign, a plus for gains. */
export function signedScore(score: number | null, t: Translate): string {
  if (score === null) return t('history.summary.noScore');
  if (score === 0) return '0';
  return score > 0 ? `+${score}` : `\u2212${Math.abs(score)}`;
}

export function summaryParts(summary: DiffSummary, t: Translate): string[] {
  const parts: string[] = [];
  const add = (key: string, count: number) => {
    if (count > 0) parts.push(t(key, { count }));
  };
  add('history.summary.cardsChanged', summary.cards.changed);
  add('history.summary.cardsAdded', summary.cards.added);
  add('history.summary.cardsRemoved', summary.cards.removed);
  add('history.summary.cardsMoved', summary.cards.moved);
  for (const entry of summary.byKind) {
    if (!CALLED_OUT_KINDS.includes(entry.kind)) continue;
    const changes = (['removed', 'added', 'changed'] as const).filter((k) => entry[k] > 0).map((k) => t(`history.summary.${k}`, { count: entry[k] }));
    if (changes.length > 0) parts.push(t('history.summary.kind', { lane: t(`canvas.laneKinds.${entry.kind}`), changes: changes.join(', ') }));
  }
  add('history.summary.stagesAdded', summary.stages.added);
  add('history.summary.stagesRemoved', summary.stages.removed);
  add('history.summary.lanesAdded', summary.lanes.added);
  add('history.summary.lanesRemoved', summary.lanes.removed);
  for (const e of summary.emotion) {
    parts.push(t('history.summary.emotion', { stage: e.stageName || t('canvas.untitledStage'), before: signedScore(e.before, t), after: signedScore(e.after, t) }));
  }
  return parts;
}

/** "12 cards changed, Pain points: 3 removed, feeling at Delivery −2 → +1", or "No changes". */
export function summaryText(diff: JourneyDiff, before: Journey, after: Journey, t: Translate): string {
  const parts = summaryParts(summarizeDiff(diff, before, after), t);
  return parts.length > 0 ? parts.join(', ') : t('history.summary.none');
}

function placeOf(card: Card, journeys: readonly Journey[]): string {
  const stage = journeys.flatMap((j) => j.stages).find((s) => s.id === card.stageId);
  const lane = journeys.flatMap((j) => j.lanes).find((l) => l.id === card.laneId);
  return `${stage?.name ?? '?'} › ${lane?.name ?? '?'}`;
}

/** One line per card that differs, in the order of the diff (today's map, then what is gone). */
export function cardLines(diff: JourneyDiff, before: Journey, after: Journey, t: Translate): string[] {
  const title = (card: Card) => card.title.replace(/\s+/g, ' ').trim() || t('history.card.untitled');
  const lines: string[] = [];
  const line = (d: CardDiff) => {
    if (d.status === 'added') return lines.push(t('history.card.added', { place: placeOf(d.after!, [after]), title: title(d.after!) }));
    if (d.status === 'removed') return lines.push(t('history.card.removed', { place: placeOf(d.before!, [before]), title: title(d.before!) }));
    if (d.moved) lines.push(t('history.card.moved', { title: title(d.after!), from: placeOf(d.before!, [before]), to: placeOf(d.after!, [after]) }));
    if (contentChanged(d)) {
      const fields = d.fields.filter((f) => f !== 'order' && f !== 'stageId' && f !== 'laneId').map((f) => t(`history.fields.${f}`));
      lines.push(t('history.card.changed', { place: placeOf(d.after!, [after]), title: title(d.after!), fields: fields.join(', ') }));
    }
    return lines.length;
  };
  for (const d of diff.cards) line(d);
  return lines;
}
