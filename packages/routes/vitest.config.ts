import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One test compiles the module with TypeScript: seconds on a busy 2-core machine.
    testTimeout: 60_000,
    // CI adds the counts up across packages (.ci/summary.mjs).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '../../.vitest-reports/routes.json' }]] : ['default'],
  },
});
