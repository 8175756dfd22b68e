/**
 * Starts the relay with the environment given as JSON in argv[2], prints how many modules of
 * ioredis it loaded, and stops it: whether a process that serves alone pulls in the Redis driver
 * (tests/integration/scaleout-redis.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/index';

const server = await startServer({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-redis-loaded-')),
  ...(JSON.parse(process.argv[2] ?? '{}') as Record<string, string>),
});
// ioredis is CommonJS: whatever loaded it, it sits in the require cache
const cache = createRequire(import.meta.url).cache;
process.stdout.write(String(Object.keys(cache).filter((file) => /node_modules[\\/]ioredis[\\/]/.test(file)).length));
await server.close();
