/**
 * Starts the relay with STORE=<argv[2]> (DATABASE_URL=<argv[3]>), prints how many modules of the
 * PostgreSQL driver (pg, pg-pool) it loaded, and stops it: whether `npm start` on LevelDB pulls
 * in a driver it does not need (tests/integration/store-postgres.test.ts).
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
  STORE: process.argv[2],
  DATABASE_URL: process.argv[3] ?? '',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-drivers-')),
});
// pg is CommonJS: whatever loaded it, it sits in the require cache
const cache = createRequire(import.meta.url).cache;
process.stdout.write(String(Object.keys(cache).filter((file) => /node_modules[\\/](pg|pg-pool)[\\/]/.test(file)).length));
await server.close();
