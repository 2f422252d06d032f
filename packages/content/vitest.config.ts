import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI adds the counts up across packages (.ci/summary.mjs).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '../../.vitest-reports/content.json' }]] : ['default'],
  },
});
