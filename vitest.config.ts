import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,shared,migrations,renderer,test/unit}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
