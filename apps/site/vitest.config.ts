import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI adds the counts up across packages (.ci/summary.mjs).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '../../.vitest-reports/site.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/find-care/**/*.test.ts'],
        },
      },
      {
        test: {
          // `pnpm start` against a CMS of its own (no shared site build).
          name: 'start',
          include: ['test/start/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // Incremental builds against a CMS of their own: each change, then incremental == cold.
          name: 'incremental',
          include: ['test/incremental/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
