// One lint configuration for every package (each runs `eslint .` from its own folder).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Each app reads its environment in one place, where it is validated once (as create-t3-turbo's
// restrictEnvAccess): the site in apps/site/src/env.ts, the CMS in apps/cms/config/*.ts (read in
// src/ through strapi.config.get). Elsewhere only tooling and test harnesses that hand settings
// to child processes may touch process.env.
const ENV_MODULES = [
  'apps/site/src/env.ts',
  'apps/cms/config/*.ts',
  '**/vitest.config.{ts,mts}',
  // Test harnesses: they build the environment of the CMS and site processes they start.
  'apps/cms/testing/**',
  'apps/cms/test/database.test.ts',
  'apps/site/test/e2e/run-build.ts',
  'apps/site/test/start/run-start.ts',
  'apps/site/test/e2e/browser.ts',
  'apps/site/test/unit/env.test.ts',
];
const ENV_MESSAGE =
  'Read settings through the validated env module (apps/site/src/env.ts: readEnv/readServerEnv) or, in the CMS, ' +
  "config/*.ts read with strapi.config.get; don't read process.env here.";

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', '**/build/**', '**/_site/**', '**/_site.*/**', '**/_preview/**', '**/_preview.*/**', '**/.cache/**',
      '**/.tmp/**', '**/.strapi/**', '**/types/generated/**', '**/src/generated/**', '**/public/uploads/**',
      '**/pagefind/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', performance: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        Buffer: 'readonly', __dirname: 'readonly', AbortSignal: 'readonly', Response: 'readonly',
        structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    ignores: ENV_MODULES,
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'process', importNames: ['env'], message: ENV_MESSAGE },
            { name: 'node:process', importNames: ['env'], message: ENV_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    // Browser modules shipped as they are.
    files: ['apps/site/public/js/**/*.js', '**/public/js/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', navigator: 'readonly',
        HTMLElement: 'readonly', HTMLInputElement: 'readonly', URLSearchParams: 'readonly', Event: 'readonly',
        DecompressionStream: 'readonly', Response: 'readonly',
      },
    },
  },
);
