import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // property-based suites run thousands of operations; give slow CI machines room
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
