import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The fan-out's figures, in the process's registry (server/metrics.ts); per process, as Prometheus scrapes each. */
export function createFanoutMetrics(registry: Registry, up: () => boolean) {
  new Gauge({
    name: 'waymark_redis_up',
    help: '1 while every Redis connection of this process is ready, else 0 (the process then serves its own peers alone)',
    registers: [registry],
    collect() {
      this.set(up() ? 1 : 0);
    },
  });
  return {
    streamLagSeconds: new Histogram({
      name: 'waymark_stream_lag_seconds',
      help: 'From another process publishing a change (its stream entry id: the Redis server\'s time) to this process applying it, by the Redis server\'s clock as measured from here (TIME each minute), so a skew between the hosts\' clocks does not count',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    remoteUpdates: new Counter({ name: 'waymark_remote_updates_applied_total', help: 'Changes other processes stored and published, applied to a room here', registers: [registry] }),
    catchUps: new Counter({
      name: 'waymark_catch_ups_total',
      help: 'Rooms read again from the store because their stream may have lost changes for this process, by why: behind the stream\'s trim (trimmed), Redis was away (redis-away), another process could not publish, or loaded the room (unpublished), a change came without its predecessors (gap: a process died between storing and publishing), another process stored a change too big for the stream (REDIS_STREAM_ENTRY_MAX_BYTES) and a compaction merged it before it could be read alone (oversized)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    catchUpsCoalesced: new Counter({
      name: 'waymark_catch_ups_coalesced_total',
      help: 'Reasons to read a room again (by the reasons of waymark_catch_ups_total) answered by a catch-up of the room already due, running or queued: no store read of their own',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    oversizedChanges: new Counter({
      name: 'waymark_stream_oversized_changes_total',
      help: 'Changes stored here that were bigger than REDIS_STREAM_ENTRY_MAX_BYTES: published as a reference to their place in the store instead of themselves',
      registers: [registry],
    }),
    fetchedChanges: new Counter({
      name: 'waymark_stream_fetched_changes_total',
      help: 'Another process\'s oversized changes read here from the store on their own (by their reference); one no longer stored on its own (compacted) costs a catch-up (reason oversized) instead',
      registers: [registry],
    }),
    publishFailures: new Counter({
      name: 'waymark_publish_failures_total',
      help: 'Stored changes, access changes or presence that could not be published to Redis (stored all the same; the others catch up from the store)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    controlApplied: new Counter({ name: 'waymark_remote_access_changes_total', help: 'Revocations, rotations, lock and record changes of other processes applied here', registers: [registry] }),
  };
}

export type FanoutMetrics = ReturnType<typeof createFanoutMetrics>;
