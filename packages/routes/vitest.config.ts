import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI adds the counts up across packages (.ci/summary.mjs).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '../../.vitest-reports/routes.json' }]] : ['default'],
  },
});
