import type { Journey } from './types';

/*
 * A version is a full copy of a map's content at one moment (design: "a full copy per version,
 * not gc: false on the live doc"), stored as one Yjs update of the map doc (`Y.encodeStateAsUpdate`),
 * so images, text and ids come back exactly. It lives beside the map: in IndexedDB for a private
 * map, in the relay's store for a shared one (cached on the device). This file is the contract
 * both sides read: what a version says about itself, its name's limit, and which automatic
 * checkpoints are kept.
 */

/** named: someone named it and it is kept until deleted; auto: a checkpoint, thinned over time */
export type VersionKind = 'named' | 'auto';

/** Why an automatic checkpoint was taken; shown in the list so a team knows what it is. */
export const CHECKPOINT_REASONS = ['idle', 'interval', 'restore', 'import', 'device'] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

/** What a version's list entry shows before anyone opens it. */
export interface VersionCounts {
  stages: number;
  cards: number;
  pains: number;
  opportunities: number;
}

export interface VersionInfo {
  id: string;
  /** as typed for a named version; '' for a checkpoint (the list names it by its reason) */
  name: string;
  kind: VersionKind;
  /** for a checkpoint: why it was taken; null for a named version */
  reason: CheckpointReason | null;
  /** ISO 8601 */
  createdAt: string;
  /** who made it, as they call themselves ('' for the server's own checkpoints or nobody known) */
  by: string;
  counts: VersionCounts;
}

export const VERSION_LIMITS = {
  /** a version's name: a line, not a paragraph */
  name: 120,
} as const;

export function versionCounts(journey: Journey): VersionCounts {
  const kindOf = new Map(journey.lanes.map((l) => [l.id, l.kind]));
  let pains = 0;
  let opportunities = 0;
  for (const card of journey.cards) {
    const kind = kindOf.get(card.laneId);
    if (kind === 'pains') pains++;
    else if (kind === 'opportunities') opportunities++;
  }
  return { stages: journey.stages.length, cards: journey.cards.length, pains, opportunities };
}

/** Newest first; ties (same millisecond) by id, so every list of the same versions reads alike. */
export function sortVersions<T extends Pick<VersionInfo, 'createdAt' | 'id'>>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How checkpoints are thinned; every number can be set by the relay's environment. */
export interface RetentionPolicy {
  /** every checkpoint younger than this is kept */
  keepAllMs: number;
  /** then one per hour until this age */
  hourlyUntilMs: number;
  /** then one per day until this age; older checkpoints go */
  dailyUntilMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllMs: 2 * HOUR, hourlyUntilMs: DAY, dailyUntilMs: 30 * DAY };

/**
 * The ids of the checkpoints to delete under `policy` at `now`. Named versions are never among
 * them. In each hour (then day) bucket the newest checkpoint stays: it is the state the team
 * left that hour in. Pure, so the relay and the device thin alike and a test can pin it.
 */
export function checkpointsToThin(versions: readonly Pick<VersionInfo, 'id' | 'kind' | 'createdAt'>[], now: number, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const drop: string[] = [];
  const keptBuckets = new Set<string>();
  let keptOlder = false;
  for (const v of sortVersions(versions)) {
    if (v.kind !== 'auto') continue;
    const at = Date.parse(v.createdAt);
    const age = now - (Number.isFinite(at) ? at : 0);
    if (age < policy.keepAllMs) continue;
    // the newest checkpoint past the keep-all window stays however old it is: after a month
    // without edits it is the only copy of the map from before the change that came next
    if (!keptOlder && Number.isFinite(at)) {
      keptOlder = true;
      if (age < policy.dailyUntilMs) keptBuckets.add(age < policy.hourlyUntilMs ? `h${Math.floor(at / HOUR)}` : `d${Math.floor(at / DAY)}`);
      continue;
    }
    if (age >= policy.dailyUntilMs) {
      drop.push(v.id);
      continue;
    }
    const bucket = age < policy.hourlyUntilMs ? `h${Math.floor(at / HOUR)}` : `d${Math.floor(at / DAY)}`;
    if (keptBuckets.has(bucket)) drop.push(v.id);
    else keptBuckets.add(bucket);
  }
  return drop;
}

/**
 * When a map holds more than `max` versions, the checkpoints to delete: the oldest first. Named
 * versions are never deleted for room; a new named version is refused instead once named ones
 * alone fill the limit (`namedVersionFits`).
 */
export function checkpointsOverLimit(versions: readonly Pick<VersionInfo, 'id' | 'kind' | 'createdAt'>[], max: number): string[] {
  const excess = versions.length - max;
  if (excess <= 0) return [];
  return sortVersions(versions.filter((v) => v.kind === 'auto'))
    .reverse()
    .slice(0, excess)
    .map((v) => v.id);
}

export function namedVersionFits(versions: readonly Pick<VersionInfo, 'kind'>[], max: number): boolean {
  return versions.filter((v) => v.kind === 'named').length < max;
}
