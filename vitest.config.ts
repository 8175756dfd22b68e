import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // property-based suites run thousands of operations; give slow CI machines room
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // the relay suite once more, every relay on PostgreSQL (tests/support/relay.ts, testStore);
        // the tests that look into LevelDB's own files keep their relay on LevelDB (STAYS_ON_LEVELDB)
        test: {
          name: 'relay-postgres',
          include: ['tests/integration/relay-*.test.ts'],
          environment: 'node',
          env: { WAYMARK_TEST_STORE: 'postgres' },
          globalSetup: ['tests/support/postgresSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // one browser at a time: two cores do not run several Chromiums well
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
