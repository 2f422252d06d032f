import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the committed CMS schema (schema.graphql, refreshed by `pnpm export-schema`).
// Each content type keeps its fragment and queries beside its mapper (src/content-types/*.ts),
// written with the generated `graphql()` function.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.ts', '!src/generated/**'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      // Mappers read a query's nodes as their fragment's type, so fragments are not masked.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          ID: 'string',
          Date: 'string',
          DateTime: 'string',
          JSON: 'unknown',
          Long: 'number',
          I18NLocaleCode: 'string',
        },
      },
    },
  },
};

export default config;
