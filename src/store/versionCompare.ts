import { CARD_CONTENT_FIELDS, diffJourneys, summarizeDiff, type CardField, type ChangeStatus, type DiffSummary, type JourneyDiff } from '../model/journeyDiff';
import { compareOrdered } from '../model/order';
import type { Card, Journey } from '../model/types';

/**
 * "Compare with now": the map as it is now with what the version had and now lacks put back as
 * ghosts where it was (a removed card in its cell, a removed stage or lane in its place), and a
 * mark on everything that differs. The canvas draws this journey like any other; the marks say
 * how each card, stage and lane differs. Pure, so it is tested without a browser.
 */

export interface CardMark {
  /** added since the version, removed since (a ghost), or there in both */
  status: ChangeStatus;
  /** content fields that differ (for a card in both; CARD_CONTENT_FIELDS: a new stage or lane is "moved", a new place in the cell is neither) */
  fields: CardField[];
  /** in another stage or lane than in the version */
  moved: boolean;
}

export interface Comparison {
  /** now, with ghosts of what was removed since the version */
  journey: Journey;
  cards: ReadonlyMap<string, CardMark>;
  stages: ReadonlyMap<string, ChangeStatus>;
  lanes: ReadonlyMap<string, ChangeStatus>;
  diff: JourneyDiff;
  summary: DiffSummary;
}

/** Whether "Restore this card" applies: the version had it and it differs now (restoreCard brings back its stage and lane too if they are gone). */
export function cardRestorable(comparison: Comparison, cardId: string): boolean {
  const mark = comparison.cards.get(cardId);
  return mark !== undefined && mark.status !== 'added';
}

export function compareWithNow(version: Journey, now: Journey): Comparison {
  const diff = diffJourneys(version, now);
  const cards = new Map<string, CardMark>();
  for (const d of diff.cards) {
    const fields = d.fields.filter((f) => CARD_CONTENT_FIELDS.includes(f));
    // a card moved within its cell only is not worth a mark
    if (d.status === 'changed' && fields.length === 0 && !d.moved) continue;
    cards.set(d.id, { status: d.status, fields, moved: d.status === 'changed' && d.moved });
  }
  const stages = new Map(diff.stages.map((d) => [d.id, d.status]));
  const lanes = new Map(diff.lanes.map((d) => [d.id, d.status]));
  const ghosts: Card[] = diff.cards
    .filter((d) => d.status === 'removed' && d.before)
    // a ghost says what was there; it does not count in today's emotion curve
    .map((d) => ({ ...d.before!, emotion: null }));
  const knownPhases = new Set(now.phases.map((p) => p.id));
  const shownStages = withGhosts(now.stages, version.stages);
  const shownLanes = withGhosts(now.lanes, version.lanes);
  const journey: Journey = {
    ...now,
    // a removed stage's phase comes back with it, so its band has a name and a colour
    phases: [...now.phases, ...version.phases.filter((p) => !knownPhases.has(p.id) && version.stages.some((s) => s.phase === p.id && stages.get(s.id) === 'removed'))],
    stages: shownStages,
    lanes: shownLanes,
    cards: ghosts.length === 0 ? now.cards : inDisplayOrder([...now.cards, ...ghosts], shownStages, shownLanes),
  };
  return { journey, cards, stages, lanes, diff, summary: summarizeDiff(diff, version, now) };
}

/** As the map orders its cards (src/model/doc.ts): by stage, then lane, then order in the cell. */
function inDisplayOrder(cards: Card[], stages: readonly { id: string }[], lanes: readonly { id: string }[]): Card[] {
  const stageRank = new Map(stages.map((s, i) => [s.id, i]));
  const laneRank = new Map(lanes.map((l, i) => [l.id, i]));
  return cards.sort((a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) || (laneRank.get(a.laneId) ?? 0) - (laneRank.get(b.laneId) ?? 0) || compareOrdered(a, b));
}

/**
 * Today's list with the records only the version has put back where they were: each after the
 * record that preceded it in the version and still exists (or after the ghost before it).
 */
export function withGhosts<T extends { id: string }>(now: readonly T[], version: readonly T[]): T[] {
  const present = new Set(now.map((r) => r.id));
  const result = [...now];
  let anchor: string | null = null;
  for (const record of version) {
    if (present.has(record.id)) {
      anchor = record.id;
      continue;
    }
    const at = anchor === null ? 0 : result.findIndex((r) => r.id === anchor) + 1;
    result.splice(at, 0, record);
    anchor = record.id;
  }
  return result;
}
