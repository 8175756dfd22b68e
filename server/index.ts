import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { readConfig } from './config';
import { createHttpServer, VERSION } from './http';

/** Starts Waymark on one port: the app, /healthz and (from the relay issue on) /sync. */
export async function startServer(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(env);
  const log = pino({ level: config.logLevel, base: undefined });
  mkdirSync(config.dataDir, { recursive: true });
  const server = createHttpServer(config, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ version: VERSION, port, host: config.host, dataDir: config.dataDir }, `Waymark is listening on http://localhost:${port}`);

  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, port, close, log };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  startServer().then(
    ({ close, log }) => {
      const shutdown = (signal: string) => {
        log.info({ signal }, 'shutting down');
        close().then(() => process.exit(0));
        setTimeout(() => process.exit(1), 5000).unref();
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
