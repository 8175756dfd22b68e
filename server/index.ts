import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { createApi } from './api';
import { AccessControl } from './auth';
import { Checkpoints } from './checkpoints';
import { readConfig } from './config';
import { createHttpServer, VERSION } from './http';
import { createMetrics } from './metrics';
import { AddressQuota, RegistrationQuota, VersionQuota, memoryLimiter } from './quotas';
import { Relay } from './relay';
import { Rooms } from './rooms';
import { SpaceAccess } from './spaces';
import { createStore } from './store';
import { UpdateChecker } from './updateCheck';
import { Versions } from './versions';

/**
 * Starts Waymark on one port: the app, /api, /healthz, /metrics and the sync relay on /sync.
 * `close()` stops accepting, closes every WebSocket with 1001, stores what is pending, compacts
 * the rooms and closes the store.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(env);
  const log = pino({ level: config.logLevel, base: undefined });
  if (config.store === 'leveldb') mkdirSync(config.dataDir, { recursive: true });
  const metrics = createMetrics();
  const checker = new UpdateChecker({ timeoutMs: config.updateCheckTimeoutMs, memoryMb: config.updateCheckMemoryMb, workers: config.updateCheckWorkers, copyIdleMs: config.updateCheckCopyIdleMs }, log);
  const ownStore = await createStore(config, (error) => log.warn({ err: error.message }, 'a pooled store connection broke; the pool opens another when needed'));
  // several processes (REDIS_URL): loaded only then, so a process that serves alone never needs ioredis
  const fanout = config.redisUrl ? await (await import('./fanout/index')).startFanout(config, { store: ownStore, checker, metrics, log }) : null;
  const store = fanout?.store ?? ownStore;
  const limiter = fanout?.limiter ?? memoryLimiter;
  const access = new AccessControl(store);
  const spaces = new SpaceAccess(store, access, { maxMaps: config.maxMapsPerSpace });
  checker.start();
  const versions = new Versions(store, {
    perMap: config.versionsPerMap,
    bytesPerMap: config.versionBytesPerMap,
    fileCacheBytes: config.versionFileCacheBytes,
    retention: { keepAllMs: config.checkpointKeepAllMs, hourlyUntilMs: config.checkpointHourlyUntilMs, dailyUntilMs: config.checkpointDailyUntilMs },
  });
  const checkpoints = new Checkpoints({
    idleMs: config.checkpointIdleMs,
    intervalMs: config.checkpointIntervalMs,
    versions,
    log,
    counted: (result) => metrics.versions.inc({ kind: 'auto', result }),
  });
  const rooms = new Rooms({
    store,
    metrics,
    log,
    compactAfter: config.compactAfterUpdates,
    idleMs: config.roomIdleMs,
    awareness: {
      maxStateBytes: config.awarenessStateBytes,
      maxDepth: config.awarenessStateDepth,
      clientsPerConnection: config.awarenessClientsPerConnection,
      statesPerRoom: config.awarenessStatesPerRoom,
    },
    onForget: (name) => {
      checker.forget(name);
      fanout?.left(name);
    },
    watcher: checkpoints,
    ...(fanout ? { fanout: fanout.rooms } : {}),
  });
  const relay = new Relay({ config, log, metrics, access, spaces, rooms, checker });
  await fanout?.attach(access, spaces, () => relay.recheckAll());
  metrics.sources.presenceEntries = () => {
    let n = 0;
    for (const room of rooms.all()) n += room.presence.size;
    return n;
  };
  metrics.sources.bufferedBytes = () => relay.bufferedBytes;
  metrics.sources.updateChecksQueued = () => checker.queued;
  metrics.sources.updateCheckCopies = () => checker.copies;
  const server = createHttpServer(config, log, {
    api: createApi(access, log, {
      spaces,
      registrations: new RegistrationQuota(config.registrationsPerAddressPerMinute, config.registrationsPerMinute, limiter),
      trustProxy: config.trustProxy,
      metrics,
      versions: {
        versions,
        rooms,
        creates: new VersionQuota(config.versionCreatesPerAddressPerMinute, config.versionCreatesPerMapPerMinute, limiter),
        reads: new AddressQuota('version-reads-by-address', config.versionReadsPerAddressPerMinute, limiter),
      },
    }),
    health: async () => ({ rooms: rooms.size, connections: relay.connectionCount, store: await ownStore.health(), ...(fanout ? { redis: fanout.health() } : {}) }),
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
  }, metrics);
  server.on('upgrade', relay.handleUpgrade);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await checker.close();
    await fanout?.close();
    await store.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(
    { version: VERSION, port, host: config.host, store: config.store, dataDir: config.dataDir },
    `Waymark is listening on http://localhost:${port}`,
  );

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await relay.close();
      await rooms.closeAll();
      await checkpoints.close();
      await checker.close();
      await fanout?.close();
      await store.close();
      await httpClosed;
      log.info('stopped');
    })());
  return { server, port, close, log, config, store, metrics };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  startServer().then(
    ({ close, log }) => {
      const shutdown = (signal: string) => {
        log.info({ signal }, 'shutting down');
        setTimeout(() => process.exit(1), 10_000).unref();
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: (error as Error).message }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    },
    (error: unknown) => {
      console.error(`Waymark could not start: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
