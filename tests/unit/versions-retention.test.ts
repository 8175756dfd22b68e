import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, checkpointsOverLimit, checkpointsToThin, namedVersionFits, type VersionInfo } from '../../src/model/versions';

/*
 * Which checkpoints a map keeps (issue 15): the relay and the device thin by the same rule, so it
 * is pinned here with real dates. Default policy: all kept for 2 hours, then the newest of each
 * hour until a day, then the newest of each day until 30 days; named versions never go.
 */

type V = Pick<VersionInfo, 'id' | 'kind' | 'createdAt'>;
const auto = (id: string, createdAt: string): V => ({ id, kind: 'auto', createdAt });
const named = (id: string, createdAt: string): V => ({ id, kind: 'named', createdAt });
const NOW = Date.parse('2026-12-04T12:00:00.000Z');

describe('checkpointsToThin (default retention)', () => {
  it('keeps every checkpoint of the last two hours, however many', () => {
    const recent = Array.from({ length: 30 }, (_, i) => auto(`r${i}`, new Date(NOW - i * 4 * 60_000).toISOString())); // every 4 min for 2 h
    expect(checkpointsToThin(recent, NOW)).toEqual([]);
  });

  it('between two hours and a day old, keeps the newest checkpoint of each clock hour', () => {
    const versions = [
      auto('h9a', '2026-12-04T09:05:00.000Z'),
      auto('h9b', '2026-12-04T09:40:00.000Z'), // newest of 09:00–10:00: kept
      auto('h9c', '2026-12-04T09:20:00.000Z'),
      auto('h8', '2026-12-04T08:59:59.999Z'), // alone in its hour: kept
      auto('y14a', '2026-12-03T14:10:00.000Z'),
      auto('y14b', '2026-12-03T14:50:00.000Z'), // kept
    ];
    expect(checkpointsToThin(versions, NOW).sort()).toEqual(['h9a', 'h9c', 'y14a']);
  });

  it('between a day and 30 days old, keeps the newest checkpoint of each UTC day; older ones all go', () => {
    const versions = [
      auto('d1a', '2026-12-02T08:00:00.000Z'),
      auto('d1b', '2026-12-02T23:30:00.000Z'), // newest of Dec 2: kept
      auto('d2', '2026-11-20T10:00:00.000Z'), // alone that day: kept
      auto('d3a', '2026-11-05T12:00:01.000Z'), // 29 days, 23:59:59 old: newest of its day, kept
      auto('d3b', '2026-11-05T06:00:00.000Z'),
      auto('old', '2026-11-04T12:00:00.000Z'), // exactly 30 days: gone
      auto('older', '2026-01-01T00:00:00.000Z'),
    ];
    expect(checkpointsToThin(versions, NOW).sort()).toEqual(['d1a', 'd3b', 'old', 'older']);
  });

  it('never names a named version, not even a year old or among checkpoints of its own hour', () => {
    const versions = [
      named('q3', '2025-12-01T10:00:00.000Z'),
      named('n9', '2026-12-04T09:10:00.000Z'),
      auto('a9', '2026-12-04T09:50:00.000Z'),
      auto('b9', '2026-12-04T09:30:00.000Z'),
    ];
    expect(checkpointsToThin(versions, NOW)).toEqual(['b9']);
  });

  it('reads an unreadable date as very old: such a checkpoint goes', () => {
    expect(checkpointsToThin([auto('bad', 'not a date'), auto('earlier', '2026-12-04T08:30:00.000Z'), auto('ok', '2026-12-04T11:59:00.000Z')], NOW)).toEqual(['bad']);
  });

  it('keeps the last checkpoint from before a change however old it is: a map untouched for two months, edited today, can still go back', () => {
    const versions = [auto('before', '2026-10-01T10:00:00.000Z'), auto('older', '2026-09-30T10:00:00.000Z'), auto('today', '2026-12-04T11:58:00.000Z')];
    expect(checkpointsToThin(versions, NOW)).toEqual(['older']);
  });

  it('follows a policy from the environment: keep all for 10 minutes, hourly to 3 hours, daily to 2 days', () => {
    const policy = { keepAllMs: 10 * 60_000, hourlyUntilMs: 3 * 3_600_000, dailyUntilMs: 2 * 86_400_000 };
    const versions = [
      auto('fresh', '2026-12-04T11:55:00.000Z'),
      auto('h11a', '2026-12-04T11:40:00.000Z'), // newest of 11:00 outside the 10 minutes: kept
      auto('h11b', '2026-12-04T11:10:00.000Z'),
      auto('dayA', '2026-12-03T20:00:00.000Z'),
      auto('dayB', '2026-12-03T09:00:00.000Z'),
      auto('gone', '2026-12-02T11:00:00.000Z'),
    ];
    expect(checkpointsToThin(versions, NOW, policy).sort()).toEqual(['dayB', 'gone', 'h11b']);
    expect(DEFAULT_RETENTION).toEqual({ keepAllMs: 2 * 3_600_000, hourlyUntilMs: 86_400_000, dailyUntilMs: 30 * 86_400_000 });
  });
});

describe('checkpointsOverLimit', () => {
  const versions = [
    auto('c1', '2026-12-01T10:00:00.000Z'),
    named('n1', '2026-11-01T10:00:00.000Z'), // the oldest of all, but named
    auto('c2', '2026-12-02T10:00:00.000Z'),
    named('n2', '2026-12-03T10:00:00.000Z'),
    auto('c3', '2026-12-04T10:00:00.000Z'),
  ];

  it('names nothing while the map is within its limit', () => {
    expect(checkpointsOverLimit(versions, 5)).toEqual([]);
    expect(checkpointsOverLimit(versions, 50)).toEqual([]);
  });

  it('past the limit, names the oldest checkpoints first, never a named version', () => {
    expect(checkpointsOverLimit(versions, 4)).toEqual(['c1']);
    expect(checkpointsOverLimit(versions, 3)).toEqual(['c1', 'c2']);
    expect(checkpointsOverLimit(versions, 1)).toEqual(['c1', 'c2', 'c3']); // named ones alone are over: they stay
  });

  it('a checkpoint in the same millisecond as another goes by id, so every replica drops the same one', () => {
    const tied = [auto('b', '2026-12-01T10:00:00.000Z'), auto('a', '2026-12-01T10:00:00.000Z'), auto('c', '2026-12-02T10:00:00.000Z')];
    expect(checkpointsOverLimit(tied, 2)).toEqual(['a']);
  });

  it('a named version fits while named ones alone are under the limit', () => {
    expect(namedVersionFits(versions, 3)).toBe(true);
    expect(namedVersionFits(versions, 2)).toBe(false);
  });
});
