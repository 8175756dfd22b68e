import { cardFieldEntries } from './cardRecord';
import { stageEmotionScores } from './emotionCurve';
import type { LaneKind } from './laneKinds';
import type { Card, Journey, Lane, Link, Persona, Phase, Stage } from './types';

/*
 * What changed in a journey between two moments: the compare view, the restore's summary, the
 * `waymark diff` command and (later) the opportunity board all read this one diff. Records are
 * matched by id — a version is a copy of the same map, so ids carry over — and compared field by
 * field, lists by their items.
 */

export type CardField = Exclude<keyof Card, 'id'>;
export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface CardDiff {
  id: string;
  status: ChangeStatus;
  before: Card | null;
  after: Card | null;
  /** the fields that differ (for a changed card); 'order' alone is a move within its cell */
  fields: CardField[];
  /** it sits in another stage or lane */
  moved: boolean;
}

export interface RecordDiff<T extends { id: string }> {
  id: string;
  status: ChangeStatus;
  before: T | null;
  after: T | null;
  fields: Exclude<keyof T, 'id'>[];
}

export interface StageEmotionChange {
  stageId: string;
  before: number | null;
  after: number | null;
}

export type MetaField = 'title' | 'description' | 'locale';

export interface JourneyDiff {
  meta: MetaField[];
  phases: RecordDiff<Phase>[];
  stages: RecordDiff<Stage>[];
  lanes: RecordDiff<Lane>[];
  personas: RecordDiff<Persona>[];
  links: RecordDiff<Link>[];
  cards: CardDiff[];
  /** stages (of either side) whose emotion-curve score differs */
  emotion: StageEmotionChange[];
}

/** The fields a card's reader sees as its content, in the field list's order (not its place or id). */
export const CARD_CONTENT_FIELDS: readonly CardField[] = cardFieldEntries()
  .filter(([, spec]) => spec.role === 'content' || spec.role === 'tally')
  .map(([name]) => name as CardField);

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

function changedFields<T extends { id: string }>(before: T, after: T): Exclude<keyof T, 'id'>[] {
  const fields: Exclude<keyof T, 'id'>[] = [];
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key !== 'id' && !sameValue(before[key], after[key])) fields.push(key as Exclude<keyof T, 'id'>);
  }
  return fields;
}

/** Added and removed records in `after`'s order then `before`'s, changed ones in `after`'s. */
function diffRecords<T extends { id: string }>(before: readonly T[], after: readonly T[]): RecordDiff<T>[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const out: RecordDiff<T>[] = [];
  for (const record of after) {
    const was = old.get(record.id);
    if (!was) out.push({ id: record.id, status: 'added', before: null, after: record, fields: [] });
    else {
      const fields = changedFields(was, record);
      if (fields.length > 0) out.push({ id: record.id, status: 'changed', before: was, after: record, fields });
    }
  }
  for (const record of before) if (!now.has(record.id)) out.push({ id: record.id, status: 'removed', before: record, after: null, fields: [] });
  return out;
}

function emotionScores(journey: Journey): Map<string, number> {
  return stageEmotionScores(journey.cards, new Set(journey.lanes.filter((l) => l.kind === 'emotions').map((l) => l.id)));
}

export function diffJourneys(before: Journey, after: Journey): JourneyDiff {
  const meta = (['title', 'description', 'locale'] as const).filter((key) => before[key] !== after[key]);
  const cards = diffRecords(before.cards, after.cards).map(
    (d): CardDiff => ({ ...d, moved: d.status === 'changed' && (d.fields.includes('stageId') || d.fields.includes('laneId')) }),
  );
  const was = emotionScores(before);
  const now = emotionScores(after);
  const emotion: StageEmotionChange[] = [];
  const stageIds = [...after.stages.map((s) => s.id), ...before.stages.map((s) => s.id).filter((id) => !after.stages.some((s) => s.id === id))];
  for (const stageId of stageIds) {
    const b = was.get(stageId) ?? null;
    const a = now.get(stageId) ?? null;
    if (b !== a) emotion.push({ stageId, before: b, after: a });
  }
  return {
    meta,
    phases: diffRecords(before.phases, after.phases),
    stages: diffRecords(before.stages, after.stages),
    lanes: diffRecords(before.lanes, after.lanes),
    personas: diffRecords(before.personas, after.personas),
    links: diffRecords(before.links, after.links),
    cards,
    emotion,
  };
}

export function isSameJourney(diff: JourneyDiff): boolean {
  return (
    diff.meta.length === 0 &&
    diff.phases.length === 0 &&
    diff.stages.length === 0 &&
    diff.lanes.length === 0 &&
    diff.personas.length === 0 &&
    diff.links.length === 0 &&
    diff.cards.length === 0
  );
}

/** A changed card whose content (not just its place) differs: what "changed" counts. */
export function contentChanged(diff: CardDiff): boolean {
  return diff.status === 'changed' && diff.fields.some((f) => CARD_CONTENT_FIELDS.includes(f));
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface DiffSummary {
  cards: Counts & { moved: number };
  /** per lane kind, in the order kinds first appear in the map, only kinds with a change */
  byKind: (Counts & { kind: LaneKind })[];
  stages: Counts;
  lanes: Counts;
  personas: Counts;
  /** stage by stage, in the map's order, where the emotion curve moved */
  emotion: { stageId: string; stageName: string; before: number | null; after: number | null }[];
}

function count<T extends { id: string }>(diffs: readonly RecordDiff<T>[]): Counts {
  return {
    added: diffs.filter((d) => d.status === 'added').length,
    removed: diffs.filter((d) => d.status === 'removed').length,
    changed: diffs.filter((d) => d.status === 'changed').length,
  };
}

/** The figures behind "12 cards changed, 3 pains removed, emotion at Delivery −2 → +1". */
export function summarizeDiff(diff: JourneyDiff, before: Journey, after: Journey): DiffSummary {
  const kindOf = new Map<string, LaneKind>([...before.lanes, ...after.lanes].map((l) => [l.id, l.kind]));
  const stageName = new Map<string, string>([...before.stages, ...after.stages].map((s) => [s.id, s.name]));
  const byKind = new Map<LaneKind, Counts & { kind: LaneKind }>();
  const tally = (kind: LaneKind | undefined, key: keyof Counts) => {
    if (!kind) return;
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { kind, added: 0, removed: 0, changed: 0 }));
    entry[key]++;
  };
  const cards = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const d of diff.cards) {
    const card = (d.after ?? d.before)!;
    if (d.status === 'added' || d.status === 'removed') {
      cards[d.status]++;
      tally(kindOf.get(card.laneId), d.status);
      continue;
    }
    if (d.moved) cards.moved++;
    if (contentChanged(d)) {
      cards.changed++;
      tally(kindOf.get(card.laneId), 'changed');
    }
  }
  const laneOrder = [...after.lanes, ...before.lanes].map((l) => l.kind);
  return {
    cards,
    byKind: [...byKind.values()].sort((a, b) => laneOrder.indexOf(a.kind) - laneOrder.indexOf(b.kind)),
    stages: count(diff.stages),
    lanes: count(diff.lanes),
    personas: count(diff.personas),
    emotion: diff.emotion.map((e) => ({ ...e, stageName: stageName.get(e.stageId) ?? '' })),
  };
}
