import { defineConfig } from 'vitest/config';

const report = (name: string) =>
  process.env.CI ? ['default', ['json', { outputFile: `../../.vitest-reports/site-${name}.json` }]] : ['default'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/find-care/**/*.test.ts'],
          reporters: report('unit') as never,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          reporters: report('e2e') as never,
        },
      },
    ],
  },
});
