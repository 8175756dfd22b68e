import { startPostgres } from './postgres';

/**
 * vitest globalSetup of the relay-postgres project: one PostgreSQL for the whole run, its URL in
 * WAYMARK_TEST_DATABASE_URL (inherited by the test workers, which start after this), stopped and
 * deleted at the end. tests/support/relay.ts gives every relay a schema of its own in it.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  process.env.WAYMARK_TEST_DATABASE_URL = server.url();
  return () => server.close();
}
