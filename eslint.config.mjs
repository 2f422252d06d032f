// One lint configuration for every package (each runs `eslint .` from its own folder).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
