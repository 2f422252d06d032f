import { defineConfig } from 'vitest/config';

const database = process.env.DATABASE_CLIENT ?? 'sqlite';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI adds the counts up across packages (.ci/summary.mjs).
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: `../../.vitest-reports/cms-${database}.json` }]]
      : ['default'],
  },
});
