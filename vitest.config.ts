import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,shared,migrations,renderer,test/unit}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    // A harness opens an encrypted store and sets up a team: seconds when the two cores are busy.
    hookTimeout: 30_000,
    pool: 'forks',
    // One PostgreSQL for the run, for the tests that run on it (test/support/postgres.ts).
    globalSetup: ['test/support/postgres-setup.ts'],
  },
});
