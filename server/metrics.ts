import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The relay's Prometheus metrics, in a registry of their own (so two servers in one process, as
 * in tests, never share or clash). Labels are small fixed sets: never room names or tokens.
 */
/** Figures read when /metrics is collected; the server fills them in once its parts exist. */
export interface MetricSources {
  presenceEntries(): number;
  bufferedBytes(): number;
  updateChecksQueued(): number;
  updateCheckCopies(): number;
}

export function createMetrics() {
  const registry = new Registry();
  const sources: MetricSources = { presenceEntries: () => 0, bufferedBytes: () => 0, updateChecksQueued: () => 0, updateCheckCopies: () => 0 };
  collectDefaultMetrics({ register: registry, prefix: 'waymark_' });
  const m = {
    registry,
    rooms: new Gauge({ name: 'waymark_rooms', help: 'Rooms in memory', registers: [registry] }),
    connections: new Gauge({ name: 'waymark_connections', help: 'Open WebSocket connections by role', labelNames: ['role'] as const, registers: [registry] }),
    messagesIn: new Counter({ name: 'waymark_messages_in_total', help: 'WebSocket messages received, by protocol message type', labelNames: ['type'] as const, registers: [registry] }),
    messagesOut: new Counter({ name: 'waymark_messages_out_total', help: 'WebSocket messages sent', registers: [registry] }),
    bytesIn: new Counter({ name: 'waymark_bytes_in_total', help: 'WebSocket payload bytes received', registers: [registry] }),
    bytesOut: new Counter({ name: 'waymark_bytes_out_total', help: 'WebSocket payload bytes sent', registers: [registry] }),
    refusedWrites: new Counter({ name: 'waymark_refused_writes_total', help: 'Updates from read-only peers that were refused (never applied, broadcast or stored)', registers: [registry] }),
    updatesApplied: new Counter({ name: 'waymark_updates_stored_total', help: 'Updates that changed a room, stored before they were broadcast', registers: [registry] }),
    updateChecks: new Counter({ name: 'waymark_update_checks_total', help: 'Updates from writers checked before they touch their room: inline (cheap by construction) or in the worker\'s copy of the room, by result', labelNames: ['where', 'result'] as const, registers: [registry] }),
    storeWriteSeconds: new Histogram({
      name: 'waymark_store_write_seconds',
      help: 'Time to store one batch of a room\'s updates (broadcast waits for it)',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    compactions: new Counter({ name: 'waymark_compactions_total', help: 'Rooms whose stored updates were merged into one', registers: [registry] }),
    closed: new Counter({ name: 'waymark_connections_closed_total', help: 'Closed WebSocket connections by close code and reason', labelNames: ['code', 'reason'] as const, registers: [registry] }),
    registrationsRefused: new Counter({ name: 'waymark_registrations_refused_total', help: 'Map registrations refused with 429, by the quota that was used up (address or total)', labelNames: ['scope'] as const, registers: [registry] }),
    socketsDropped: new Counter({ name: 'waymark_sockets_dropped_total', help: 'TCP sockets closed by the server\'s socket limits: over MAX_SOCKETS (total), over MAX_SOCKETS_PER_ADDRESS (address), or no request head within HEADERS_TIMEOUT_MS (no-request)', labelNames: ['reason'] as const, registers: [registry] }),
    versions: new Counter({
      name: 'waymark_versions_total',
      help: 'Versions of shared maps: named or auto (checkpoints), by result (stored; refused or skipped for lack of room or over a rate limit; unchanged: a checkpoint of the document the newest version already holds, not stored; failed: the store refused it)',
      labelNames: ['kind', 'result'] as const,
      registers: [registry],
    }),
    spacesCreated: new Counter({ name: 'waymark_spaces_created_total', help: 'Spaces created (POST /api/spaces)', registers: [registry] }),
    spaceConnections: new Counter({
      name: 'waymark_space_connections_total',
      help: 'WebSocket connections opened with a space token, by room: the space\'s index, or a map or feedback room of the space',
      labelNames: ['room'] as const,
      registers: [registry],
    }),
    upgradesRefused: new Counter({ name: 'waymark_upgrades_refused_total', help: 'WebSocket upgrades refused, by HTTP status', labelNames: ['status'] as const, registers: [registry] }),
    sources,
  };
  new Gauge({
    name: 'waymark_presence_entries',
    help: 'Presence (awareness) client ids with an entry in some room in memory',
    registers: [registry],
    collect() {
      this.set(sources.presenceEntries());
    },
  });
  new Gauge({
    name: 'waymark_buffered_bytes',
    help: 'Bytes handed to WebSockets and not yet written out, over all connections',
    registers: [registry],
    collect() {
      this.set(sources.bufferedBytes());
    },
  });
  new Gauge({
    name: 'waymark_update_checks_queued',
    help: 'Updates waiting for or in an update-check worker',
    registers: [registry],
    collect() {
      this.set(sources.updateChecksQueued());
    },
  });
  new Gauge({
    name: 'waymark_update_check_copies',
    help: 'Rooms with a copy in an update-check worker (kept only while larger updates come one after another)',
    registers: [registry],
    collect() {
      this.set(sources.updateCheckCopies());
    },
  });
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;
